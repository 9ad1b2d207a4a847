// The row shapes the tracker's use cases hand to the web front-end, so that pages and feeds name them
// without reaching into db/.
export type { BureauRow } from '../../db/bureaus.ts';
export type {
  BureauCountRow,
  MonthCountRow,
  StatusChangeRow,
  TrackerCommitmentRow,
  TrackerDocumentRow,
  TrackerMilestoneRow,
} from '../../db/trackerQueries.ts';
