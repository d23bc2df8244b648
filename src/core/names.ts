/**
 * Status codes by name, for symbolic forms such as `http.StatusConflict`, `HttpStatus.CONFLICT`, `:not_found`,
 * `StatusCode::TOO_MANY_REQUESTS` or `ConflictException`: the IANA reason phrases plus the older or framework
 * spellings that libraries still use. Names are compared normalized: lower case, without spaces, `_`, `-` or `'`.
 */
import { HTTP_STATUS_ENTRIES } from '../data/httpStatus';

const ALIASES: Readonly<Record<string, number>> = {
  // Older RFC 2616/7231 phrases, still the constant names in many libraries.
  'Request Entity Too Large': 413, 'Payload Too Large': 413, 'Request URI Too Long': 414, 'Request-URI Too Long': 414,
  'Requested Range Not Satisfiable': 416, 'Unprocessable Entity': 422, 'Moved Temporarily': 302, 'Switch Proxy': 306,
  "I'm a teapot": 418, 'I am a teapot': 418, 'Im A Teapot': 418, 'Teapot': 418, 'Misdirected': 421,
  'Proxy Auth Required': 407, 'Non Authoritative Info': 203, 'Request Header Fields Too Large': 431,
  'Http Version Not Supported': 505, 'Version Not Supported': 505,
  // .NET HttpStatusCode synonyms.
  'Ambiguous': 300, 'Moved': 301, 'Redirect': 302, 'Redirect Method': 303, 'Redirect Keep Verb': 307,
};

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_\-']/g, '');
}

const byName = new Map<string, number>();
for (const entry of HTTP_STATUS_ENTRIES) if (!entry.phrase.startsWith('(')) byName.set(normalizeName(entry.phrase), entry.code);
for (const [name, code] of Object.entries(ALIASES)) byName.set(normalizeName(name), code);

/** The status code a name stands for (`Conflict`, `NOT_FOUND`, `tooManyRequests`), with optional extra names. */
export function codeForName(name: string, extra?: Readonly<Record<string, number>>): number | undefined {
  const key = normalizeName(name);
  if (extra) {
    for (const [alias, code] of Object.entries(extra)) if (normalizeName(alias) === key) return code;
  }
  return byName.get(key);
}
