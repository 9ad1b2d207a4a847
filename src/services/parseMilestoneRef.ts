// "PA2024-7-03" or "PA2024-7-03/2": a commitment ref and, optionally, which of its milestones.
export class MilestoneRefError extends Error {
  constructor(
    readonly input: string,
    readonly problem: string,
  ) {
    super(`${input}: ${problem}`);
    this.name = 'MilestoneRefError';
  }
}

export function parseMilestoneRef(input: string): { ref: string; seq: number | null } {
  const match = /^([A-Za-z0-9]+(?:-[A-Za-z0-9]+)*-\d+)(?:\/(\d+))?$/.exec(input.trim());
  if (!match) throw new MilestoneRefError(input, 'expected a commitment ref such as PA2024-7-03, optionally with /n for its n-th milestone');
  return { ref: match[1]!.toUpperCase(), seq: match[2] ? Number(match[2]) : null };
}
