import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, redactSecrets } from '../../src/logger.ts';

const TELEGRAM_TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';
const DISCORD_TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GaBcDe.abcdefghijklmnopqrstuvwxyz012345';

function capture(): { stream: Writable; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { stream, lines };
}

describe('logger redaction', () => {
  it('removes configured secrets, token shapes and URL passwords from every line', () => {
    const { stream, lines } = capture();
    const logger = createLogger({ level: 'info', secrets: ['s3cret-value'], pretty: false, destination: stream });
    logger.info({ url: `https://api.telegram.org/bot${TELEGRAM_TOKEN}/sendMessage` }, 'calling');
    logger.error({ err: new Error(`request to bot${TELEGRAM_TOKEN} failed`) }, 'failed');
    logger.info({ token: 'plain', nested: { password: 'hunter2' } }, 'object keys');
    logger.warn(`discord said no to ${DISCORD_TOKEN}`);
    logger.info({ database: 'postgres://policywatch:pa55word@db:5432/pw' }, 'connecting with s3cret-value');
    const all = lines.join('');
    expect(lines).toHaveLength(5);
    for (const leaked of [TELEGRAM_TOKEN, DISCORD_TOKEN, 'pa55word', 's3cret-value', 'hunter2', '"plain"']) expect(all).not.toContain(leaked);
    expect(all).toContain('[REDACTED]');
    expect(all).toContain('postgres://policywatch:[REDACTED]@db:5432/pw');
  });

  it('leaves ordinary text alone', () => {
    expect(redactSecrets('loaded 32 commitments, 11 milestones from policy-address-2024-ch7')).toBe(
      'loaded 32 commitments, 11 milestones from policy-address-2024-ch7',
    );
  });
});
