/**
 * Sink evidence: cheap text tests, derived from a language's status query, that a file can hold a status sink — a
 * place where a request handler sends, returns or sets a status (`@status.send`, `@status.implicit`). A file without
 * such evidence has no finding of its own and no sink for status flow, so `lts-status check` need not parse it unless
 * the flow index asks for a name it mentions (see `FlowIndex.demand`).
 *
 * Nothing here is written per language: for every pattern of the query that captures a send, the text predicates on
 * captures the pattern always makes (`#eq?`, `#any-of?`, `#match?`, and their `any-` forms) are necessary conditions
 * on the file's text — a node's text is a substring of the file, so the predicate's regular expression without its
 * anchors must match the file. A pattern without such a predicate gives no evidence test, and any file of its
 * language counts as having evidence (slower, never wrong).
 */
import { escapeRegExp } from '../types';

/** For each send pattern, the expressions that must all match a file's text for the pattern to match. */
export interface SinkEvidence {
  readonly patterns: ReadonlyArray<readonly RegExp[]>;
  /** True when some send pattern has no test: every file may hold a sink. */
  readonly always: boolean;
}

const SEND_CAPTURES = new Set(['status.send', 'status.implicit']);
/** Captures that only explain (never flagged, never followed): patterns with no other capture are not needed for findings. */
const EXPLAIN_ONLY = new Set(['status.mention']);

interface Token {
  readonly kind: 'open' | 'close' | 'openAlt' | 'closeAlt' | 'quantifier' | 'anchor' | 'string' | 'capture' | 'atom';
  readonly text: string;
  /** The token's offset in the source. */
  readonly at: number;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === ';') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '(' || c === ')' || c === '[' || c === ']') {
      tokens.push({ kind: c === '(' ? 'open' : c === ')' ? 'close' : c === '[' ? 'openAlt' : 'closeAlt', text: c, at: i });
      i++;
    } else if (c === '"') {
      let text = '';
      const at = i;
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\' && i + 1 < source.length) {
          const e = source[i + 1];
          text += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === '0' ? '\0' : e;
          i += 2;
        } else {
          text += source[i++];
        }
      }
      i++;
      tokens.push({ kind: 'string', text, at });
    } else if (c === '@') {
      let j = i + 1;
      while (j < source.length && /[\w.\-]/.test(source[j])) j++;
      tokens.push({ kind: 'capture', text: source.slice(i + 1, j), at: i });
      i = j;
    } else if (c === '?' || c === '*' || c === '+') {
      tokens.push({ kind: 'quantifier', text: c, at: i });
      i++;
    } else if (c === '.') {
      tokens.push({ kind: 'anchor', text: c, at: i });
      i++;
    } else {
      let j = i;
      while (j < source.length && !/[\s()[\]";@]/.test(source[j])) j++;
      if (j === i) j++;
      tokens.push({ kind: 'atom', text: source.slice(i, j), at: i });
      i = j;
    }
  }
  return tokens;
}

interface Predicate {
  readonly operator: string;
  readonly capture: string;
  readonly strings: readonly string[];
}

export interface PatternFacts {
  readonly captures: Set<string>;
  /** Captures present in every match of the pattern (not under `?`, `*` or an alternation). */
  readonly required: Set<string>;
  readonly predicates: Predicate[];
  /** `(#set! evidence "…")`: a text test the pattern's author states (a regular expression) on the lines of a match. */
  readonly evidence: string[];
  /**
   * `(#set! evidence.file "…")`: a text test of the whole file, for a pattern that matches only where something
   * elsewhere in the file says so (a bare `raise NotFound()` is a status only when the file imports `NotFound` from a
   * framework, see `@import.name`): the import is the evidence.
   */
  readonly fileEvidence: string[];
  /** Where the pattern stands in the query source. */
  start: number;
  end: number;
}

/**
 * The top-level patterns of a query with their captures, which captures every match makes, and their predicates.
 * Exported for the unit test that compares it with tree-sitter's own capture quantifiers.
 */
export function queryPatterns(source: string): PatternFacts[] {
  const tokens = tokenize(source);
  let at = 0;
  const patterns: PatternFacts[] = [];

  // Parses one element at `at` (a group, an alternation, a string, a wildcard or a node name) with its quantifier
  // and captures; `optional` says whether an enclosing element may be absent from a match.
  const element = (facts: PatternFacts, optional: boolean): void => {
    const start = tokens[at];
    // The quantifier and captures follow the element: look ahead for the quantifier first.
    const end = matchingEnd(at);
    let after = end + 1;
    let quantified = false;
    if (tokens[after]?.kind === 'quantifier') {
      quantified = tokens[after].text === '?' || tokens[after].text === '*';
      after++;
    }
    const inner = optional || quantified;
    if (start.kind === 'open') {
      at++;
      if (tokens[at]?.kind === 'atom' && tokens[at].text.startsWith('#')) {
        const operator = tokens[at].text.slice(1);
        at++;
        const args: Token[] = [];
        while (at < end) args.push(tokens[at++]);
        const capture = args.find((t) => t.kind === 'capture');
        if (operator === 'set!' && args[0]?.kind === 'atom' && args[0].text === 'evidence' && args[1]?.kind === 'string') {
          facts.evidence.push(args[1].text);
        } else if (operator === 'set!' && args[0]?.kind === 'atom' && args[0].text === 'evidence.file' && args[1]?.kind === 'string') {
          facts.fileEvidence.push(args[1].text);
        } else if (capture) {
          facts.predicates.push({ operator, capture: capture.text, strings: args.filter((t) => t.kind === 'string').map((t) => t.text) });
        }
      } else {
        while (at < end) children(facts, inner);
      }
    } else if (start.kind === 'openAlt') {
      // A capture every branch makes is made by the alternation.
      at++;
      let common: Set<string> | undefined;
      while (at < end) {
        const branch: PatternFacts = { ...facts, required: new Set() };
        const before = at;
        children(branch, inner);
        if (at === before) at++;
        const isBranch = tokens[before].kind !== 'capture' && tokens[before].kind !== 'anchor' && tokens[before].kind !== 'quantifier';
        if (isBranch) common = common ? new Set([...common].filter((c) => branch.required.has(c))) : branch.required;
      }
      for (const name of common ?? []) facts.required.add(name);
    }
    at = after;
    while (tokens[at]?.kind === 'capture') {
      const name = tokens[at].text;
      facts.captures.add(name);
      if (!inner) facts.required.add(name);
      at++;
    }
  };

  // One step inside a group or an alternation: a child element, or a token that belongs to none.
  const children = (facts: PatternFacts, optional: boolean): void => {
    const t = tokens[at];
    if (t.kind === 'open' || t.kind === 'openAlt' || t.kind === 'string' || (t.kind === 'atom' && t.text === '_')) {
      element(facts, optional);
    } else {
      if (t.kind === 'capture') {
        facts.captures.add(t.text);
        if (!optional) facts.required.add(t.text);
      }
      at++;
    }
  };

  // The index of the token that closes the element starting at `index` (itself for a single token).
  function matchingEnd(index: number): number {
    const first = tokens[index];
    if (first.kind !== 'open' && first.kind !== 'openAlt') return index;
    let depth = 0;
    for (let i = index; i < tokens.length; i++) {
      const k = tokens[i].kind;
      if (k === 'open' || k === 'openAlt') depth++;
      else if (k === 'close' || k === 'closeAlt') {
        depth--;
        if (depth === 0) return i;
      }
    }
    return tokens.length - 1;
  }

  while (at < tokens.length) {
    const t = tokens[at];
    if (t.kind === 'open' || t.kind === 'openAlt' || t.kind === 'string' || t.kind === 'atom') {
      const facts: PatternFacts = { captures: new Set(), required: new Set(), predicates: [], evidence: [], fileEvidence: [], start: t.at, end: t.at };
      element(facts, false);
      facts.end = at < tokens.length ? tokens[at].at : source.length;
      patterns.push(facts);
    } else {
      at++;
    }
  }
  return patterns;
}

/** A regular expression without its `^` and `$` assertions (outside character classes): it then matches the file. */
export function unanchored(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
      if (pattern[i + 1] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i + 1] === ']') {
        out += ']';
        i++;
      }
    } else if (c !== '^' && c !== '$') {
      out += c;
    }
  }
  return out;
}

/**
 * Without optional groups at its start (`(actix_web::)?error::`, `([a-z_]+::)*StatusCode::`): the rest is still
 * necessary, and an unanchored search no longer tries the optional part at every position of the file.
 */
export function withoutOptionalPrefix(pattern: string): string {
  let rest = pattern;
  for (;;) {
    if (rest[0] !== '(') return rest;
    const end = closingParen(rest, 0);
    if (end < 0 || (rest[end + 1] !== '?' && rest[end + 1] !== '*') || rest[end + 2] === '?' || end + 2 >= rest.length) return rest;
    // A top-level alternation after the group (`(a)?b|c`) would change meaning: keep the pattern as it is.
    if (splitTopLevel(rest).length > 1) return rest;
    rest = rest.slice(end + 2);
  }
}

/**
 * A weaker test that a search runs fast: each alternative (also inside one group that wraps the whole pattern)
 * without what it may start with before its first literal — optional groups, `\w+`, `[rfRF]?`, a range `[a-z]` — so that the
 * search does not try a run of word characters at every position of the file. What is left of an alternative is still
 * necessary for it (`\w+\.(body|each)` needs `.body` or `.each`). Undefined when an alternative has nothing left: the
 * predicate then gives no test.
 */
export function withoutOpenPrefixes(pattern: string): string | undefined {
  let body = pattern;
  const wrapped = closingParen(body, 0) === body.length - 1;
  if (wrapped) body = body.startsWith('(?:') ? body.slice(3, -1) : body.slice(1, -1);
  const alternatives = splitTopLevel(body).map(stripOpenPrefix);
  if (alternatives.some((alternative) => alternative === '')) return undefined;
  return alternatives.length === 1 && !wrapped ? alternatives[0] : `(?:${alternatives.join('|')})`;
}

/** The index of the `)` that closes the group opening at `open`, or -1. */
function closingParen(pattern: string, open: number): number {
  if (pattern[open] !== '(') return -1;
  let depth = 0;
  let inClass = false;
  for (let i = open; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** A pattern's alternatives at its top level (outside groups and classes). */
function splitTopLevel(pattern: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      parts.push(pattern.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(pattern.slice(from));
  return parts;
}

/** One alternative without the open-ended start described at {@link withoutOpenPrefixes}. */
function stripOpenPrefix(alternative: string): string {
  let rest = alternative;
  for (;;) {
    let end: number;
    if (rest[0] === '(') {
      end = closingParen(rest, 0);
      // Only a group that may be absent (a group that must be there keeps the alternatives inside it).
      if (end < 0 || (rest[end + 1] !== '?' && rest[end + 1] !== '*')) return rest;
      end += 1;
    } else if (rest[0] === '[') {
      end = rest.indexOf(']', rest[1] === ']' || (rest[1] === '^' && rest[2] === ']') ? 3 : 1);
      if (end < 0 || rest.slice(0, end).includes('\\')) return rest;
      // A class that must be there and is narrow (`["']`) is a cheap, selective start: it stays.
      if (!'?*'.includes(rest[end + 1] ?? '') && !/^\[\^|.-./.test(rest.slice(0, end))) return rest;
    } else if (rest[0] === '\\' && /[wsdWSD]/.test(rest[1] ?? '')) {
      end = 1;
    } else if (rest[0] === '.') {
      end = 0;
    } else {
      return rest;
    }
    if (/[?*+]/.test(rest[end + 1] ?? '')) end++;
    if (rest[end + 1] === '?' || rest[end + 1] === '{' || rest[end + 1] === '+') return rest;
    rest = rest.slice(end + 1);
  }
}

/** A rough cost order for tests: plain words first, then other expressions, longest literal runs first. */
function testCost(test: RegExp): number {
  const literal = /^\(\?<!\[A-Za-z0-9_\]\)\(\?:[\w|]+\)\(\?!\[A-Za-z0-9_\]\)$/.test(test.source);
  return literal ? 0 : /^[\w\\s.]/.test(test.source) ? 1 : 2;
}

const WORD = /^[A-Za-z0-9_]+$/;

/**
 * Literal node texts as one expression. A node whose whole text is a word is a token, and a tokenizer never ends a
 * token between two word characters, so such a literal stands between non-word characters in the file.
 */
function literals(words: readonly string[]): RegExp {
  const alternatives = words.map(escapeRegExp).join('|');
  return words.every((w) => WORD.test(w)) ? new RegExp(`(?<![A-Za-z0-9_])(?:${alternatives})(?![A-Za-z0-9_])`) : new RegExp(alternatives);
}

/** The text test a predicate on a required capture implies, if any. */
function predicateTest(predicate: Predicate): RegExp | undefined {
  switch (predicate.operator) {
    case 'eq?':
    case 'any-eq?':
      return predicate.strings.length === 1 ? literals(predicate.strings) : undefined;
    case 'any-of?':
      return predicate.strings.length > 0 ? literals(predicate.strings) : undefined;
    case 'match?':
    case 'any-match?': {
      if (predicate.strings.length !== 1) return undefined;
      // `^(res|response)$`: the node's text is one of these words.
      const words = /^\^\(?((?:[A-Za-z0-9_]+\|)*[A-Za-z0-9_]+)\)?\$$/.exec(predicate.strings[0]);
      if (words) return literals(words[1].split('|'));
      try {
        const relaxed = withoutOpenPrefixes(withoutOptionalPrefix(unanchored(predicate.strings[0])));
        return relaxed === undefined ? undefined : new RegExp(relaxed);
      } catch {
        return undefined;
      }
    }
    default:
      return undefined;
  }
}

/** The sink evidence of a status query (see the module comment). */
export function sinkEvidence(statusQuery: string): SinkEvidence {
  const patterns: RegExp[][] = [];
  let always = false;
  for (const pattern of queryPatterns(statusQuery)) {
    if (![...pattern.captures].some((c) => SEND_CAPTURES.has(c))) continue;
    const tests = patternTests(pattern);
    if (tests.length === 0) always = true;
    patterns.push(tests);
  }
  return { patterns, always };
}

/**
 * The text tests a pattern implies (its stated evidence, then its predicates on required captures), cheap and
 * selective ones first: a file's later tests run only while the earlier ones pass. None: any text may match it.
 */
export function patternTests(pattern: PatternFacts): RegExp[] {
  const tests: RegExp[] = [...pattern.evidence, ...pattern.fileEvidence].map((source) => new RegExp(source, 'm'));
  const seen = new Set<string>(tests.map((t) => t.source));
  for (const predicate of pattern.predicates) {
    if (!pattern.required.has(predicate.capture)) continue;
    const test = predicateTest(predicate);
    if (test && !seen.has(test.source)) {
      seen.add(test.source);
      tests.push(test);
    }
  }
  return tests.map((test, order) => ({ test, order, cost: testCost(test) }))
    .sort((a, b) => a.cost - b.cost || a.order - b.order).map(({ test }) => test);
}

/** Whether a text passes the evidence of at least one send pattern. */
export function hasSinkEvidence(text: string, evidence: SinkEvidence): boolean {
  if (evidence.always) return true;
  // Node texts come from the parsed text, whose line breaks are `\n`.
  const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  const known = new Map<RegExp, boolean>();
  const test = (re: RegExp) => {
    let result = known.get(re);
    if (result === undefined) known.set(re, result = re.test(source));
    return result;
  };
  return evidence.patterns.some((tests) => tests.every(test));
}

/**
 * The status query with only what findings need: every pattern except those whose only capture is an explanation
 * (`@status.mention`). `lts-status check` compiles this smaller query (compiling is most of a language's start-up);
 * the mentions it leaves out never change a finding (a property test compares both on every fixture).
 */
export function findingsQuery(statusQuery: string): string {
  return queryPatterns(statusQuery)
    .filter((pattern) => [...pattern.captures].some((c) => !c.startsWith('_') && !EXPLAIN_ONLY.has(c)))
    .map((pattern) => statusQuery.slice(pattern.start, pattern.end).trimEnd())
    .join('\n');
}
