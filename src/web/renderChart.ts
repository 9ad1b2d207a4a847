// The overview's chart: milestones per due month, stacked by status, as inline SVG (no script needed).
import type { MonthCountRow } from '../services/tracker/trackerRows.ts';
import type { TrackerStatus } from '../domain/trackerStatus.ts';
import { escapeHtml } from './html.ts';
import { STATUS_LABELS, type Lang } from './i18n.ts';

export const CHART_STATUSES: readonly TrackerStatus[] = ['met', 'claimed', 'on_track', 'rescheduled', 'due_soon', 'overdue', 'dropped'];
export const STATUS_COLOURS: Record<TrackerStatus, string> = {
  met: '#1b7f3b',
  claimed: '#7a52b3',
  on_track: '#2f6db5',
  rescheduled: '#b88a00',
  due_soon: '#e07b00',
  overdue: '#c0142c',
  dropped: '#8a8a8a',
  ongoing: '#555555',
};

export function renderChart(rows: readonly MonthCountRow[], lang: Lang, title: string): string {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const byMonth = new Map<string, Map<TrackerStatus, number>>();
  for (const r of rows) {
    const m = byMonth.get(r.month) ?? new Map<TrackerStatus, number>();
    m.set(r.status, (m.get(r.status) ?? 0) + r.count);
    byMonth.set(r.month, m);
  }
  const totals = months.map((m) => [...byMonth.get(m)!.values()].reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const width = 900;
  const height = 300;
  const left = 40;
  const top = 10;
  const plotH = 200;
  const legendY = height - 24;
  const slot = months.length ? (width - left - 10) / months.length : 1;
  const bar = Math.max(2, slot * 0.7);
  const y = (value: number): number => top + plotH - (value / max) * plotH;
  const parts: string[] = [];
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${width - 10}" y2="${top + plotH}" stroke="#333"/>`);
  parts.push(`<text x="${left - 6}" y="${top + 10}" text-anchor="end" font-size="12" fill="#333">${max}</text>`);
  parts.push(`<text x="${left - 6}" y="${top + plotH}" text-anchor="end" font-size="12" fill="#333">0</text>`);
  const labelEvery = Math.max(1, Math.ceil(months.length / 18));
  months.forEach((month, i) => {
    const x = left + i * slot + (slot - bar) / 2;
    let acc = 0;
    const counts = byMonth.get(month)!;
    for (const status of CHART_STATUSES) {
      const n = counts.get(status) ?? 0;
      if (!n) continue;
      const y0 = y(acc + n);
      const h = y(acc) - y0;
      parts.push(
        `<rect x="${x.toFixed(1)}" y="${y0.toFixed(1)}" width="${bar.toFixed(1)}" height="${Math.max(h, 0.5).toFixed(1)}" fill="${STATUS_COLOURS[status]}"><title>${escapeHtml(`${month} · ${STATUS_LABELS[lang][status]}: ${n}`)}</title></rect>`,
      );
      acc += n;
    }
    if (i % labelEvery === 0) {
      const lx = x + bar / 2;
      parts.push(`<text x="${lx.toFixed(1)}" y="${top + plotH + 14}" font-size="11" fill="#333" text-anchor="end" transform="rotate(-45 ${lx.toFixed(1)} ${top + plotH + 14})">${escapeHtml(month)}</text>`);
    }
  });
  let lx = left;
  for (const status of CHART_STATUSES) {
    const label = STATUS_LABELS[lang][status];
    parts.push(`<rect x="${lx}" y="${legendY}" width="12" height="12" fill="${STATUS_COLOURS[status]}"/><text x="${lx + 16}" y="${legendY + 11}" font-size="12" fill="#333">${escapeHtml(label)}</text>`);
    lx += 16 + label.length * (lang === 'zh' ? 13 : 7.5) + 14;
  }
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg"><title id="chart-title">${escapeHtml(title)}</title>${parts.join('')}</svg>`;
}
