// /bureaus: every bureau's code and name with how many of its deadlines are still open.
import { BUREAUS } from '../../../domain/bureaus.ts';
import { escapeHtml } from '../../../notify/telegram/escapeHtml.ts';
import { countOpenMilestones } from '../../../services/countOpenMilestones.ts';
import type { TelegramCommand } from '../TelegramCommand.ts';

export const bureausCommand: TelegramCommand = {
  name: 'bureaus',
  access: 'everyone',
  async run(request) {
    const counts = await countOpenMilestones(request.deps.pool);
    const zh = request.language === 'zh-HK';
    const lines = BUREAUS.map((bureau) => {
      const name = zh ? `${bureau.zh}（${bureau.en}）` : `${bureau.en} (${bureau.zh})`;
      return `<code>${escapeHtml(bureau.code)}</code> ${escapeHtml(name)} · ${escapeHtml(request.texts.bureauCount(counts.get(bureau.code) ?? 0))}`;
    });
    await request.reply([request.texts.bureausHeading, lines.join('\n')]);
  },
};
