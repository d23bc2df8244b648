/**
 * The generic code engine: parse with tree-sitter, run the language's queries, resolve captured values to status
 * codes. Nothing here knows a framework; that knowledge is in ../languages/<lang>/*.scm.
 */
import { Language, Node, Parser, Query, QueryMatch, Tree } from '@vscode/tree-sitter-wasm';
import { HANDLER_CAPTURES, IMPORT_CAPTURES, STATUS_CAPTURES } from '../languages/captures';
import { LanguageSpec, queryParts, QuerySource } from '../languages/spec';
import { codeForName } from '../names';
import { isStatusCode } from '../table';
import { Logger, nullLogger, Occurrence, OccurrenceContext } from '../types';
import { findingsQuery, hasSinkEvidence, patternTests, queryPatterns, SinkEvidence, sinkEvidence } from './evidence';
import { FlowIndex, FlowSummary, pruneFlow } from './flow';
import { extractFlow, FlowFunction, LeafValue, RawFlow } from './flowExtract';

/** Where the host finds the tree-sitter runtime and grammars (files on disk for Node; URLs in a browser). */
export interface GrammarLoader {
  /** Location of `tree-sitter.wasm`, for the runtime's `locateFile`. */
  runtimeLocation(): string;
  /** The bytes of `tree-sitter.wasm`, for hosts where the runtime cannot read or fetch a location (a browser host). */
  runtimeBinary?(): Promise<Uint8Array>;
  /** A grammar, by its name in @vscode/tree-sitter-wasm (`typescript` → `tree-sitter-typescript.wasm`). */
  grammar(name: string): Promise<string | Uint8Array>;
  /** The text of a query file shipped beside the grammars (`javascript/status.scm`), for specs that name one. */
  query?(file: string): Promise<string>;
}

export interface AnalyzeOptions {
  /**
   * The deadline of one analysis in milliseconds, covering the parse, the queries and every walk after them (loading
   * a grammar the first time is not counted). When it passes, the analysis stops and its result is
   * `skipped: 'timeout'`, never a partial list. Default 5000.
   */
  readonly timeoutMs?: number;
  /**
   * Only findings and status flow are wanted (`lts-status check`): a smaller status query without the patterns that
   * only explain is compiled and run, so occurrences that are mere mentions may be missing.
   */
  readonly findingsOnly?: boolean;
  /**
   * Parse even without a status-like number and a trigger word (see {@link worthParsing}): the caller chose the
   * document for a better reason (`lts-status check`: a status sink, or a name the flow index asks for).
   */
  readonly ungated?: boolean;
}

/**
 * `noCandidates`: nothing status-like in the text, not parsed. `timeout`: the analysis exceeded its deadline.
 * `crashed`: the engine failed on this document (hosts then replace the engine's WebAssembly instance).
 */
export type SkipReason = 'noCandidates' | 'minified' | 'timeout' | 'crashed';

export interface CodeAnalysis {
  /** Every status-code occurrence, sorted by position. */
  readonly occurrences: readonly Occurrence[];
  /**
   * True when the parse needed error recovery. Recovery is heuristic: for broken code an incremental parse may read a
   * region differently from a fresh one, until the code is whole again.
   */
  readonly syntaxErrors?: boolean;
  /** Set when the document was not parsed. */
  readonly skipped?: SkipReason;
  /**
   * How status values travel in this document (languages with flow data): for a workspace index (./flow.ts). The
   * occurrences above already include what the document's own flow yields.
   */
  readonly flow?: FlowSummary;
}

/**
 * The tree-sitter runtime failed (a WebAssembly trap such as `memory access out of bounds`, or any other error from a
 * parse, a query or a tree walk). The WebAssembly module is shared by every language and may now be corrupt, so the
 * engine refuses all later work with this error: the host should throw the engine (in practice its worker or
 * process) away and start a new one. Across a worker boundary, recognise it by `name` (see {@link isEngineCrashed}).
 */
export class EngineCrashed extends Error {
  override readonly name = 'EngineCrashed';

  constructor(readonly language: string, cause: unknown) {
    super(`The tree-sitter runtime failed while analysing a ${language} document (${errorText(cause)}); this engine cannot be used any more.`,
      { cause });
  }
}

/** Whether an error (possibly cloned across a worker boundary) is an {@link EngineCrashed}. */
export function isEngineCrashed(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'EngineCrashed';
}

function errorText(error: unknown): string {
  if (error instanceof Error) return `${error.constructor?.name ?? 'Error'}: ${error.message}`;
  return String(error);
}

/** Thrown inside an analysis when its deadline has passed; the engine turns it into `skipped: 'timeout'`. */
class DeadlineExceeded extends Error {}

/** The end of one analysis in time; every loop of the engine checks it. */
class Deadline {
  private readonly end: number;
  private ticks = 0;

  constructor(ms: number) {
    this.end = Date.now() + ms;
  }

  get expired(): boolean {
    return Date.now() > this.end;
  }

  /** For hot loops: reads the clock every 64th call. */
  tick(): void {
    if ((++this.ticks & 63) === 0 && this.expired) throw new DeadlineExceeded();
  }

  check(): void {
    if (this.expired) throw new DeadlineExceeded();
  }
}

export interface CompiledLanguage {
  readonly parser: Parser;
  readonly statusQuery: Query;
  readonly handlerQuery: Query;
  readonly flowQuery?: Query;
}

/** A language's grammar with the queries every analysis needs whole (status flow reads every binding of a file). */
interface GrammarParts {
  readonly language: Language;
  readonly parser: Parser;
  readonly handlerQuery: Query;
  readonly flowQuery?: Query;
}

/**
 * The status query of a language compiled in part, for the editor (see {@link CodeEngine.languageFor}): its patterns
 * with the text tests each implies, and which of them the query compiled so far holds.
 */
interface PartialStatus {
  readonly source: string;
  readonly patterns: ReadonlyArray<{ readonly start: number; readonly end: number; readonly tests: readonly RegExp[] }>;
  readonly included: boolean[];
  current?: CompiledLanguage;
  /** Growth is one at a time: a later call waits for the query an earlier one is compiling. */
  busy: Promise<unknown>;
}

/**
 * The editor compiles the whole status query instead of a part once the part would hold more than this share of its
 * patterns: the parts only grow, so a few compilations at most come before the whole one.
 */
const PARTIAL_QUERY_LIMIT = 0.6;

/** A three-digit run in the range of status codes; a file without one has nothing to find and is never parsed. */
const CANDIDATE = /(?<![\d.])[1-5]\d\d(?![\d])/;

const DEFAULT_TIMEOUT_MS = 5_000;

/** Lines around a match that a query region also covers (a call split over lines, a multi-line object). */
const REGION_MARGIN = 2;
/** Regions closer than this many lines are queried as one. */
const REGION_GAP = 8;

/**
 * Line ranges [from, to] worth querying: lines with a status-like number, a trigger word or a hint, with a margin,
 * merged. Every capture the queries can make lies on such a line (test/unit/engine.test.ts checks the fixtures).
 */
function regionsOfInterest(text: string, lines: LineIndex, spec: LanguageSpec, deadline: Deadline): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  for (let line = 0; line < lines.lineCount; line++) {
    deadline.tick();
    const content = text.slice(lines.lineStart(line), lines.contentEnd(line));
    if (CANDIDATE.test(content) || spec.trigger?.test(content) || spec.hint?.test(content)) {
      const from = Math.max(0, line - REGION_MARGIN);
      const last = regions[regions.length - 1];
      if (last && from <= last[1] + REGION_GAP) last[1] = line + REGION_MARGIN;
      else regions.push([from, line + REGION_MARGIN]);
    }
  }
  return regions;
}

/** Line ranges as index ranges [start, end) of the text, which is how the queries are limited. */
function indexRanges(regions: ReadonlyArray<readonly [number, number]>, lines: LineIndex, length: number): Array<[number, number]> {
  return regions.map(([from, to]) => [lines.lineStart(from), to + 1 < lines.lineCount ? lines.lineStart(to + 1) : length]);
}

/**
 * What a fresh analysis parses: the text with every line break as `\n` and no byte order mark, so that a file gives
 * the same tree, hence the same results, whatever its line breaks (tree-sitter's error recovery weighs whitespace,
 * so even a same-length stand-in such as ` \n` for `\r\n` could recover broken code differently). Indices are
 * mapped between the two texts.
 */
class LfSource {
  readonly text: string;
  /** Indices in the parsed text before which one character of the original was removed, ascending. */
  private readonly removed: number[] = [];

  constructor(original: string) {
    let text = original;
    if (text.charCodeAt(0) === 0xfeff) {
      text = text.slice(1);
      this.removed.push(0);
    }
    if (text.includes('\r')) {
      let out = '';
      let from = 0;
      const offset = this.removed.length;
      for (let at = text.indexOf('\r'); at >= 0; at = text.indexOf('\r', at + 1)) {
        out += text.slice(from, at);
        if (text.charCodeAt(at + 1) === 10) this.removed.push(at - (this.removed.length - offset));
        else out += '\n';
        from = at + 1;
      }
      text = out + text.slice(from);
    }
    this.text = text;
  }

  /** The original index of the character at a parsed index. */
  toOriginal(index: number): number {
    return index + this.removedUpTo(index);
  }

  /** The original index of an end (one past the last character) at a parsed index. */
  toOriginalEnd(index: number): number {
    return index === 0 ? this.toOriginal(0) : this.toOriginal(index - 1) + 1;
  }

  /** The parsed index of an original index (a line start or the end: never a removed character). */
  toParse(index: number): number {
    let low = 0;
    let high = this.removed.length;
    // The number of removed characters before `index`: removed[k] + k is the original index of the k-th.
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.removed[mid] + mid < index) low = mid + 1;
      else high = mid;
    }
    return index - low;
  }

  private removedUpTo(index: number): number {
    let low = 0;
    let high = this.removed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.removed[mid] <= index) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/**
 * The text an editor session parses, of the same length so that every index stays where it is: a byte order mark becomes a
 * space (it is not a column, and no grammar expects it), `\r\n` becomes ` \n` and a lone `\r` becomes `\n`, so
 * that every grammar ends lines (and line comments) where VS Code does, and its rows are the editor's lines.
 */
function parseText(text: string): string {
  const bom = text.charCodeAt(0) === 0xfeff;
  const source = bom ? ' ' + text.slice(1) : text;
  return source.includes('\r') ? source.replace(/\r\n?/g, (lineBreak) => (lineBreak.length === 2 ? ' \n' : '\n')) : source;
}

/** A code text at least this long whose lines average more than {@link MINIFIED_LINE_CHARS} characters is minified. */
export const MINIFIED_MIN_CHARS = 20_000;
export const MINIFIED_LINE_CHARS = 1_000;

/**
 * Whether a code text is minified or generated onto few lines (a bundle, a `.min.js`): its lines average over
 * {@link MINIFIED_LINE_CHARS} characters. Hand-written code never does (SonarJS skips JavaScript it finds minified by
 * the same measure, at 200); such a file repeats what its sources say, and parsing it costs seconds for nothing.
 * Not parsed, whatever the caller's gate (see AnalyzeOptions.ungated). Reads the text once, without copying it.
 */
export function isMinified(text: string): boolean {
  if (text.length < MINIFIED_MIN_CHARS) return false;
  // More breaks than this and the average line is short enough: stop counting there.
  const enough = Math.floor(text.length / MINIFIED_LINE_CHARS);
  let breaks = 0;
  for (let at = text.indexOf('\n'); at >= 0 && breaks <= enough; at = text.indexOf('\n', at + 1)) breaks++;
  return breaks < enough;
}

/**
 * Whether a document can hold anything the language's queries find (cheap text tests, no parse). With status flow, a
 * file without any number can still matter to others (an error class that stores its status, a middleware that sends
 * `err.status`): a trigger word is enough.
 */
export function worthParsing(text: string, spec: LanguageSpec): boolean {
  if (spec.flow && (spec.flowTrigger ?? spec.trigger)?.test(text)) return true;
  return (CANDIDATE.test(text) && (spec.trigger?.test(text) ?? true)) || (spec.hint?.test(text) ?? false);
}
const MAX_VALUE_DEPTH = 8;

export class CodeEngine {
  private runtime: Promise<void> | undefined;
  private readonly compiled = new Map<string, Promise<CompiledLanguage>>();
  private readonly grammars = new Map<string, Promise<GrammarParts>>();
  private readonly partial = new Map<string, Promise<PartialStatus>>();
  private readonly evidence = new Map<string, Promise<SinkEvidence>>();
  private failure: EngineCrashed | undefined;

  constructor(private readonly loader: GrammarLoader, readonly logger: Logger = nullLogger) {}

  /** Set once the tree-sitter runtime has failed; from then on every analysis throws it (see {@link EngineCrashed}). */
  get crashed(): EngineCrashed | undefined {
    return this.failure;
  }

  /**
   * Finds status-code occurrences in a whole document. Ends by the deadline (`skipped: 'timeout'`); throws
   * {@link EngineCrashed} when the tree-sitter runtime fails.
   */
  async analyze(text: string, spec: LanguageSpec, options: AnalyzeOptions = {}): Promise<CodeAnalysis> {
    this.throwIfCrashed();
    if (isMinified(text)) return { occurrences: [], skipped: 'minified' };
    if (!options.ungated && !worthParsing(text, spec)) return { occurrences: [], skipped: 'noCandidates' };
    const language = await this.languageFor(spec, text, options.findingsOnly);
    this.throwIfCrashed();
    const deadline = new Deadline(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    return this.guarded(spec, language, text, () => {
      const source = new LfSource(text);
      const tree = parseWithin(language.parser, source.text, null, deadline);
      try {
        const lines = new LineIndex(text);
        const regions = indexRanges(regionsOfInterest(text, lines, spec, deadline), lines, text.length)
          .map(([start, end]): [number, number] => [source.toParse(start), source.toParse(end)]);
        const run = queryRegions(language, spec, tree.rootNode, regions, deadline);
        const entries = run.entries.map((entry) => ({ ...entry, start: source.toOriginal(entry.start), end: source.toOriginalEnd(entry.end) }));
        return withFlow(toOccurrences(entries, lines, deadline), run.flow, lines, (i) => source.toOriginal(i), (i) => source.toOriginalEnd(i),
          tree.rootNode.hasError, deadline);
      } finally {
        tree.delete();
      }
    });
  }

  /**
   * Runs one analysis step on the runtime: a passed deadline becomes `skipped: 'timeout'` (and the parser is reset,
   * so that the next document is not read as the rest of this one); any other failure marks the engine crashed.
   */
  guarded(spec: LanguageSpec, language: CompiledLanguage, text: string, step: () => CodeAnalysis): CodeAnalysis {
    try {
      return step();
    } catch (error) {
      if (error instanceof DeadlineExceeded) {
        try {
          language.parser.reset();
        } catch (resetError) {
          throw this.crash(spec, resetError);
        }
        return this.timedOut(spec, text);
      }
      throw this.crash(spec, error);
    }
  }

  throwIfCrashed(): void {
    if (this.failure) throw this.failure;
  }

  private crash(spec: LanguageSpec, error: unknown): EngineCrashed {
    if (error instanceof EngineCrashed) return error;
    this.failure ??= new EngineCrashed(spec.name, error);
    this.logger.error(this.failure.message, error);
    return this.failure;
  }

  /** A document kept parsed between edits, for the editor (see {@link CodeSession}). */
  session(spec: LanguageSpec, options: AnalyzeOptions = {}): CodeSession {
    return new CodeSession(this, spec, options);
  }

  /** Loads and compiles a language once (or its findings-only variant); later calls share the promise. */
  language(spec: LanguageSpec, findingsOnly = false): Promise<CompiledLanguage> {
    const key = findingsOnly ? `${spec.id}\u0000findings` : spec.id;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      compiled = this.compile(spec, findingsOnly);
      compiled.catch(() => this.compiled.delete(key));
      this.compiled.set(key, compiled);
    }
    return compiled;
  }

  /**
   * The language compiled for one text: the whole status query once it is compiled, else a query of those of its
   * patterns that can match this text. Compiling the status query is most of a language's start-up (tree-sitter
   * analyses every pattern against the grammar), a file needs few of its patterns (an Express file none of Django's),
   * and a query of fewer patterns also runs faster. Each pattern implies text tests (the literals its predicates
   * require, see ./evidence.ts); a pattern whose tests fail on the text cannot match in it, so the part finds what the
   * whole would. Parts only grow: a text that needs a pattern the part lacks gets a part with both, and past
   * PARTIAL_QUERY_LIMIT the whole query.
   */
  async languageFor(spec: LanguageSpec, text: string, findingsOnly = false): Promise<CompiledLanguage> {
    const key = findingsOnly ? `${spec.id}\u0000findings` : spec.id;
    const whole = this.compiled.get(key);
    if (whole) return whole;
    let partial = this.partial.get(key);
    if (!partial) {
      partial = this.partialStatus(spec, findingsOnly);
      partial.catch(() => this.partial.delete(key));
      this.partial.set(key, partial);
    }
    const state = await partial;
    const grow = state.busy.then(() => this.growPartial(spec, state, text, findingsOnly));
    state.busy = grow.catch(() => undefined);
    return grow;
  }

  private async partialStatus(spec: LanguageSpec, findingsOnly: boolean): Promise<PartialStatus> {
    const text = await this.queryText(spec.statusQuery);
    const source = findingsOnly ? findingsQuery(text) : text;
    const patterns = queryPatterns(source).map((pattern) => ({ start: pattern.start, end: pattern.end, tests: patternTests(pattern) }));
    return { source, patterns, included: patterns.map(() => false), busy: Promise.resolve() };
  }

  private async growPartial(spec: LanguageSpec, state: PartialStatus, text: string, findingsOnly: boolean): Promise<CompiledLanguage> {
    const whole = this.compiled.get(findingsOnly ? `${spec.id}\u0000findings` : spec.id);
    if (whole) return whole;
    // Node texts come from the parsed text, whose line breaks are `\n`.
    const source = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    const wanted = state.patterns.map((pattern, i) => state.included[i] || pattern.tests.every((test) => test.test(source)));
    if (state.current && wanted.every((want, i) => want === state.included[i])) return state.current;
    if (wanted.filter(Boolean).length > PARTIAL_QUERY_LIMIT * state.patterns.length) return this.language(spec, findingsOnly);
    const parts = await this.grammar(spec);
    const started = Date.now();
    const query = new Query(parts.language, state.patterns.filter((_, i) => wanted[i]).map((p) => state.source.slice(p.start, p.end)).join('\n'));
    wanted.forEach((want, i) => { state.included[i] = want; });
    state.current = { parser: parts.parser, handlerQuery: parts.handlerQuery, flowQuery: parts.flowQuery, statusQuery: query };
    this.logger.info(`Compiled ${query.patternCount()} of the ${state.patterns.length} status patterns for ${spec.name} in ${Date.now() - started} ms.`);
    return state.current;
  }

  /**
   * Whether a text can hold a status sink of its language (see ./evidence.ts), without parsing it: what
   * `lts-status check` asks before it parses a file for nothing but its findings and status flow.
   */
  async mayHoldSink(text: string, spec: LanguageSpec): Promise<boolean> {
    let evidence = this.evidence.get(spec.id);
    if (!evidence) {
      evidence = this.queryText(spec.statusQuery).then(sinkEvidence);
      evidence.catch(() => this.evidence.delete(spec.id));
      this.evidence.set(spec.id, evidence);
    }
    return hasSinkEvidence(text, await evidence);
  }

  timedOut(spec: LanguageSpec, text: string): CodeAnalysis {
    this.logger.warn(`Analysing a ${spec.name} document of ${text.length} characters took longer than the time limit; skipped.`);
    return { occurrences: [], skipped: 'timeout' };
  }

  private async queryText(source: QuerySource): Promise<string> {
    const texts = await Promise.all(queryParts(source).map((part) => {
      if (typeof part === 'string') return part;
      if (!this.loader.query) throw new Error(`No query loader for ${part.file}`);
      return this.loader.query(part.file);
    }));
    return texts.join('\n');
  }

  /** Loads the tree-sitter runtime once (every language needs it). */
  start(): Promise<void> {
    this.runtime ??= (async () => {
      const started = Date.now();
      const wasmBinary = await this.loader.runtimeBinary?.();
      // `wasmBinary` is an Emscripten module option the typings leave out; the runtime honours it.
      await Parser.init({ locateFile: () => this.loader.runtimeLocation(), ...(wasmBinary ? { wasmBinary } : {}) } as Parameters<typeof Parser.init>[0]);
      this.logger.info(`Started the tree-sitter runtime in ${Date.now() - started} ms.`);
    })();
    return this.runtime;
  }

  /**
   * Loads a language's grammar and compiles the queries that do not depend on the text (handlers, status flow), once;
   * what the editor prepares at activation. Later calls share the promise.
   */
  grammar(spec: LanguageSpec): Promise<GrammarParts> {
    let parts = this.grammars.get(spec.id);
    if (!parts) {
      parts = this.loadGrammar(spec);
      parts.catch(() => this.grammars.delete(spec.id));
      this.grammars.set(spec.id, parts);
    }
    return parts;
  }

  private async loadGrammar(spec: LanguageSpec): Promise<GrammarParts> {
    await this.start();
    const started = Date.now();
    const language = await Language.load(await this.loader.grammar(spec.grammar));
    const loaded = Date.now();
    const parser = new Parser();
    parser.setLanguage(language);
    const parts = {
      language,
      parser,
      handlerQuery: new Query(language, await this.queryText(spec.handlerQuery)),
      ...(spec.flowQuery && spec.flow ? { flowQuery: new Query(language, await this.queryText(spec.flowQuery)) } : {}),
    };
    this.logger.info(`Loaded the ${spec.grammar} grammar for ${spec.name} in ${Date.now() - started} ms `
      + `(grammar ${loaded - started} ms, handler and flow queries ${Date.now() - loaded} ms).`);
    return parts;
  }

  private async compile(spec: LanguageSpec, findingsOnly: boolean): Promise<CompiledLanguage> {
    const parts = await this.grammar(spec);
    const source = await this.queryText(spec.statusQuery);
    const started = Date.now();
    const statusQuery = new Query(parts.language, findingsOnly ? findingsQuery(source) : source);
    this.logger.info(`Compiled the status query for ${spec.name}${findingsOnly ? ' (findings only)' : ''} in ${Date.now() - started} ms.`);
    return { parser: parts.parser, handlerQuery: parts.handlerQuery, flowQuery: parts.flowQuery, statusQuery };
  }
}

/** Parses within the deadline; a cancelled parse throws {@link DeadlineExceeded} (the caller resets the parser). */
function parseWithin(parser: Parser, text: string, old: Tree | null, deadline: Deadline): Tree {
  // Returning true cancels the parse; the typings say void, the runtime honours the value.
  const tree = parser.parse(text, old, { progressCallback: (() => deadline.expired) as () => void });
  if (!tree) throw new DeadlineExceeded();
  return tree;
}

/**
 * A query's matches in an index range, within the deadline: the runtime asks the progress callback as it goes and
 * stops when it answers true (the matches found until then are incomplete, so they are thrown away).
 */
function matchesWithin(query: Query, root: Node, [startIndex, endIndex]: readonly [number, number], deadline: Deadline,
  imports: ReadonlyMap<string, string> = NO_IMPORTS): QueryMatch[] {
  let cancelled = false;
  const progressCallback = () => (cancelled ||= deadline.expired);
  // The runtime takes these as byte offsets of its UTF-16 input: two bytes per code unit.
  const matches = query.matches(root, { startIndex: startIndex * 2, endIndex: endIndex * 2, progressCallback: progressCallback as () => void });
  if (cancelled) throw new DeadlineExceeded();
  deadline.check();
  return filterMatches(query, matches, deadline, imports);
}

/**
 * The engine's own predicates, which the runtime hands over unevaluated (language data may use them; the README of
 * the languages describes them). `#has-child? @node type text…`: the node has a named child of that type whose
 * text is one of the listed strings. Each node is examined once per predicate, so a long token list stays linear.
 * `#imported? @node`: the node's first name is one the file's imports bind (`@import.name` in flow.scm), so that a
 * bare `raise NotFound()` is a sink only where `NotFound` comes from a framework.
 */
function filterMatches(query: Query, matches: QueryMatch[], deadline: Deadline, imports: ReadonlyMap<string, string> = NO_IMPORTS): QueryMatch[] {
  if (!query.predicates.some((list) => list.length > 0)) return matches;
  const memo = new Map<string, Map<number, boolean>>();
  return matches.filter((match) => query.predicates[match.patternIndex].every((predicate) => {
    deadline.tick();
    if (predicate.operator === 'imported?') {
      const [capture] = predicate.operands;
      if (capture?.type !== 'capture') throw new Error('#imported? takes a capture');
      return match.captures.filter((c) => c.name === capture.name).every(({ node }) => importedName(node.text, imports) !== undefined);
    }
    if (predicate.operator !== 'has-child?') throw new Error(`Unknown query predicate #${predicate.operator}`);
    const [capture, type, ...texts] = predicate.operands;
    if (capture?.type !== 'capture' || type?.type !== 'string') throw new Error('#has-child? takes a capture and a node type');
    const key = JSON.stringify(predicate.operands);
    let seen = memo.get(key);
    if (!seen) memo.set(key, seen = new Map());
    const wanted = new Set(texts.map((t) => (t.type === 'string' ? t.value : '')));
    return match.captures.filter((c) => c.name === capture.name).every(({ node }) => {
      let has = seen!.get(node.id);
      if (has === undefined) {
        has = node.namedChildren.some((child) => child !== null && child.type === type.value && wanted.has(child.text));
        seen!.set(node.id, has);
      }
      return has;
    });
  }));
}

/** An error node with more children than this is not queried as a whole (see {@link queryPlan}). */
const WIDE_ERROR_CHILDREN = 512;

/**
 * Where to run the queries for an index range: normally the root over the range. The runtime's query cursor slows
 * down with the square of the width of an ERROR node whose children are a long run of tokens (100 KB of unclosed
 * brackets: minutes), so such a node is left out of the root's range and each of its named children is queried on
 * its own instead. (No query pattern is rooted at an ERROR node, so nothing is lost.)
 */
function queryPlan(root: Node, [start, end]: readonly [number, number], deadline: Deadline): Array<[Node, number, number]> {
  if (!root.hasError) return [[root, start, end]];
  const wide: Node[] = [];
  // Depth first, in document order, over the nodes with errors in the range (a stack, not recursion: trees can be deep).
  const stack: Node[] = [root];
  while (stack.length > 0) {
    deadline.tick();
    const node = stack.pop()!;
    if (node.type === 'ERROR' && node.childCount > WIDE_ERROR_CHILDREN) {
      wide.push(node);
      continue;
    }
    const children: Node[] = [];
    const cursor = node.walk();
    try {
      if (cursor.gotoFirstChild()) {
        do {
          deadline.tick();
          if (cursor.endIndex > start && cursor.startIndex < end) {
            const child = cursor.currentNode;
            if (child.hasError) children.push(child);
          }
        } while (cursor.startIndex < end && cursor.gotoNextSibling());
      }
    } finally {
      cursor.delete();
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  if (wide.length === 0) return [[root, start, end]];
  const plan: Array<[Node, number, number]> = [];
  let from = start;
  for (const node of wide) {
    if (node.startIndex > from) plan.push([root, from, Math.min(node.startIndex, end)]);
    from = Math.max(from, node.endIndex);
  }
  if (from < end) plan.push([root, from, end]);
  for (const node of wide) {
    const cursor = node.walk();
    try {
      if (cursor.gotoFirstChild()) {
        do {
          deadline.tick();
          if (cursor.nodeIsNamed && cursor.endIndex > start && cursor.startIndex < end) {
            const child = cursor.currentNode;
            plan.push(...queryPlan(child, [Math.max(start, child.startIndex), Math.min(end, child.endIndex)], deadline));
          }
        } while (cursor.gotoNextSibling());
      }
    } finally {
      cursor.delete();
    }
  }
  return plan;
}

/** How many rounds {@link widenClientRanges} takes at most (a helper of a helper of … the listener). */
const MAX_CLIENT_ROUNDS = 8;

/**
 * With `clientHelpers`: a named function of the file that is mentioned only inside regions that answer no HTTP request
 * (a service worker's helpers, called from its `fetch` listener) is such a region too, round by round. A function
 * that other files can reach (its top-level statement matches `exported`), or that is mentioned anywhere else (a call,
 * a reference, a comment), stays as it is. The mentions are found in one pass over the file's words.
 */
function widenClientRanges(run: DocumentRun, spec: LanguageSpec, root: Node, handlerMatches: readonly QueryMatch[], deadline: Deadline): void {
  const exported = spec.clientHelpers?.exported;
  if (!exported || run.clientRanges.length === 0) return;
  const text = root.text;
  const candidates = new Map<string, Array<{ fn: Node; name: Node }>>();
  for (const match of handlerMatches) {
    deadline.tick();
    const fn = match.captures.find((c) => c.name === HANDLER_CAPTURES.function)?.node;
    const name = match.captures.find((c) => c.name === HANDLER_CAPTURES.name)?.node;
    if (!fn || !name || !/^[A-Za-z_$][\w$]*$/.test(name.text) || run.inClient(fn)) continue;
    let top: Node = name;
    while (top.parent && top.parent.id !== root.id) {
      deadline.tick();
      top = top.parent;
    }
    if (exported.test(text.slice(top.startIndex, top.startIndex + 64))) continue;
    const list = candidates.get(name.text) ?? [];
    if (list.some((known) => known.fn.id === fn.id)) continue;
    list.push({ fn, name });
    candidates.set(name.text, list);
  }
  if (candidates.size === 0) return;
  const mentions = new Map<string, number[]>();
  for (const word of text.matchAll(/[A-Za-z_$][\w$]*/g)) {
    deadline.tick();
    const at = mentions.get(word[0]) ?? (candidates.has(word[0]) ? [] : undefined);
    if (!at) continue;
    at.push(word.index);
    mentions.set(word[0], at);
  }
  const inside = (start: number, end: number) => run.clientRanges.some(([from, to]) => from <= start && end <= to);
  for (let round = 0, widened = true; widened && round < MAX_CLIENT_ROUNDS; round++) {
    widened = false;
    for (const [word, list] of candidates) {
      // Two functions of one name: neither can be told apart by its mentions.
      if (list.length !== 1) continue;
      const { fn, name } = list[0];
      if (run.inClient(fn)) continue;
      const others = (mentions.get(word) ?? []).filter((at) => !(at >= name.startIndex && at < name.endIndex) && !(at >= fn.startIndex && at < fn.endIndex));
      if (others.length > 0 && others.every((at) => inside(at, at + word.length))) {
        run.clientRanges.push([fn.startIndex, fn.endIndex]);
        widened = true;
      }
    }
  }
}

/** Runs the queries over index ranges of a tree and collects what they find. */
function queryRegions(language: CompiledLanguage, spec: LanguageSpec, root: Node, regions: ReadonlyArray<readonly [number, number]>,
  deadline: Deadline, seed?: { constants: Map<string, number>; forwarders: Map<string, Set<number>> }): QueryResult {
  const plan = regions.flatMap((range) => queryPlan(root, range, deadline));
  // Status flow needs every function, class, binding and call of the file, wherever it stands.
  const flowQuery = language.flowQuery;
  const wholePlan = flowQuery ? queryPlan(root, [0, root.endIndex], deadline) : plan;
  const whole = (query: Query) => wholePlan.flatMap(([node, from, to]) => matchesWithin(query, node, [from, to], deadline));
  const flowMatches = flowQuery && spec.flow ? whole(flowQuery) : [];
  // What the file's imports name comes first: the status query's `#imported?` and the values' symbols depend on it.
  const imports = flowQuery ? collectImports(flowQuery, flowMatches) : NO_IMPORTS;
  const statusMatches = plan.flatMap(([node, from, to]) => matchesWithin(language.statusQuery, node, [from, to], deadline, imports));
  const handlerMatches = whole(language.handlerQuery);
  const functions = collectFunctions(handlerMatches, spec, deadline);
  const constants = seed?.constants ?? collectConstants(statusMatches);
  const run = new DocumentRun(spec, constants, functions, deadline, seed?.forwarders, imports);
  const sinks: Node[] = [];
  for (const match of statusMatches) {
    for (const capture of match.captures) {
      if (capture.name === STATUS_CAPTURES.client) run.clientRanges.push([capture.node.startIndex, capture.node.endIndex]);
    }
  }
  widenClientRanges(run, spec, root, handlerMatches, deadline);
  for (const match of statusMatches) {
    for (const capture of match.captures) {
      deadline.tick();
      const context = contextOf(capture.name);
      if (context) run.add(capture.node, context);
      if (context === 'handler' && !run.inClient(capture.node)) sinks.push(capture.node);
      if (capture.name === STATUS_CAPTURES.implicit) {
        const code = parseCode(match.setProperties?.implicit ?? language.statusQuery.setProperties[match.patternIndex]?.implicit ?? '');
        if (code !== undefined) run.addImplicit(capture.node, code);
      }
    }
  }
  let flow: RawFlow | undefined;
  if (flowQuery && spec.flow) {
    flow = extractFlow({
      spec, flow: spec.flow, family: spec.flowFamily ?? spec.id, root, flowMatches, handlerMatches, sinks,
      functions: functions.functions.map(flowFunction),
      functionAround: (node) => {
        const found = functions.around(node);
        return found && flowFunction(found);
      },
      resolve: (node) => resolveValues(node, spec, constants, 0, imports),
      inClient: (node) => run.inClient(node),
      symbol: (text) => {
        const imported = importedName(text, imports);
        return (imported === undefined ? undefined : symbolCode(imported, spec)?.code) ?? symbolCode(text, spec)?.code;
      },
      framework: (name) => imports.has(name),
      tick: () => deadline.tick(),
    });
    for (const { node, value } of flow.direct) run.addResolved(node, value);
  } else {
    run.followForwarders(statusMatches);
  }
  return {
    entries: [...run.byStart.values()], statusMatches, forwarders: run.forwarders, forwarderRanges: run.forwarderRanges,
    nameRanges: namingRanges(handlerMatches), flow,
  };
}

interface QueryResult {
  /** Index ranges of the nodes that name handlers (names, verbs, routes, parameters). */
  readonly nameRanges: Array<[number, number]>;
  readonly entries: Entry[];
  readonly statusMatches: QueryMatch[];
  readonly forwarders: Map<string, Set<number>>;
  readonly forwarderRanges: Array<[number, number]>;
  readonly flow?: RawFlow;
}

const flowFunctions = new WeakMap<NamedFunction, FlowFunction>();

function flowFunction(fn: NamedFunction): FlowFunction {
  let found = flowFunctions.get(fn);
  if (!found) {
    found = { node: fn.node, name: fn.info.name, parameters: fn.info.parameters, parameterList: fn.info.parameterList };
    flowFunctions.set(fn, found);
  }
  return found;
}

/**
 * The document's occurrences with what its own flow adds (a value that reaches a sink in the same file), and the flow
 * summary for a workspace index, positions mapped to the original text.
 */
function withFlow(occurrences: Occurrence[], raw: RawFlow | undefined, lines: LineIndex, toOriginal: (i: number) => number,
  toOriginalEnd: (i: number) => number, syntaxErrors: boolean, deadline: Deadline): CodeAnalysis {
  if (!raw) return { occurrences, syntaxErrors };
  const range = (start: number, end: number) => ({ start: lines.position(toOriginal(start)), end: lines.position(toOriginalEnd(end)) });
  const summary: FlowSummary = pruneFlow({
    family: raw.family,
    edges: raw.edges,
    sinks: raw.sinks.map(({ start, end, ...rest }) => ({ ...rest, range: range(start, end) })),
    values: raw.values.map(({ start, end, ...rest }) => ({ ...rest, range: range(start, end) })),
    refs: raw.refs.map(({ start, end, ...rest }) => ({ ...rest, range: range(start, end) })),
    constants: raw.constants,
    classes: raw.classes,
  });
  deadline.check();
  const index = new FlowIndex();
  index.set('', summary);
  return { occurrences: mergeFlow(occurrences, index.occurrences('')), syntaxErrors, flow: summary };
}

/**
 * Adds flow occurrences to a document's own: a flowing value becomes a `handler` occurrence (a mention of the same
 * value is replaced; an occurrence the handler sends directly is kept as it is).
 */
export function mergeFlow(occurrences: readonly Occurrence[], flowing: readonly import('./flow').FlowOccurrence[]): Occurrence[] {
  if (flowing.length === 0) return [...occurrences];
  const at = (o: { range: { start: { line: number; character: number } } }) => `${o.range.start.line}:${o.range.start.character}`;
  const byStart = new Map<string, Occurrence>();
  for (const occurrence of occurrences) byStart.set(at(occurrence), occurrence);
  for (const found of flowing) {
    const key = at(found);
    const existing = byStart.get(key);
    if (existing?.context === 'handler') continue;
    byStart.set(key, {
      range: found.range, code: found.code, text: found.text, context: 'handler', handler: found.handler,
      ...(found.via ? { via: found.via } : {}), ...(found.symbol ? { symbol: found.symbol } : {}),
      ...(found.constant ? { constant: true } : {}), sentAt: found.sentAt,
    });
  }
  return [...byStart.values()].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** One edit of a document, in the coordinates tree-sitter takes (indices and columns in UTF-16 code units). */
export interface TextChange {
  readonly startIndex: number;
  readonly oldEndIndex: number;
  readonly newEndIndex: number;
  readonly startPosition: { readonly row: number; readonly column: number };
  readonly oldEndPosition: { readonly row: number; readonly column: number };
  readonly newEndPosition: { readonly row: number; readonly column: number };
}

/**
 * The change that replaces `oldText[start, end)` with `inserted`, with the positions tree-sitter needs; `start` and
 * `end` are given as positions in the old text too (the editor knows them already).
 */
export function textChange(start: number, end: number, inserted: string,
  startPosition: { row: number; column: number }, oldEndPosition: { row: number; column: number }): TextChange {
  const lines = inserted.split(/\r\n|\r|\n/);
  const last = lines[lines.length - 1];
  return {
    startIndex: start,
    oldEndIndex: end,
    newEndIndex: start + inserted.length,
    startPosition,
    oldEndPosition,
    newEndPosition: lines.length === 1
      ? { row: startPosition.row, column: startPosition.column + last.length }
      : { row: startPosition.row + lines.length - 1, column: last.length },
  };
}

/** A region smaller than this many lines is taken whole rather than split into its children. */
const SPLIT_LINES = 40;

/**
 * A document kept parsed between edits. After one edit it parses incrementally and queries only the lines around the
 * change, reusing what it found elsewhere; when the edit touches something the rest of the document depends on (a
 * constant, a helper that sends its parameter, a handler's name), it analyses the whole document again.
 */
export class CodeSession {
  private tree: Tree | null = null;
  private entries: Entry[] = [];
  private constants = new Map<string, number>();
  private constantRanges: Array<[number, number]> = [];
  private forwarders = new Map<string, Set<number>>();
  private forwarderRanges: Array<[number, number]> = [];
  private nameRanges: Array<[number, number]> = [];
  /** How the last update went, for tests and the benchmark. */
  lastUpdate: 'full' | 'incremental' | 'skipped' = 'skipped';
  /** The compiled language of the last update. */
  private compiledWith: CompiledLanguage | undefined;

  constructor(private readonly engine: CodeEngine, readonly spec: LanguageSpec, private readonly options: AnalyzeOptions = {}) {}

  /** Analyses `text`; `change` is the one edit since the last call, when known. */
  async update(text: string, change?: TextChange): Promise<CodeAnalysis> {
    this.engine.throwIfCrashed();
    // Before the grammar is compiled, and also after an edit (a bundle pasted in): as a fresh analysis says.
    if (isMinified(text)) {
      this.reset();
      return { occurrences: [], skipped: 'minified' };
    }
    const language = await this.engine.languageFor(this.spec, text);
    this.engine.throwIfCrashed();
    const deadline = new Deadline(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    return this.engine.guarded(this.spec, language, text, () => {
      try {
        // A status query grown since the last update (see CodeEngine.languageFor) may match where the last did not.
        const incremental = language === this.compiledWith ? change : undefined;
        this.compiledWith = language;
        return this.updateWithin(language, text, incremental, deadline);
      } catch (error) {
        // Whatever was kept may be half updated: the next update starts afresh.
        this.reset();
        throw error;
      }
    });
  }

  private updateWithin(language: CompiledLanguage, text: string, change: TextChange | undefined, deadline: Deadline): CodeAnalysis {
    if (!this.tree || !change || !worthParsing(text, this.spec)) return this.full(language, text, deadline);
    const old = this.tree;
    this.tree = null;
    old.edit(change);
    let tree: Tree;
    try {
      tree = parseWithin(language.parser, parseText(text), old, deadline);
    } catch (error) {
      old.delete();
      throw error;
    }
    const changed = old.getChangedRanges(tree);
    old.delete();
    this.tree = tree;
    // Status flow reads the whole file (a binding anywhere can change what a sink sends): the parse stays
    // incremental, the queries run over the whole tree.
    if (this.spec.flow) return this.fromTree(language, text, tree, deadline, 'incremental');

    const delta = change.newEndIndex - change.oldEndIndex;
    const shift = (range: [number, number]): [number, number] | undefined =>
      range[1] <= change.startIndex ? range : range[0] >= change.oldEndIndex ? [range[0] + delta, range[1] + delta] : undefined;
    const touched = (ranges: Array<[number, number]>) =>
      ranges.some((range) => range[1] >= change.startIndex && range[0] <= change.oldEndIndex);
    if (touched(this.constantRanges) || touched(this.forwarderRanges) || touched(this.nameRanges)) return this.full(language, text, deadline);

    const lines = new LineIndex(text);
    let fromRow = change.startPosition.row;
    let toRow = change.newEndPosition.row;
    for (const range of changed) {
      fromRow = Math.min(fromRow, range.startPosition.row);
      toRow = Math.max(toRow, range.endPosition.row);
    }
    [fromRow, toRow] = expandRegion(tree.rootNode, fromRow, toRow, deadline);
    const regionStart = lines.lineStart(fromRow);
    const regionEnd = toRow + 1 < lines.lineCount ? lines.lineStart(toRow + 1) : text.length;

    // Constants and helpers found before are trusted only where this edit cannot have changed them.
    const inRegion = (range: [number, number] | undefined) => range !== undefined && range[1] >= regionStart && range[0] < regionEnd;
    if (this.constantRanges.map(shift).some(inRegion) || this.forwarderRanges.map(shift).some(inRegion)) return this.full(language, text, deadline);

    const run = queryRegions(language, this.spec, tree.rootNode, [[regionStart, regionEnd]], deadline,
      { constants: this.constants, forwarders: this.forwarders });
    const changeEnd = change.newEndIndex;
    const touchesChange = (range: [number, number]) => range[1] >= change.startIndex && range[0] <= changeEnd;
    // A constant the region defines and the document did not know (the last version was broken there) changes
    // what names resolve to everywhere.
    const unknownConstant = [...collectConstants(run.statusMatches)].some(([name, value]) => this.constants.get(name) !== value);
    if (constantRangesOf(run.statusMatches).some(touchesChange) || unknownConstant || run.forwarders.size > this.forwarders.size
      || run.nameRanges.some(touchesChange)) {
      return this.full(language, text, deadline);
    }

    const kept: Entry[] = [];
    for (const entry of this.entries) {
      const moved = shift([entry.start, entry.end]);
      if (moved && (moved[1] <= regionStart || moved[0] >= regionEnd)) kept.push({ ...entry, start: moved[0], end: moved[1] });
    }
    const fresh = run.entries.filter((entry) => entry.start >= regionStart && entry.start < regionEnd);
    this.entries = [...kept, ...fresh].sort((a, b) => a.start - b.start);
    this.constantRanges = this.constantRanges.map(shift).filter((r): r is [number, number] => r !== undefined);
    this.forwarderRanges = this.forwarderRanges.map(shift).filter((r): r is [number, number] => r !== undefined);
    this.nameRanges = this.nameRanges.map(shift).filter((r): r is [number, number] => r !== undefined);
    this.lastUpdate = 'incremental';
    return { occurrences: toOccurrences(this.entries, lines, deadline), syntaxErrors: tree.rootNode.hasError };
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = null;
  }

  /** Nothing kept: the next update analyses the whole document. */
  private reset(): void {
    this.dispose();
    this.entries = [];
    this.lastUpdate = 'skipped';
  }

  private full(language: CompiledLanguage, text: string, deadline: Deadline): CodeAnalysis {
    this.reset();
    if (!worthParsing(text, this.spec)) return { occurrences: [], skipped: 'noCandidates' };
    const tree = parseWithin(language.parser, parseText(text), null, deadline);
    this.tree = tree;
    return this.fromTree(language, text, tree, deadline, 'full');
  }

  /** Queries a parsed tree (the regions of interest, or for status flow the whole of it) and keeps what it found. */
  private fromTree(language: CompiledLanguage, text: string, tree: Tree, deadline: Deadline, how: 'full' | 'incremental'): CodeAnalysis {
    const lines = new LineIndex(text);
    const regions = indexRanges(regionsOfInterest(text, lines, this.spec, deadline), lines, text.length);
    const run = queryRegions(language, this.spec, tree.rootNode, regions, deadline);
    this.entries = run.entries;
    this.constants = collectConstants(run.statusMatches);
    this.constantRanges = constantRangesOf(run.statusMatches);
    this.forwarders = run.forwarders;
    this.forwarderRanges = run.forwarderRanges;
    this.nameRanges = run.nameRanges;
    this.lastUpdate = how;
    return withFlow(toOccurrences(this.entries, lines, deadline), run.flow, lines, (i) => i, (i) => i, tree.rootNode.hasError, deadline);
  }
}

/**
 * Widens a changed line range to whole syntax: the smallest run of sibling nodes that covers it, descending into a
 * node only while it is large (a class body, a long function), so queries see complete statements and declarations.
 */
function expandRegion(root: Node, fromRow: number, toRow: number, deadline: Deadline): [number, number] {
  let node = root;
  for (;;) {
    deadline.tick();
    const covering = node.namedChildren.filter((child): child is Node =>
      child !== null && child.endPosition.row >= fromRow && child.startPosition.row <= toRow);
    if (covering.length === 0) return [fromRow, toRow];
    const first = covering[0];
    const last = covering[covering.length - 1];
    const span: [number, number] = [Math.min(fromRow, first.startPosition.row), Math.max(toRow, last.endPosition.row)];
    if (covering.length > 1 || first.endPosition.row - first.startPosition.row < SPLIT_LINES || first.namedChildCount === 0) return span;
    node = first;
  }
}

/** Index ranges of constant definitions (name through value). */
function constantRangesOf(matches: QueryMatch[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const match of matches) {
    const name = match.captures.find((c) => c.name === STATUS_CAPTURES.constantName)?.node;
    const value = match.captures.find((c) => c.name === STATUS_CAPTURES.constantValue)?.node;
    if (name && value) ranges.push([Math.min(name.startIndex, value.startIndex), Math.max(name.endIndex, value.endIndex)]);
  }
  return ranges;
}

/** Index ranges of the nodes that name handlers. */
function namingRanges(matches: QueryMatch[]): Array<[number, number]> {
  const naming = new Set<string>([HANDLER_CAPTURES.name, HANDLER_CAPTURES.verb, HANDLER_CAPTURES.route, HANDLER_CAPTURES.parameters]);
  return matches.flatMap((match) => match.captures.filter((c) => naming.has(c.name)).map((c): [number, number] => [c.node.startIndex, c.node.endIndex]));
}

function contextOf(captureName: string): OccurrenceContext | undefined {
  if (captureName === STATUS_CAPTURES.send) return 'handler';
  if (captureName === STATUS_CAPTURES.mention) return 'mention';
  return undefined;
}

/** `const NAME = 409` definitions; a name defined twice with different values is ambiguous and left out. */
function collectConstants(matches: QueryMatch[]): Map<string, number> {
  const constants = new Map<string, number>();
  const ambiguous = new Set<string>();
  for (const match of matches) {
    const name = match.captures.find((c) => c.name === STATUS_CAPTURES.constantName)?.node.text;
    const valueText = match.captures.find((c) => c.name === STATUS_CAPTURES.constantValue)?.node.text;
    if (name === undefined || valueText === undefined) continue;
    const value = parseCode(valueText);
    if (value === undefined || (constants.has(name) && constants.get(name) !== value)) ambiguous.add(name);
    else constants.set(name, value);
  }
  for (const name of ambiguous) constants.delete(name);
  return constants;
}

const NO_IMPORTS: ReadonlyMap<string, string> = new Map();

/**
 * The local names the file's imports give to framework symbols and modules (`@import.name` → `@import.origin`, see
 * ../languages/captures.ts); a name imported twice from different origins is ambiguous and left out.
 */
function collectImports(query: Query, matches: QueryMatch[]): ReadonlyMap<string, string> {
  const imports = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const match of matches) {
    const name = match.captures.find((c) => c.name === IMPORT_CAPTURES.name)?.node.text;
    if (name === undefined) continue;
    const prefix = match.setProperties?.origin ?? query.setProperties[match.patternIndex]?.origin;
    const parts = match.captures.filter((c) => c.name === IMPORT_CAPTURES.origin).sort((a, b) => a.node.startIndex - b.node.startIndex)
      .map((c) => c.node.text.replace(/["'`]/g, ''));
    const origin = [...(prefix ? [prefix] : []), ...parts].join('.');
    if (!origin || (imports.has(name) && imports.get(name) !== origin)) ambiguous.add(name);
    else imports.set(name, origin);
  }
  for (const name of ambiguous) imports.delete(name);
  return imports.size > 0 ? imports : NO_IMPORTS;
}

/**
 * A value's text with its first name replaced by what the file imports under that name (`st.HTTP_409_CONFLICT` →
 * `starlette.status.HTTP_409_CONFLICT`, `NotFound` → `rest_framework.exceptions.NotFound`), or undefined when its
 * first name is not such an import.
 */
function importedName(text: string, imports: ReadonlyMap<string, string>): string | undefined {
  if (imports.size === 0) return undefined;
  const head = /^[A-Za-z_$][\w$]*/.exec(text)?.[0];
  const origin = head === undefined ? undefined : imports.get(head);
  return origin === undefined ? undefined : origin + text.slice(head!.length);
}

interface FunctionInfo {
  readonly name: string;
  readonly parameters: readonly string[];
  readonly parameterList?: Node | null;
}

/** Named functions by node id: display name and parameter names. */
function collectFunctions(matches: QueryMatch[], spec: LanguageSpec, deadline: Deadline): FunctionIndex {
  const functions = new Map<number, FunctionInfo>();
  const routes = new Map<number, FunctionInfo>();
  const nodes = new Map<number, Node>();
  for (const match of matches) {
    deadline.tick();
    const capture = (name: string) => match.captures.find((c) => c.name === name)?.node;
    const fn = capture(HANDLER_CAPTURES.function);
    if (!fn) continue;
    const name = capture(HANDLER_CAPTURES.name)?.text;
    const verbText = capture(HANDLER_CAPTURES.verb)?.text;
    const verb = verbText && (spec.routeVerb?.exec(verbText)?.groups?.verb ?? verbText);
    const route = capture(HANDLER_CAPTURES.route)?.text;
    const parametersNode = capture(HANDLER_CAPTURES.parameters) ?? fn.childForFieldName('parameters');
    const parameters = parametersNode ? parameterNames(parametersNode) : [];
    if (name) functions.set(fn.id, { name, parameters, parameterList: parametersNode });
    else if (verb) {
      routes.set(fn.id, { name: route !== undefined ? `${verb.toUpperCase()} ${route}` : verb.toUpperCase(), parameters, parameterList: parametersNode });
    }
    nodes.set(fn.id, fn);
  }
  for (const [id, info] of routes) if (!functions.has(id)) functions.set(id, info);
  return new FunctionIndex([...functions].map(([id, info]) => ({ node: nodes.get(id)!, info })), spec.decorators ?? [], deadline);
}

/**
 * Parameter names in order: each parameter's `name` fields (Go declares `code, retry int` in one), else its
 * `pattern` field, else its first identifier-like leaf.
 */
function parameterNames(list: Node): string[] {
  return list.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment').flatMap((parameter) => {
    const names = parameter.childrenForFieldName('name').filter((node): node is Node => node !== null);
    const nodes = names.length > 0 ? names : [parameter.childForFieldName('pattern') ?? firstLeaf(parameter)];
    return nodes.map((node) => (node?.text ?? '').replace(/^[$&*]+/, ''));
  });
}

function firstLeaf(node: Node): Node | null {
  if (node.namedChildCount === 0) return node;
  const first = node.firstNamedChild;
  return first ? firstLeaf(first) : null;
}

interface NamedFunction {
  readonly node: Node;
  readonly info: FunctionInfo;
}

/** A span of text that belongs to a function: the function itself, or one of its decorators. */
interface Span {
  readonly start: number;
  readonly end: number;
  readonly id: number;
  readonly owner: NamedFunction;
  /** The innermost span around this one, or -1. */
  parent: number;
}

/**
 * The innermost named function around a node (or, from inside a decorator, the function it decorates), found by
 * position: the spans of the functions and their decorators are syntax nodes, so they nest; they are cut once into
 * elementary segments, each knowing its innermost span. A lookup is a binary search, whatever the depth of the tree
 * (walking `Node.parent` costs the depth each time in web-tree-sitter).
 */
class FunctionIndex {
  private readonly spans: Span[] = [];
  /** Segment i is [bounds[i], bounds[i + 1]); owners[i] is its innermost span, or -1. */
  private readonly bounds: number[] = [];
  private readonly owners: number[] = [];

  constructor(readonly functions: readonly NamedFunction[], decorators: readonly string[], deadline: Deadline) {
    for (const fn of functions) {
      deadline.tick();
      this.spans.push({ start: fn.node.startIndex, end: fn.node.endIndex, id: fn.node.id, owner: fn, parent: -1 });
      if (decorators.length === 0) continue;
      // Decorators stand before the function as siblings (comments may stand between them).
      for (let previous = fn.node.previousNamedSibling; previous && (decorators.includes(previous.type) || previous.type === 'comment');
        previous = previous.previousNamedSibling) {
        deadline.tick();
        if (previous.type !== 'comment') this.spans.push({ start: previous.startIndex, end: previous.endIndex, id: previous.id, owner: fn, parent: -1 });
      }
    }
    // Outer spans first: by start, then the longer first.
    this.spans.sort((a, b) => a.start - b.start || b.end - a.end);
    const events = [...new Set(this.spans.flatMap((span) => [span.start, span.end]))].sort((a, b) => a - b);
    const open: number[] = [];
    let next = 0;
    for (const at of events) {
      deadline.tick();
      while (open.length > 0 && this.spans[open[open.length - 1]].end <= at) open.pop();
      for (; next < this.spans.length && this.spans[next].start === at; next++) {
        while (open.length > 0 && this.spans[open[open.length - 1]].end < this.spans[next].end) open.pop();
        this.spans[next].parent = open.length > 0 ? open[open.length - 1] : -1;
        if (this.spans[next].end > at) open.push(next);
      }
      this.bounds.push(at);
      this.owners.push(open.length > 0 ? open[open.length - 1] : -1);
    }
  }

  /** The function whose span strictly contains the node (the node's own span does not count). */
  around(node: Node): NamedFunction | undefined {
    const start = node.startIndex;
    const end = node.endIndex;
    let low = 0;
    let high = this.bounds.length - 1;
    if (high < 0 || start < this.bounds[0]) return undefined;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.bounds[mid] <= start) low = mid;
      else high = mid - 1;
    }
    for (let i = this.owners[low]; i >= 0; i = this.spans[i].parent) {
      const span = this.spans[i];
      if (span.start <= start && end <= span.end && span.id !== node.id) return span.owner;
    }
    return undefined;
  }
}

interface ResolvedValue {
  readonly node: Node;
  readonly code: number;
  readonly symbol?: string;
  readonly constant?: boolean;
  /** Where the digits stand in the node's text, when a symbol rule found them inside a longer literal. */
  readonly digits?: readonly [number, number];
}

/** An occurrence before it gets a range: where it starts and ends in the text (UTF-16 indices). */
export interface Entry {
  readonly start: number;
  readonly end: number;
  readonly occurrence: Omit<Occurrence, 'range'>;
}

/** The occurrences of one document (or of a region of it), collected while its query matches are walked. */
class DocumentRun {
  readonly byStart = new Map<number, Entry>();
  /** Functions that send one of their own parameters: name → parameter indexes. */
  readonly forwarders: Map<string, Set<number>>;
  /** Index ranges of those functions, so that an edit inside one can be recognised. */
  readonly forwarderRanges: Array<[number, number]> = [];

  constructor(
    private readonly spec: LanguageSpec,
    private readonly constants: Map<string, number>,
    private readonly functions: FunctionIndex,
    private readonly deadline: Deadline,
    forwarders?: Map<string, Set<number>>,
    private readonly imports: ReadonlyMap<string, string> = NO_IMPORTS,
  ) {
    this.forwarders = new Map(forwarders);
  }

  /** Index ranges of regions that answer no HTTP request (`@status.client`). */
  readonly clientRanges: Array<[number, number]> = [];

  inClient(node: Node): boolean {
    return this.clientRanges.some(([start, end]) => start <= node.startIndex && node.endIndex <= end);
  }

  /** A call that answers `code` by itself (`res.redirect(url)`): flagged on the callee's name. */
  addImplicit(node: Node, code: number): void {
    const start = node.startIndex;
    if (this.byStart.has(start) || this.inClient(node)) return;
    this.byStart.set(start, {
      start, end: node.endIndex,
      occurrence: {
        code, text: node.text, context: 'handler', handler: this.functions.around(node)?.info.name ?? null, symbol: node.text, implicit: true,
      },
    });
  }

  /** A value a handler sends that flow extraction resolved (through a fallback such as `err.status || 409`). */
  addResolved(node: Node, value: LeafValue): void {
    this.record([value], 'handler', node);
  }

  add(node: Node, context: OccurrenceContext, handlerAt: Node = node, via?: string): void {
    const values = resolveValues(node, this.spec, this.constants, 0, this.imports);
    if (values.length === 0 && context === 'handler' && !this.spec.flow) this.noteForwarder(node);
    this.record(values, context, handlerAt, via);
  }

  private record(values: readonly ResolvedValue[], given: OccurrenceContext, handlerAt: Node, via?: string): void {
    const context: OccurrenceContext = given === 'handler' && this.inClient(handlerAt) ? 'mention' : given;
    for (const value of values) {
      // A code inside a longer literal ('HTTP/1.1 409 Conflict') is narrowed to its digits.
      const start = value.node.startIndex + (value.digits?.[0] ?? 0);
      const end = value.digits ? value.node.startIndex + value.digits[1] : value.node.endIndex;
      const previous = this.byStart.get(start);
      if (previous && (previous.occurrence.context === 'handler' || context === 'mention')) continue;
      this.byStart.set(start, {
        start,
        end,
        occurrence: {
          code: value.code,
          text: value.digits ? value.node.text.slice(value.digits[0], value.digits[1]) : value.node.text,
          context,
          handler: context === 'handler' ? this.functions.around(handlerAt)?.info.name ?? null : null,
          ...(via ? { via } : {}),
          ...(value.symbol ? { symbol: value.symbol } : {}),
          ...(value.constant ? { constant: true } : {}),
        },
      });
    }
  }

  /** `res.status(code)` inside `function sendError(res, code)`: calls of sendError send their argument. */
  private noteForwarder(node: Node): void {
    const name = unwrap(node, this.spec);
    if (!name || !this.spec.values.identifier.includes(name.type)) return;
    const found = this.functions.around(node);
    const index = found ? found.info.parameters.indexOf(name.text.replace(/^[$&*]+/, '')) : -1;
    if (!found || index < 0) return;
    const indexes = this.forwarders.get(found.info.name) ?? new Set<number>();
    indexes.add(index);
    this.forwarders.set(found.info.name, indexes);
    this.forwarderRanges.push([found.node.startIndex, found.node.endIndex]);
  }

  /** Adds the arguments of calls to forwarding helpers as codes their caller sends. */
  followForwarders(matches: QueryMatch[]): void {
    if (this.forwarders.size === 0) return;
    for (const match of matches) {
      this.deadline.tick();
      const name = match.captures.find((c) => c.name === STATUS_CAPTURES.callName)?.node;
      const args = match.captures.find((c) => c.name === STATUS_CAPTURES.callArguments)?.node;
      const indexes = name && this.forwarders.get(name.text);
      if (!args || !indexes) continue;
      const list = args.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
      for (const index of indexes) {
        this.deadline.tick();
        const argument = list[index];
        if (argument) this.add(argument, 'handler', args, name.text);
      }
    }
  }
}

/**
 * Line starts of a text, to turn indices into zero-based lines and UTF-16 columns, as VS Code counts them: `\n`,
 * `\r\n` and a lone `\r` end a line, and a byte order mark at the start is not a column.
 */
export class LineIndex {
  private readonly starts: number[];
  /** Where each line's content ends (before its line break). */
  private readonly ends: number[] = [];

  constructor(text: string) {
    this.starts = [text.charCodeAt(0) === 0xfeff ? 1 : 0];
    const breaks = /\r\n?|\n/g;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
      this.ends.push(match.index);
      this.starts.push(match.index + match[0].length);
    }
    this.ends.push(text.length);
  }

  position(index: number): { line: number; character: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.max(0, index - this.starts[low]) };
  }

  /** Where a line's content ends, before its line break. */
  contentEnd(line: number): number {
    return this.ends[Math.min(Math.max(line, 0), this.ends.length - 1)];
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)];
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

export function toOccurrences(entries: Iterable<Entry>, lines: LineIndex, deadline?: Deadline): Occurrence[] {
  return [...entries].sort((a, b) => a.start - b.start).map((entry) => {
    deadline?.tick();
    return { range: { start: lines.position(entry.start), end: lines.position(entry.end) }, ...entry.occurrence };
  });
}

/** Strips transparent wrappers (parentheses, casts, C# `argument` nodes). */
function unwrap(node: Node, spec: LanguageSpec): Node | null {
  let current: Node | null = node;
  for (let depth = 0; current && spec.values.transparent.includes(current.type) && depth < MAX_VALUE_DEPTH; depth++) {
    current = current.firstNamedChild;
  }
  return current;
}

const MAX_SYMBOL_LENGTH = 120;

/**
 * The status codes an expression can evaluate to: literals, both arms of a conditional, named constants, symbols (a
 * name the file imports is read as its qualified origin).
 */
function resolveValues(node: Node, spec: LanguageSpec, constants: Map<string, number>, depth: number,
  imports: ReadonlyMap<string, string> = NO_IMPORTS): ResolvedValue[] {
  if (depth > MAX_VALUE_DEPTH) return [];
  const syntax = spec.values;
  const type = node.type;
  if (syntax.number.includes(type)) {
    const code = parseCode(node.text);
    return code === undefined ? [] : [{ node, code }];
  }
  if (syntax.string.includes(type)) {
    const code = parseCode(stringContent(node.text));
    return code === undefined ? [] : [{ node, code }];
  }
  if (syntax.transparent.includes(type)) {
    const inner = node.firstNamedChild;
    return inner ? resolveValues(inner, spec, constants, depth + 1, imports) : [];
  }
  const conditional = syntax.conditional.find((c) => c.type === type);
  if (conditional) {
    return conditional.arms.flatMap((field) => {
      const arm = typeof field === 'number' ? node.namedChild(field) : node.childForFieldName(field);
      return arm ? resolveValues(arm, spec, constants, depth + 1, imports) : [];
    });
  }
  if (syntax.identifier.includes(type)) {
    const code = constants.get(node.text);
    if (code !== undefined) return [{ node, code, symbol: node.text, constant: true }];
  }
  // An imported name is read as its origin first; what its own text already says stays (`codes.StatusCodes.LOCKED`).
  const imported = importedName(node.text, imports);
  const fromImport = imported === undefined ? undefined : symbolCode(imported, spec);
  const symbol = fromImport ?? symbolCode(node.text, spec);
  if (!symbol) return [];
  // Digits inside a string ('HTTP/1.1 409 Conflict', or its content node) are the code itself, not a name for it.
  const inString = spec.values.string.includes(type) || spec.values.string.includes(node.parent?.type ?? '');
  return [symbol.digits && inString && fromImport === undefined
    ? { node, code: symbol.code, digits: symbol.digits }
    : { node, code: symbol.code, symbol: node.text }];
}

const withIndices = new WeakMap<RegExp, RegExp>();

/** The code a symbolic form stands for, by the language's symbol rules, and where its digits stand if written. */
export function symbolCode(text: string, spec: LanguageSpec): { code: number; digits?: [number, number] } | undefined {
  if (text.length > MAX_SYMBOL_LENGTH) return undefined;
  for (const rule of spec.symbols) {
    let pattern = withIndices.get(rule.pattern);
    if (!pattern) {
      pattern = new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '') + 'd');
      withIndices.set(rule.pattern, pattern);
    }
    const match = pattern.exec(text);
    const groups = match?.groups;
    if (!groups) continue;
    if (groups.code !== undefined) {
      const code = parseCode(groups.code);
      if (code !== undefined) return { code, digits: match!.indices!.groups!.code };
    } else if (groups.name !== undefined) {
      const code = codeForName(groups.name, spec.names);
      if (code !== undefined) return { code };
    }
  }
  return undefined;
}

/** The content of a string literal: quotes (and prefixes such as Python's r/b or C#'s @) removed. */
function stringContent(text: string): string {
  return text.replace(/^[A-Za-z@$]*(["'`]+)/, '').replace(/["'`]+$/, '');
}

/** A decimal status code written as exactly three digits. */
function parseCode(text: string): number | undefined {
  if (!/^\d{3}$/.test(text)) return undefined;
  const code = Number(text);
  return isStatusCode(code) ? code : undefined;
}
