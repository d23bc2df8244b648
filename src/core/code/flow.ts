/**
 * Status flow: how a status code travels from where it is written to where a handler sends it — through locals,
 * fallbacks, parameters of helpers (positional, keyword, receiver), constructors and fields of error classes, return
 * values and constants, within a file and across files.
 *
 * The engine (./engine.ts, ./flowExtract.ts) turns each file into a {@link FlowSummary}: plain data, a graph whose
 * nodes are string keys and whose edges say "a value here flows there". A {@link FlowIndex} unites the summaries of a
 * file, a tree or a workspace and walks back from every status sink: each written value that reaches a sink is an
 * occurrence the handler sends, reported where the value is written. Nothing here knows a language or a framework.
 *
 * Keys (the graph's nodes):
 * - `.…`          file-local (a local variable, a parameter, a sink); the index qualifies it with the file;
 * - `P:name#i`    the i-th parameter of every function, method or constructor called `name` (receiver not counted);
 * - `P:name:kw`   the same parameter by its name (keyword and named arguments);
 * - `R:name`      what functions called `name` return;
 * - `F:field`     a field as a sink reads it (`err.status`);
 * - `F:Class:f`   a field written in a class (`this.status = status`); it joins `F:f` when the class is an error;
 * - `G:name`      a module-level or class-level name (`CONFLICT`, `Codes.CONFLICT`) read from another file.
 */
import { Range } from '../types';

/** A status value written in the file (a number or a symbolic name) that flows into a key. */
export interface FlowValue {
  readonly range: Range;
  readonly code: number;
  readonly text: string;
  readonly symbol?: string;
  readonly constant?: boolean;
  /** The key the value flows into. */
  readonly to: string;
  /** The named function around the value, when there is one. */
  readonly fn: string | null;
  /** The function or class called with this value as an argument (`sendError`, `ApiError`). */
  readonly callee?: string;
}

/** A name whose value is defined in another file (`Codes.CONFLICT`): resolved by the index's constants. */
export interface FlowRef {
  readonly range: Range;
  readonly text: string;
  /** Candidate constant keys, most specific first (`G:Codes.CONFLICT`, `G:CONFLICT`). */
  readonly names: readonly string[];
  readonly to: string;
  readonly fn: string | null;
  readonly callee?: string;
}

/** A status sink whose value is not written there (`res.status(code)`): the keys it reads. */
export interface FlowSink {
  /** The sink's own key (file-local); edges lead into it. */
  readonly key: string;
  readonly range: Range;
  /** The named function around the sink. */
  readonly fn: string | null;
}

/** A class and the names of its bases, for deciding which classes are errors. */
export interface FlowClass {
  readonly name: string;
  readonly bases: readonly string[];
}

export interface FlowSummary {
  /**
   * The language family: global keys only meet keys of the same family (a JavaScript `ApiError` is not a Python one;
   * JavaScript and TypeScript are one family).
   */
  readonly family?: string;
  /** [from, to]: a value at `from` flows to `to`. */
  readonly edges: ReadonlyArray<readonly [string, string]>;
  readonly sinks: readonly FlowSink[];
  readonly values: readonly FlowValue[];
  readonly refs: readonly FlowRef[];
  /** Module- and class-level names bound to a status-like number (`G:CONFLICT` → 409). */
  readonly constants: ReadonlyArray<readonly [string, number]>;
  readonly classes: readonly FlowClass[];
}

export const EMPTY_FLOW: FlowSummary = Object.freeze({ edges: [], sinks: [], values: [], refs: [], constants: [], classes: [] });

export function isEmptyFlow(flow: FlowSummary | undefined): boolean {
  return !flow || (flow.edges.length === 0 && flow.sinks.length === 0 && flow.values.length === 0 && flow.refs.length === 0
    && flow.constants.length === 0 && flow.classes.length === 0);
}

/**
 * The summary without what can never be sent: the index walks back from sinks, so a file-local key that is no sink
 * and from which no edge leads to a sink or out of the file (to a global key, which other files may send) is never
 * reached, nor are the edges, values and names that flow into it. Most of a file's graph is such dead ends (every
 * parameter of every helper flows into its local): dropping them changes no result and keeps the summaries that
 * workers hand on and indexes hold small.
 */
export function pruneFlow(summary: FlowSummary): FlowSummary {
  const leads = new Map<string, string[]>();
  for (const [from, to] of summary.edges) {
    let list = leads.get(to);
    if (!list) leads.set(to, list = []);
    list.push(from);
  }
  const live = new Set<string>();
  const stack: string[] = [];
  const reach = (key: string) => {
    if (live.has(key)) return;
    live.add(key);
    stack.push(key);
  };
  for (const sink of summary.sinks) reach(sink.key);
  for (const [, to] of summary.edges) if (to.charCodeAt(0) !== 46 /* . */) reach(to);
  while (stack.length > 0) for (const from of leads.get(stack.pop()!) ?? []) reach(from);
  const edges = summary.edges.filter(([, to]) => live.has(to));
  const values = summary.values.filter((value) => live.has(value.to) || value.to.charCodeAt(0) !== 46);
  const refs = summary.refs.filter((ref) => live.has(ref.to) || ref.to.charCodeAt(0) !== 46);
  return edges.length === summary.edges.length && values.length === summary.values.length && refs.length === summary.refs.length
    ? summary : { ...summary, edges, values, refs };
}

/** A class is an error when its name or one of its bases' says so, or it derives from such a class. */
export const ERROR_CLASS = /(?:Error|Exception|Fault|Failure|Problem|Rejection|Throwable)$/;

/** How far a value may travel (edges followed) before the index stops following it. */
export const MAX_FLOW_DEPTH = 24;
/** Limits that keep one pathological file from flooding the index. */
export const MAX_FLOW_FACTS = 20_000;

/** Where a flowing value is sent: a sink in some file. */
export interface SentAt {
  /** The file (a path in the CLI, a URI in the editor), as given to {@link FlowIndex.set}. */
  readonly file: string;
  readonly range: Range;
  readonly fn: string | null;
}

/** An occurrence found by following a value to a sink. */
export interface FlowOccurrence {
  readonly range: Range;
  readonly code: number;
  readonly text: string;
  readonly symbol?: string;
  readonly constant?: boolean;
  /** The handler named in the message: where the value is passed, or the function that sends it. */
  readonly handler: string | null;
  /** The helper, constructor or function the value travels through. */
  readonly via?: string;
  readonly sentAt: SentAt;
}

interface Witness {
  readonly sink: SentAt;
  readonly depth: number;
}

/**
 * The union of many files' summaries. `set` replaces a file's summary; `occurrences(file)` answers which values
 * written in that file reach a sink anywhere. Results are recomputed lazily after a change (one backward walk from all
 * sinks: linear in the size of the graph).
 */
export class FlowIndex {
  private readonly files = new Map<string, FlowSummary>();
  private reached: Map<string, Witness> | undefined;
  /** The contexts (files, '' for none) each reached key was walked in (see {@link FlowIndex.reach}). */
  private contexts = new Map<string, Set<string>>();
  private constants: Map<string, number> | undefined;
  private generation = 0;

  /** Counts changes, so that hosts can tell whether a result may have changed. */
  get version(): number {
    return this.generation;
  }

  get size(): number {
    return this.files.size;
  }

  has(file: string): boolean {
    return this.files.has(file);
  }

  /** Sets (or, with an empty summary, removes) a file's summary. Returns whether the index changed. */
  set(file: string, summary: FlowSummary | undefined): boolean {
    const previous = this.files.get(file);
    if (isEmptyFlow(summary)) {
      if (!previous) return false;
      this.files.delete(file);
    } else {
      if (previous && sameFlow(previous, summary!)) return false;
      this.files.set(file, summary!);
    }
    this.invalidate();
    return true;
  }

  delete(file: string): boolean {
    if (!this.files.delete(file)) return false;
    this.invalidate();
    return true;
  }

  clear(): void {
    this.files.clear();
    this.invalidate();
  }

  /** The values written in `file` that reach a sink, in document order. */
  occurrences(file: string): FlowOccurrence[] {
    const summary = this.files.get(file);
    if (!summary) return [];
    const constants = this.constantTable();
    const found: FlowOccurrence[] = [];
    const family = summary.family ?? '';
    for (const value of summary.values) {
      const witness = this.sentFrom(qualify(file, family, value.to), file);
      if (!witness) continue;
      found.push({
        range: value.range, code: value.code, text: value.text,
        ...(value.symbol ? { symbol: value.symbol } : {}), ...(value.constant ? { constant: true } : {}),
        ...naming(value, witness.sink), sentAt: witness.sink,
      });
    }
    for (const ref of summary.refs) {
      const witness = this.sentFrom(qualify(file, family, ref.to), file);
      if (!witness) continue;
      const code = ref.names.map((name) => constants.get(`${family}\u0000${name}`)).find((c) => c !== undefined);
      if (code === undefined) continue;
      found.push({ range: ref.range, code, text: ref.text, symbol: ref.text, constant: true, ...naming(ref, witness.sink), sentAt: witness.sink });
    }
    return found.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  /** Files that hold at least one value reaching a sink (for a tree check: which files to report). */
  filesWithOccurrences(): string[] {
    return [...this.files.keys()].filter((file) => this.occurrences(file).length > 0);
  }

  /**
   * What a file the index has not seen must mention to change its results (for a tree check that parses only files
   * with a status sink first, see ../code/evidence.ts): the names of functions, methods, classes and constants
   * through which a value reaches a sink, and the fields that sinks read from errors.
   */
  demand(): FlowDemand {
    const names = new Set<string>();
    const fields = new Set<string>();
    const reached = this.reach();
    for (const qualified of reached.keys()) {
      const key = qualified.slice(qualified.indexOf('\u0000') + 1);
      if (key.charCodeAt(0) === 46 /* . */) continue;
      const kind = key.slice(0, 2);
      let rest = key.slice(2);
      if (kind === 'F:') {
        const colon = rest.indexOf(':');
        if (colon < 0) {
          fields.add(rest);
          continue;
        }
        rest = rest.slice(0, colon);
      } else if (kind === 'P:') {
        rest = rest.replace(/(?:#\d+|:[^:]*)$/, '');
      }
      const last = lastName(rest);
      if (last) names.add(last);
    }
    for (const [file, summary] of this.files) {
      const family = summary.family ?? '';
      for (const ref of summary.refs) {
        if (!reached.has(qualify(file, family, ref.to))) continue;
        for (const name of ref.names) {
          const last = lastName(name.replace(/^G:/, ''));
          if (last) names.add(last);
        }
      }
    }
    return { names, fields, errorClasses: fields.size > 0 ? this.errorClassNames() : new Set() };
  }

  private invalidate(): void {
    this.reached = undefined;
    this.constants = undefined;
    this.generation++;
  }

  /** Module- and class-level constants; a name bound to different numbers in different places is left out. */
  private constantTable(): Map<string, number> {
    if (this.constants) return this.constants;
    const table = new Map<string, number>();
    const ambiguous = new Set<string>();
    for (const summary of this.files.values()) {
      for (const [bare, code] of summary.constants) {
        const name = `${summary.family ?? ''}\u0000${bare}`;
        if (table.has(name) && table.get(name) !== code) ambiguous.add(name);
        else table.set(name, code);
      }
    }
    for (const name of ambiguous) table.delete(name);
    this.constants = table;
    return table;
  }

  /**
   * Every key from which a value reaches a sink, with the nearest sink (a backward breadth-first walk).
   *
   * Return values are followed with their call site's file as context: a function that returns its parameter
   * (`max(a, b)`, `or_default(x, d)`) passes on the arguments of the calls whose result reaches a sink, not those of
   * every call of a function of that name. The walk enters a callee through `R:name` from a consumer in file C, and
   * from the callee's parameters (`P:`, `M:`) goes back only to arguments written in C (then without context). One
   * level of context: a return inside a return takes the inner call's file; a field or a constant on the way (an error
   * object's `status`, set by whichever code constructed it) drops it.
   */
  private reach(): Map<string, Witness> {
    if (this.reached) return this.reached;
    const into = new Map<string, string[]>();
    const edge = (from: string, to: string) => {
      let list = into.get(to);
      if (!list) into.set(to, list = []);
      list.push(from);
    };
    for (const [file, summary] of this.files) {
      const family = summary.family ?? '';
      for (const [from, to] of summary.edges) edge(qualify(file, family, from), qualify(file, family, to));
    }
    // A field written in an error class is the field a sink reads from any error (`err.status`).
    for (const [family, cls, fieldKey] of this.errorFieldKeys()) {
      edge(qualify('', family, fieldKey), qualify('', family, `F:${fieldKey.slice(3 + cls.length)}`));
    }
    const reached = new Map<string, Witness>();
    const walked = this.contexts = new Map<string, Set<string>>();
    type State = readonly [key: string, context: string];
    let frontier: State[] = [];
    const visit = (key: string, context: string, witness: Witness, next: State[]) => {
      let contexts = walked.get(key);
      if (contexts?.has('') || contexts?.has(context)) return;
      // Too many contexts for one key: walk it without context (what a context-free walk would do).
      if (contexts && contexts.size >= MAX_CONTEXTS) context = '';
      if (!contexts) walked.set(key, contexts = new Set());
      contexts.add(context);
      if (!reached.has(key)) reached.set(key, witness);
      next.push([key, context]);
    };
    for (const [file, summary] of this.files) {
      for (const sink of summary.sinks) {
        visit(qualify(file, summary.family ?? '', sink.key), '', { sink: { file, range: sink.range, fn: sink.fn }, depth: 0 }, frontier);
      }
    }
    for (let depth = 1; frontier.length > 0 && depth <= MAX_FLOW_DEPTH; depth++) {
      const next: State[] = [];
      for (const [key, context] of frontier) {
        const witness = { sink: reached.get(key)!.sink, depth };
        const local = isLocalKey(key);
        const kind = local ? '' : globalKind(key);
        for (const from of into.get(key) ?? []) {
          let outer = context;
          const fromKind = isLocalKey(from) ? '' : globalKind(from);
          if (fromKind === 'F:' || fromKind === 'G:') {
            // A field or a constant holds what any caller stored there, before this call: no context.
            outer = '';
          } else if (local && fromKind === 'R:') {
            // Into a callee through its return value: its parameters pass on only this file's arguments.
            outer = fileOfKey(key);
          } else if ((kind === 'P:' || kind === 'M:') && isLocalKey(from)) {
            // Out of a callee into a caller's argument.
            if (context && fileOfKey(from) !== context) continue;
            outer = '';
          }
          visit(from, outer, witness, next);
        }
      }
      frontier = next;
    }
    this.reached = reached;
    return reached;
  }

  /**
   * The witness of a key that a value written in `file` flows into, if that value is sent: the key was walked without
   * context, or in the context of that file (a parameter reached only through a return value passes on only the
   * arguments written where the call's result is sent).
   */
  private sentFrom(key: string, file: string): Witness | undefined {
    const witness = this.reach().get(key);
    const contexts = this.contexts.get(key);
    return witness && (!contexts || contexts.has('') || contexts.has(file)) ? witness : undefined;
  }

  /** The names of the classes of all files that are errors (by their names or their bases'). */
  private errorClassNames(): Set<string> {
    const isError = this.errorTest();
    const names = new Set<string>();
    for (const summary of this.files.values()) {
      for (const cls of summary.classes) {
        if (isError(`${summary.family ?? ''}\u0000${cls.name}`, 0)) names.add(cls.name);
      }
    }
    return names;
  }

  /** Whether a class (`family\0name`) is an error: by its name, or one of its bases' (transitively). */
  private errorTest(): (name: string, depth: number) => boolean {
    const bases = new Map<string, Set<string>>();
    for (const summary of this.files.values()) {
      for (const cls of summary.classes) {
        const name = `${summary.family ?? ''}\u0000${cls.name}`;
        const set = bases.get(name) ?? new Set<string>();
        for (const base of cls.bases) set.add(`${summary.family ?? ''}\u0000${base}`);
        bases.set(name, set);
      }
    }
    const memo = new Map<string, boolean>();
    const isError = (name: string, depth: number): boolean => {
      const known = memo.get(name);
      if (known !== undefined) return known;
      if (ERROR_CLASS.test(name.slice(name.indexOf('\u0000') + 1))) return true;
      if (depth > MAX_FLOW_DEPTH) return false;
      memo.set(name, false);
      const result = [...bases.get(name) ?? []].some((base) => isError(base, depth + 1));
      memo.set(name, result);
      return result;
    };
    return isError;
  }

  /** `[family, class, key]` for every field key `F:Class:field` of a class that is an error (by name or by its bases). */
  private errorFieldKeys(): Array<[string, string, string]> {
    const isError = this.errorTest();
    const found = new Map<string, [string, string, string]>();
    let family = '';
    const consider = (key: string) => {
      if (!key.startsWith('F:') || found.has(`${family}\u0000${key}`)) return;
      const rest = key.slice(2);
      const colon = rest.indexOf(':');
      if (colon < 0) return;
      const cls = rest.slice(0, colon);
      if (isError(`${family}\u0000${cls}`, 0)) found.set(`${family}\u0000${key}`, [family, cls, key]);
    };
    for (const summary of this.files.values()) {
      family = summary.family ?? '';
      for (const [from, to] of summary.edges) {
        consider(from);
        consider(to);
      }
      for (const value of summary.values) consider(value.to);
      for (const ref of summary.refs) consider(ref.to);
    }
    const keys = [...found.values()];
    return keys;
  }
}

/** See {@link FlowIndex.demand}. */
export interface FlowDemand {
  readonly names: ReadonlySet<string>;
  readonly fields: ReadonlySet<string>;
  /** The classes known to be errors (only when `fields` is not empty). */
  readonly errorClasses: ReadonlySet<string>;
}

const IDENTIFIER = /[A-Za-z_$\u00c0-\uffff][\w$\u00c0-\uffff]*/g;

/** The last identifier of a qualified name (`Codes.CONFLICT` → `CONFLICT`, `App\\Errors::of` → `of`). */
function lastName(name: string): string | undefined {
  const all = name.match(IDENTIFIER);
  return all ? all[all.length - 1] : undefined;
}

const escapeName = (name: string) => name.replace(/[$]/g, '\\$');

/**
 * Whether a text mentions what a demand asks for: one of its names as a whole word, or one of its fields together
 * with an error class (a class named like an error, or one of the known ones). Superset by design: it decides which
 * files to parse, never what they report.
 */
export function meetsDemand(demand: FlowDemand): (text: string) => boolean {
  const words = (list: Iterable<string>) => {
    const all = [...list].filter((w) => w.length > 0).map(escapeName);
    return all.length === 0 ? undefined : new RegExp(`(?<![\\w$])(?:${all.join('|')})(?![\\w$])`);
  };
  const names = words(demand.names);
  const fields = words(demand.fields);
  const known = words(demand.errorClasses);
  const errorish = new RegExp(`(?:${ERROR_CLASS.source.replace(/\$$/, '')})(?![\\w$])`);
  return (text) => (names?.test(text) ?? false)
    || (fields !== undefined && fields.test(text) && (errorish.test(text) || (known?.test(text) ?? false)));
}

/** Above this many contexts for one key (see FlowIndex.reach) the key is walked without context. */
const MAX_CONTEXTS = 16;

function isLocalKey(qualified: string): boolean {
  return qualified.charCodeAt(qualified.indexOf('\u0000') + 1) === 46 /* . */;
}

/** `P:`, `R:`, `M:`, `F:` or `G:` of a qualified global key. */
function globalKind(qualified: string): string {
  const at = qualified.indexOf('\u0000') + 1;
  return qualified.slice(at, at + 2);
}

function fileOfKey(qualified: string): string {
  return qualified.slice(0, qualified.indexOf('\u0000'));
}

/** File-local keys (`.x`) belong to their file; global keys are shared within a language family. */
function qualify(file: string, family: string, key: string): string {
  return key.charCodeAt(0) === 46 /* . */ ? `${file}\u0000${key}` : `${family}\u0000${key}`;
}

/**
 * The handler a message names. A value passed to a helper or constructor is sent by the function that passes it;
 * a value bound elsewhere (a local, a field, a return value, a default) is sent by the function around the sink.
 */
function naming(value: { fn: string | null; callee?: string }, sink: SentAt): { handler: string | null; via?: string } {
  if (value.callee) return { handler: value.fn ?? sink.fn, via: value.callee };
  if (!value.fn || value.fn === sink.fn) return { handler: sink.fn };
  return { handler: sink.fn ?? value.fn, ...(sink.fn ? { via: value.fn } : {}) };
}

function sameFlow(a: FlowSummary, b: FlowSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
