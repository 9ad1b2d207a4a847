// Why a proposal or a decision was refused. `field` names what was wrong, so every front-end can say it in
// its own words and nothing is stored.
export type ProposalProblem = 'ref' | 'status' | 'url' | 'rate' | 'unknown' | 'decided' | 'editor' | 'change';

export class ProposalError extends Error {
  constructor(
    readonly problem: ProposalProblem,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ProposalError';
  }
}
