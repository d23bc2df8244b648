/**
 * Where a status code stands in log and plain text, as data. Each pattern is a global regular expression whose
 * named group `code` is the status code (or whose group `codes` is a list of them; the `d` flag gives their offsets); everything else in the match is
 * context that must be present. A number that matches none of these (a byte count, a latency, a port, a pid, an IP
 * octet, a line number, a number in prose) is not a status code.
 */
export interface TextPattern {
  readonly id: string;
  readonly description: string;
  readonly regex: RegExp;
  /** Literal text the pattern cannot match without (any one of them): a file lacking all of them skips it. */
  readonly requires?: readonly string[];
}

/** Keys whose value is an HTTP status in JSON, logfmt, YAML, ECS and SDK exception texts. */
const STATUS_KEY = String.raw`(?:(?:http[._]?(?:response[._]?)?|response[._]?|upstream[._]?)?status(?:[._]?code)?|(?:http[._]?)?response[._]?code|httpStatusCode|sc[-_]status)`;

const METHODS = 'GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|CONNECT|TRACE';
const CODE = '(?<code>[1-5]\\d\\d)';
/** After the code: not part of a longer number or word (a sentence's full stop is fine). */
const END = '(?!\\w|\\.\\d)';

export const TEXT_PATTERNS: readonly TextPattern[] = Object.freeze([
  {
    id: 'http-status-line',
    description: 'HTTP status line: HTTP/1.1 429 Too Many Requests, < HTTP/2 404',
    regex: new RegExp(String.raw`\bHTTP\/\d(?:\.\d)?[ \t]+${CODE}${END}`, 'gm'),
    requires: ['HTTP/'],
  },
  {
    id: 'status-field',
    description: 'A status field: status=429, "status": 429, "status_code":"503", httpStatusCode: 404, "http.response.status_code": 503',
    regex: new RegExp(String.raw`(?<![\w.$-])["']?${STATUS_KEY}["']?[ \t]*[:=][ \t]*["']?${CODE}${END}`, 'gim'),
  },
  {
    id: 'access-log-status',
    description: 'The status after the quoted request of a common/combined access log (nginx, Apache, ingress-nginx, SDK access logs): "GET /x HTTP/1.1" 200 2326',
    regex: new RegExp(String.raw`"(?:${METHODS}) [^"\r\n]*"[ \t]+${CODE}(?=[ \t]|$)`, 'gm'),
  },
  {
    id: 'ingress-upstream-status',
    description: 'ingress-nginx: the upstream status before the request id, after [upstream] [alternative] addr length time',
    regex: new RegExp(String.raw`\] \[[^\]\r\n]*\] \S+ (?:\d+|-) (?:[\d.]+|-) ${CODE}(?= [0-9a-f]{16,}$)`, 'gm'),
    requires: ['] ['],
  },
  {
    id: 'exception-status',
    description: 'Java HttpClientErrorException$TooManyRequests: 429 Too Many Requests; WebClientResponseException: 503 Service Unavailable',
    regex: new RegExp(String.raw`(?:Exception|Error)(?:\$\w+)?: ${CODE}(?= [A-Z])`, 'gm'),
    requires: ['Exception', 'Error'],
  },
  {
    id: 'python-requests',
    description: 'Python requests: 429 Client Error: Too Many Requests for url',
    regex: new RegExp(String.raw`(?<![\w.])${CODE}(?= (?:Client|Server) Error: )`, 'gm'),
    requires: [' Client Error: ', ' Server Error: '],
  },
  {
    id: 'status-code-phrase',
    description: 'Prose: unexpected status code: 503, status code 404, HTTP status 429, HTTP 503, but got 415 instead',
    regex: new RegExp(String.raw`(?:\b(?:status[ _-]?code|HTTP status|response code|HTTP)\b[ \t]*[:=#]?[ \t]*|\bbut got )${CODE}${END}`, 'gim'),
  },
  {
    id: 'expected-codes',
    description: 'Terraform / gophertelekomcloud: Expected HTTP response code [202 204]',
    regex: /\bExpected HTTP response code \[(?<codes>[\d ,]+)\]/gm,
    requires: ['Expected HTTP response code'],
  },
]);

/**
 * Phrases that stand for a status on lines that carry no number for it (gophertelekomcloud and OTC Terraform
 * errors, SDK messages). Matched case-insensitively as written.
 */
export const STATUS_PHRASES: ReadonlyArray<{ readonly phrase: string; readonly code: number }> = Object.freeze([
  { phrase: 'Bad request with:', code: 400 },
  { phrase: 'Authentication failed', code: 401 },
  { phrase: 'Action Forbidden', code: 403 },
  { phrase: 'Resource not found:', code: 404 },
  { phrase: 'The server timed out waiting for the request', code: 408 },
  { phrase: 'Too many requests have been sent', code: 429 },
  { phrase: 'Internal Server Error', code: 500 },
  { phrase: 'The service is currently unable to handle the request', code: 503 },
]);
