/**
 * Finds status codes in log and plain text, one line at a time, so the cost of a hover or an inlay-hint request
 * depends on the lines asked for and never on the size of the document.
 */
import { isStatusCode } from '../table';
import { Occurrence } from '../types';
import { STATUS_PHRASES, TEXT_PATTERNS, TextPattern } from './patterns';

/** Lines longer than this (minified blobs, binary junk) are not scanned. */
export const MAX_TEXT_LINE_LENGTH = 20_000;

const CANDIDATE = /[1-5]\d\d/;
const PHRASES = STATUS_PHRASES.map(({ phrase, code }) => ({
  code,
  regex: new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'),
}));
const PHRASE_HINT = /forbidden|not found|request|timed out|server error|unable to handle|authentication/i;

function occurrence(line: number, start: number, text: string, code: number, symbol?: string): Occurrence {
  return {
    range: { start: { line, character: start }, end: { line, character: start + text.length } },
    code,
    text,
    context: 'mention',
    handler: null,
    ...(symbol ? { symbol } : {}),
  };
}

/** Status-code occurrences on one line of text; `line` is its zero-based number in the document. */
export function scanLine(text: string, line: number, patterns: readonly TextPattern[] = TEXT_PATTERNS): Occurrence[] {
  if (text.length > MAX_TEXT_LINE_LENGTH) return [];
  const found: Occurrence[] = [];
  if (CANDIDATE.test(text)) {
    const seen = new Set<number>();
    const add = (start: number, digits: string) => {
      const code = Number(digits);
      if (!isStatusCode(code) || seen.has(start)) return;
      seen.add(start);
      found.push(occurrence(line, start, digits, code));
    };
    for (const pattern of patterns) {
      pattern.regex.lastIndex = 0;
      for (const match of text.matchAll(pattern.regex)) {
        const { code, codes } = match.groups ?? {};
        const at = match.indices?.groups;
        if (code !== undefined && at?.code) add(at.code[0], code);
        if (codes !== undefined && at?.codes) {
          for (const item of codes.matchAll(/\d{3}/g)) add(at.codes[0] + (item.index ?? 0), item[0]);
        }
      }
    }
  }
  // A phrase stands in for a status only where the line gives none in digits.
  if (found.length === 0 && PHRASE_HINT.test(text)) {
    for (const { code, regex } of PHRASES) {
      regex.lastIndex = 0;
      for (const match of text.matchAll(regex)) found.push(occurrence(line, match.index ?? 0, match[0], code, match[0]));
    }
  }
  return found.sort((a, b) => a.range.start.character - b.range.start.character);
}

/** Occurrences on lines `from`..`to` (inclusive) of a document given as a line accessor. */
export function scanLines(lineAt: (line: number) => string, from: number, to: number): Occurrence[] {
  const out: Occurrence[] = [];
  for (let line = from; line <= to; line++) out.push(...scanLine(lineAt(line), line));
  return out;
}
