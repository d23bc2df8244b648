/**
 * From occurrences to problems: a code that a handler sends and the table does not list, unless the user allows it
 * or a suppression comment covers the line.
 */
import { diagnosticMessage, implicitMessage } from './format';
import { Translate } from './l10n';
import { isListed } from './table';
import { isTestPath } from './testPaths';
import { Finding, Occurrence } from './types';

/** Stable diagnostic code of the one rule (shown in the Problems panel, used by quick fixes). */
export const UNLISTED_STATUS_RULE = 'unlisted-status';

/** Suppression markers, written in a line comment of the document's language. */
export const DISABLE_LINE = 'lts-status-disable-line';
export const DISABLE_NEXT_LINE = 'lts-status-disable-next-line';

export interface FindingOptions {
  readonly allowedCodes?: ReadonlySet<number>;
  /** False: codes a framework answers implicitly (`res.redirect(url)` → 302) are not reported. Default true. */
  readonly implicitCodes?: boolean;
  readonly t?: Translate;
  /** Text of a line, to honour suppression comments; omit to ignore them. */
  readonly lineAt?: (line: number) => string;
  /** The document's path: a test file (`app.test.ts`, `handlers_test.go`, …, see ./testPaths.ts) has no findings. */
  readonly path?: string;
}

export function findUnlisted(occurrences: readonly Occurrence[], options: FindingOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (isTestPath(options.path)) return findings;
  const suppressed = options.lineAt ? suppressionLookup(options.lineAt) : undefined;
  for (const occurrence of occurrences) {
    if (occurrence.context !== 'handler' || isListed(occurrence.code)) continue;
    if (options.allowedCodes?.has(occurrence.code)) continue;
    if (occurrence.implicit && options.implicitCodes === false) continue;
    if (suppressed?.(occurrence.range.start.line)) continue;
    findings.push({
      occurrence,
      code: occurrence.code,
      message: occurrence.implicit
        ? implicitMessage(occurrence.code, occurrence.handler, occurrence.text, options.t)
        : diagnosticMessage(occurrence.code, occurrence.handler, options.t),
    });
  }
  return findings;
}

/**
 * Whether a line is suppressed, each line's text searched once however many findings it holds (a minified bundle
 * is one long line with thousands of them).
 */
function suppressionLookup(lineAt: (line: number) => string): (line: number) => boolean {
  const marks = new Map<number, { disableLine: boolean; disableNext: boolean }>();
  const marksOf = (line: number) => {
    let found = marks.get(line);
    if (!found) {
      const text = lineAt(line);
      found = { disableLine: text.includes(DISABLE_LINE), disableNext: text.includes(DISABLE_NEXT_LINE) };
      marks.set(line, found);
    }
    return found;
  };
  return (line) => marksOf(line).disableLine || (line > 0 && marksOf(line - 1).disableNext);
}
