import { describe, expect, it } from 'vitest';
import { createNonce } from '../../../../src/notify/discord/createNonce.ts';

describe('createNonce', () => {
  it('is at most 25 characters, however long the group key', () => {
    const groupKey = Array.from({ length: 500 }, (_, index) => index + 1).join(',');
    expect(createNonce('1300000000000000200', groupKey, 0)).toHaveLength(25);
  });

  it('is the same for the same page of the same group, so a retried send matches', () => {
    expect(createNonce('1300000000000000200', '7,8,9', 1)).toBe(createNonce('1300000000000000200', '7,8,9', 1));
  });

  it('differs by page, group and channel', () => {
    const nonces = [
      createNonce('1300000000000000200', '7,8,9', 0),
      createNonce('1300000000000000200', '7,8,9', 1),
      createNonce('1300000000000000200', '7,8', 0),
      createNonce('1300000000000000201', '7,8,9', 0),
    ];
    expect(new Set(nonces).size).toBe(4);
  });
});
