/**
 * Which file names are logs, beyond their extension: the names rotation gives them (`access.log.1`,
 * `app.log.2026-11-30`, `access.log-20261130`), Apache's extensionless `access_log` and `error_log` (also rotated),
 * HAR captures (`.har`, JSON with a status per response), captured console output (`nohup.out`, `catalina.out`) and
 * CSV/TSV exports (their header names the status column).
 * Compressed logs (`access.log.2.gz`) are for hosts that can decompress them (`compressedLogPath`).
 */

/** Text (log) readers by file extension; the value is the language reported for the file. */
export const LOG_EXTENSIONS: Readonly<Record<string, string>> = Object.freeze({
  '.log': 'log', '.txt': 'plaintext', '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.har': 'json', '.out': 'log',
  '.csv': 'csv', '.tsv': 'tsv',
});

/** A rotation suffix: `.1`, `-1`, `.2026-11-30`, `-20261130`, `-20261130-1732960800`, `.1.old`. */
const ROTATION = String.raw`(?:[.-](?:\d+|\d{4}-\d\d-\d\d(?:[_T-][\d:-]+)?|old|bak))+`;
const ROTATED = new RegExp(String.raw`(\.(?:log|txt|json|jsonl|ndjson|out|csv|tsv))${ROTATION}$`);
/** Apache's and other servers' extensionless logs: `access_log`, `ssl_error_log`, `error_log.1`, `access_log-20261130`. */
const UNDERSCORE_LOG = new RegExp(String.raw`(?:^|[/\\._-])(?:access|error|request|agent|referer|audit|ssl_access|ssl_error|ssl_request)_log(?:${ROTATION})?$`);

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
}

/** The language a log file is read as (`log`, `plaintext`, `json`, `jsonl`), or undefined when the name is not a log's. */
export function logFileLanguage(path: string): string | undefined {
  const name = baseName(path);
  const extension = /(\.[^.]+)$/.exec(name)?.[1];
  const direct = extension ? LOG_EXTENSIONS[extension] : undefined;
  if (direct) return direct;
  const rotated = ROTATED.exec(name);
  if (rotated) return LOG_EXTENSIONS[rotated[1]];
  return UNDERSCORE_LOG.test(name) ? 'log' : undefined;
}

/** For a gzip-compressed log (`access.log.2.gz`, `access_log.gz`), the name it has decompressed; else undefined. */
export function compressedLogPath(path: string): string | undefined {
  if (!/\.gz$/i.test(path)) return undefined;
  const inner = path.slice(0, -3);
  return logFileLanguage(inner) ? inner : undefined;
}
