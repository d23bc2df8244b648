/**
 * Lookup over the LTS status-code table and the IANA registry. Pure: no `vscode`, no `fs`.
 */
import { HTTP_STATUS_ENTRIES, HttpStatusEntry } from '../data/httpStatus';
import { LTS_STATUS_ROWS, LtsStatusRow } from '../data/statusCodes';

export type StatusClass = 'informational' | 'success' | 'redirection' | 'clientError' | 'serverError';

export interface StatusInfo {
  readonly code: number;
  /** True when the LTS table lists the code. */
  readonly listed: boolean;
  /** The LTS table row, when listed. */
  readonly row?: LtsStatusRow;
  /** IANA reason phrase, when the code is registered. */
  readonly httpPhrase?: string;
  readonly httpNote?: string;
  readonly statusClass: StatusClass;
}

const rowsByCode = new Map<number, LtsStatusRow>(LTS_STATUS_ROWS.map((row) => [row.code, row]));
const httpByCode = new Map<number, HttpStatusEntry>(HTTP_STATUS_ENTRIES.map((e) => [e.code, e]));

/** The listed codes, ascending. */
export const LISTED_CODES: readonly number[] = Object.freeze(LTS_STATUS_ROWS.map((row) => row.code));

/** A syntactically valid HTTP status code: an integer from 100 to 599. */
export function isStatusCode(code: number): boolean {
  return Number.isInteger(code) && code >= 100 && code <= 599;
}

export function isListed(code: number): boolean {
  return rowsByCode.has(code);
}

export function statusClassOf(code: number): StatusClass {
  if (code < 200) return 'informational';
  if (code < 300) return 'success';
  if (code < 400) return 'redirection';
  if (code < 500) return 'clientError';
  return 'serverError';
}

/** Everything known about a status code. `code` must satisfy {@link isStatusCode}. */
export function describeStatus(code: number): StatusInfo {
  const row = rowsByCode.get(code);
  const http = httpByCode.get(code);
  return {
    code,
    listed: row !== undefined,
    row,
    httpPhrase: row ? http?.phrase : statusName(code),
    httpNote: http && http.phrase !== '(Unused)' ? http.note : undefined,
    statusClass: statusClassOf(code),
  };
}

/**
 * Short name of a code: the LTS returned value when listed, else the IANA phrase ("418 I'm a teapot (Unused)" for a
 * code the registry keeps unused), else nothing.
 */
export function statusName(code: number): string | undefined {
  const row = rowsByCode.get(code);
  if (row) return row.returnedValue;
  const http = httpByCode.get(code);
  return http && http.phrase === '(Unused)' && http.note ? `${http.note} (Unused)` : http?.phrase;
}

/**
 * The documented replacement for a code the table does not list (README, "Quick fixes": suggested replacements).
 * Codes not named here fall back to the class default: 2xx → 200, 4xx → 400, 5xx → 500; 1xx and 3xx get none.
 */
const SUGGESTIONS: Readonly<Record<number, readonly number[]>> = Object.freeze({
  202: [200, 201], 203: [200], 205: [204], 206: [200], 207: [200], 208: [200], 226: [200],
  402: [403], 405: [400, 404], 406: [400], 407: [401], 409: [400], 410: [404], 411: [400], 412: [400],
  413: [400], 414: [400], 415: [400], 416: [400], 417: [400], 421: [400], 422: [400], 423: [403],
  425: [429], 451: [403],
  501: [500], 502: [503], 504: [503, 408], 507: [503], 511: [401],
});

/**
 * Listed codes to use instead of `code`, best first; empty when `code` is listed, and for 1xx and 3xx codes: no
 * listed code does what an informational answer or a redirect does (200 instead of 302 would change what the
 * handler does), so those are allowed or ignored, never replaced.
 */
export function suggestionsFor(code: number): readonly number[] {
  if (isListed(code) || code < 200 || (code >= 300 && code < 400)) return [];
  const explicit = SUGGESTIONS[code];
  if (explicit) return explicit;
  if (code >= 500) return [500];
  if (code >= 400) return [400];
  return [200];
}

/**
 * The one replacement to name in a diagnostic message: the first suggestion, which is also the preferred quick fix
 * ("Use 400 Bad Request instead of 409"); undefined for a listed code.
 */
export function preferredReplacement(code: number): number | undefined {
  return suggestionsFor(code)[0];
}

/** One entry of the command-palette lookup (the Quick Pick filters on its label, description and detail). */
export interface LookupEntry {
  readonly info: StatusInfo;
  /** A listed code suggested instead of the typed, unlisted one: shown whatever the filter. */
  readonly suggested?: boolean;
}

/**
 * Entries for a lookup query: the listed codes always; for a query that is a valid code the table lacks, that code
 * first (not listed) and its suggested replacements marked as such.
 */
export function lookupEntries(query: string): LookupEntry[] {
  const typed = Number(query.trim());
  if (!/^\s*\d{3}\s*$/.test(query) || !isStatusCode(typed) || isListed(typed)) {
    return LTS_STATUS_ROWS.map((row) => ({ info: describeStatus(row.code) }));
  }
  const suggested = new Set(suggestionsFor(typed));
  return [
    { info: describeStatus(typed) },
    ...LTS_STATUS_ROWS.map((row) => ({ info: describeStatus(row.code), suggested: suggested.has(row.code) })),
  ];
}
