/**
 * Finds status codes in log and plain text. The editor scans one line at a time (`scanLine`, `scanLines`), or
 * only a window of a very long line (`scanWindow`), so the cost of a hover or an inlay-hint request depends on
 * what is asked for and never on the size of the document; the CLI scans a whole text in one pass per pattern
 * (`scanText`). Both share `findCodes`, so they agree exactly. A header that declares columns (layout.ts) is read
 * once from the first lines and passed along. Nothing is skipped: lines of any length are scanned, in time
 * linear in their length.
 */
import { HTTP_STATUS_ENTRIES } from '../../data/httpStatus';
import { escapeRegExp, Occurrence } from '../types';
import { JsonKeyTracker } from './json';
import { keyKind, parentsQualify } from './keys';
import { detectLogLayout, LAYOUT_HEAD_LINES, layoutColumns, LogLayout } from './layout';
import {
  EXIT_CONTEXT, HTTP_CONTEXT, inHeaderlessIisQuery, NON_HTTP_CONTEXT, REASON_ALIASES, REQUEST_CONTEXT, STATUS_PHRASES, TEXT_PATTERNS,
  TextPattern,
} from './patterns';

const CANDIDATE = /[1-5]\d\d/;
const PHRASES = new RegExp(
  STATUS_PHRASES.map(({ phrase }) => `\\b(${escapeRegExp(phrase)})`).join('|'), 'gim');
/** Case-sensitive words at least one of which every phrase contains in the usual spellings (a cheap first look). */
const PHRASE_HINT = /[Ff]ailed|FAILED|[Ff]orbidden|FORBIDDEN|[Ff]ound:|FOUND:|[Rr]equest|REQUEST|[Ee]rror|ERROR/;

/** A code found in text: its offset and digits, or, for a phrase, the phrase. */
interface Hit {
  readonly offset: number;
  readonly text: string;
  readonly code: number;
  readonly phrase?: boolean;
}

/** What a line says about itself, computed when first asked. */
class LineFacts {
  private request?: boolean;
  private http?: boolean;
  private exit?: boolean;
  private nonHttp?: boolean;
  private json?: JsonKeyTracker | null;

  /** `json`: false in a window of a line, whose enclosing JSON keys may lie outside it. */
  constructor(private readonly text: string, readonly start: number, readonly end: number, private readonly jsonPaths = true) {}

  private slice(): string {
    return this.start === 0 && this.end === this.text.length ? this.text : this.text.slice(this.start, this.end);
  }

  hasRequest(): boolean { return (this.request ??= REQUEST_CONTEXT.test(this.slice())); }
  hasHttp(): boolean { return (this.http ??= HTTP_CONTEXT.test(this.slice())); }
  hasExit(): boolean { return (this.exit ??= EXIT_CONTEXT.test(this.slice())); }
  isNonHttp(): boolean { return (this.nonHttp ??= NON_HTTP_CONTEXT.test(this.slice())); }

  /** The JSON keys enclosing `offset` (increasing between calls), or undefined outside JSON structure. */
  parentsAt(offset: number): readonly string[] | undefined {
    if (this.json === undefined) {
      let open = -1;
      if (this.jsonPaths) {
        const brace = this.text.indexOf('{', this.start);
        open = brace >= 0 && brace < this.end ? brace : -1;
      }
      this.json = open >= 0 ? new JsonKeyTracker(this.text, open, this.end) : null;
    }
    return this.json?.parentsAt(offset);
  }
}

type FactsAt = (offset: number) => LineFacts;

/**
 * A weak status (a bare `status` word or key): not on a process-exit line (exit statuses are 0-255); a 1xx needs
 * a request line (Unix exit statuses 126-165 live there).
 */
function weakHolds(code: number, offset: number, factsAt: FactsAt): boolean {
  if (code > 255) return true;
  const facts = factsAt(offset);
  return !facts.hasExit() && (code >= 200 || facts.hasRequest());
}

/** A character of a field name: letters, digits, `_ . - @ $`. */
function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45 || c === 64 || c === 36;
}

/**
 * Whether the field before the value at `sep` (skipping blanks and a closing quote) denotes a status that holds
 * on this line: `upstream` for an upstream status (which may be a list), `yes`, or undefined.
 */
function keyHolds(text: string, sep: number, code: number, factsAt: FactsAt): 'upstream' | 'yes' | undefined {
  let end = sep;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) end--;
  const close = text.charCodeAt(end - 1);
  if (end > 0 && (close === 0x22 || close === 0x27)) {
    end--;
    if (text.charCodeAt(end - 1) === 0x5c) end--; // JSON inside a JSON string (Docker's {"log":"{\"status\":404}"})
  }
  let start = end;
  while (start > 0 && end - start < 80 && isKeyChar(text.charCodeAt(start - 1))) start--;
  if (start === end || (start > 0 && isKeyChar(text.charCodeAt(start - 1)))) return undefined;
  let prior = text.charCodeAt(start - 1);
  if ((prior === 0x22 || prior === 0x27) && start > 1) prior = text.charCodeAt(start - 2);
  if (prior === 0x3f || prior === 0x26) return undefined; // a URL query parameter: ?status=500, &code=404
  if (prior === 0x20) {
    const line = factsAt(sep);
    if (inHeaderlessIisQuery(text, line.start, start, line.end)) return undefined;
  }
  const key = text.slice(start, end);
  const kind = keyKind(key);
  if (kind === 'no') return undefined;
  if (kind === 'plain' && !weakHolds(code, sep, factsAt)) return undefined;
  if (kind === 'bare') {
    const facts = factsAt(sep);
    if (!facts.hasRequest()) {
      const parents = facts.parentsAt(sep);
      if (!parents || !parentsQualify(parents)) return undefined;
    }
  }
  return kind === 'status' && /upstream/i.test(key) ? 'upstream' : 'yes';
}

const UPSTREAM_LIST_ITEM = /(?:, | : )([1-5]\d\d|-)(?![\w/]|[.-]\d)/y;

/** Reason phrases by code, normalised to lower-case words joined by single spaces. */
const REASONS = new Map<number, string[]>();
for (const { code, phrase, note } of HTTP_STATUS_ENTRIES) {
  const names = [phrase.startsWith('(') ? note ?? '' : phrase, ...(REASON_ALIASES[code] ?? [])].filter(Boolean);
  REASONS.set(code, names.map((name) => name.toLowerCase().replace(/'/g, '').replace(/[^a-z0-9]+/g, ' ').trim()));
}

/** Whether the text after the code at `end` is the code's own reason phrase (`410 Gone`, `429 TOO_MANY_REQUESTS`, `401 (Unauthorized)`). */
function reasonFollows(text: string, end: number, code: number): boolean {
  let i = end;
  while (text[i] === ' ' || text[i] === '\t') i++;
  if ((text[i] === '-' || text[i] === ':') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
    i++;
    while (text[i] === ' ' || text[i] === '\t') i++;
  } else if (text[i] === '(') {
    i++; // .NET: 401 (Unauthorized)
  }
  for (const phrase of REASONS.get(code) ?? []) {
    let j = i;
    let k = 0;
    let lower = true;
    while (k < phrase.length && j < text.length) {
      const p = phrase[k];
      const c = text[j];
      if (c === "'") { j++; continue; }
      if (p === ' ') {
        if (c !== ' ' && c !== '_' && c !== '-') break;
      } else if (c.toLowerCase() !== p) break;
      else if (c !== p) lower = false;
      j++;
      k++;
    }
    if (k < phrase.length || /[A-Za-z0-9]/.test(text[j] ?? '')) continue;
    // A one-word phrase in lower case (`200 ok`, `202 accepted`) is too often prose.
    if (!phrase.includes(' ') && lower) continue;
    return true;
  }
  return false;
}

/** The digits of every status code, so a hit costs no string of its own. */
const CODE_TEXT: string[] = [];
for (let code = 100; code <= 599; code++) CODE_TEXT[code] = String(code);

/** The status code written at `offset` (three digits 100-599), or 0. */
function codeAt(text: string, offset: number): number {
  const a = text.charCodeAt(offset) - 48;
  const b = text.charCodeAt(offset + 1) - 48;
  const c = text.charCodeAt(offset + 2) - 48;
  if (a < 1 || a > 5 || !(b >= 0 && b <= 9) || !(c >= 0 && c <= 9)) return 0;
  return a * 100 + b * 10 + c;
}

/**
 * Whether a text holds any of a pattern's `requires` literals: one literal by `includes`, several by one regular
 * expression of them all (one pass instead of one per literal, the costly case being a text that has none).
 */
const REQUIRED = new Map<TextPattern, (text: string) => boolean>();
function requiredPresent(pattern: TextPattern, text: string): boolean {
  let present = REQUIRED.get(pattern);
  if (!present) {
    const literals = pattern.requires ?? [];
    if (literals.length === 1) {
      const [literal] = literals;
      present = (t) => t.includes(literal);
    } else {
      const any = new RegExp(literals.map(escapeRegExp).join('|'));
      present = (t) => any.test(t);
    }
    REQUIRED.set(pattern, present);
  }
  return present(text);
}

/** Offsets of status codes written in digits, in increasing order, each once. */
function findCodes(text: string, factsAt: FactsAt, patterns: readonly TextPattern[] = TEXT_PATTERNS): number[] {
  if (!CANDIDATE.test(text)) return [];
  // Each pattern's hits come in offset order, each once; the lists are merged pairwise at the end.
  const lists: number[][] = [];
  let hits: number[] = [];
  const add = (offset: number): void => {
    if (hits.length === 0 || hits[hits.length - 1] < offset) hits.push(offset);
  };
  for (const pattern of patterns) {
    if (pattern.requires && !requiredPresent(pattern, text)) continue;
    if (hits.length > 0) lists.push(hits);
    hits = [];
    const regex = pattern.regex;
    regex.lastIndex = 0;
    const consider = (offset: number, sep: number): void => {
      const code = codeAt(text, offset);
      if (!code) return;
      if (pattern.key) {
        const key = keyHolds(text, sep, code, factsAt);
        if (!key) return;
        add(offset);
        if (key === 'upstream') {
          // ingress-nginx JSON: "upstream_status": "503, 200"
          UPSTREAM_LIST_ITEM.lastIndex = offset + 3;
          for (let item = UPSTREAM_LIST_ITEM.exec(text); item; item = UPSTREAM_LIST_ITEM.exec(text)) {
            if (item[1] !== '-') add(item.index + item[0].length - 3);
          }
        }
        return;
      }
      if (pattern.weak && !weakHolds(code, offset, factsAt)) return;
      if (pattern.reason && !reasonFollows(text, offset + 3, code)) return;
      add(offset);
    };
    const indices = regex.hasIndices;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (match[0].length === 0) regex.lastIndex++;
      if (!indices) {
        consider(match.index + match[0].length - 3, match.index);
        continue;
      }
      const groups = match.indices?.groups ?? {};
      if (groups.code) consider(groups.code[0], match.index);
      if (groups.code2) consider(groups.code2[0], match.index);
      const list = groups.codes;
      if (list) {
        for (let i = list[0]; i + 3 <= list[1]; i++) {
          if (codeAt(text, i) && !isDigit(text, i - 1) && !isDigit(text, i + 3)) { consider(i, match.index); i += 2; }
        }
      }
    }
  }
  if (hits.length > 0) lists.push(hits);
  return mergeAll(lists);
}

function isDigit(text: string, offset: number): boolean {
  const c = text.charCodeAt(offset);
  return c >= 48 && c <= 57;
}

/** Increasing lists of offsets as one increasing list, each offset once (merged pairwise: n log k for k lists). */
function mergeAll(lists: number[][]): number[] {
  while (lists.length > 1) {
    const merged: number[][] = [];
    for (let i = 0; i < lists.length; i += 2) merged.push(i + 1 < lists.length ? mergeOffsets(lists[i], lists[i + 1]) : lists[i]);
    lists = merged;
  }
  return lists[0] ?? [];
}

/** Two increasing lists of offsets as one, each offset once. */
function mergeOffsets(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i] < b[j])) out.push(a[i++]);
    else if (i >= a.length || b[j] < a[i]) out.push(b[j++]);
    else { out.push(a[i++]); j++; }
  }
  return out;
}

function codeHit(text: string, offset: number): Hit {
  const code = codeAt(text, offset);
  return { offset, text: CODE_TEXT[code], code };
}

/** Phrases standing for a status, in offset order, where their line allows them. */
function findPhrases(text: string, factsAt: FactsAt): Hit[] {
  if (!PHRASE_HINT.test(text)) return [];
  const hits: Hit[] = [];
  PHRASES.lastIndex = 0;
  for (const match of text.matchAll(PHRASES)) {
    const index = match.slice(1).findIndex((group) => group !== undefined);
    const { code, standalone } = STATUS_PHRASES[index];
    const facts = factsAt(match.index ?? 0);
    if (facts.isNonHttp() || (!standalone && !facts.hasHttp())) continue;
    hits.push({ offset: match.index ?? 0, text: match[0], code, phrase: true });
  }
  return hits;
}

function toOccurrence(hit: Hit, line: number, character: number): Occurrence {
  const range = { start: { line, character }, end: { line, character: character + hit.text.length } };
  return hit.phrase
    ? { range, code: hit.code, text: hit.text, context: 'mention', handler: null, symbol: hit.text }
    : { range, code: hit.code, text: hit.text, context: 'mention', handler: null };
}

/** The hits of one line (or window) of text, as `scanLine` reports them. */
function lineHits(text: string, facts: LineFacts): Hit[] {
  const codes = findCodes(text, () => facts);
  // A phrase stands in for a status only where the line gives none in digits.
  return codes.length > 0 ? codes.map((offset) => codeHit(text, offset)) : findPhrases(text, () => facts);
}

/** Hits from the layout's status columns, or undefined when the layout does not apply to this line. */
function columnHits(text: string, line: number, layout: LogLayout | undefined): Hit[] | undefined {
  if (!layout || line <= layout.headerLine) return undefined;
  const offsets = layoutColumns(layout, text);
  return offsets?.map((offset) => codeHit(text, offset));
}

/**
 * Status-code occurrences on one line of text as the editor holds it (VS Code has already taken a file's byte order
 * mark away; scanText does that for a whole file); `line` is its zero-based number in the document. `layout` is the
 * document's header-declared layout (`detectLogLayout` over its first lines), computed once per document.
 */
export function scanLine(text: string, line: number, layout?: LogLayout): Occurrence[] {
  const hits = columnHits(text, line, layout) ?? lineHits(text, new LineFacts(text, 0, text.length));
  return hits.map((hit) => toOccurrence(hit, line, hit.offset));
}

/** Occurrences on lines `from`..`to` (inclusive) of a document given as a line accessor. */
export function scanLines(lineAt: (line: number) => string, from: number, to: number, layout?: LogLayout): Occurrence[] {
  const out: Occurrence[] = [];
  for (let line = from; line <= to; line++) out.push(...scanLine(lineAt(line), line, layout));
  return out;
}

/** Characters read on each side of a window (field names, request fields and phrases are shorter). */
export const WINDOW_MARGIN = 2048;

export interface WindowScan {
  /** Occurrences that lie within the columns asked for. */
  readonly occurrences: Occurrence[];
  /** The columns actually read. */
  readonly from: number;
  readonly to: number;
  /**
   * False when only part of the line was read: then line-wide context (a method elsewhere on the line, enclosing
   * JSON keys) was judged from the window alone, and a host may say so.
   */
  readonly complete: boolean;
}

/**
 * Occurrences within columns `from`..`to` of a line, reading only about `WINDOW_MARGIN` characters around them:
 * hover and inlay hints on a line of several megabytes. On lines that the layout governs, the whole line is read
 * (finding the column only counts separators).
 */
export function scanWindow(text: string, line: number, from: number, to: number, layout?: LogLayout): WindowScan {
  const columns = columnHits(text, line, layout);
  const start = Math.max(0, Math.min(from, text.length) - WINDOW_MARGIN);
  const end = Math.min(text.length, Math.max(to, from) + WINDOW_MARGIN);
  const complete = columns !== undefined || (start === 0 && end === text.length);
  let occurrences: Occurrence[];
  if (columns !== undefined || complete) {
    occurrences = (columns ?? lineHits(text, new LineFacts(text, 0, text.length))).map((hit) => toOccurrence(hit, line, hit.offset));
  } else {
    const window = text.slice(start, end);
    occurrences = lineHits(window, new LineFacts(window, 0, window.length, false))
      .map((hit) => toOccurrence(hit, line, start + hit.offset));
  }
  occurrences = occurrences.filter((o) => o.range.end.character >= from && o.range.start.character <= to);
  return { occurrences, from: complete ? 0 : start, to: complete ? text.length : end, complete };
}

export interface ScanOptions {
  /** The header-declared layout; by default read from the text's first lines. `null`: none. */
  readonly layout?: LogLayout | null;
  /** The document line number of the text's first line (for a text that is a chunk of a larger document). */
  readonly firstLine?: number;
}

/** The first `LAYOUT_HEAD_LINES` lines of a text (to pass to `detectLogLayout`). */
export function headLines(text: string): string[] {
  let end = 0;
  for (let n = 0; n < LAYOUT_HEAD_LINES && end >= 0; n++) {
    const next = text.indexOf('\n', end);
    end = next < 0 ? -1 : next + 1;
  }
  const head = end < 0 ? text : text.slice(0, end);
  return (head.charCodeAt(0) === 0xfeff ? head.slice(1) : head).split(/\r\n|\r|\n/).slice(0, LAYOUT_HEAD_LINES);
}

/**
 * Receives one occurrence of a whole-text scan: its zero-based line (with `firstLine` added) and UTF-16 column, its
 * code, and for a phrase the phrase (a code is three digits: its text is the code's).
 */
export type OccurrenceVisitor = (line: number, character: number, code: number, phrase: string | undefined) => void;

/**
 * Every occurrence in a whole text, in order, handed to `visit` without building an object for it (the CLI writes
 * its JSON straight from these); the same as `scanLine` over each of the text's lines (with the layout the text's
 * header declares), in one pass per pattern.
 */
export function visitText(text: string, visit: OccurrenceVisitor, options: ScanOptions = {}): void {
  const first = options.firstLine ?? 0;
  const layout = options.layout === undefined ? detectLogLayout(headLines(text)) : options.layout ?? undefined;
  const lines = new LineIndex(text);
  if (layout) {
    for (let line = 0; line < lines.count; line++) {
      const lineText = lines.text(line);
      const hits = columnHits(lineText, line + first, layout) ?? lineHits(lineText, new LineFacts(lineText, 0, lineText.length));
      for (const hit of hits) visit(line + first, hit.offset, hit.code, hit.phrase ? hit.text : undefined);
    }
    return;
  }
  let cached: LineFacts | undefined;
  let cachedLine = -1;
  const factsAt: FactsAt = (offset) => {
    const line = lines.lineOf(offset);
    if (line !== cachedLine || !cached) {
      cached = new LineFacts(text, lines.start(line), lines.end(line));
      cachedLine = line;
    }
    return cached;
  };
  const codes = findCodes(text, factsAt);
  const phrases = findPhrases(text, factsAt);
  let c = 0;
  let p = 0;
  let line = 0;
  while (c < codes.length || p < phrases.length) {
    if (p >= phrases.length || (c < codes.length && codes[c] < phrases[p].offset)) {
      const offset = codes[c++];
      line = lines.lineFrom(line, offset);
      visit(line + first, offset - lines.start(line), codeAt(text, offset), undefined);
      continue;
    }
    const hit = phrases[p++];
    line = lines.lineFrom(line, hit.offset);
    // Phrases count only on lines that have no code.
    const codeOnLine = (c > 0 && codes[c - 1] >= lines.start(line)) || (c < codes.length && codes[c] < lines.end(line));
    if (!codeOnLine) visit(line + first, hit.offset - lines.start(line), hit.code, hit.text);
  }
}

/** Every occurrence in a whole text (see `visitText`). */
export function scanText(text: string, options: ScanOptions = {}): Occurrence[] {
  const out: Occurrence[] = [];
  visitText(text, (line, character, code, phrase) => {
    if (phrase !== undefined) {
      out.push(toOccurrence({ offset: character, text: phrase, code, phrase: true }, line, character));
      return;
    }
    const range = { start: { line, character }, end: { line, character: character + 3 } };
    out.push({ range, code, text: CODE_TEXT[code], context: 'mention', handler: null });
  }, options);
  return out;
}

/** Line starts of a text (\n, \r\n and \r breaks), built once. */
class LineIndex {
  /** Line 0 starts after a byte order mark: it is not a column (VS Code drops it too). */
  private readonly starts: number[];

  constructor(private readonly content: string) {
    this.starts = [content.charCodeAt(0) === 0xfeff ? 1 : 0];
    const hasCr = content.includes('\r');
    if (!hasCr) {
      for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < content.length; i++) {
      const c = content.charCodeAt(i);
      if (c === 0x0a) this.starts.push(i + 1);
      else if (c === 0x0d) {
        if (content.charCodeAt(i + 1) === 0x0a) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get count(): number {
    return this.starts.length;
  }

  start(line: number): number {
    return this.starts[line];
  }

  /** Where the line's text ends (before its break). */
  end(line: number): number {
    if (line + 1 >= this.starts.length) return this.content.length;
    const next = this.starts[line + 1];
    return this.content.charCodeAt(next - 1) === 0x0a && this.content.charCodeAt(next - 2) === 0x0d ? next - 2 : next - 1;
  }

  text(line: number): string {
    return this.content.slice(this.start(line), this.end(line));
  }

  /** The line holding `offset`. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The line holding `offset`, walking forwards from `line` (offsets visited in increasing order). */
  lineFrom(line: number, offset: number): number {
    while (line + 1 < this.starts.length && this.starts[line + 1] <= offset) line++;
    return line;
  }
}
