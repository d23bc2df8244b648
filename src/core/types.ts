/** Shared shapes of the pure core. Positions are zero-based lines and UTF-16 columns, as in VS Code. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** `handler`: a request handler returns, sends or sets the code. `mention`: any other status-code context. */
export type OccurrenceContext = 'handler' | 'mention';

/** A status code found in a document. */
export interface Occurrence {
  readonly range: Range;
  readonly code: number;
  /** The source text of the range (`409`, `CONFLICT`, `'409'`). */
  readonly text: string;
  readonly context: OccurrenceContext;
  /** Name of the enclosing handler, when it has one (only for `handler` occurrences). */
  readonly handler: string | null;
  /** The helper in the same file that sends this code for the handler (`sendError` in `sendError(res, 409)`). */
  readonly via?: string;
  /** True when `symbol` is a constant of the document (`const CONFLICT = 409`), not a library's name for the code. */
  readonly constant?: boolean;
  /** Set when the code was resolved from a name (a constant or a framework symbol) rather than written as a number. */
  readonly symbol?: string;
  /**
   * For a code that travels before it is sent (a local, a helper's parameter, an error class's field): where it is
   * sent. `file` is `''` for the same document, else the file as the host named it to the flow index.
   */
  readonly sentAt?: { readonly file: string; readonly range: Range; readonly fn: string | null };
  /** The framework answers this code by itself (`res.redirect(url)` answers 302): no number is written. */
  readonly implicit?: boolean;
}

/** A code a handler sends that the table does not list. */
export interface Finding {
  readonly occurrence: Occurrence;
  readonly code: number;
  readonly message: string;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export const nullLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** `logger` with `prefix` before every line (to tell apart the lines of two engines that share a log). */
export function prefixedLogger(logger: Logger, prefix: string): Logger {
  return {
    debug: (message) => logger.debug(prefix + message),
    info: (message) => logger.info(prefix + message),
    warn: (message) => logger.warn(prefix + message),
    error: (message, error) => logger.error(prefix + message, error),
  };
}

/** `text` as a regular expression that matches it literally (for `new RegExp`). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function rangesIntersect(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}
