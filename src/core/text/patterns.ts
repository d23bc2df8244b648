/**
 * Where a status code stands in log and plain text, as data. Each pattern is a global regular expression that
 * ends with the status code (three digits), or, with the `d` flag, names its codes in groups `code`, `code2` (a
 * `-` there is no code) or `codes` (a list); everything else in the match is context that must be present. A
 * number that matches none of these (a byte count, a latency, a port, a pid, an IP octet, a line number, a number
 * in prose) is not a status code. Every pattern stays on one line and is linear in the length of the line (no
 * nested quantifiers that can backtrack), so a line of several megabytes is read in linear time.
 */
export interface TextPattern {
  readonly id: string;
  readonly description: string;
  readonly regex: RegExp;
  /** Literal text the pattern cannot match without (any one of them): a text lacking all of them skips it. */
  readonly requires?: readonly string[];
  /**
   * The match is a separator and a value (`=404`, `": 404`); the field name before it must denote a response
   * status (keys.ts judges it by its words).
   */
  readonly key?: boolean;
  /** The code must be followed by its own reason phrase (`410 Gone`, `429 TOO_MANY_REQUESTS`). */
  readonly reason?: boolean;
  /**
   * A weak context (a bare `status` word or key): a value up to 255 is silent on lines that speak of a process
   * exit (`exited`, `exit status`, `killed`), and a 1xx value (Unix exit statuses 126-165 live there) needs a
   * request line.
   */
  readonly weak?: boolean;
}

const METHODS = 'GET|POST|PUT|DELETE|PATCH|HEAD|OPTIONS|CONNECT|TRACE';
const CODE = '[1-5]\\d\\d';
/**
 * An IIS (W3C) line without its #Fields header (pattern `iis-w3c-line`), up to its status: date time [site host] s-ip
 * method stem query port … sc-status, then sc-substatus sc-win32-status [bytes] time-taken.
 */
const IIS_W3C_LINE = String.raw`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? (?:\S+ ){0,4}(?:${METHODS}) \/\S* [^\r\n]*? ${CODE}(?= \d{1,3} \d{1,10}(?: \d+){0,3}(?: \S+)?[ \t]*$)`;

/**
 * A field right after a request's method and path (`GET /x SERVER-STATUS=200`) on a headerless IIS line: its query
 * (cs-uri-query), which IIS logs without the `?`. `at` is the start of the field, in the line [lineStart, lineEnd).
 */
export function inHeaderlessIisQuery(text: string, lineStart: number, at: number, lineEnd: number): boolean {
  return IIS_QUERY_BEFORE.test(text.slice(lineStart, at)) && IIS_LINE_ONCE.test(text.slice(lineStart, lineEnd));
}
const IIS_QUERY_BEFORE = new RegExp(String.raw`^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? (?:\S+ ){0,4}(?:${METHODS}) \/\S* $`);
const IIS_LINE_ONCE = new RegExp(IIS_W3C_LINE);
/** After the code: not part of a longer number or word (a sentence's full stop is fine). */
const END = '(?!\\w|\\.\\d)';
/** After a field's value: also not `203/EXEC` (a systemd exit status) nor a range `500-599`. */
const VALUE_END = '(?![\\w/]|[.-]\\d)';
/** An ANSI colour escape, as Gin and Fiber print around the status. */
const ANSI = '(?:\\x1b\\[[\\d;]*m)?';
/**
 * The end of a bracketed timestamp (looked behind from its `]`): common log format `[30/Nov/2026:10:00:00 +0000]`,
 * ISO 8601 `[2026-11-30T10:00:00+00:00]`, `[2026-11-30T10:00:00.123Z]`, Python's http.server and Django
 * `[30/Nov/2026 10:00:00]`.
 */
const CLF_TIME_END = String.raw`(?:\d\d:\d\d:\d\d(?:\.\d+)? [+-]\d{4}|T\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)|\/\d{4} \d\d:\d\d:\d\d)\]`;
/** An IPv4 or IPv6 address (a client address field). */
const IP = String.raw`(?:\d{1,3}(?:\.\d{1,3}){3}|[\da-fA-F]*:[\da-fA-F]*:[\da-fA-F:.]*)`;
/** A list item of ingress-nginx upstream variables: `10.0.0.5:8080, 10.0.0.6:8080` or `503 : 200`. */
const LIST = (item: string) => `${item}(?:(?:, | : )${item})*`;

export const TEXT_PATTERNS: readonly TextPattern[] = Object.freeze([
  {
    id: 'http-status-line',
    description: 'HTTP status line: HTTP/1.1 429 Too Many Requests, < HTTP/2 404',
    regex: new RegExp(String.raw`\bHTTP\/\d(?:\.\d)?[ \t]+${CODE}${END}`, 'gm'),
    requires: ['HTTP/'],
  },
  {
    id: 'status-field',
    description: 'A field whose name denotes a response status, in JSON, logfmt, key=value, YAML, SDK texts: status=429, "status_code":"503", '
      + 'httpStatusCode: 404, "DownstreamStatus":200, elb_status_code=502, resp=200, last_status=503, :status=>200',
    regex: new RegExp(String.raw`[:=]>?[ \t]*["']?${CODE}${VALUE_END}`, 'gm'),
    key: true,
  },
  {
    id: 'access-log-status',
    description: 'The status after the quoted request of a common/combined access log (nginx, Apache, S3, SDK access logs): "GET /x HTTP/1.1" 200 2326',
    regex: new RegExp(String.raw`"(?:${METHODS}) [^"\r\n]*"[ \t]+${CODE}(?=[ \t]|$)`, 'gm'),
    requires: METHODS.split('|').map((method) => `"${method} `),
  },
  {
    id: 'access-log-odd-request',
    description: 'Common/combined access log whose request field is "-", "" or junk: [30/Nov/2026:10:00:00 +0000] "-" 400 0',
    regex: new RegExp(String.raw`\] "(?!(?:${METHODS}) [^"\\\r\n]*")(?<=${CLF_TIME_END} ")(?:[^"\\\r\n]|\\.)*"[ \t]+${CODE}(?=[ \t]+(?:\d+|-)(?:[ \t]|$))`, 'gm'),
    requires: ['] "'],
  },
  {
    id: 'access-log-status-first',
    description: 'An access log that writes the status before the quoted request (the nginx gateway of the Loki Helm chart): [30/Nov/2026:10:00:00 +0000]  426 "POST /loki/api/v1/push HTTP/1.1" 0',
    regex: new RegExp(String.raw`\][ \t]{1,2}(?<=${CLF_TIME_END}[ \t]{1,2})${CODE}(?=[ \t]+"(?:${METHODS}) [^"\r\n]*")`, 'gm'),
    requires: METHODS.split('|').map((method) => `"${method} `),
  },
  {
    id: 's3-access-log',
    description: 'Amazon S3 server access log: the status after the operation, the key and the request, also when the request is "-" '
      + 'or a bare - (batch deletes): REST.COPY.OBJECT_GET photos/a.jpg "-" 200 - - 12345, BATCH.DELETE.OBJECT photos/b.jpg - 204 - - 5120',
    regex: new RegExp(String.raw`\b(?:REST|WEBSITE|BATCH|S3)\.[A-Z_.]+ \S+ (?:"(?:[^"\\\r\n]|\\.)*"|-) ${CODE}(?= \S+ (?:\d+|-) (?:\d+|-) )`, 'gm'),
    requires: ['REST.', 'WEBSITE.', 'BATCH.', 'S3.'],
  },
  {
    id: 'iis-w3c-line',
    description: 'An IIS (W3C) line without its #Fields header, in the default field order: date time [site host] s-ip method stem query port '
      + 'user c-ip agent [referer] [host] sc-status sc-substatus sc-win32-status [bytes] time-taken [x-forwarded-for]: '
      + '2026-11-30 10:00:00 10.0.0.1 GET /x - 443 - 10.0.0.9 Mozilla/5.0 - 404 0 2 15',
    regex: new RegExp(IIS_W3C_LINE, 'gm'),
    // One literal found early in almost any log: nine method literals cost nine whole-block searches on the many
    // blocks that lack them (~4 ms per MB), the regex itself (one start per line) about a seventh of that.
    requires: [' /'],
  },
  {
    id: 'squid-native',
    description: 'Squid native access log: result code and status after time (milliseconds optional), elapsed and client: 1286536308.779 180 10.0.0.1 TCP_MISS/200 411 GET http://…',
    regex: new RegExp(String.raw`\b(?:TCP|UDP|TAG|NONE)[A-Z_]*\/(?<=\b\d{9,10}(?:\.\d{3})?[ \t]+-?\d+ \S+ [A-Z_]+\/)${CODE}(?= -?\d+ [A-Z])`, 'gm'),
    requires: ['TCP_', 'UDP_', 'NONE/', 'TAG_'],
  },
  {
    id: 'chi-request',
    description: 'Go chi middleware.Logger: "GET http://host/ HTTP/1.1" from 10.0.0.1:54620 - 200 12B in 31.1µs',
    regex: new RegExp(String.raw`"(?:${METHODS}) [^"\r\n]*" from \S+ - ${CODE}(?= \d+B in )`, 'gm'),
    requires: ['" from '],
  },
  {
    id: 'aspnet-request-finished',
    description: 'ASP.NET Core 2-5 hosting log: Request finished in 42.3ms 200 application/json (6+ is method-path-status: GET http://x/ - 200)',
    regex: new RegExp(String.raw`\bRequest finished in \d+(?:\.\d+)?ms ${CODE}${END}`, 'gm'),
    requires: ['Request finished in '],
  },
  {
    id: 'python-send-error',
    description: "Python http.server (BaseHTTPRequestHandler.send_error): code 404, message File not found",
    regex: new RegExp(String.raw`\bcode ${CODE}(?=, message )`, 'gm'),
    requires: [', message '],
  },
  {
    id: 'azure-storage-log',
    description: 'Azure Storage analytics log (version 1.0/2.0, semicolons): 1.0;2026-11-30T10:00:00.0000000Z;GetBlob;Success;200;18;10;…',
    regex: new RegExp(String.raw`(?<![\w.;])\d\.\d;\d{4}-\d\d-\d\dT[\d:.]+Z;[A-Za-z]+;[A-Za-z]+;${CODE}(?=;\d+;)`, 'gm'),
    requires: [';'],
  },
  {
    id: 'ingress-upstream-status',
    description: 'ingress-nginx: the upstream status list (503, 200 or 503 : 200) before the request id, after [upstream] [alternative] addresses lengths times',
    regex: new RegExp(String.raw`\] \[[^\]\r\n]*\] ${LIST('[^\\s,]+')} ${LIST('(?:\\d+|-)')} ${LIST('(?:[\\d.]+|-)')} (?<codes>${LIST(`(?:${CODE}|-)`)})(?= [0-9a-f]{16,}$)`, 'dgm'),
    requires: ['] ['],
  },
  {
    id: 'haproxy-http',
    description: 'HAProxy HTTP log: the status after the Tq/Tw/Tc/Tr/Tt timers: [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750',
    regex: new RegExp(String.raw`\.\d{3}\] \S+ \S+ -?\d+\/-?\d+\/-?\d+\/-?\d+\/\+?-?\d+[ \t]+${CODE}(?=[ \t]+\d+[ \t])`, 'gm'),
    requires: ['] '],
  },
  {
    id: 'aws-load-balancer',
    description: 'AWS ALB / classic ELB log: elb status and target status after the three processing times: 0.000 0.001 0.000 200 200 34 366 "GET ...',
    regex: new RegExp(String.raw`\.\d{6}Z \S+ \S+ \S+ (?:-1|\d+(?:\.\d+)?) (?:-1|\d+(?:\.\d+)?) (?:-1|\d+(?:\.\d+)?) (?<code>${CODE}|-) (?<code2>${CODE}|-) \d+ \d+ "`, 'dgm'),
    requires: ['Z '],
  },
  {
    id: 'pipe-table',
    description: 'Gin and Fiber request logs: the status between bars before the latency and the client address: [GIN] 2024/01/02 - 15:04:05 | 200 |    1.2ms | 127.0.0.1 | GET "/ping"',
    regex: new RegExp(String.raw`\|${ANSI}[ \t]+${CODE}(?=[ \t]+${ANSI}\|[ \t]*\d+(?:\.\d+)?(?:[µμn]s|ms|s|m\d+(?:\.\d+)?s|h\d+m\d+(?:\.\d+)?s)[ \t]*\|[ \t]*[\da-fA-F.:]*[\da-fA-F][ \t]*\|)`, 'gm'),
    requires: ['|'],
  },
  {
    id: 'method-path-status',
    description: 'A method and a path, then the status: GET /x -> 503, POST /v2/p/groups/g/streams 201 (took 88 ms), GET /api 200 12.3 ms (morgan), '
      + 'HTTP GET /x responded 404 in 12.3 ms (Serilog), POST /loki/api/v1/push (500) 1.2ms (Grafana dskit/weaveworks middleware); '
      + 'not the port of an IIS line whose query is empty: GET /x - 443 - 10.0.0.9 (port, user, client)',
    regex: new RegExp(String.raw`\b(?:${METHODS})[ \t]+(?:[a-z][\w+.-]*:\/\/[^\s"]*|\/[^\s"]*)[ \t]+(?:(?:->|=>|→|:|responded|returned|answered)[ \t]+|-[ \t]+(?!\d+[ \t]+\S+[ \t]+${IP}[ \t])|\((?=${CODE}\)(?:$|[\s"',;\\])))?${CODE}(?=$|[ \t,;)\]]|\.(?!\d))`, 'gm'),
    requires: METHODS.split('|'),
  },
  {
    id: 'tornado-request',
    description: 'Tornado access log: the status before the method: [W 261130 10:00:01 web:2271] 404 GET /favicon.ico (::1) 0.71ms',
    regex: new RegExp(String.raw`\[[DIWEC] \d{6} \d\d:\d\d:\d\d \w+:\d+\] ${CODE}(?= (?:${METHODS}) \S+ \()`, 'gm'),
    requires: [':'],
  },
  {
    id: 'dotnet-http-client',
    description: '.NET IHttpClientFactory logging: End processing HTTP request after 123.4ms - 429, Received HTTP response headers after 120.1ms - 200',
    regex: new RegExp(String.raw`\b(?:End processing HTTP request|Received HTTP response headers) after \d+(?:\.\d+)?ms - ${CODE}${END}`, 'gm'),
    requires: ['HTTP '],
  },
  {
    id: 'okhttp-response',
    description: 'OkHttp HttpLoggingInterceptor, Koa logger: <-- 404 https://x/v2 (12ms), <-- 200 OK https://…',
    regex: new RegExp(String.raw`(?<![\w-])<-- ${CODE}(?=[ \t]|$)`, 'gm'),
    requires: ['<-- '],
  },
  {
    id: 'curl-error',
    description: 'curl --fail and git over HTTPS: The requested URL returned error: 404',
    regex: new RegExp(String.raw`\bThe requested URL returned error: ${CODE}${END}`, 'gm'),
    requires: ['returned error: '],
  },
  {
    id: 'modsecurity-denied',
    description: 'ModSecurity in Apache and nginx error logs: ModSecurity: Access denied with code 403 (phase 2)',
    regex: new RegExp(String.raw`\bAccess denied with code ${CODE}${END}`, 'gm'),
    requires: ['Access denied with code '],
  },
  {
    id: 'exception-status',
    description: 'Java HttpClientErrorException$TooManyRequests: 429 Too Many Requests; WebClientResponseException: 503 Service Unavailable',
    regex: new RegExp(String.raw`(?:Exception|Error)(?:\$\w+)?: ${CODE}(?= [A-Z])`, 'gm'),
    requires: ['Exception', 'Error'],
  },
  {
    id: 'dotnet-ensure-success',
    description: '.NET EnsureSuccessStatusCode, also when the reason is empty: Response status code does not indicate success: 404 ().',
    regex: new RegExp(String.raw`\bdoes not indicate success: ${CODE}${END}`, 'gm'),
    requires: ['indicate success: '],
  },
  {
    id: 'parenthesized-status',
    description: 'A status in parentheses after an SDK phrase: .NET WebException The remote server returned an error: (404) Not Found. '
      + '(zh-CN: 远程服务器返回错误: (401) 未经授权), botocore An error occurred (403) when calling the HeadObject operation',
    regex: new RegExp(String.raw`(?:\breturned an error: |返回错误[:：] ?|\bAn error occurred )\(${CODE}(?=\)(?: when calling the |[ \t.]|$))`, 'gm'),
    requires: ['returned an error: ', '返回错误', 'An error occurred ('],
  },
  {
    id: 'python-requests',
    description: 'Python requests: 429 Client Error: Too Many Requests for url',
    regex: new RegExp(String.raw`(?<![\w.])${CODE}(?= (?:Client|Server) Error: )`, 'gm'),
    requires: ['Error: '],
  },
  {
    id: 'status-code-phrase',
    description: 'Prose: unexpected status code: 503, status code 404, HTTP status 429, HTTP 503, HTTP error 404, HTTP Error 429:, but got 415 instead, '
      + '[status code] 401 (Guzzle), 返回状态码: 401 (zh-CN: status code)',
    regex: new RegExp(String.raw`(?:\b(?:[Ss]tatus[ _-]?[Cc]ode|STATUS[ _-]?CODE|(?:HTTP|[Hh]ttp) (?:[Ss]tatus|STATUS|[Ee]rror|ERROR)|[Rr]esponse [Cc]ode|RESPONSE CODE|HTTP|[Hh]ttp)\b\]?[ \t]*[:=#]?[ \t]*|\bbut got |(?:状态码|响应码)[ \t]*[:：=]?[ \t]*)${CODE}${END}`, 'gm'),
    requires: ['tatus', 'STATUS', 'HTTP', 'ttp', 'esponse', 'ESPONSE', 'but got ', '状态码', '响应码'],
  },
  {
    id: 'status-word',
    description: 'Prose: failed with status 503, returned status 404 (not: exited with status 143)',
    regex: new RegExp(String.raw`(?<![\w.-])[Ss]tatus(?:[ \t]+(?:of|is|was))?[ \t]+${CODE}${VALUE_END}`, 'gm'),
    requires: ['tatus'],
    weak: true,
  },
  {
    id: 'reason-phrase',
    description: 'A number followed by its own reason phrase, anywhere: 410 Gone, Completed 409 CONFLICT in 5ms, [429 Too Many Requests], 429 TOO_MANY_REQUESTS, 401 (Unauthorized), ERROR 404: Not Found.',
    regex: new RegExp(String.raw`[ \t]\(?[A-Za-z](?<=(?<![\w.\/:-])(?<code>${CODE})(?:[ \t]+(?:[-:][ \t]+|\()?|:[ \t]+)[A-Za-z])`, 'dgm'),
    reason: true,
  },
  {
    id: 'expected-codes',
    description: 'Terraform / gophertelekomcloud: Expected HTTP response code [202 204]',
    regex: /\bExpected HTTP response code \[(?<codes>[\d ,]+)\]/dgm,
    requires: ['Expected HTTP response code ['],
  },
]);

/**
 * The words of field names (keys.ts). A name denotes a status when its last word (after dropping `trailing`
 * words) is `status`, `resp`/`response`, or `code` qualified by `status` or a `qualifiers` word; a `negatives`
 * word anywhere before it rules it out; a `code` with only `neutral` words is bare (needs a request line).
 */
export const STATUS_KEY_WORDS = Object.freeze({
  heads: ['status', 'code', 'resp', 'response', 'rsp'],
  qualifiers: [
    'http', 'https', 'response', 'resp', 'rsp', 'res', 'upstream', 'downstream', 'origin', 'target', 'edge', 'elb', 'alb',
    'lb', 'backend', 'proxy', 'sc', 'gateway',
  ],
  negatives: [
    'exit', 'exited', 'process', 'proc', 'signal', 'win32', 'sub', 'job', 'task', 'container', 'pod', 'build', 'error', 'err',
    'return', 'ret', 'reason', 'reply', 'smtp', 'ftp', 'sql', 'country', 'zip', 'postal', 'area', 'currency', 'lang',
    'region', 'promo', 'auth', 'event', 'info', 'item', 'product', 'order', 'payment', 'result', 'os', 'sys', 'system',
    'termination', 'child', 'wait', 'kill', 'shell', 'command', 'cmd', 'script',
  ],
  neutral: ['last', 'final', 'the', 'x'],
  trailing: ['value', 'int', 'number', 'num', 'sent'],
});

/** A request log line: a method, a URL, an HTTP version, a path field. Gives a bare `code=404` its meaning. */
export const REQUEST_CONTEXT = new RegExp(
  String.raw`\b(?:${METHODS})\b|[A-Za-z]:\/\/|\bHTTP\/\d|\b(?:[Pp]ath|PATH|[Uu]ri|URI|[Uu]rl|URL|[Rr]oute|request_?[Uu]ri|requestURI)["']?[ \t]*[:=][ \t]*["']?\/`);

/**
 * HTTP context for a phrase without a number or a weak 1xx: a request line, the word HTTP, a `status` that is
 * not a word value (`status=deferred` in a mail log), an LTS/APIGW error code, an SDK or request-id marker, a
 * versioned API path.
 */
export const HTTP_CONTEXT = new RegExp(String.raw`${REQUEST_CONTEXT.source}|\bHTTP\b|\b[Ss]tatus\b(?![ \t]*[=:][ \t]*[A-Za-z])|\b(?:LTS|APIGW)\.\d{4}\b|`
  + String.raw`HuaweiCloud|huaweicloud|OpenTelekomCloud|opentelekomcloud|(?:Client|Server|Service)(?:Request|Response)Exception|request_?[Ii]d|X-Request-Id|\/v\d+(?:\.\d+)?\/`);

/** A process exit: the `status` of these lines is an exit status (`exited with status 143`, `code=exited, status=1`). */
export const EXIT_CONTEXT = /\b(?:[Ee]xit(?:ed|ing)?|EXIT(?:ED)?|[Kk]illed|KILLED|[Tt]erminated|TERMINATED|[Dd]umped|[Ss]ignal|SIGNAL)\b/;

/** Daemons whose "Authentication failed" is never an HTTP 401 (auth, Kerberos, mail). */
export const NON_HTTP_CONTEXT = /\b(?:sshd|sudo|pam_\w+|PAM|imap-login|pop3-login|krb5kdc|kadmind|[Kk]erberos|SASL|sasl|postfix|dovecot|sendmail|exim|smtpd?|imapd?|pop3d?|vsftpd|proftpd|slapd)\b/;

/**
 * Phrases that stand for a status on lines that carry no number for it (gophertelekomcloud and OTC Terraform
 * errors, SDK messages). Matched case-insensitively as written, from a word start. Only `standalone` phrases
 * (they name the request or the server themselves) count on a line without HTTP context (HTTP_CONTEXT).
 */
export const STATUS_PHRASES: ReadonlyArray<{ readonly phrase: string; readonly code: number; readonly standalone?: boolean }> = Object.freeze([
  { phrase: 'Bad request with:', code: 400 },
  { phrase: 'Authentication failed', code: 401 },
  { phrase: 'Action Forbidden', code: 403 },
  { phrase: 'Resource not found:', code: 404 },
  { phrase: 'The server timed out waiting for the request', code: 408, standalone: true },
  { phrase: 'Too many requests have been sent', code: 429, standalone: true },
  { phrase: 'Internal Server Error', code: 500, standalone: true },
  { phrase: 'The service is currently unable to handle the request', code: 503, standalone: true },
]);

/**
 * Reason phrases that logs print besides the IANA ones (src/data/httpStatus.ts): former IANA names and the
 * names of Spring's HttpStatus constants, so `413 PAYLOAD_TOO_LARGE` and `422 Unprocessable Entity` count.
 */
export const REASON_ALIASES: Readonly<Record<number, readonly string[]>> = Object.freeze({
  302: ['Moved Temporarily'],
  413: ['Payload Too Large', 'Request Entity Too Large'],
  414: ['Request-URI Too Long'],
  416: ['Requested Range Not Satisfiable'],
  418: ["I'm a teapot", 'I am a teapot'],
  422: ['Unprocessable Entity'],
});
