/** Edits of a kind people make, for the incremental-session tests (engine.test.ts) and the fuzzer (fuzz.test.ts). */
import { LineIndex, TextChange, textChange } from '../../src/core';

/** Applies an edit to `text` and returns the new text and the change, positions taken from the old text. */
export function edit(text: string, start: number, end: number, inserted: string): { text: string; change: TextChange } {
  const lines = new LineIndex(text);
  const toPoint = (index: number) => { const p = lines.position(index); return { row: p.line, column: p.character }; };
  return { text: text.slice(0, start) + inserted + text.slice(end), change: textChange(start, end, inserted, toPoint(start), toPoint(end)) };
}

/**
 * A deterministic edit of a kind people make: change a code, add a comment line, type a character, paste a copy
 * of a line, remove a blank or comment line. Returns [start, end, inserted] against `text`.
 */
export function nextEdit(text: string, comment: string, random: (n: number) => number): [number, number, string] {
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const line = random(starts.length - 1);
  const lineStart = starts[line];
  const lineEnd = starts[line + 1] ?? text.length;
  const lineText = text.slice(lineStart, lineEnd);
  const indent = /^[ \t]*/.exec(lineText)![0];
  switch (random(5)) {
    case 0: {
      const numbers = [...text.matchAll(/(?<!\w)[1-5]\d\d(?!\w)/g)];
      if (numbers.length > 0) {
        const at = numbers[random(numbers.length)].index!;
        return [at, at + 3, String(200 + random(360))];
      }
      return [lineStart, lineStart, '\n'];
    }
    case 1:
      return [lineStart, lineStart, `${indent}${comment} status 409 was here\n`];
    case 2: {
      const at = lineStart + random(lineEnd - lineStart);
      return [at, at, 'x'];
    }
    case 3:
      return [lineEnd, lineEnd, lineText];
    default:
      return /^\s*$/.test(lineText) || lineText.includes('status 409 was here') ? [lineStart, lineEnd, ''] : [lineStart, lineStart, '\n'];
  }
}
