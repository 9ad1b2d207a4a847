// Plain-text rendering of a weekly digest, for the console channel, the preview command and logs.
import type { WeeklyDigest } from '../../domain/weeklyDigest.ts';
import { digestLabelsFor } from '../../domain/digestLabels.ts';
import { describeDigest, type DigestLine } from './describeDigest.ts';

function renderLine(line: DigestLine, colon: string): string {
  const lead = line.lead ? (line.leadStyle === 'bold' ? `${line.lead}${colon}` : `${line.lead} `) : '';
  return `  • ${lead}${line.text}${line.link ? ` <${line.link.url}>` : ''}`;
}

export function renderDigestText(digest: WeeklyDigest): string {
  const description = describeDigest(digest);
  if (description.nothing) return description.nothing;
  const colon = digestLabelsFor(digest.language).colon;
  const out = [description.title, description.period];
  for (const section of description.sections) {
    out.push('', section.heading);
    for (const group of section.groups) {
      if (group.heading) out.push(group.heading);
      for (const line of group.lines) out.push(renderLine(line, colon));
    }
  }
  if (description.footer) out.push('', description.footer);
  return out.join('\n');
}
