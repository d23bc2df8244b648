/**
 * The LTS API status-code table (Log Tank Service API reference, appendix "Status Code", page lts_02_0020),
 * copied verbatim. This is the single source of truth for "listed" codes; test/unit/table.test.ts compares it
 * with the documentation's TSV export so drift fails the build.
 */
export interface LtsStatusRow {
  /** HTTP status code. */
  readonly code: number;
  /** "Returned Value" column, verbatim (201 says "OK" in the documentation). */
  readonly returnedValue: string;
  /** "Description" column, verbatim. */
  readonly description: string;
}

function freezeRows(rows: LtsStatusRow[]): readonly LtsStatusRow[] {
  return Object.freeze(rows.map((row) => Object.freeze({ ...row })));
}

export const LTS_STATUS_ROWS: readonly LtsStatusRow[] = freezeRows([
  { code: 200, returnedValue: 'OK', description: 'The results of GET and PUT operations are returned normally.' },
  { code: 201, returnedValue: 'OK', description: 'The POST request is successful and the query result is returned.' },
  { code: 204, returnedValue: 'No Content', description: 'The result of the DELETE operation is returned normally.' },
  { code: 400, returnedValue: 'Bad Request', description: 'Request error.' },
  { code: 401, returnedValue: 'Unauthorized', description: 'The authentication information is not provided or is incorrect.' },
  { code: 403, returnedValue: 'Forbidden', description: 'You are forbidden to access the requested page.' },
  { code: 404, returnedValue: 'Not Found', description: 'The server failed to find the requested resource.' },
  { code: 408, returnedValue: 'Request Timeout', description: 'The request timed out.' },
  { code: 429, returnedValue: 'Too Many Requests', description: 'The number of requests exceeds the upper limit.' },
  { code: 500, returnedValue: 'Internal Server Error', description: 'Failed to complete the request because of a service error.' },
  { code: 503, returnedValue: 'Service Unavailable', description: 'Failed to complete the request because the system is unavailable.' },
]);

/** Where the table comes from; shown in hovers and the lookup. */
export const LTS_STATUS_SOURCE = Object.freeze({
  title: 'Log Tank Service API Reference — Status Code',
  url: 'https://docs.otc.t-systems.com/log-tank-service/api-ref/appendix/status_codes.html',
});
