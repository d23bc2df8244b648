/**
 * Finds status codes in log and plain text. The editor scans one line at a time (`scanLine`, `scanLines`), so the
 * cost of a hover or an inlay-hint request depends on the lines asked for and never on the size of the document;
 * the CLI scans a whole file in one pass per pattern (`scanText`). Both share `findCodes`, so they agree exactly.
 */
import { isStatusCode } from '../table';
import { Occurrence } from '../types';
import { STATUS_PHRASES, TEXT_PATTERNS, TextPattern } from './patterns';

/** Lines longer than this (minified blobs, binary junk) are not scanned. */
export const MAX_TEXT_LINE_LENGTH = 20_000;

const CANDIDATE = /[1-5]\d\d/;
const PHRASES = new RegExp(
  STATUS_PHRASES.map(({ phrase }) => `(${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})`).join('|'), 'gim');
const PHRASE_HINT = /forbidden|not found|request|timed out|server error|unable to handle|authentication/i;

/** A code found in text: its offset and digits, or, for a phrase, the phrase. */
interface Hit {
  readonly offset: number;
  readonly text: string;
  readonly code: number;
  readonly phrase?: boolean;
}

/** Status codes written in digits, in offset order, one per offset. */
function findCodes(text: string, patterns: readonly TextPattern[]): Hit[] {
  if (!CANDIDATE.test(text)) return [];
  // Each pattern's hits come in offset order; merging the lists keeps them so, without a sort.
  let merged: Hit[] = [];
  for (const pattern of patterns) {
    if (pattern.requires && !pattern.requires.some((literal) => text.includes(literal))) continue;
    const hits: Hit[] = [];
    const regex = pattern.regex;
    regex.lastIndex = 0;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (match[0].length === 0) regex.lastIndex++;
      const { code, codes } = match.groups ?? {};
      if (code !== undefined) {
        const offset = (match.index ?? 0) + match[0].length - code.length;
        const value = Number(code);
        if (isStatusCode(value)) hits.push({ offset, text: code, code: value });
      } else if (codes !== undefined) {
        const start = (match.index ?? 0) + match[0].length - 1 - codes.length; // the list is followed only by "]"
        for (const item of codes.matchAll(/\d{3}/g)) {
          const value = Number(item[0]);
          if (isStatusCode(value)) hits.push({ offset: start + (item.index ?? 0), text: item[0], code: value });
        }
      }
    }
    if (hits.length > 0) merged = merged.length === 0 ? hits : mergeHits(merged, hits);
  }
  return merged;
}

/** Two offset-ordered lists as one, keeping the first list's hit where both have the same offset. */
function mergeHits(a: Hit[], b: Hit[]): Hit[] {
  const out: Hit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i].offset < b[j].offset)) out.push(a[i++]);
    else if (i >= a.length || b[j].offset < a[i].offset) out.push(b[j++]);
    else { out.push(a[i++]); j++; }
  }
  return out;
}

/** Phrases standing for a status, in offset order. */
function findPhrases(text: string): Hit[] {
  if (!PHRASE_HINT.test(text)) return [];
  const hits: Hit[] = [];
  PHRASES.lastIndex = 0;
  for (const match of text.matchAll(PHRASES)) {
    const index = match.slice(1).findIndex((group) => group !== undefined);
    hits.push({ offset: match.index ?? 0, text: match[0], code: STATUS_PHRASES[index].code, phrase: true });
  }
  return hits;
}

function toOccurrence(hit: Hit, line: number, character: number): Occurrence {
  const range = { start: { line, character }, end: { line, character: character + hit.text.length } };
  return hit.phrase
    ? { range, code: hit.code, text: hit.text, context: 'mention', handler: null, symbol: hit.text }
    : { range, code: hit.code, text: hit.text, context: 'mention', handler: null };
}

/**
 * Status-code occurrences on one line of text as the editor holds it (VS Code has already taken a file's byte order
 * mark away; scanText does that for a whole file); `line` is its zero-based number in the document.
 */
export function scanLine(text: string, line: number, patterns: readonly TextPattern[] = TEXT_PATTERNS): Occurrence[] {
  if (text.length > MAX_TEXT_LINE_LENGTH) return [];
  const codes = findCodes(text, patterns);
  // A phrase stands in for a status only where the line gives none in digits.
  const hits = codes.length > 0 ? codes : findPhrases(text);
  return hits.map((hit) => toOccurrence(hit, line, hit.offset));
}

/** Occurrences on lines `from`..`to` (inclusive) of a document given as a line accessor. */
export function scanLines(lineAt: (line: number) => string, from: number, to: number): Occurrence[] {
  const out: Occurrence[] = [];
  for (let line = from; line <= to; line++) out.push(...scanLine(lineAt(line), line));
  return out;
}

/** Every occurrence in a whole text, the same as `scanLine` over each of its lines, in one pass per pattern. */
export function scanText(text: string, patterns: readonly TextPattern[] = TEXT_PATTERNS): Occurrence[] {
  const codes = findCodes(text, patterns);
  const phrases = findPhrases(text);
  const lines = new LineCursor(text);
  const out: Occurrence[] = [];
  let codeLine = -1;
  let p = 0;
  for (let c = 0; c <= codes.length; c++) {
    const limit = c < codes.length ? codes[c].offset : Infinity;
    // Phrases before the next code count only on lines that have no code.
    for (; p < phrases.length && phrases[p].offset < limit; p++) {
      lines.advanceTo(phrases[p].offset);
      const lineOfNextCode = c < codes.length && codes[c].offset < lines.end;
      if (lines.line !== codeLine && !lineOfNextCode && !lines.tooLong()) {
        out.push(toOccurrence(phrases[p], lines.line, phrases[p].offset - lines.start));
      }
    }
    if (c === codes.length) break;
    lines.advanceTo(codes[c].offset);
    codeLine = lines.line;
    if (!lines.tooLong()) out.push(toOccurrence(codes[c], lines.line, codes[c].offset - lines.start));
  }
  return out;
}

/**
 * Walks a text's lines forwards (\n, \r\n and \r breaks, as VS Code counts them), each break found once. A byte
 * order mark at the start is not a column: line 0 starts after it.
 */
class LineCursor {
  line = 0;
  start: number;
  end: number;
  private nextCr: number;
  private nextLf: number;

  constructor(private readonly text: string) {
    this.start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.nextCr = text.indexOf('\r');
    this.nextLf = text.indexOf('\n');
    this.end = this.breakFrom(0);
  }

  advanceTo(offset: number): void {
    while (offset > this.end) {
      this.start = this.end + (this.text.startsWith('\r\n', this.end) ? 2 : 1);
      this.end = this.breakFrom(this.start);
      this.line++;
    }
  }

  tooLong(): boolean {
    return this.end - this.start > MAX_TEXT_LINE_LENGTH;
  }

  private breakFrom(from: number): number {
    if (this.nextCr >= 0 && this.nextCr < from) this.nextCr = this.text.indexOf('\r', from);
    if (this.nextLf >= 0 && this.nextLf < from) this.nextLf = this.text.indexOf('\n', from);
    const cr = this.nextCr < 0 ? this.text.length : this.nextCr;
    const lf = this.nextLf < 0 ? this.text.length : this.nextLf;
    return Math.min(cr, lf);
  }
}
