/**
 * The generic code engine: parse with tree-sitter, run the language's queries, resolve captured values to status
 * codes. Nothing here knows a framework; that knowledge is in ../languages/<lang>/*.scm.
 */
import { Language, Node, Parser, Query, QueryMatch, Tree } from '@vscode/tree-sitter-wasm';
import { HANDLER_CAPTURES, STATUS_CAPTURES } from '../languages/captures';
import { LanguageSpec, QuerySource } from '../languages/spec';
import { codeForName } from '../names';
import { isStatusCode } from '../table';
import { Logger, nullLogger, Occurrence, OccurrenceContext } from '../types';

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
  /** Give up parsing after this many milliseconds (the result is then `skipped: 'timeout'`). */
  readonly timeoutMs?: number;
}

/**
 * `noCandidates`: nothing status-like in the text, not parsed. `timeout`: the analysis exceeded its deadline.
 * `crashed`: the engine failed on this document (hosts then replace the engine's WebAssembly instance).
 */
export type SkipReason = 'noCandidates' | 'timeout' | 'crashed';

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
}

export interface CompiledLanguage {
  readonly parser: Parser;
  readonly statusQuery: Query;
  readonly handlerQuery: Query;
}

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
function regionsOfInterest(text: string, spec: LanguageSpec): Array<[number, number]> {
  const regions: Array<[number, number]> = [];
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const content = text.slice(start, end);
    if (CANDIDATE.test(content) || spec.trigger?.test(content) || spec.hint?.test(content)) {
      const from = Math.max(0, line - REGION_MARGIN);
      const last = regions[regions.length - 1];
      if (last && from <= last[1] + REGION_GAP) last[1] = line + REGION_MARGIN;
      else regions.push([from, line + REGION_MARGIN]);
    }
    start = end + 1;
  }
  return regions;
}

/** Whether a document can hold anything the language's queries find (cheap text tests, no parse). */
export function worthParsing(text: string, spec: LanguageSpec): boolean {
  return (CANDIDATE.test(text) && (spec.trigger?.test(text) ?? true)) || (spec.hint?.test(text) ?? false);
}
const MAX_VALUE_DEPTH = 8;

export class CodeEngine {
  private runtime: Promise<void> | undefined;
  private readonly compiled = new Map<string, Promise<CompiledLanguage>>();

  constructor(private readonly loader: GrammarLoader, readonly logger: Logger = nullLogger) {}

  /** Finds status-code occurrences in a whole document. */
  async analyze(text: string, spec: LanguageSpec, options: AnalyzeOptions = {}): Promise<CodeAnalysis> {
    if (!worthParsing(text, spec)) return { occurrences: [], skipped: 'noCandidates' };
    const language = await this.language(spec);
    const tree = parseWithin(language.parser, text, null, options.timeoutMs);
    if (!tree) return this.timedOut(spec, text);
    try {
      const run = queryRegions(language, spec, tree.rootNode, regionsOfInterest(text, spec));
      return { occurrences: toOccurrences(run.entries, new LineIndex(text)), syntaxErrors: tree.rootNode.hasError };
    } finally {
      tree.delete();
    }
  }

  /** A document kept parsed between edits, for the editor (see {@link CodeSession}). */
  session(spec: LanguageSpec, options: AnalyzeOptions = {}): CodeSession {
    return new CodeSession(this, spec, options);
  }

  /** Loads and compiles a language once; later calls share the promise. */
  language(spec: LanguageSpec): Promise<CompiledLanguage> {
    let compiled = this.compiled.get(spec.id);
    if (!compiled) {
      compiled = this.compile(spec);
      compiled.catch(() => this.compiled.delete(spec.id));
      this.compiled.set(spec.id, compiled);
    }
    return compiled;
  }

  timedOut(spec: LanguageSpec, text: string): CodeAnalysis {
    this.logger.warn(`Parsing a ${spec.name} document of ${text.length} characters took longer than the time limit; skipped.`);
    return { occurrences: [], skipped: 'timeout' };
  }

  private async queryText(source: QuerySource): Promise<string> {
    if (typeof source === 'string') return source;
    if (!this.loader.query) throw new Error(`No query loader for ${source.file}`);
    return this.loader.query(source.file);
  }

  private async compile(spec: LanguageSpec): Promise<CompiledLanguage> {
    this.runtime ??= (async () => {
      const wasmBinary = await this.loader.runtimeBinary?.();
      // `wasmBinary` is an Emscripten module option the typings leave out; the runtime honours it.
      await Parser.init({ locateFile: () => this.loader.runtimeLocation(), ...(wasmBinary ? { wasmBinary } : {}) } as Parameters<typeof Parser.init>[0]);
    })();
    await this.runtime;
    const started = Date.now();
    const language = await Language.load(await this.loader.grammar(spec.grammar));
    const parser = new Parser();
    parser.setLanguage(language);
    const compiled = {
      parser,
      statusQuery: new Query(language, await this.queryText(spec.statusQuery)),
      handlerQuery: new Query(language, await this.queryText(spec.handlerQuery)),
    };
    this.logger.info(`Loaded the ${spec.grammar} grammar for ${spec.name} in ${Date.now() - started} ms.`);
    return compiled;
  }
}

function parseWithin(parser: Parser, text: string, old: Tree | null, timeoutMs = DEFAULT_TIMEOUT_MS): Tree | null {
  const deadline = Date.now() + timeoutMs;
  // Returning true cancels the parse; the typings say void, the runtime honours the value.
  return parser.parse(text, old, { progressCallback: (() => Date.now() > deadline) as () => void });
}

/** Runs the queries over line regions of a tree and collects what they find. */
function queryRegions(language: CompiledLanguage, spec: LanguageSpec, root: Node, regions: ReadonlyArray<readonly [number, number]>,
  seed?: { constants: Map<string, number>; forwarders: Map<string, Set<number>> }): QueryResult {
  const inRegions = (query: Query) => regions.flatMap(([from, to]) =>
    query.matches(root, { startPosition: { row: from, column: 0 }, endPosition: { row: to + 1, column: 0 } }));
  const statusMatches = inRegions(language.statusQuery);
  const handlerMatches = inRegions(language.handlerQuery);
  const functions = collectFunctions(handlerMatches, spec);
  const constants = seed?.constants ?? collectConstants(statusMatches);
  const run = new DocumentRun(spec, constants, functions, seed?.forwarders);
  for (const match of statusMatches) {
    for (const capture of match.captures) {
      const context = contextOf(capture.name);
      if (context) run.add(capture.node, context);
    }
  }
  run.followForwarders(statusMatches);
  return {
    entries: [...run.byStart.values()], statusMatches, forwarders: run.forwarders, forwarderRanges: run.forwarderRanges,
    nameRanges: namingRanges(handlerMatches),
  };
}

interface QueryResult {
  /** Index ranges of the nodes that name handlers (names, verbs, routes, parameters). */
  readonly nameRanges: Array<[number, number]>;
  readonly entries: Entry[];
  readonly statusMatches: QueryMatch[];
  readonly forwarders: Map<string, Set<number>>;
  readonly forwarderRanges: Array<[number, number]>;
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

  constructor(private readonly engine: CodeEngine, readonly spec: LanguageSpec, private readonly options: AnalyzeOptions = {}) {}

  /** Analyses `text`; `change` is the one edit since the last call, when known. */
  async update(text: string, change?: TextChange): Promise<CodeAnalysis> {
    const language = await this.engine.language(this.spec);
    if (!this.tree || !change || !worthParsing(text, this.spec)) return this.full(language, text);
    const old = this.tree;
    old.edit(change);
    const tree = parseWithin(language.parser, text, old, this.options.timeoutMs);
    if (!tree) return this.full(language, text);
    const changed = old.getChangedRanges(tree);
    old.delete();
    this.tree = tree;

    const delta = change.newEndIndex - change.oldEndIndex;
    const shift = (range: [number, number]): [number, number] | undefined =>
      range[1] <= change.startIndex ? range : range[0] >= change.oldEndIndex ? [range[0] + delta, range[1] + delta] : undefined;
    const touched = (ranges: Array<[number, number]>) =>
      ranges.some((range) => range[1] >= change.startIndex && range[0] <= change.oldEndIndex);
    if (touched(this.constantRanges) || touched(this.forwarderRanges) || touched(this.nameRanges)) return this.full(language, text);

    const lines = new LineIndex(text);
    let fromRow = change.startPosition.row;
    let toRow = change.newEndPosition.row;
    for (const range of changed) {
      fromRow = Math.min(fromRow, range.startPosition.row);
      toRow = Math.max(toRow, range.endPosition.row);
    }
    [fromRow, toRow] = expandRegion(tree.rootNode, fromRow, toRow);
    const regionStart = lines.lineStart(fromRow);
    const regionEnd = toRow + 1 < lines.lineCount ? lines.lineStart(toRow + 1) : text.length;

    // Constants and helpers found before are trusted only where this edit cannot have changed them.
    const inRegion = (range: [number, number] | undefined) => range !== undefined && range[1] >= regionStart && range[0] < regionEnd;
    if (this.constantRanges.map(shift).some(inRegion) || this.forwarderRanges.map(shift).some(inRegion)) return this.full(language, text);

    const run = queryRegions(language, this.spec, tree.rootNode, [[fromRow, toRow]], { constants: this.constants, forwarders: this.forwarders });
    const changeEnd = change.newEndIndex;
    const touchesChange = (range: [number, number]) => range[1] >= change.startIndex && range[0] <= changeEnd;
    if (constantRangesOf(run.statusMatches).some(touchesChange) || run.forwarders.size > this.forwarders.size
      || run.nameRanges.some(touchesChange)) {
      return this.full(language, text);
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
    return { occurrences: toOccurrences(this.entries, lines), syntaxErrors: tree.rootNode.hasError };
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = null;
  }

  private full(language: CompiledLanguage, text: string): CodeAnalysis {
    this.dispose();
    this.entries = [];
    this.lastUpdate = 'skipped';
    if (!worthParsing(text, this.spec)) return { occurrences: [], skipped: 'noCandidates' };
    const tree = parseWithin(language.parser, text, null, this.options.timeoutMs);
    if (!tree) return this.engine.timedOut(this.spec, text);
    this.tree = tree;
    const regions = regionsOfInterest(text, this.spec);
    const run = queryRegions(language, this.spec, tree.rootNode, regions);
    this.entries = run.entries;
    this.constants = collectConstants(run.statusMatches);
    this.constantRanges = constantRangesOf(run.statusMatches);
    this.forwarders = run.forwarders;
    this.forwarderRanges = run.forwarderRanges;
    this.nameRanges = run.nameRanges;
    this.lastUpdate = 'full';
    return { occurrences: toOccurrences(this.entries, new LineIndex(text)), syntaxErrors: tree.rootNode.hasError };
  }
}

/**
 * Widens a changed line range to whole syntax: the smallest run of sibling nodes that covers it, descending into a
 * node only while it is large (a class body, a long function), so queries see complete statements and declarations.
 */
function expandRegion(root: Node, fromRow: number, toRow: number): [number, number] {
  let node = root;
  for (;;) {
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

interface FunctionInfo {
  readonly name: string;
  readonly parameters: readonly string[];
}

/** Named functions by node id: display name and parameter names. */
function collectFunctions(matches: QueryMatch[], spec: LanguageSpec): Map<number, FunctionInfo> {
  const functions = new Map<number, FunctionInfo>();
  const routes = new Map<number, FunctionInfo>();
  for (const match of matches) {
    const capture = (name: string) => match.captures.find((c) => c.name === name)?.node;
    const fn = capture(HANDLER_CAPTURES.function);
    if (!fn) continue;
    const name = capture(HANDLER_CAPTURES.name)?.text;
    const verbText = capture(HANDLER_CAPTURES.verb)?.text;
    const verb = verbText && (spec.routeVerb?.exec(verbText)?.groups?.verb ?? verbText);
    const route = capture(HANDLER_CAPTURES.route)?.text;
    const parametersNode = capture(HANDLER_CAPTURES.parameters) ?? fn.childForFieldName('parameters');
    const parameters = parametersNode ? parameterNames(parametersNode) : [];
    if (name) functions.set(fn.id, { name, parameters });
    else if (verb) routes.set(fn.id, { name: route !== undefined ? `${verb.toUpperCase()} ${route}` : verb.toUpperCase(), parameters });
  }
  for (const [id, info] of routes) if (!functions.has(id)) functions.set(id, info);
  return functions;
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

/** The innermost named function around a node (or, from inside a decorator, the function it decorates). */
function enclosingFunction(node: Node, functions: Map<number, FunctionInfo>, decorators: readonly string[] = []): FunctionInfo | undefined {
  return enclosingFunctionNode(node, functions, decorators)?.info;
}

function enclosingFunctionNode(node: Node, functions: Map<number, FunctionInfo>, decorators: readonly string[] = []):
  { node: Node; info: FunctionInfo } | undefined {
  for (let current: Node | null = node.parent; current; current = current.parent) {
    const info = functions.get(current.id);
    if (info) return { node: current, info };
    if (decorators.includes(current.type)) {
      let next = current.nextNamedSibling;
      while (next && (decorators.includes(next.type) || next.type === 'comment')) next = next.nextNamedSibling;
      const decorated = next && functions.get(next.id);
      if (next && decorated) return { node: next, info: decorated };
    }
  }
  return undefined;
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
    private readonly functions: Map<number, FunctionInfo>,
    forwarders?: Map<string, Set<number>>,
  ) {
    this.forwarders = new Map(forwarders);
  }

  add(node: Node, context: OccurrenceContext, handlerAt: Node = node, via?: string): void {
    const values = resolveValues(node, this.spec, this.constants, 0);
    if (values.length === 0 && context === 'handler') this.noteForwarder(node);
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
          handler: context === 'handler' ? enclosingFunction(handlerAt, this.functions, this.spec.decorators)?.name ?? null : null,
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
    const found = enclosingFunctionNode(node, this.functions, this.spec.decorators);
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
      const name = match.captures.find((c) => c.name === STATUS_CAPTURES.callName)?.node;
      const args = match.captures.find((c) => c.name === STATUS_CAPTURES.callArguments)?.node;
      const indexes = name && this.forwarders.get(name.text);
      if (!args || !indexes) continue;
      const list = args.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
      for (const index of indexes) {
        const argument = list[index];
        if (argument) this.add(argument, 'handler', args, name.text);
      }
    }
  }
}

/** Line starts of a text, to turn indices into zero-based lines and UTF-16 columns. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(index: number): { line: number; character: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: index - this.starts[low] };
  }

  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)];
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

export function toOccurrences(entries: Iterable<Entry>, lines: LineIndex): Occurrence[] {
  return [...entries].sort((a, b) => a.start - b.start)
    .map((entry) => ({ range: { start: lines.position(entry.start), end: lines.position(entry.end) }, ...entry.occurrence }));
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

/** The status codes an expression can evaluate to: literals, both arms of a conditional, named constants, symbols. */
function resolveValues(node: Node, spec: LanguageSpec, constants: Map<string, number>, depth: number): ResolvedValue[] {
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
    return inner ? resolveValues(inner, spec, constants, depth + 1) : [];
  }
  const conditional = syntax.conditional.find((c) => c.type === type);
  if (conditional) {
    return conditional.arms.flatMap((field) => {
      const arm = typeof field === 'number' ? node.namedChild(field) : node.childForFieldName(field);
      return arm ? resolveValues(arm, spec, constants, depth + 1) : [];
    });
  }
  if (syntax.identifier.includes(type)) {
    const code = constants.get(node.text);
    if (code !== undefined) return [{ node, code, symbol: node.text, constant: true }];
  }
  const symbol = symbolCode(node.text, spec);
  if (!symbol) return [];
  // Digits inside a string ('HTTP/1.1 409 Conflict', or its content node) are the code itself, not a name for it.
  const inString = spec.values.string.includes(type) || spec.values.string.includes(node.parent?.type ?? '');
  return [symbol.digits && inString
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
