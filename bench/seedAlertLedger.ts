// A day's alert ledger of the tick benchmark's shape (100,000 milestones, one 09:00 tick on a Monday, when no
// overdue reminder is due: 55,254 alerts with 10,000 subscriptions, about 100,000 with 18,250), queued by the
// real tick, then kept aside so each round of a drain benchmark starts from the same rows on a freshly
// vacuumed table rather than from the previous round's dead tuples.
import pg from 'pg';
import { BUREAUS } from '../src/domain/bureaus.ts';
import { enqueueAlerts } from '../src/schedule/enqueueAlerts.ts';

export const LEDGER_NOW = new Date('2025-06-02T09:30:00+08:00');
export const LEDGER_POLICY = { timezone: 'Asia/Hong_Kong', leadDays: [30, 7, 1], sendAt: '09:00', missedGraceDays: 0, overdueEveryDays: 7 };

export interface TickShape {
  milestones: number;
  subscriptions: number;
  /** 1 in N past milestones still open (overdue); the realistic shape has 50. */
  overdueEvery?: number;
  /** 1 in N subscriptions watches everything; the realistic shape has 200. */
  allEvery?: number;
  /** The tick's instant: the previous one ran a day before, so it owes exactly one day of slots. */
  now?: Date;
}

/** The tick benchmark's data: milestones due over 20 years, 1–2 bureaus each, and subscriptions of every kind. */
export async function seedTickShape(pool: pg.Pool, shape: TickShape): Promise<void> {
  const now = shape.now ?? LEDGER_NOW;
  const codes = BUREAUS.map((b) => b.code);
  await pool.query(`INSERT INTO bureaus (code, name_zh, name_en) SELECT * FROM unnest($1::text[], $1::text[], $1::text[])`, [codes]);
  await pool.query(`INSERT INTO documents (key, title, language, published, sha256) VALUES ('bench', 'bench', 'en', '2015-01-01', 'x')`);
  // Promises due over 20 years (2015-2034), 1-2 bureaus each; most past ones are met, a few still overdue.
  await pool.query(
    `INSERT INTO commitments (document_id, ref, position, text, bureaus)
     SELECT 1, 'B-' || i, i, 'commitment ' || i,
            CASE WHEN i % 3 = 0 THEN ARRAY[($1::text[])[1 + i % 19], ($1::text[])[1 + (i * 7) % 19]] ELSE ARRAY[($1::text[])[1 + i % 19]] END
     FROM generate_series(1, $2::int) AS i`,
    [codes, shape.milestones],
  );
  await pool.query(
    `INSERT INTO milestones (commitment_id, seq, kind, phrase, due, extracted_due, status, status_changed_at)
     SELECT c.id, 1, 'deadline', 'bench', d.due, d.due,
            CASE WHEN d.due < $1::date AND c.id % $2::int <> 0 THEN 'met' ELSE 'pending' END, '2015-01-01'
     FROM commitments c CROSS JOIN LATERAL (SELECT DATE '2015-01-01' + ((c.id * 7919) % 7305)::int AS due) d`,
    [now.toISOString().slice(0, 10), shape.overdueEvery ?? 50],
  );
  // A few watch everything, 8% specific refs, the rest one to three bureaus; a fifth are watchdogs.
  await pool.query(
    `INSERT INTO subscriptions (target, bureaus, refs, watchdog, active_since)
     SELECT 'telegram:' || (100000 + i),
            CASE WHEN i % $4::int = 0 OR i % 50 BETWEEN 1 AND 4 THEN NULL
                 ELSE (SELECT array_agg(DISTINCT ($1::text[])[1 + (i * k * 13) % 19]) FROM generate_series(1, 1 + i % 3) AS k) END,
            CASE WHEN i % 50 BETWEEN 1 AND 4 THEN ARRAY['B-' || (1 + (i * 31) % $2::int), 'B-' || (1 + (i * 37) % $2::int)] END,
            i % 5 = 0, '2015-01-01'
     FROM generate_series(1, $3::int) AS i`,
    [codes, shape.milestones, shape.subscriptions, shape.allEvery ?? 200],
  );
  await pool.query(`INSERT INTO scheduler_state (name, covered_until) VALUES ('alerts', $1)`, [new Date(now.getTime() - 86_400_000)]);
  await pool.query('ANALYZE');
}

/** Seeds the tick's shape, runs one tick and saves its alerts; returns how many it queued. */
export async function seedAlertLedger(pool: pg.Pool, options: { milestones: number; subscriptions: number }): Promise<number> {
  await seedTickShape(pool, options);
  const { enqueued } = await enqueueAlerts(pool, LEDGER_NOW, LEDGER_POLICY);
  await pool.query('CREATE TABLE bench_saved_alerts AS SELECT * FROM notifications');
  return enqueued;
}

/** Puts the saved alerts back as the whole ledger, all pending, on a table without dead tuples. */
export async function restoreAlertLedger(pool: pg.Pool): Promise<void> {
  await pool.query('TRUNCATE notifications');
  await pool.query('INSERT INTO notifications SELECT * FROM bench_saved_alerts');
  await pool.query('VACUUM ANALYZE notifications');
}
