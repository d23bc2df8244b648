/**
 * Which file names are logs, beyond their extension: the names rotation gives them (`access.log.1`,
 * `app.log.2026-11-30`, `access.log-20261130`), Apache's extensionless `access_log` and `error_log` (also rotated),
 * HAR captures (`.har`, JSON with a status per response), captured console output (`nohup.out`, `catalina.out`) and
 * CSV/TSV exports (their header names the status column), and the names cloud services give their logs (S3,
 * CloudFront, Cloud Storage usage logs) and syslog.
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

/**
 * Logs that cloud services name without an extension: S3 server access logs (`2026-11-30-10-00-00-0123456789ABCDEF`),
 * CloudFront standard logs (`E2EXAMPLE.2026-11-30-10.abcd1234`, delivered gzip-compressed), Cloud Storage usage logs
 * (`bucket_usage_2026_11_30_10_00_00_00abcd_v0`, CSV), and syslog (`syslog`, `syslog.1`).
 */
const SERVICE_LOGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?:^|[_.-])\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d-[0-9a-z]{16}$/, 'log'],
  [/^[a-z0-9]{8,16}\.\d{4}-\d\d-\d\d-\d\d\.[0-9a-f]{8}$/, 'log'],
  [/_usage_\d{4}_\d\d_\d\d_\d\d_\d\d_\d\d_[0-9a-f]+_v\d+$/, 'csv'],
  [new RegExp(String.raw`^syslog(?:${ROTATION})?$`), 'log'],
];

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
  if (UNDERSCORE_LOG.test(name)) return 'log';
  return SERVICE_LOGS.find(([pattern]) => pattern.test(name))?.[1];
}

/** For a gzip-compressed log (`access.log.2.gz`, `access_log.gz`), the name it has decompressed; else undefined. */
export function compressedLogPath(path: string): string | undefined {
  if (!/\.gz$/i.test(path)) return undefined;
  const inner = path.slice(0, -3);
  return logFileLanguage(inner) ? inner : undefined;
}
