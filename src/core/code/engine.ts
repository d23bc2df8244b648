/**
 * The generic code engine: parse with tree-sitter, run the language's queries, resolve captured values to status
 * codes. Nothing here knows a framework; that knowledge is in ../languages/<lang>/*.scm.
 */
import { Language, Node, Parser, Query, QueryMatch } from '@vscode/tree-sitter-wasm';
import { HANDLER_CAPTURES, STATUS_CAPTURES } from '../languages/captures';
import { LanguageSpec } from '../languages/spec';
import { codeForName } from '../names';
import { isStatusCode } from '../table';
import { Logger, nullLogger, Occurrence, OccurrenceContext } from '../types';

/** Where the host finds the tree-sitter runtime and grammars (files on disk for Node; URLs in a browser). */
export interface GrammarLoader {
  /** Location of `tree-sitter.wasm`, for the runtime's `locateFile`. */
  runtimeLocation(): string;
  /** A grammar, by its name in @vscode/tree-sitter-wasm (`typescript` → `tree-sitter-typescript.wasm`). */
  grammar(name: string): Promise<string | Uint8Array>;
}

export interface AnalyzeOptions {
  /** Give up parsing after this many milliseconds (the result is then `skipped: 'timeout'`). */
  readonly timeoutMs?: number;
}

export type SkipReason = 'noCandidates' | 'timeout';

export interface CodeAnalysis {
  /** Every status-code occurrence, sorted by position. */
  readonly occurrences: readonly Occurrence[];
  /** Set when the document was not parsed. */
  readonly skipped?: SkipReason;
}

interface CompiledLanguage {
  readonly parser: Parser;
  readonly statusQuery: Query;
  readonly handlerQuery: Query;
}

/** A three-digit run in the range of status codes; a file without one has nothing to find and is never parsed. */
const CANDIDATE = /(?<![\d.])[1-5]\d\d(?![\d])/;

const DEFAULT_TIMEOUT_MS = 5_000;

/** Whether a document can hold anything the language's queries find (cheap text tests, no parse). */
export function worthParsing(text: string, spec: LanguageSpec): boolean {
  return (CANDIDATE.test(text) && (spec.trigger?.test(text) ?? true)) || (spec.hint?.test(text) ?? false);
}
const MAX_VALUE_DEPTH = 8;

export class CodeEngine {
  private runtime: Promise<void> | undefined;
  private readonly compiled = new Map<string, Promise<CompiledLanguage>>();

  constructor(private readonly loader: GrammarLoader, private readonly logger: Logger = nullLogger) {}

  /** Finds status-code occurrences in a whole document. */
  async analyze(text: string, spec: LanguageSpec, options: AnalyzeOptions = {}): Promise<CodeAnalysis> {
    if (!worthParsing(text, spec)) return { occurrences: [], skipped: 'noCandidates' };
    const language = await this.language(spec);
    const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const tree = language.parser.parse(text, null, {
      // Returning true cancels the parse; the typings say void, the runtime honours the value.
      progressCallback: (() => Date.now() > deadline) as () => void,
    });
    if (!tree) {
      this.logger.warn(`Parsing a ${spec.name} document of ${text.length} characters took longer than the time limit; skipped.`);
      return { occurrences: [], skipped: 'timeout' };
    }
    try {
      const root = tree.rootNode;
      const statusMatches = language.statusQuery.matches(root);
      const run = new DocumentRun(spec, collectConstants(statusMatches), collectFunctions(language.handlerQuery.matches(root), spec));
      for (const match of statusMatches) {
        for (const capture of match.captures) {
          const context = contextOf(capture.name);
          if (context) run.add(capture.node, context);
        }
      }
      run.followForwarders(statusMatches);
      return { occurrences: run.occurrences() };
    } finally {
      tree.delete();
    }
  }

  /** Loads and compiles a language once; later calls share the promise. */
  private language(spec: LanguageSpec): Promise<CompiledLanguage> {
    let compiled = this.compiled.get(spec.id);
    if (!compiled) {
      compiled = this.compile(spec);
      compiled.catch(() => this.compiled.delete(spec.id));
      this.compiled.set(spec.id, compiled);
    }
    return compiled;
  }

  private async compile(spec: LanguageSpec): Promise<CompiledLanguage> {
    this.runtime ??= Parser.init({ locateFile: () => this.loader.runtimeLocation() });
    await this.runtime;
    const started = Date.now();
    const language = await Language.load(await this.loader.grammar(spec.grammar));
    const parser = new Parser();
    parser.setLanguage(language);
    const compiled = {
      parser,
      statusQuery: new Query(language, spec.statusQuery),
      handlerQuery: new Query(language, spec.handlerQuery),
    };
    this.logger.info(`Loaded the ${spec.grammar} grammar for ${spec.name} in ${Date.now() - started} ms.`);
    return compiled;
  }
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
  for (let current: Node | null = node.parent; current; current = current.parent) {
    const info = functions.get(current.id);
    if (info) return info;
    if (decorators.includes(current.type)) {
      let next = current.nextNamedSibling;
      while (next && (decorators.includes(next.type) || next.type === 'comment')) next = next.nextNamedSibling;
      const decorated = next && functions.get(next.id);
      if (decorated) return decorated;
    }
  }
  return undefined;
}

interface ResolvedValue {
  readonly node: Node;
  readonly code: number;
  readonly symbol?: string;
  /** Where the digits stand in the node's text, when a symbol rule found them inside a longer literal. */
  readonly digits?: readonly [number, number];
}

/** The occurrences of one document, collected while its query matches are walked. */
class DocumentRun {
  private readonly byStart = new Map<number, Occurrence>();
  /** Functions that send one of their own parameters: name → parameter indexes. */
  private readonly forwarders = new Map<string, Set<number>>();

  constructor(
    private readonly spec: LanguageSpec,
    private readonly constants: Map<string, number>,
    private readonly functions: Map<number, FunctionInfo>,
  ) {}

  add(node: Node, context: OccurrenceContext, handlerAt: Node = node, via?: string): void {
    const values = resolveValues(node, this.spec, this.constants, 0);
    if (values.length === 0 && context === 'handler') this.noteForwarder(node);
    for (const value of values) {
      const previous = this.byStart.get(value.node.startIndex + (value.digits?.[0] ?? 0));
      if (previous && (previous.context === 'handler' || context === 'mention')) continue;
      const start = value.node.startPosition;
      const end = value.node.endPosition;
      // A code inside a longer literal ('HTTP/1.1 409 Conflict') is narrowed to its digits.
      const inner = value.digits && start.row === end.row ? value.digits : undefined;
      this.byStart.set(value.node.startIndex + (inner?.[0] ?? 0), {
        range: inner
          ? { start: { line: start.row, character: start.column + inner[0] }, end: { line: start.row, character: start.column + inner[1] } }
          : { start: { line: start.row, character: start.column }, end: { line: end.row, character: end.column } },
        code: value.code,
        text: inner ? value.node.text.slice(inner[0], inner[1]) : value.node.text,
        context,
        handler: context === 'handler' ? enclosingFunction(handlerAt, this.functions, this.spec.decorators)?.name ?? null : null,
        ...(via ? { via } : {}),
        ...(value.symbol ? { symbol: value.symbol } : {}),
      });
    }
  }

  /** `res.status(code)` inside `function sendError(res, code)`: calls of sendError send their argument. */
  private noteForwarder(node: Node): void {
    const name = unwrap(node, this.spec);
    if (!name || !this.spec.values.identifier.includes(name.type)) return;
    const fn = enclosingFunction(node, this.functions, this.spec.decorators);
    const index = fn ? fn.parameters.indexOf(name.text.replace(/^[$&*]+/, '')) : -1;
    if (!fn || index < 0) return;
    const indexes = this.forwarders.get(fn.name) ?? new Set<number>();
    indexes.add(index);
    this.forwarders.set(fn.name, indexes);
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

  occurrences(): Occurrence[] {
    return [...this.byStart.entries()].sort((a, b) => a[0] - b[0]).map(([, occurrence]) => occurrence);
  }
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
    if (code !== undefined) return [{ node, code, symbol: node.text }];
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
