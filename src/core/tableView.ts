/** The LTS tables as a tree (the "LTS Status Codes" view): classes, the listed codes, each with its LTS error codes. */
import { LTS_ERROR_ROWS, LtsErrorRow } from '../data/errorCodes';
import { describeStatus, LISTED_CODES, StatusClass, StatusInfo } from './table';

export interface TableEntry {
  readonly info: StatusInfo;
  /** The LTS error codes that come with this status, in the documentation's order. */
  readonly errors: readonly LtsErrorRow[];
}

export interface TableGroup {
  readonly statusClass: StatusClass;
  readonly entries: readonly TableEntry[];
}

/** The listed codes grouped by class, in ascending order, each with its error codes. */
export function tableGroups(): TableGroup[] {
  const groups: TableGroup[] = [];
  for (const code of LISTED_CODES) {
    const info = describeStatus(code);
    const entry: TableEntry = { info, errors: LTS_ERROR_ROWS.filter((row) => row.responseCode === code) };
    const last = groups.at(-1);
    if (last?.statusClass === info.statusClass) (last.entries as TableEntry[]).push(entry);
    else groups.push({ statusClass: info.statusClass, entries: [entry] });
  }
  return groups;
}
