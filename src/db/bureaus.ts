// SQL for the bureaus table: the registry is the source of truth and is written through on every load;
// names a document used that the registry does not know are stored as unregistered, exactly as written.
import type { PoolClient, Pool } from './createPool.ts';

export interface BureauRow {
  code: string;
  nameZh: string;
  nameEn: string;
  registered: boolean;
}

export async function syncBureaus(
  client: PoolClient | Pool,
  registry: readonly { code: string; zh: string; en: string }[],
  unknownNames: readonly string[] = [],
): Promise<void> {
  const codes = [...registry.map((b) => b.code), ...unknownNames];
  const zh = [...registry.map((b) => b.zh), ...unknownNames];
  const en = [...registry.map((b) => b.en), ...unknownNames];
  const registered = [...registry.map(() => true), ...unknownNames.map(() => false)];
  await client.query(
    `INSERT INTO bureaus (code, name_zh, name_en, registered)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[])
     ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, registered = EXCLUDED.registered
     WHERE (bureaus.name_zh, bureaus.name_en, bureaus.registered) IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en, EXCLUDED.registered)`,
    [codes, zh, en, registered],
  );
}

export async function listBureaus(client: PoolClient | Pool): Promise<BureauRow[]> {
  const { rows } = await client.query<BureauRow>(
    'SELECT code, name_zh AS "nameZh", name_en AS "nameEn", registered FROM bureaus ORDER BY registered DESC, code',
  );
  return rows;
}
