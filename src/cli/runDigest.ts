// policywatch digest --preview [--subscription ID|TARGET | --bureau CODE ...] [--at ISO] [--lang zh|en] [--format text|telegram|discord]
import { openDatabase } from '../services/database.ts';
import type { ReaderLanguage } from '../domain/alertLabels.ts';
import { findBureau } from '../domain/bureaus.ts';
import { renderDigestEmbeds } from '../notify/digest/renderDigestEmbeds.ts';
import { renderDigestHtml } from '../notify/digest/renderDigestHtml.ts';
import { renderDigestText } from '../notify/digest/renderDigestText.ts';
import { digestSettingsOf } from '../schedule/digestSettingsOf.ts';
import { previewDigest } from '../services/previewDigest.ts';
import type { Command } from './CliContext.ts';
import { parseCommandArgs } from './parseCommandArgs.ts';
import { parseInstant } from './parseInstant.ts';
import { UsageError } from './UsageError.ts';

const USAGE =
  'policywatch digest --preview [--subscription ID|TARGET | --bureau CODE ...] [--at ISO] [--lang zh|en] [--format text|telegram|discord]';
const LANGUAGES: Record<string, ReaderLanguage> = { zh: 'zh-HK', 'zh-hk': 'zh-HK', en: 'en' };
const FORMATS = ['text', 'telegram', 'discord'] as const;

export const runDigest: Command = async (args, { config, logger, clock, stdout, stderr }) => {
  const { values, positionals } = parseCommandArgs(
    args,
    {
      preview: { type: 'boolean' },
      subscription: { type: 'string' },
      bureau: { type: 'string', multiple: true },
      at: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE,
  );
  if (values.help) {
    stdout.write(
      `${USAGE}\n  Prints the weekly digest that would be sent at --at (default now): for a subscription, for bureaux, or for everything.\n` +
        '  Digests are sent by the tick at each subscription\'s digest day and time (default: digest.day, digest.time).\n',
    );
    return 0;
  }
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`, USAGE);
  if (!values.preview) throw new UsageError('only --preview is available: digests themselves are sent by the tick', USAGE);
  const bureaus = (values.bureau ?? []).flatMap((v) => v.split(',')).filter(Boolean).map((name) => {
    const bureau = findBureau(name);
    if (!bureau) throw new UsageError(`unknown bureau "${name}" (a code such as DEVB, or its Chinese or English name)`, USAGE);
    return bureau.code;
  });
  if (values.subscription !== undefined && bureaus.length) throw new UsageError('--subscription cannot be combined with --bureau', USAGE);
  const language = values.lang === undefined ? undefined : LANGUAGES[values.lang.toLowerCase()];
  if (values.lang !== undefined && !language) throw new UsageError(`--lang must be zh or en, not "${values.lang}"`, USAGE);
  const format = (values.format ?? 'text') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`, USAGE);
  const at = values.at ? parseInstant(values.at, '--at', USAGE) : clock.now();

  const db = await openDatabase(config, logger);
  try {
    const preview = await previewDigest(db.pool, { at, settings: digestSettingsOf(config), subscription: values.subscription, bureaus, language });
    if (!preview.digestOn) stderr.write('note: this subscription has the digest switch off; nothing is sent to it\n');
    if (preview.wouldSkip) stderr.write('note: this subscription skips empty digests; nothing would be sent this week\n');
    if (format === 'text') {
      stdout.write(`${renderDigestText(preview.digest)}\n`);
    } else if (format === 'telegram') {
      const parts = renderDigestHtml(preview.digest);
      parts.forEach((part, index) => stdout.write(`${parts.length > 1 ? `--- message ${index + 1}/${parts.length} ---\n` : ''}${part}\n`));
    } else {
      stdout.write(`${JSON.stringify(renderDigestEmbeds(preview.digest), null, 2)}\n`);
    }
    return 0;
  } finally {
    await db.close();
  }
};
