import { describe, expect, it } from 'vitest';
import { composeDigest, type DigestRequest, type DigestSource, type DigestSourceChange } from '../../../src/domain/composeDigest.ts';
import { DigestPayloadError, isWeeklyDigest, readWeeklyDigest, type WeeklyDigest } from '../../../src/domain/weeklyDigest.ts';
import { buildSeedDigestSource } from '../../support/buildSeedDigestSource.ts';

const hk = (local: string): Date => new Date(`${local}+08:00`);
const label = (item: { ref: string; seq: number; milestoneCount: number }): string => (item.milestoneCount > 1 ? `${item.ref}/${item.seq}` : item.ref);

function request(at: string, extra: Partial<DigestRequest> = {}): DigestRequest {
  const instant = hk(at);
  return {
    subscriptionId: 1,
    language: 'zh-HK',
    timezone: 'Asia/Hong_Kong',
    bureaus: ['DEVB'],
    refs: null,
    at: instant,
    since: new Date(instant.getTime() - 7 * 86_400_000),
    ...extra,
  };
}

describe('composeDigest on the seed chapter', () => {
  const seed = buildSeedDigestSource();

  it('DEVB on Monday 2024-12-23 09:00: the four DEVB milestones due 2024-12-31, nothing from other bureaux', () => {
    const digest = composeDigest(seed, request('2024-12-23T09:00:00'));
    expect(digest.week).toBe('2024-W52');
    expect(digest.today).toBe('2024-12-23');
    expect(digest.sinceDate).toBe('2024-12-16');
    expect(digest.upcoming.map(label)).toEqual(['PA2024-7-01/1', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06']);
    expect(digest.upcoming.every((item) => item.due === '2024-12-31' && item.daysLeft === 8 && item.bureaus.includes('DEVB'))).toBe(true);
    expect(digest.upcoming[0]!.subject).toBe('新田科技城');
    expect(digest.upcoming.map((i) => i.text).join()).toMatch(/牛潭尾.*片區開發.*沙嶺/);
    expect(digest.missed).toEqual([]);
    expect(digest.overdue).toEqual({ count: 0, oldest: null });
    expect(digest.changes).toEqual([]);
    // 7-06 is DEVB and ITIB: it counts for DEVB only; there is no ITIB line in a DEVB digest
    expect(digest.bureaus).toEqual([{ code: 'DEVB', zh: '發展局', en: 'Development Bureau', onTrack: 7, overdue: 0, met: 0, claimed: 0, dropped: 0, ongoing: 2 }]);
    expect(digest.totals).toEqual({ onTrack: 7, overdue: 0, met: 0, claimed: 0, dropped: 0, ongoing: 2, later: 3 });
    expect(digest.scope).toEqual({ all: false, bureaus: [{ code: 'DEVB', zh: '發展局', en: 'Development Bureau' }], refs: [] });
    expect(digest.empty).toBe(false);
  });

  it('lists what is due within 28 days and only counts what is further off', () => {
    const tooFar = composeDigest(seed, request('2024-12-03T09:00:00')); // 2024-12-31 is 28 days away
    expect(tooFar.upcoming).toEqual([]);
    expect(tooFar.totals.later).toBe(7);
    expect(tooFar.empty).toBe(true);
    const near = composeDigest(seed, request('2024-12-04T09:00:00'));
    expect(near.upcoming.map((i) => i.daysLeft)).toEqual([27, 27, 27, 27]);
    expect(near.totals.later).toBe(3);
  });

  it('everything at 2024-12-30: due dates of all bureaux by date, start milestones included', () => {
    const digest = composeDigest(seed, request('2024-12-30T09:00:00', { bureaus: null }));
    expect(digest.week).toBe('2025-W01'); // ISO week of Monday 2024-12-30
    expect(digest.upcoming.map(label)).toEqual(['PA2024-7-01/1', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06', 'PA2024-7-09/1', 'PA2024-7-10']);
    expect(digest.upcoming.find((i) => i.ref === 'PA2024-7-09')!.milestoneKind).toBe('start');
    expect(digest.bureaus.map((b) => b.code)).toEqual(['CMAB', 'DEVB', 'HHB', 'HYAB', 'ITIB', 'LWB', 'DoJ', 'FSO']);
    expect(digest.totals).toEqual({ onTrack: 11, overdue: 0, met: 0, claimed: 0, dropped: 0, ongoing: 23, later: 5 });
    expect(digest.bureaus.find((b) => b.code === 'ITIB')).toMatchObject({ onTrack: 5, ongoing: 4 });
  });

  it('reports a miss once, in the first digest after the date; later it is only counted as overdue', () => {
    const first = composeDigest(seed, request('2025-01-06T09:00:00'));
    expect(first.missed.map(label)).toEqual(['PA2024-7-01/1', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06']);
    expect(first.missed.every((i) => i.daysLeft === -6)).toBe(true);
    expect(first.overdue.count).toBe(4);
    expect(first.overdue.oldest).toMatchObject({ ref: 'PA2024-7-01', seq: 1, due: '2024-12-31', daysLeft: -6 });
    const next = composeDigest(seed, request('2025-01-13T09:00:00'));
    expect(next.missed).toEqual([]);
    expect(next.overdue.count).toBe(4);
    expect(next.bureaus[0]).toMatchObject({ onTrack: 3, overdue: 4 });
    expect(next.empty).toBe(true); // nothing new: the overdue ones are in the totals
  });

  it('a milestone due on the previous digest day (listed there as due today) is missed in the next one', () => {
    const dueToday = composeDigest(seed, request('2024-12-31T09:00:00'));
    expect(dueToday.upcoming.every((i) => i.daysLeft === 0)).toBe(true);
    const after = composeDigest(seed, request('2025-01-07T09:00:00'));
    expect(after.missed).toHaveLength(4);
  });

  it('a subscription active since after the date does not hear of the miss as new', () => {
    const digest = composeDigest(seed, request('2025-01-06T09:00:00', { since: hk('2025-01-02T15:00:00') }));
    expect(digest.sinceDate).toBe('2025-01-02');
    expect(digest.missed).toEqual([]);
    expect(digest.overdue.count).toBe(4);
  });

  it('status changes since the last digest, in the scope, with their kind, new date and evidence', () => {
    const source = buildSeedDigestSource([
      { milestone: 'PA2024-7-03', status: 'met', evidenceUrl: 'https://www.devb.gov.hk/report', at: hk('2024-12-17T10:00:00') },
      { milestone: 'PA2024-7-04', status: 'claimed', at: hk('2024-12-18T10:00:00') },
      { milestone: 'PA2024-7-05', status: 'rescheduled', due: '2025-06-30', at: hk('2024-12-19T10:00:00') },
      { milestone: 'PA2024-7-07', status: 'dropped', at: hk('2024-12-20T10:00:00') },
      { milestone: 'PA2024-7-07', status: 'pending', at: hk('2024-12-21T10:00:00') },
      { milestone: 'PA2024-7-10', status: 'met', evidenceUrl: 'https://www.itib.gov.hk/', at: hk('2024-12-20T10:00:00') }, // ITIB only
      { milestone: 'PA2024-7-01/2', status: 'claimed', at: hk('2024-12-16T09:00:00') }, // exactly at the previous slot: reported then
      { milestone: 'PA2024-7-06', status: 'met', evidenceUrl: 'https://www.devb.gov.hk/sl', at: hk('2024-12-23T09:00:01') }, // after the slot
    ]);
    const digest = composeDigest(source, request('2024-12-23T09:00:00'));
    expect(digest.changes.map((c) => [label(c), c.change, c.status, c.previousStatus, c.due, c.previousDue, c.evidenceUrl, c.changedOn])).toEqual([
      ['PA2024-7-03', 'met', 'met', 'pending', '2024-12-31', '2024-12-31', 'https://www.devb.gov.hk/report', '2024-12-17'],
      ['PA2024-7-04', 'claimed', 'claimed', 'pending', '2024-12-31', '2024-12-31', null, '2024-12-18'],
      ['PA2024-7-05', 'rescheduled', 'rescheduled', 'pending', '2025-06-30', '2025-03-31', null, '2024-12-19'],
      ['PA2024-7-07', 'dropped', 'dropped', 'pending', '2025-12-31', '2025-12-31', null, '2024-12-20'],
      ['PA2024-7-07', 'reopened', 'pending', 'dropped', '2025-12-31', '2025-12-31', null, '2024-12-21'],
    ]);
    // statuses as loaded: 7-06 was met after the slot, so it still counts (the source is the present state)
    expect(digest.upcoming.map(label)).toEqual(['PA2024-7-01/1']);
    expect(digest.bureaus[0]).toMatchObject({ onTrack: 3, met: 2, claimed: 2 });
  });

  it('leaves out the loader\'s initial rows and records a date moved by the document as redated', () => {
    const source: DigestSource = {
      ...seed,
      changes: [
        { milestoneId: 301, status: 'pending', due: '2024-12-31', previousStatus: null, previousDue: null, evidenceUrl: null, note: 'from document version 1', changedAt: hk('2024-12-20T10:00:00') },
        { milestoneId: 301, status: 'met', due: '2025-01-31', previousStatus: 'met', previousDue: '2024-12-31', evidenceUrl: null, note: 'date changed', changedAt: hk('2024-12-21T10:00:00') },
        { milestoneId: 301, status: 'pending', due: '2024-12-31', previousStatus: 'pending', previousDue: '2024-12-31', evidenceUrl: null, note: 'no change', changedAt: hk('2024-12-22T10:00:00') },
      ],
    };
    const digest = composeDigest(source, request('2024-12-23T09:00:00'));
    expect(digest.changes.map((c) => [c.change, c.due, c.previousDue])).toEqual([['redated', '2025-01-31', '2024-12-31']]);
  });

  it('a ref subscription gets lines for the bureaux of its commitments; mixed scopes keep joint items to the subscribed bureau', () => {
    const refs = composeDigest(seed, request('2024-12-23T09:00:00', { bureaus: null, refs: ['PA2024-7-10'] }));
    expect(refs.upcoming.map(label)).toEqual(['PA2024-7-10']);
    expect(refs.bureaus).toEqual([expect.objectContaining({ code: 'ITIB', onTrack: 1, ongoing: 0 })]);
    const mixed = composeDigest(seed, request('2024-12-23T09:00:00', { bureaus: ['DEVB'], refs: ['PA2024-7-10', 'PA2024-7-06', 'PA2099-1-01'] }));
    expect(mixed.upcoming.map(label)).toEqual(['PA2024-7-01/1', 'PA2024-7-03', 'PA2024-7-04', 'PA2024-7-06', 'PA2024-7-10']);
    expect(mixed.bureaus.map((b) => [b.code, b.onTrack])).toEqual([['DEVB', 7], ['ITIB', 1]]);
    expect(mixed.totals.onTrack).toBe(8);
  });

  it('an explicit bureau with nothing in the chapter still gets its line', () => {
    const digest = composeDigest(seed, request('2024-12-23T09:00:00', { bureaus: ['HHB', 'EDB'] }));
    expect(digest.empty).toBe(true);
    expect(digest.bureaus.map((b) => [b.code, b.ongoing])).toEqual([['EDB', 0], ['HHB', 4]]);
  });

  it('counts days in the subscription\'s zone', () => {
    // 2024-12-23 09:00 in London is 17:00 in Hong Kong; the digest's date is still the London Monday
    const digest = composeDigest(seed, { ...request('2024-12-23T17:00:00'), timezone: 'Europe/London' });
    expect(digest.today).toBe('2024-12-23');
    expect(digest.upcoming.every((i) => i.daysLeft === 8)).toBe(true);
    const late = composeDigest(seed, { ...request('2024-12-24T07:30:00'), timezone: 'America/Los_Angeles' }); // Dec 23, 15:30 in LA
    expect(late.today).toBe('2024-12-23');
  });

  it('is a JSON-ready value, the same every time, and leaves its source alone', () => {
    const before = JSON.stringify(seed.commitments);
    const a = composeDigest(seed, request('2025-01-06T09:00:00', { bureaus: null }));
    const b = composeDigest(seed, request('2025-01-06T09:00:00', { bureaus: null }));
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(b).toEqual(a);
    expect(isWeeklyDigest(JSON.parse(JSON.stringify(a)))).toBe(true);
    expect(isWeeklyDigest({ version: 2 })).toBe(false);
    expect(JSON.stringify(seed.commitments)).toBe(before);
  });

  it('reads a stored payload back only when it fits the schema, naming the first field that does not', () => {
    const stored = JSON.parse(JSON.stringify(composeDigest(seed, request('2024-12-23T09:00:00')))) as WeeklyDigest;
    expect(readWeeklyDigest(stored)).toEqual(stored);
    const broken = { ...stored, upcoming: [{ ...stored.upcoming[0]!, due: 20241231 }] };
    const problem = readWeeklyDigest(broken);
    expect(problem).toBeInstanceOf(DigestPayloadError);
    expect((problem as DigestPayloadError).field).toBe('upcoming.0.due');
    expect((problem as Error).message).toMatch(/^digest payload is not a readable weekly digest: upcoming\.0\.due: /);
  });
});

describe('composeDigest against a plain reference on random data', () => {
  // A deterministic generator, so a failure can be replayed.
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const next = random(20241223);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const CODES = ['DEVB', 'ITIB', 'HHB', 'EDB', 'CMAB', 'Unlisted Office'];
  const STATUSES = ['pending', 'pending', 'pending', 'rescheduled', 'met', 'claimed', 'dropped'] as const;
  const day = (n: number): string => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  const source: DigestSource = {
    commitments: Array.from({ length: 300 }, (_, i) => ({
      id: i + 1,
      ref: `R-${i + 1}`,
      text: `commitment ${i + 1}`,
      bureaus: Array.from({ length: Math.floor(next() * 5) }, () => pick(CODES)), // none, repeats, and up to four
      withRelevantBureaux: false,
      milestones: Array.from({ length: Math.floor(next() * 3.5) }, (_, k) => ({
        id: (i + 1) * 10 + k, seq: k + 1, kind: 'deadline' as const, subject: null, due: day(Math.floor(next() * 200)), status: pick(STATUSES), evidenceUrl: null,
      })),
    })),
    changes: [],
  };
  // Changes at random instants, some about milestones the source does not have, some the loader's first rows.
  const milestoneIds = source.commitments.flatMap((c) => c.milestones.map((m) => m.id));
  (source.changes as DigestSourceChange[]).push(
    ...Array.from({ length: 400 }, (): DigestSourceChange => ({
      milestoneId: next() < 0.05 ? 999_999 : pick(milestoneIds),
      status: pick(STATUSES),
      due: day(Math.floor(next() * 200)),
      previousStatus: next() < 0.1 ? null : pick(STATUSES),
      previousDue: day(Math.floor(next() * 200)),
      evidenceUrl: null,
      note: null,
      changedAt: new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 200 * 24) * 3_600_000),
    })),
  );

  // The definition, spelled out: every commitment checked against the scope, one by one.
  function reference(req: DigestRequest) {
    const all = req.bureaus === null && req.refs === null;
    const scope = new Set(req.bureaus ?? []);
    const today = Date.parse(`${req.at.toISOString().slice(0, 10)}T00:00:00Z`) / 86_400_000;
    const sinceDay = Date.parse(`${req.since.toISOString().slice(0, 10)}T00:00:00Z`) / 86_400_000;
    const zero = () => ({ onTrack: 0, overdue: 0, met: 0, claimed: 0, dropped: 0, ongoing: 0 });
    const totals = { ...zero(), later: 0 };
    const lines = new Map<string, ReturnType<typeof zero>>((req.bureaus ?? []).map((code) => [code, zero()]));
    const upcoming: [number, number, number][] = [];
    const missed: [number, number, number][] = [];
    source.commitments.forEach((c, position) => {
      const viaBureau = c.bureaus.some((code) => scope.has(code));
      if (!all && !viaBureau && !(req.refs ?? []).includes(c.ref)) return;
      const codes = [...new Set(c.bureaus)].filter((code) => all || !viaBureau || scope.has(code));
      const count = (key: keyof ReturnType<typeof zero>) => {
        totals[key]++;
        for (const code of codes) {
          if (!lines.has(code)) lines.set(code, zero());
          lines.get(code)![key]++;
        }
      };
      if (!c.milestones.length) count('ongoing');
      for (const m of c.milestones) {
        const due = Date.parse(`${m.due}T00:00:00Z`) / 86_400_000;
        if (m.status === 'met' || m.status === 'claimed' || m.status === 'dropped') count(m.status);
        else if (due < today) {
          count('overdue');
          if (due >= sinceDay) missed.push([due, position, m.seq]);
        } else {
          count('onTrack');
          if (due < today + 28) upcoming.push([due, position, m.seq]);
          else totals.later++;
        }
      }
    });
    const owner = (id: number) => source.commitments.find((c) => c.milestones.some((m) => m.id === id));
    const changes = [...source.changes]
      .sort((a, b) => a.changedAt.getTime() - b.changedAt.getTime())
      .filter((change) => change.changedAt > req.since && change.changedAt <= req.at && change.previousStatus !== null)
      .filter((change) => change.status !== change.previousStatus || change.status === 'rescheduled' || change.due !== change.previousDue)
      .filter((change) => {
        const c = owner(change.milestoneId);
        return c && (all || c.bureaus.some((code) => scope.has(code)) || (req.refs ?? []).includes(c.ref));
      })
      .map((change) => `${owner(change.milestoneId)!.ref}:${change.status}@${change.changedAt.toISOString()}`);
    const order = (a: number[], b: number[]) => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;
    const name = ([, position, seq]: number[]) => `${source.commitments[position!]!.ref}/${seq}`;
    return {
      upcoming: upcoming.sort(order).map(name),
      missed: missed.sort(order).map(name),
      totals,
      changes,
      lines: [...lines.entries()].map(([code, counts]) => ({ code, ...counts })).sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  it('agrees on 300 random scopes and dates (shared sums, joint items, refs, unknown bureaux, changes)', () => {
    for (let run = 0; run < 300; run++) {
      const kind = next();
      const bureaus = kind < 0.1 ? null : Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick([...CODES, 'HB']));
      const refs = kind < 0.1 ? null : next() < 0.4 ? Array.from({ length: 1 + Math.floor(next() * 4) }, () => `R-${1 + Math.floor(next() * 320)}`) : null;
      const at = new Date(Date.UTC(2025, 0, 1) + Math.floor(next() * 200) * 86_400_000 + 3_600_000);
      const req: DigestRequest = {
        subscriptionId: run, language: 'en', timezone: 'UTC', bureaus: kind >= 0.1 && next() < 0.15 ? null : bureaus, refs, at,
        since: new Date(at.getTime() - Math.floor(next() * 14) * 86_400_000),
      };
      const digest = composeDigest(source, req);
      const expected = reference(req);
      const context = JSON.stringify({ bureaus: req.bureaus, refs: req.refs, at: req.at, since: req.since });
      expect(digest.upcoming.map((i) => `${i.ref}/${i.seq}`), context).toEqual(expected.upcoming);
      expect(digest.missed.map((i) => `${i.ref}/${i.seq}`), context).toEqual(expected.missed);
      expect(digest.totals, context).toEqual(expected.totals);
      expect(digest.overdue.count, context).toBe(expected.totals.overdue);
      expect(digest.changes.map((c) => `${c.ref}:${c.status}@${c.changedAt}`), context).toEqual(expected.changes);
      expect(digest.bureaus.map(({ zh: _zh, en: _en, ...line }) => line).sort((a, b) => a.code.localeCompare(b.code)), context).toEqual(expected.lines);
    }
  });
});
