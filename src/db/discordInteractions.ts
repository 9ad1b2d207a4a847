// SQL for discord_interactions: which process answers an interaction that several replicas received.
import type { Pool } from './createPool.ts';

const KEPT_FOR = "interval '1 hour'";

/**
 * Claims an interaction for `owner`; false when another process already did. Claims older than an hour are
 * dropped on the way (an interaction cannot be answered after 15 minutes), so the table stays small.
 */
export async function claimDiscordInteraction(pool: Pool, interactionId: string, owner: string): Promise<boolean> {
  const { rows } = await pool.query<{ claimed: boolean }>(
    `WITH pruned AS (DELETE FROM discord_interactions WHERE claimed_at < clock_timestamp() - ${KEPT_FOR})
     INSERT INTO discord_interactions (interaction_id, claimed_by) VALUES ($1, $2)
     ON CONFLICT (interaction_id) DO NOTHING
     RETURNING true AS claimed`,
    [interactionId, owner],
  );
  return rows.length > 0;
}
