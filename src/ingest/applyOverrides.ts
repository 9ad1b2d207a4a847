// Applies editor corrections to one document's commitments (after refs are final). An override whose ref
// belongs to this document but matches no commitment is an error: it would otherwise be silently lost.
import type { ExtractedCommitment } from '../domain/types.ts';
import type { Override } from './readOverrides.ts';
import { SeedFileError } from './SeedFileError.ts';

export function applyOverrides(
  commitments: readonly ExtractedCommitment[],
  overrides: readonly Override[],
  refPrefix: string,
  file: string,
): ExtractedCommitment[] {
  const byRef = new Map(overrides.map((o, index) => [o.ref, { override: o, index }]));
  const out = commitments.map((commitment) => {
    const found = byRef.get(commitment.ref);
    if (!found) return commitment;
    byRef.delete(commitment.ref);
    const o = found.override;
    const bureaus = [...(o.bureaus ?? commitment.bureaus)];
    for (const code of o.addBureaus ?? []) if (!bureaus.includes(code)) bureaus.push(code);
    return {
      ...commitment,
      bureaus,
      withRelevantBureaux: o.withRelevantBureaux ?? commitment.withRelevantBureaux,
      milestones: [...(o.milestones ?? commitment.milestones), ...(o.addMilestones ?? [])],
    };
  });
  for (const { override, index } of byRef.values()) {
    if (override.ref.startsWith(`${refPrefix}-`)) {
      throw new SeedFileError(file, `overrides[${index}].ref`, `${override.ref} is not a commitment of this document`);
    }
  }
  return out;
}
