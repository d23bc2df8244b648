/**
 * Finds status codes in log and plain text, one line at a time, so the cost of a hover or an inlay-hint request
 * depends on the lines asked for and never on the size of the document.
 */
import { isStatusCode } from '../table';
import { Occurrence } from '../types';
import { TEXT_PATTERNS, TextPattern } from './patterns';

/** Lines longer than this (minified blobs, binary junk) are not scanned. */
export const MAX_TEXT_LINE_LENGTH = 20_000;

const CANDIDATE = /[1-5]\d\d/;

/** Status-code occurrences on one line of text; `line` is its zero-based number in the document. */
export function scanLine(text: string, line: number, patterns: readonly TextPattern[] = TEXT_PATTERNS): Occurrence[] {
  if (text.length > MAX_TEXT_LINE_LENGTH || !CANDIDATE.test(text)) return [];
  const found: Occurrence[] = [];
  const seen = new Set<number>();
  for (const pattern of patterns) {
    pattern.regex.lastIndex = 0;
    for (const match of text.matchAll(pattern.regex)) {
      const codeText = match.groups?.code;
      if (codeText === undefined || match.index === undefined) continue;
      const start = match.index + match[0].length - codeText.length;
      const code = Number(codeText);
      if (!isStatusCode(code) || seen.has(start)) continue;
      seen.add(start);
      found.push({
        range: { start: { line, character: start }, end: { line, character: start + codeText.length } },
        code,
        text: codeText,
        context: 'mention',
        handler: null,
      });
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
