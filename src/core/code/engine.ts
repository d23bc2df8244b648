/**
 * The generic code engine: parse with tree-sitter, run the language's queries, resolve captured values to status
 * codes. Nothing here knows a framework; that knowledge is in ../languages/<lang>/*.scm.
 */
import { Language, Node, Parser, Query, QueryMatch } from '@vscode/tree-sitter-wasm';
import { HANDLER_CAPTURES, STATUS_CAPTURES } from '../languages/captures';
import { LanguageSpec } from '../languages/spec';
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
const MAX_VALUE_DEPTH = 8;

export class CodeEngine {
  private runtime: Promise<void> | undefined;
  private readonly compiled = new Map<string, Promise<CompiledLanguage>>();

  constructor(private readonly loader: GrammarLoader, private readonly logger: Logger = nullLogger) {}

  /** Finds status-code occurrences in a whole document. */
  async analyze(text: string, spec: LanguageSpec, options: AnalyzeOptions = {}): Promise<CodeAnalysis> {
    if (!CANDIDATE.test(text)) return { occurrences: [], skipped: 'noCandidates' };
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
      const constants = collectConstants(statusMatches);
      const handlers = collectHandlers(language.handlerQuery.matches(root));
      const byStart = new Map<number, Occurrence>();
      for (const match of statusMatches) {
        for (const capture of match.captures) {
          const context = contextOf(capture.name);
          if (!context) continue;
          for (const value of resolveValues(capture.node, spec, constants, 0)) {
            const previous = byStart.get(value.node.startIndex);
            if (previous && (previous.context === 'handler' || context === 'mention')) continue;
            byStart.set(value.node.startIndex, {
              range: {
                start: { line: value.node.startPosition.row, character: value.node.startPosition.column },
                end: { line: value.node.endPosition.row, character: value.node.endPosition.column },
              },
              code: value.code,
              text: value.node.text,
              context,
              handler: context === 'handler' ? handlerName(capture.node, handlers) : null,
              ...(value.symbol ? { symbol: value.symbol } : {}),
            });
          }
        }
      }
      const occurrences = [...byStart.entries()].sort((a, b) => a[0] - b[0]).map(([, occurrence]) => occurrence);
      return { occurrences };
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

/** Function node id → display name. */
function collectHandlers(matches: QueryMatch[]): Map<number, string> {
  const names = new Map<number, string>();
  const routes = new Map<number, string>();
  for (const match of matches) {
    const fn = match.captures.find((c) => c.name === HANDLER_CAPTURES.function)?.node;
    if (!fn) continue;
    const name = match.captures.find((c) => c.name === HANDLER_CAPTURES.name)?.node.text;
    const verb = match.captures.find((c) => c.name === HANDLER_CAPTURES.verb)?.node.text;
    const route = match.captures.find((c) => c.name === HANDLER_CAPTURES.route)?.node.text;
    if (name) names.set(fn.id, name);
    else if (verb && route !== undefined) routes.set(fn.id, `${verb.toUpperCase()} ${route}`);
  }
  for (const [id, route] of routes) if (!names.has(id)) names.set(id, route);
  return names;
}

function handlerName(node: Node, handlers: Map<number, string>): string | null {
  for (let current: Node | null = node.parent; current; current = current.parent) {
    const name = handlers.get(current.id);
    if (name !== undefined) return name;
  }
  return null;
}

interface ResolvedValue {
  readonly node: Node;
  readonly code: number;
  readonly symbol?: string;
}

/** The status codes an expression can evaluate to: literals, both arms of a conditional, named constants. */
function resolveValues(node: Node, spec: LanguageSpec, constants: Map<string, number>, depth: number): ResolvedValue[] {
  if (depth > MAX_VALUE_DEPTH) return [];
  const syntax = spec.values;
  const type = node.type;
  if (syntax.number.includes(type)) {
    const code = parseCode(node.text);
    return code === undefined ? [] : [{ node, code }];
  }
  if (syntax.string.includes(type)) {
    const code = parseCode(node.text.slice(1, -1));
    return code === undefined ? [] : [{ node, code }];
  }
  if (syntax.identifier.includes(type)) {
    const code = constants.get(node.text);
    return code === undefined ? [] : [{ node, code, symbol: node.text }];
  }
  if (syntax.transparent.includes(type)) {
    const inner = node.firstNamedChild;
    return inner ? resolveValues(inner, spec, constants, depth + 1) : [];
  }
  const conditional = syntax.conditional.find((c) => c.type === type);
  if (conditional) {
    return conditional.arms.flatMap((field) => {
      const arm = node.childForFieldName(field);
      return arm ? resolveValues(arm, spec, constants, depth + 1) : [];
    });
  }
  return [];
}

/** A decimal status code written as exactly three digits. */
function parseCode(text: string): number | undefined {
  if (!/^\d{3}$/.test(text)) return undefined;
  const code = Number(text);
  return isStatusCode(code) ? code : undefined;
}
