/**
 * Where a status code stands in log and plain text, as data. Each pattern is a global regular expression whose
 * named group `code` is the status code; everything else in the match is context that must be present.
 * A number that matches none of these (a byte count, a latency, a port, a number in prose) is not a status code.
 */
export interface TextPattern {
  readonly id: string;
  readonly description: string;
  readonly regex: RegExp;
}

/** Keys whose value is an HTTP status in JSON, logfmt, YAML and SDK exception texts. */
const STATUS_KEY = String.raw`(?:(?:http[._]?(?:response[._]?)?|response[._]?|upstream[._]?)?status(?:[._]?code)?|(?:http[._]?)?response[._]?code|httpStatusCode)`;

const METHODS = 'GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|CONNECT|TRACE';

export const TEXT_PATTERNS: readonly TextPattern[] = Object.freeze([
  {
    id: 'http-status-line',
    description: 'HTTP status line: HTTP/1.1 429 Too Many Requests, < HTTP/2 404',
    regex: /\bHTTP\/\d(?:\.\d)?[ \t]+(?<code>[1-5]\d\d)(?![\w.])/g,
  },
  {
    id: 'status-field',
    description: 'A status field: status=429, "status": 429, "status_code":"503", httpStatusCode: 404',
    regex: new RegExp(String.raw`(?<![\w.$-])["']?${STATUS_KEY}["']?[ \t]*[:=][ \t]*["']?(?<code>[1-5]\d\d)(?![\w.])`, 'gi'),
  },
  {
    id: 'access-log-status',
    description: 'The status after the quoted request of a common/combined access log: "GET /x HTTP/1.1" 200 2326',
    regex: new RegExp(String.raw`"(?:${METHODS}) [^"]*"[ \t]+(?<code>[1-5]\d\d)(?=[ \t]|$)`, 'g'),
  },
]);
