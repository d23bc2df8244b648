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

/** Every name a code goes by (its phrase and the older spellings above), normalized. */
function namesOf(code: number): string[] {
  return [...byName.entries()].filter(([, value]) => value === code).map(([name]) => name);
}

/** Words of a phrase: `Too Many Requests` → [too, many, requests]. */
function words(phrase: string): string[] {
  return phrase.replace(/'/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => word.toLowerCase());
}

type Style = 'upper' | 'pascal' | 'camel' | 'snake';

function render(parts: string[], style: Style): string {
  // Initialisms stay whole in every library that capitalises words: HttpStatusCode.OK, http.StatusOK.
  const cap = (word: string) => (word === 'ok' ? 'OK' : word.charAt(0).toUpperCase() + word.slice(1));
  switch (style) {
    case 'upper': return parts.map((word) => word.toUpperCase()).join('_');
    case 'snake': return parts.join('_');
    case 'pascal': return parts.map(cap).join('');
    case 'camel': return parts[0] + parts.slice(1).map(cap).join('');
  }
}

/**
 * The same symbolic form for another code, in the same spelling style: `HttpStatus.CONFLICT` → `HttpStatus.BAD_REQUEST`,
 * `http.StatusConflict` → `http.StatusBadRequest`, `:conflict` → `:bad_request`, `status.HTTP_409_CONFLICT` →
 * `status.HTTP_400_BAD_REQUEST`, `ConflictException` → `BadRequestException`. Undefined when the name of `from`
 * cannot be found in `symbol`.
 */
export function replaceSymbolCode(symbol: string, from: number, to: number, toPhrase: string): string | undefined {
  for (const name of namesOf(from)) {
    for (const style of ['upper', 'pascal', 'camel', 'snake'] as const) {
      const phraseWords = wordsForNormalized(name, from);
      if (!phraseWords) continue;
      const written = render(phraseWords, style);
      const at = findWord(symbol, written);
      if (at < 0) continue;
      // One lower-case word says nothing of the style: a Ruby symbol (:conflict) is snake_case, a method camelCase.
      const target = phraseWords.length === 1 && (style === 'camel' || style === 'snake')
        ? (symbol.charAt(at - 1) === ':' || symbol.includes('_') ? 'snake' : 'camel')
        : style;
      const replaced = symbol.slice(0, at) + render(words(toPhrase), target) + symbol.slice(at + written.length);
      return replaced.replace(new RegExp(`(?<!\\d)${from}(?!\\d)`), String(to));
    }
  }
  return undefined;
}

/** The words of the phrase or alias whose normalized form is `name`. */
function wordsForNormalized(name: string, code: number): string[] | undefined {
  const phrases = [...HTTP_STATUS_ENTRIES.filter((e) => e.code === code).map((e) => e.phrase), ...Object.keys(ALIASES).filter((a) => ALIASES[a] === code)];
  const phrase = phrases.find((p) => normalizeName(p) === name);
  return phrase ? words(phrase) : undefined;
}

/** Where `word` stands in `text` as a whole name part (not inside a longer word of the same case). */
function findWord(text: string, word: string): number {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + word.length);
    const lowerStart = /^[a-z]/.test(word);
    const pascal = /^[A-Z][a-z]/.test(word);
    if ((before === '' || !/[A-Za-z]/.test(before) || pascal || (!lowerStart && /[a-z0-9]/.test(before)))
      && (after === '' || !/[a-z]/.test(after) || /^[A-Z]/.test(after))) return at;
  }
  return -1;
}
