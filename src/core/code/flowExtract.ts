/**
 * From a parsed file to its {@link FlowSummary}: generic over languages. The language says where bindings, returns
 * and calls are (`flow.scm`), what its member accesses, calls, fallbacks and keyword arguments look like
 * (`LanguageSpec.flow`), and which functions and classes there are (`handlers.scm`); this module turns them into
 * edges between keys (see ./flow.ts for the key scheme).
 */
import type { Node, QueryMatch } from '@vscode/tree-sitter-wasm';
import { CLASS_CAPTURES, FLOW_CAPTURES } from '../languages/captures';
import { Field, FlowSyntax, LanguageSpec } from '../languages/spec';
import { ERROR_CLASS, MAX_FLOW_FACTS } from './flow';

/** A function the engine knows by name (from `handlers.scm`). */
export interface FlowFunction {
  readonly node: Node;
  readonly name: string;
  readonly parameters: readonly string[];
  /** The parameter list node, for default values. */
  readonly parameterList?: Node | null;
}

/** A value resolved without flow: a literal, a local constant or a framework's symbolic name. */
export interface LeafValue {
  readonly node: Node;
  readonly code: number;
  readonly symbol?: string;
  readonly constant?: boolean;
  readonly digits?: readonly [number, number];
}

export interface FlowInput {
  readonly spec: LanguageSpec;
  /** The language family (see FlowSummary.family). */
  readonly family: string;
  readonly flow: FlowSyntax;
  readonly root: Node;
  readonly flowMatches: readonly QueryMatch[];
  readonly handlerMatches: readonly QueryMatch[];
  /** The value nodes of `@status.send` captures. */
  readonly sinks: readonly Node[];
  readonly functions: readonly FlowFunction[];
  readonly functionAround: (node: Node) => FlowFunction | undefined;
  readonly resolve: (node: Node) => LeafValue[];
  /** Whether a node stands in a region that answers no HTTP request (`@status.client`): values there are not sent. */
  readonly inClient?: (node: Node) => boolean;
  /** The code a symbolic text stands for (`HttpStatus.CONFLICT`), for names brought in by a static import. */
  readonly symbol?: (text: string) => number | undefined;
  /**
   * Whether a name is one the file imports from a framework's statuses (`SC` in `import { StatusCodes as SC } from
   * 'http-status-codes'`): what it names is the framework's, never a constant of the application's other files.
   */
  readonly framework?: (name: string) => boolean;
  readonly tick: () => void;
}

/** A fact before its position becomes a range: indices into the parsed text. */
export interface RawValue {
  readonly start: number;
  readonly end: number;
  readonly code: number;
  readonly text: string;
  readonly symbol?: string;
  readonly constant?: boolean;
  readonly to: string;
  readonly fn: string | null;
  readonly callee?: string;
}

export interface RawRef {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly names: readonly string[];
  readonly to: string;
  readonly fn: string | null;
  readonly callee?: string;
}

export interface RawSink {
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly fn: string | null;
}

export interface RawFlow {
  readonly family: string;
  readonly edges: Array<[string, string]>;
  readonly sinks: RawSink[];
  readonly values: RawValue[];
  readonly refs: RawRef[];
  readonly constants: Array<[string, number]>;
  readonly classes: Array<{ name: string; bases: string[] }>;
  /** Values that a sink sends directly through a fallback or conditional the plain resolution does not read. */
  readonly direct: Array<{ node: Node; value: LeafValue }>;
}

type Source =
  | { readonly kind: 'value'; readonly value: LeafValue }
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'ref'; readonly node: Node; readonly names: readonly string[] };

interface ClassInfo {
  readonly node: Node;
  readonly name: string;
  readonly bases: readonly string[];
}

const MAX_SOURCE_DEPTH = 8;
/** At most this many entries of one map literal are read as values (see FlowSyntax.tables). */
const MAX_TABLE_ENTRIES = 200;
/** How many positional arguments an inherited constructor passes on. */
const INHERITED_ARGUMENTS = 4;

/** Names of objects that hold an error (`err`, `e`, `exc`, `appErr`, `apiError`, `exception`). */
const ERROR_OBJECT = /^(?:e|er|err|error|ex|exc|exception|cause|failure|problem|rejection|reason|throwable)$|(?:Err|Error|Exception|Exc|Failure|Problem)$/i;

/** The last name of a callee or type (`errors.ApiError` → `ApiError`, `Foo::new` → `new`, `$this->send` → `send`). */
export function lastName(text: string): string {
  const match = /([A-Za-z_$][\w$]*)[^\w$]*$/.exec(text.replace(/<[^<>]*>$/, ''));
  return match ? match[1].replace(/^\$/, '') : text;
}

/** The first name of a dotted or qualified text (`SC` of `SC.CONFLICT`, `nethttp` of `nethttp.StatusOK`). */
function firstName(text: string): string {
  return /^[A-Za-z_$][\w$]*/.exec(text)?.[0] ?? '';
}

function child(node: Node, field: Field): Node | null {
  if (typeof field !== 'number') return node.childForFieldName(field);
  if (field >= 0) return node.namedChild(field);
  const all = named(node);
  return all[all.length + field] ?? null;
}

function named(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
}

export function extractFlow(input: FlowInput): RawFlow {
  return new Extraction(input).run();
}

class Extraction {
  private readonly flow: FlowSyntax;
  private readonly out: RawFlow;
  private readonly classes: ClassInfo[] = [];
  /** Scope id of each named function: its name, numbered among functions of the same name. */
  private readonly scopes = new Map<number, string>();
  /** Names bound in each scope ('' is the file's top level), and parameters of each function. */
  private readonly bound = new Map<string, Set<string>>();
  /** Call keys this file defines (functions by name, classes by name): calls of them stay in the file. */
  private readonly defined = new Set<string>();
  /** Field names each class declares (for languages where a bare name may be a field). */
  private readonly fields = new Map<string, Set<string>>();
  private facts = 0;
  /** Names of imported modules and packages (`respond` in `import * as respond from './respond'`). */
  private readonly imports = new Set<string>();
  /** Method names this file defines (functions inside a class, or of a method node type). */
  private readonly definedMethods = new Set<string>();
  /** The module or package the file declares (`@flow.module`), if any. */
  private module: string | undefined;
  /** Methods with a named receiver (Go): function node id → the receiver's name and type. */
  private readonly receivers = new Map<number, { name: string; type: string }>();
  /** Classes that handlers.scm also names as functions (Java): they are no function scope for flow. */
  private readonly classIds = new Set<number>();
  /** Static imports: classes whose members are used bare, and single members by name (→ their class). */
  private readonly staticClasses: string[] = [];
  private readonly staticMembers = new Map<string, string>();
  /** Bare names assigned in a function that are fields of the class around (`StatusCode = code;` in C#). */
  private readonly fieldTargets = new Set<number>();
  /** Classes of this file that define a constructor. */
  private readonly constructed = new Set<string>();
  /** Fields declared without a value, in order, by class (a generated constructor fills them). */
  private readonly unset = new Map<string, string[]>();
  /** With `typedLocals`: the class of each local bound to a constructor call (`.l:scope:name` → class). */
  private readonly types = new Map<string, string>();
  /** Node ids of `@flow.new` constructor expressions, with their class. */
  private readonly created = new Map<number, string>();
  /** Locals declared with a type and no value (`catch (ApiException ae)`, `except ApiError as ae`): `.l:scope:name` → type. */
  private readonly declared = new Map<string, string>();

  constructor(private readonly input: FlowInput) {
    this.flow = input.flow;
    this.out = { family: input.family, edges: [], sinks: [], values: [], refs: [], constants: [], classes: [], direct: [] };
  }

  run(): RawFlow {
    for (const match of this.input.flowMatches) {
      for (const c of match.captures) {
        if (c.name === FLOW_CAPTURES.import) this.imports.add(lastName(c.node.text.replace(/["'`]/g, '')));
        if (c.name === FLOW_CAPTURES.module) this.module ??= c.node.text;
        if (c.name === FLOW_CAPTURES.static) this.staticImport(c.node.text);
      }
    }
    this.collectReceivers();
    this.collectClasses();
    this.collectScopes();
    this.collectBindingNames();
    this.parameters();
    this.inheritedConstructors();
    this.generatedMembers();
    for (const match of this.input.flowMatches) {
      this.input.tick();
      if (this.facts > MAX_FLOW_FACTS) break;
      const capture = (name: string) => match.captures.find((c) => c.name === name)?.node;
      const target = capture(FLOW_CAPTURES.target);
      const returned = capture(FLOW_CAPTURES.return);
      const args = capture(FLOW_CAPTURES.arguments);
      if (match.captures.some((c) => c.name === CLASS_CAPTURES.definition || c.name === FLOW_CAPTURES.import || c.name === FLOW_CAPTURES.module
        || c.name === FLOW_CAPTURES.static)) continue;
      if (target) this.binding(target, capture(FLOW_CAPTURES.value), capture(FLOW_CAPTURES.type), capture(FLOW_CAPTURES.field));
      else if (returned) this.returned(returned);
      else if (args) {
        const callee = capture(FLOW_CAPTURES.callee);
        const created = capture(FLOW_CAPTURES.new);
        const parent = capture(FLOW_CAPTURES.super);
        if (created) {
          // `this(…)` (Java), `new self(…)`, `new static(…)` (PHP): the class around constructs.
          const cls = this.flow.self.includes(created.text) ? this.classAround(created)?.name : this.typeName(lastName(created.text), created);
          if (cls) this.call(this.callKey(cls, true), args);
        }
        else if (parent) {
          const base = this.classAround(parent)?.bases[0];
          if (base) this.call(this.callKey(base, true), args);
        } else if (callee) {
          const key = this.calleeKey(callee);
          if (key) this.call(key, args);
        }
      }
    }
    let sinkCount = 0;
    for (const sink of this.input.sinks) {
      this.input.tick();
      const sources = this.sources(sink, 0);
      if (!sources.some((s) => s.kind !== 'value')) {
        for (const source of sources) if (source.kind === 'value') this.out.direct.push({ node: sink, value: source.value });
        continue;
      }
      const key = `.S${sinkCount++}`;
      this.out.sinks.push({ key, start: sink.startIndex, end: sink.endIndex, fn: this.around(sink, true)?.name ?? null });
      this.connect(sources, key, sink);
      for (const source of sources) if (source.kind === 'value') this.out.direct.push({ node: sink, value: source.value });
    }
    if (this.flow.builtins && (this.classes.length > 0 || this.out.sinks.length > 0)) {
      for (const [from, to] of this.flow.builtins) this.edge(from, to);
    }
    return this.out;
  }

  /** `org.springframework.http.HttpStatus` (all its members) or `com.app.Codes.CONFLICT` (one upper-case member). */
  private staticImport(text: string): void {
    const parts = text.replace(/[\s;]/g, '').replace(/\.\*$/, '').split(/[.:\\]+/).filter(Boolean);
    const last = parts[parts.length - 1];
    if (!last) return;
    if (/^[A-Z][A-Z0-9_]*$/.test(last) && parts.length > 1) this.staticMembers.set(last, parts[parts.length - 2]);
    else this.staticClasses.push(last);
  }

  /**
   * The innermost named function around a node, skipping classes that handlers.scm names as functions (they are no
   * scope); for naming a sink (`keepClasses`), a class is kept (Java's `@ResponseStatus` on an exception class).
   */
  private around(node: Node, keepClasses = false): FlowFunction | undefined {
    let fn = this.input.functionAround(node);
    if (keepClasses) return fn;
    while (fn && this.classIds.has(fn.node.id)) fn = this.input.functionAround(fn.node);
    return fn;
  }

  /** A variable's name without the language's sigil (`$status` → `status`). */
  private nameOf(node: Node): string {
    const sigil = this.flow.sigil;
    return sigil && node.text.startsWith(sigil) ? node.text.slice(sigil.length) : node.text;
  }

  // ---- What the file declares -------------------------------------------------------------------------------

  private collectClasses(): void {
    for (const match of [...this.input.flowMatches, ...this.input.handlerMatches]) {
      const definition = match.captures.find((c) => c.name === CLASS_CAPTURES.definition)?.node;
      const name = match.captures.find((c) => c.name === CLASS_CAPTURES.name)?.node;
      if (!definition || !name) continue;
      const bases = match.captures.filter((c) => c.name === CLASS_CAPTURES.base).map((c) => lastName(c.node.text));
      const existing = this.classes.find((c) => c.node.id === definition.id);
      if (existing) {
        (existing.bases as string[]).push(...bases.filter((b) => !existing.bases.includes(b)));
        continue;
      }
      this.classes.push({ node: definition, name: lastName(name.text), bases });
    }
    // Innermost last when sorted by start: a lookup scans from the end.
    this.classes.sort((a, b) => a.node.startIndex - b.node.startIndex || b.node.endIndex - a.node.endIndex);
    for (const cls of this.classes) {
      this.out.classes.push({ name: cls.name, bases: [...cls.bases] });
      this.defined.add(cls.name);
      this.classIds.add(cls.node.id);
    }
  }

  /** Go: `func (e *AppError) Status() int`: inside, `e` is the current object and `AppError` the current class. */
  private collectReceivers(): void {
    const kinds = this.flow.receiver;
    if (!kinds) return;
    for (const fn of this.input.functions) {
      const kind = kinds.find((k) => k.type === fn.node.type);
      const list = kind && child(fn.node, kind.field);
      const parameter = list && named(list)[0];
      const name = parameter?.childForFieldName('name');
      const type = parameter?.childForFieldName('type');
      if (name && type) this.receivers.set(fn.node.id, { name: name.text, type: lastName(type.text.replace(/\[[^\]]*\]$/, '')) });
    }
  }

  /** The class whose object `object` denotes at `node`: `this`, `self`, or a method's named receiver. */
  private selfClass(node: Node, object: string): string | undefined {
    if (this.flow.self.includes(object)) return this.classAround(node)?.name;
    if (this.receivers.size === 0) return undefined;
    for (let fn = this.input.functionAround(node); fn; fn = this.input.functionAround(fn.node)) {
      const receiver = this.receivers.get(fn.node.id);
      if (receiver) return receiver.name === object ? receiver.type : undefined;
    }
    return undefined;
  }

  /** A type's name as written, with `Self` read as the type whose definition it stands in. */
  private typeName(name: string, at: Node): string {
    return (this.flow.selfType ?? []).includes(name) ? this.classAround(at)?.name ?? name : name;
  }

  /** A top-level function of a file that declares a module: also reached as `module.name` (`apperr.New`). */
  private moduleKey(fn: FlowFunction, key: string): string | undefined {
    if (!this.module || this.isMethod(fn) || this.isConstructor(fn) || this.input.functionAround(fn.node)) return undefined;
    return `${this.module}.${key}`;
  }

  private collectScopes(): void {
    const counts = new Map<string, number>();
    const sorted = this.input.functions.filter((fn) => !this.classIds.has(fn.node.id)).sort((a, b) => a.node.startIndex - b.node.startIndex);
    for (const fn of sorted) {
      const n = counts.get(fn.name) ?? 0;
      counts.set(fn.name, n + 1);
      this.scopes.set(fn.node.id, `${fn.name}#${n}`);
      const key = this.functionKey(fn);
      if (key) this.defined.add(key);
      if (key && this.isMethod(fn)) this.definedMethods.add(key);
      if (key && this.isConstructor(fn)) this.constructed.add(key);
    }
  }

  /** The call key of a function: its last name, or its class's name for a constructor. */
  private functionKey(fn: FlowFunction): string | undefined {
    if (/\s/.test(fn.name)) return undefined;
    const name = lastName(fn.name);
    if (this.flow.constructors.includes(name)) return this.classAround(fn.node)?.name;
    const cls = this.classAround(fn.node);
    // Java and C# constructors are named after their class.
    if (cls && cls.name === name) return name;
    return name;
  }

  /** A function that belongs to a class or type (reached by `object.method(…)` calls). */
  private isMethod(fn: FlowFunction): boolean {
    if (this.isConstructor(fn) || this.hasModifier(fn, this.flow.staticModifier)) return false;
    return (this.flow.methods ?? []).includes(fn.node.type) || this.classAround(fn.node) !== undefined;
  }

  private isConstructor(fn: FlowFunction): boolean {
    const name = lastName(fn.name);
    return this.flow.constructors.includes(name) || this.classAround(fn.node)?.name === name;
  }

  private classAround(node: Node): ClassInfo | undefined {
    for (let i = this.classes.length - 1; i >= 0; i--) {
      const cls = this.classes[i].node;
      if (cls.startIndex <= node.startIndex && node.endIndex <= cls.endIndex && cls.id !== node.id) return this.classes[i];
    }
    return undefined;
  }

  private scopeOf(node: Node): string {
    const fn = this.around(node);
    return fn ? this.scopes.get(fn.node.id) ?? '' : '';
  }

  /** Whether the innermost class around a node is closer than the innermost function (a class-body declaration). */
  private inClassBody(node: Node): ClassInfo | undefined {
    const cls = this.classAround(node);
    if (!cls) return undefined;
    const fn = this.around(node);
    if (fn && fn.node.startIndex >= cls.node.startIndex && fn.node.endIndex <= cls.node.endIndex) return undefined;
    return cls;
  }

  private collectBindingNames(): void {
    const assigned: Node[] = [];
    if (this.flow.typedLocals) {
      for (const match of this.input.flowMatches) {
        const created = match.captures.find((c) => c.name === FLOW_CAPTURES.new)?.node;
        if (created?.parent) this.created.set(created.parent.id, lastName(created.text));
      }
    }
    for (const match of this.input.flowMatches) {
      const target = match.captures.find((c) => c.name === FLOW_CAPTURES.target)?.node;
      if (!target) continue;
      const declaredType = match.captures.find((c) => c.name === FLOW_CAPTURES.type)?.node;
      if (declaredType) {
        // A local declared with a type and no value: `catch (ApiException ae)`, `case ApiException ae`.
        if (!match.captures.some((c) => c.name === FLOW_CAPTURES.value)) {
          const scope = this.scopeOf(target);
          this.boundIn(scope).add(this.nameOf(target));
          this.declared.set(`.l:${scope}:${this.nameOf(target)}`, lastName(declaredType.text));
        }
        continue;
      }
      if (!this.flow.member.some((m) => m.type === target.type) && !(this.flow.selfField ?? []).includes(target.type)) {
        const cls = this.inClassBody(target);
        if (cls && !match.captures.some((c) => c.name === FLOW_CAPTURES.value)) {
          const list = this.unset.get(cls.name) ?? [];
          if (!list.includes(this.nameOf(target))) list.push(this.nameOf(target));
          this.unset.set(cls.name, list);
        }
        if (cls) this.fieldsOf(cls.name).add(this.nameOf(target));
        // Java, C#: a bare name assigned (not declared) may be a field of the class (decided below).
        else if (this.flow.implicitFields && target.parent?.childForFieldName('left')?.id === target.id) assigned.push(target);
        else {
          const scope = this.scopeOf(target);
          this.boundIn(scope).add(this.nameOf(target));
          if (this.flow.typedLocals) {
            const value = match.captures.find((c) => c.name === FLOW_CAPTURES.value)?.node;
            const type = (value && this.constructedClass(value)) ?? '';
            const key = `.l:${scope}:${this.nameOf(target)}`;
            // A local bound to anything else as well (another class, a call's result) has no type.
            this.types.set(key, this.types.has(key) && this.types.get(key) !== type ? '' : type);
          }
        }
      }
    }
    for (const target of assigned) {
      const name = this.nameOf(target);
      const cls = this.classAround(target);
      let local = false;
      for (let fn = this.around(target); fn && !local; fn = this.around(fn.node)) {
        const scope = this.scopes.get(fn.node.id);
        local = fn.parameters.includes(name) || (scope !== undefined && this.bound.get(scope)?.has(name) === true);
      }
      if (!local && cls && this.fields.get(cls.name)?.has(name)) this.fieldTargets.add(target.id);
      else this.boundIn(this.scopeOf(target)).add(name);
    }
  }

  /** The class a constructor call makes: `new Pusher(…)`, `Pusher.new(…)`, `Pusher::new(…)`, `Pusher(…)`. */
  private constructedClass(value: Node): string | undefined {
    const known = this.created.get(value.id);
    if (known) return known;
    const call = this.flow.call.find((c) => c.type === value.type);
    if (!call) return undefined;
    const member = this.flow.member.find((m) => m.type === value.type);
    const callee = member ? value : child(value, call.function);
    if (!callee) return undefined;
    const calleeMember = this.flow.member.find((m) => m.type === callee.type);
    if (calleeMember) {
      const object = child(callee, calleeMember.object);
      const property = child(callee, calleeMember.property);
      return object && property && this.flow.constructors.includes(lastName(property.text)) && /^[A-Z]/.test(lastName(object.text))
        ? lastName(object.text) : undefined;
    }
    // A call of a capitalised name (Python's `Outcome(…)`) constructs that class.
    return /^[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*$/.test(callee.text) ? callee.text : undefined;
  }

  private fieldsOf(cls: string): Set<string> {
    let set = this.fields.get(cls);
    if (!set) this.fields.set(cls, set = new Set());
    return set;
  }

  private boundIn(scope: string): Set<string> {
    let set = this.bound.get(scope);
    if (!set) this.bound.set(scope, set = new Set());
    return set;
  }

  /** Parameters are locals of their function, reached by position and by name from every call of it. */
  private parameters(): void {
    for (const fn of this.input.functions) {
      this.input.tick();
      const scope = this.scopes.get(fn.node.id);
      const key = this.functionKey(fn);
      if (!scope) continue;
      const hidden = this.isPrivate(fn);
      const list = fn.parameters;
      const offset = list.length > 0 && (this.flow.receivers ?? []).includes(list[0]) ? 1 : 0;
      const names = this.boundIn(scope);
      for (let i = offset; i < list.length; i++) {
        const name = list[i];
        if (!name) continue;
        names.add(name);
        if (!key) continue;
        const local = `.l:${scope}:${name}`;
        // A private method is reached only from its own file, by plain calls or calls on the current object.
        const prefixes = hidden ? [`.P:${key}`] : [`P:${key}`, `.P:${key}`];
        if (this.isMethod(fn) && !hidden) prefixes.push(`M:${key}`, `.M:${key}`);
        const qualified = hidden ? undefined : this.moduleKey(fn, key);
        if (qualified) prefixes.push(`P:${qualified}`);
        for (const prefix of prefixes) {
          this.edge(`${prefix}#${i - offset}`, local);
          this.edge(`${prefix}:${name}`, local);
        }
      }
      this.defaults(fn, scope);
    }
  }

  /** With `inheritConstructors`, a class without a constructor passes its arguments to its base's. */
  private inheritedConstructors(): void {
    if (!this.flow.inheritConstructors) return;
    for (const cls of this.classes) {
      const base = cls.bases[0];
      if (!base || this.constructed.has(cls.name)) continue;
      for (let i = 0; i < INHERITED_ARGUMENTS; i++) {
        this.edge(`.P:${cls.name}#${i}`, `${this.callKey(base, true)}#${i}`);
        this.edge(`P:${cls.name}#${i}`, `${this.callKey(base, true)}#${i}`);
      }
    }
  }

  /**
   * Members generated for a `@flow.data` class: accessors read its fields (`getStatus()`, `status()`), and without a
   * constructor of its own its arguments fill its uninitialised fields in order.
   */
  private generatedMembers(): void {
    const data = new Set<number>();
    for (const match of this.input.flowMatches) {
      for (const c of match.captures) if (c.name === FLOW_CAPTURES.data) data.add(c.node.id);
    }
    if (data.size === 0) return;
    for (const cls of this.classes) {
      if (!data.has(cls.node.id)) continue;
      for (const field of this.fields.get(cls.name) ?? []) {
        for (const prefix of this.flow.accessors ?? []) {
          const name = prefix ? `${prefix}${field.charAt(0).toUpperCase()}${field.slice(1)}` : field;
          this.edge(`F:${cls.name}:${field}`, `R:${name}`);
          this.edge(`F:${cls.name}:${field}`, `.R:${name}`);
        }
      }
      if (this.constructed.has(cls.name)) continue;
      (this.unset.get(cls.name) ?? []).forEach((field, i) => {
        this.edge(`.P:${cls.name}#${i}`, `F:${cls.name}:${field}`);
        this.edge(`P:${cls.name}#${i}`, `F:${cls.name}:${field}`);
      });
    }
  }

  /** A private method (a modifier child of the function node holds the language's `private` word). */
  private isPrivate(fn: FlowFunction): boolean {
    return this.hasModifier(fn, this.flow.private);
  }

  /** Whether a modifier child of the function node (`modifiers`, `modifier`, `static_modifier`…) holds the word. */
  private hasModifier(fn: FlowFunction, word: string | undefined): boolean {
    if (!word) return false;
    const pattern = new RegExp(`\\b${word}\\b`);
    return named(fn.node).some((c) => /modifier/.test(c.type) && pattern.test(c.text));
  }

  /** Default values of parameters (`function respond(data, status = 200)`) flow into the parameter. */
  private defaults(fn: FlowFunction, scope: string): void {
    const fields = this.flow.defaults;
    const list = fn.parameterList;
    if (!fields || !list) return;
    for (const parameter of named(list)) {
      for (const field of fields) {
        const value = child(parameter, field);
        if (!value) continue;
        const nameNode = parameter.childForFieldName('name') ?? parameter.childForFieldName('left') ?? parameter.childForFieldName('pattern')
          ?? parameter.firstNamedChild;
        if (!nameNode || nameNode.id === value.id) break;
        this.connect(this.sources(value, 0), `.l:${scope}:${nameNode.text.replace(/^[$&*]+/, '')}`, value);
        break;
      }
    }
  }

  // ---- Facts ----------------------------------------------------------------------------------------------

  private binding(target: Node, value: Node | undefined, type: Node | undefined, field?: Node): void {
    if (!value) return;
    const key = this.targetKey(target, type);
    if (!key) return;
    // `const { statusCode } = err`: the target reads a field of the value, as `err.statusCode` would.
    if (field) {
      this.connect(this.fieldSources(field, value, lastName(field.text), field), key, field);
      return;
    }
    // A map literal bound to a name: its entries are what `name[key]` reads (the name itself carries none of them).
    const map = this.mapLiteral(value);
    if (map) {
      const entries = this.entrySources(map.node, map.map, 0);
      this.connect(entries, `${key}[]`, value);
      const global = this.constantName(target, type);
      if (global) this.connect(entries, `${global}[]`, value);
      // A class-level table is read by its bare name inside its class (Ruby's `STATUS[kind]` in a method).
      if (global && this.inClassBody(target)) this.connect(entries, `G:${this.nameOf(target)}[]`, value);
      return;
    }
    const sources = this.sources(value, 0);
    this.connect(sources, key, value);
    // A module- or class-level name bound to a number is a constant other files may read.
    const global = this.constantName(target, type);
    if (global) {
      const codes = sources.filter((s) => s.kind === 'value');
      if (codes.length === 1 && sources.length === 1) {
        this.out.constants.push([global, codes[0].value.code]);
        if (this.module && !this.inClassBody(target)) this.out.constants.push([`G:${this.module}.${target.text}`, codes[0].value.code]);
      }
    }
  }

  private constantName(target: Node, type: Node | undefined): string | undefined {
    if (type || !this.isPlainName(target)) return undefined;
    const cls = this.inClassBody(target);
    if (cls) return `G:${cls.name}.${this.nameOf(target)}`;
    return this.scopeOf(target) === '' ? `G:${this.nameOf(target)}` : undefined;
  }

  private isPlainName(node: Node): boolean {
    return this.input.spec.values.identifier.includes(node.type) || /^[A-Za-z_$][\w$]*$/.test(node.text);
  }

  private targetKey(target: Node, type: Node | undefined): string | undefined {
    if (type) return `F:${this.typeName(lastName(type.text), type)}:${lastName(target.text)}`;
    if ((this.flow.selfField ?? []).includes(target.type)) {
      const cls = this.classAround(target);
      return cls ? `F:${cls.name}:${target.text.replace(/^@+/, '')}` : undefined;
    }
    const member = this.flow.member.find((m) => m.type === target.type);
    if (member) {
      const object = child(target, member.object);
      const property = child(target, member.property);
      if (!object || !property) return undefined;
      const cls = this.selfClass(target, object.text);
      return cls ? `F:${cls}:${lastName(property.text)}` : undefined;
    }
    if (!this.isPlainName(target)) return undefined;
    const cls = this.inClassBody(target);
    if (cls) return `F:${cls.name}:${this.nameOf(target)}`;
    if (this.fieldTargets.has(target.id)) {
      const around = this.classAround(target);
      if (around) return `F:${around.name}:${this.nameOf(target)}`;
    }
    return `.l:${this.scopeOf(target)}:${this.nameOf(target)}`;
  }

  private returned(node: Node): void {
    const fn = this.around(node);
    const key = fn && this.functionKey(fn);
    if (!key) return;
    const sources = this.sources(node, 0);
    this.connect(sources, `R:${key}`, node);
    this.connect(sources, `.R:${key}`, node);
    const qualified = this.moduleKey(fn, key);
    if (qualified) this.connect(sources, `R:${qualified}`, node);
    // With `getters`, a method without parameters is read like a field: `def status = :not_found` in an error class
    // is what `err.status` reads.
    if (this.flow.getters && this.isMethod(fn)) {
      const cls = this.classAround(fn.node);
      const receivers = this.flow.receivers ?? [];
      if (cls && fn.parameters.every((p) => !p || receivers.includes(p))) this.connect(sources, `F:${cls.name}:${lastName(fn.name)}`, node);
    }
  }

  /** The key prefix of a call: file-local when this file defines the callee (its own definition wins). */
  private callKey(name: string, _constructs = false): string {
    return this.defined.has(name) ? `.P:${name}` : `P:${name}`;
  }

  /**
   * The key prefix of a call by its callee: a plain call, a call on the current object, on a class or on an imported
   * module reaches functions and methods of that name (`P:`); a call on any other object reaches only methods (`M:`),
   * so that `logger.fail('x', 409)` never reaches a free function `fail(res, status)`.
   */
  private calleeKey(callee: Node): string | undefined {
    // A call node that holds its method name and receiver itself (Java's `method_invocation`).
    const call = this.flow.call.find((c) => c.type === callee.type && c.object !== undefined);
    if (call) {
      const name = child(callee, call.function);
      if (!name) return undefined;
      const receiver = child(callee, call.object!);
      return receiver ? this.memberCallKey(callee, receiver, name, false) : this.isPlainName(name) ? this.callKey(lastName(name.text)) : undefined;
    }
    const member = this.flow.member.find((m) => m.type === callee.type);
    if (!member) return this.isPlainName(callee) ? this.callKey(lastName(callee.text)) : undefined;
    const object = child(callee, member.object);
    const property = child(callee, member.property);
    if (!property || !object) return undefined;
    return this.memberCallKey(callee, object, property, member.path === true);
  }

  /** `path`: the object is a type or a module by its syntax (Rust's `a::b`). */
  private memberCallKey(callee: Node, object: Node, property: Node, path: boolean): string | undefined {
    const name = lastName(property.text);
    const owner = this.typeName(lastName(object.text), callee);
    // `ApiError.new(409)`, `ApiError::new(409)`: the class constructs.
    if (this.flow.constructors.includes(name)) return this.callKey(owner, true);
    // `apperr.New(409)` in a file of a module: only the functions of the package `apperr`.
    if (this.module && this.imports.has(owner)) return `P:${owner}.${name}`;
    if (this.flow.self.includes(object.text) || /^[A-Z]/.test(owner) || this.imports.has(owner) || this.flow.self.includes(owner)
      || path || this.selfClass(callee, object.text)) {
      return this.callKey(name);
    }
    return this.definedMethods.has(name) ? `.M:${name}` : `M:${name}`;
  }

  private call(prefix: string, args: Node): void {
    const callee = prefix.slice(prefix.indexOf(':') + 1);
    let position = 0;
    for (const argument of named(args)) {
      this.input.tick();
      const keyword = (this.flow.keyword ?? []).find((k) => k.type === argument.type);
      const kwName = keyword && child(argument, keyword.name);
      const kwValue = keyword && child(argument, keyword.value);
      if (keyword && kwName && kwValue) {
        this.connect(this.sources(kwValue, 0), `${prefix}:${kwName.text.replace(/^:|:$/g, '').replace(/^\$/, '')}`, kwValue, callee);
        continue;
      }
      this.connect(this.sources(argument, 0), `${prefix}#${position}`, argument, callee);
      position++;
    }
  }

  private connect(sources: readonly Source[], to: string, at: Node, callee?: string): void {
    const around = this.around(at);
    // A value written in a constructor is sent by whoever sends the object: the sink names the handler.
    const fn = around && !this.isConstructor(around) ? around.name : null;
    for (const source of sources) {
      if (++this.facts > MAX_FLOW_FACTS) return;
      if (source.kind !== 'key' && this.input.inClient?.(source.kind === 'ref' ? source.node : source.value.node)) continue;
      if (source.kind === 'key') this.edge(source.key, to);
      else if (source.kind === 'ref') {
        this.out.refs.push({ start: source.node.startIndex, end: source.node.endIndex, text: source.node.text, names: source.names, to, fn,
          ...(callee ? { callee } : {}) });
      } else {
        const value = source.value;
        const start = value.node.startIndex + (value.digits?.[0] ?? 0);
        const end = value.digits ? value.node.startIndex + value.digits[1] : value.node.endIndex;
        this.out.values.push({
          start, end, code: value.code,
          text: value.digits ? value.node.text.slice(value.digits[0], value.digits[1]) : value.node.text,
          ...(value.symbol ? { symbol: value.symbol } : {}), ...(value.constant ? { constant: true } : {}),
          to, fn, ...(callee ? { callee } : {}),
        });
      }
    }
  }

  private edge(from: string, to: string): void {
    if (from === to) return;
    this.facts++;
    this.out.edges.push([from, to]);
  }

  // ---- Values -----------------------------------------------------------------------------------------------

  /** Where the value of an expression can come from: status values written here, and keys of the flow graph. */
  private sources(node: Node, depth: number): Source[] {
    if (depth > MAX_SOURCE_DEPTH) return [];
    this.input.tick();
    const syntax = this.input.spec.values;
    const type = node.type;
    if (syntax.transparent.includes(type)) {
      const inner = node.firstNamedChild;
      return inner ? this.sources(inner, depth + 1) : [];
    }
    const conditional = syntax.conditional.find((c) => c.type === type);
    if (conditional) return conditional.arms.flatMap((arm) => this.armSources(node, arm, depth));
    const choice = this.flow.choice?.find((c) => c.type === type);
    if (choice) {
      const container = choice.container === undefined ? node : child(node, choice.container);
      return (container ? named(container) : []).filter((arm) => choice.arm.includes(arm.type))
        .flatMap((arm) => this.armSources(arm, choice.value, depth));
    }
    const fallback = this.flow.fallback?.find((f) => f.type === type);
    if (fallback && this.operatorOf(node, fallback.operators)) return fallback.arms.flatMap((arm) => this.armSources(node, arm, depth));
    const leaves = this.input.resolve(node);
    if (leaves.length > 0) return leaves.map((value) => ({ kind: 'value', value }));
    // `table[key]`: the entries of the map bound to `table` (the `[]` key of its name, see binding()).
    const read = this.flow.tables?.reads.find((r) => r.type === type);
    if (read) {
      const table = child(node, read.table);
      return (table ? this.sources(table, depth + 1) : []).flatMap((source): Source[] => {
        if (source.kind === 'key') return [{ kind: 'key', key: `${source.key}[]` }];
        if (source.kind === 'ref') return source.names.map((name) => ({ kind: 'key', key: `${name}[]` }));
        return [];
      });
    }
    if (syntax.number.includes(type) || syntax.string.includes(type)) return [];
    if ((this.flow.selfField ?? []).includes(type)) {
      const cls = this.classAround(node);
      return cls ? [{ kind: 'key', key: `F:${cls.name}:${node.text.replace(/^@+/, '')}` }] : [];
    }
    if (syntax.identifier.includes(type)) return this.nameSources(node);
    const member = this.flow.member.find((m) => m.type === type);
    if (member && (!member.arguments || (child(node, member.object) && !child(node, member.arguments)))) return this.memberSources(node, member);
    const call = this.flow.call.find((c) => c.type === type);
    if (call) {
      const callee = child(node, call.function);
      if (!callee) return [];
      const calleeMember = this.flow.member.find((m) => m.type === callee.type);
      const property = calleeMember ? child(callee, calleeMember.property) : callee;
      if (!property || !/^[A-Za-z_$][\w$]*$/.test(lastName(property.text))) return [];
      const name = lastName(property.text);
      if (this.flow.through?.includes(name)) return this.throughSources(node, call, callee, calleeMember, depth);
      const object = calleeMember && child(callee, calleeMember.object);
      if (object && this.module && this.imports.has(object.text)) return [{ kind: 'key', key: `R:${object.text}.${name}` }];
      return [{ kind: 'key', key: this.defined.has(name) ? `.R:${name}` : `R:${name}` }];
    }
    return [];
  }

  /** `StatusCode::from_u16(code).unwrap()`, `x.unwrap_or(500)`, `int(code)`: the object's and the arguments' values. */
  private throughSources(node: Node, call: { arguments?: Field }, callee: Node,
    member: { object: Field; path?: boolean } | undefined, depth: number): Source[] {
    const sources: Source[] = [];
    const object = member && !member.path ? child(callee, member.object) : null;
    if (object) sources.push(...this.sources(object, depth + 1));
    const args = call.arguments !== undefined ? child(node, call.arguments) : null;
    if (args) for (const argument of named(args)) sources.push(...this.sources(argument, depth + 1));
    return sources;
  }

  /** A map literal (FlowSyntax.tables), also behind the language's transparent wrappers (Go's expression list). */
  private mapLiteral(value: Node): { node: Node; map: { entry: string; value: Field } } | undefined {
    const maps = this.flow.tables?.maps;
    if (!maps) return undefined;
    let node: Node | null = value;
    for (let i = 0; node && i < 3; i++) {
      const at: Node = node;
      const map = maps.find((m) => m.type === at.type && (!m.kind || child(at, m.kind.field)?.type === m.kind.type));
      if (map) return { node: at, map };
      // `{ … }.freeze`, `Object.freeze({ … })`: a call that passes its value on (FlowSyntax.through).
      const member = this.flow.member.find((m) => m.type === at.type);
      const property = member && child(at, member.property);
      if (member && property && this.flow.through?.includes(property.text)) {
        node = child(at, member.object);
        continue;
      }
      const call = this.flow.call.find((c) => c.type === at.type);
      const callee = call && child(at, call.function);
      const args = call?.arguments !== undefined ? child(at, call.arguments) : null;
      if (callee && args && this.flow.through?.includes(lastName(callee.text)) && args.namedChildCount === 1) {
        node = args.firstNamedChild;
        continue;
      }
      if (at.namedChildCount !== 1) return undefined;
      node = at.firstNamedChild;
    }
    return undefined;
  }

  /** The values of a map literal's entries (entries are its children or its body's; nested maps are not entered). */
  private entrySources(node: Node, map: { entry: string; value: Field }, depth: number): Source[] {
    const sources: Source[] = [];
    const visit = (parent: Node, level: number) => {
      for (const part of named(parent)) {
        if (sources.length > MAX_TABLE_ENTRIES) return;
        if (part.type === map.entry) sources.push(...this.armSources(part, map.value, depth));
        else if (level < 1) visit(part, level + 1);
      }
    };
    visit(node, 0);
    return sources;
  }

  private armSources(node: Node, arm: Field, depth: number): Source[] {
    const part = child(node, arm);
    return part ? this.sources(part, depth + 1) : [];
  }

  private operatorOf(node: Node, operators: readonly string[]): boolean {
    const field = node.childForFieldName('operator');
    if (field) return operators.includes(field.text);
    for (let i = 0; i < node.childCount; i++) {
      const part = node.child(i);
      if (part && !part.isNamed && operators.includes(part.type)) return true;
    }
    return false;
  }

  /** A bare name: a parameter or local of a function around it, a top-level name, a field, or another file's. */
  private nameSources(node: Node): Source[] {
    const name = this.nameOf(node);
    for (let fn = this.around(node); fn; fn = this.around(fn.node)) {
      const scope = this.scopes.get(fn.node.id);
      if (scope && this.bound.get(scope)?.has(name)) return [{ kind: 'key', key: `.l:${scope}:${name}` }];
    }
    const cls = this.classAround(node);
    if (cls && this.flow.implicitFields && this.fields.get(cls.name)?.has(name)) return [{ kind: 'key', key: `F:${cls.name}:${name}` }];
    if (this.bound.get('')?.has(name)) return [{ kind: 'key', key: `.l::${name}` }];
    if (this.input.framework?.(name)) return [];
    // A member of a class imported statically (`import static …HttpStatus.*` then `CONFLICT`; C# `using static
    // …StatusCodes;` then `Status409Conflict`: any member that names a status by the symbols).
    const owners = this.staticMembers.has(name) ? [this.staticMembers.get(name)!] : /^[A-Z][A-Z0-9_]*$/.test(name) ? this.staticClasses : [];
    const symbolOwners = this.staticMembers.has(name) ? owners : /^[A-Z]\w*$/.test(name) ? this.staticClasses : [];
    for (const owner of symbolOwners) {
      const code = this.input.symbol?.(`${owner}.${name}`);
      if (code !== undefined) return [{ kind: 'value', value: { node, code, symbol: node.text } }];
    }
    return [{ kind: 'ref', node, names: [...owners.map((owner) => `G:${owner}.${name}`), `G:${name}`] }];
  }

  /** The class of a local that names an object constructed in its function, when there is one. */
  private localType(node: Node): string | undefined {
    for (let fn = this.input.functionAround(node); fn; fn = this.input.functionAround(fn.node)) {
      const scope = this.scopes.get(fn.node.id);
      if (scope && this.bound.get(scope)?.has(node.text)) return this.types.get(`.l:${scope}:${node.text}`) || undefined;
    }
    return undefined;
  }

  /** The declared type of a local declared without a value (see `declared`), when the name is one in its scope. */
  private declaredType(node: Node): string | undefined {
    const name = this.nameOf(node);
    for (let fn = this.around(node); fn; fn = this.around(fn.node)) {
      const scope = this.scopes.get(fn.node.id);
      if (scope && this.bound.get(scope)?.has(name)) return this.declared.get(`.l:${scope}:${name}`);
    }
    return this.declared.get(`.l::${name}`);
  }

  /** A class that is an error by its name, or by a base of it declared in this file. */
  private isErrorType(name: string, depth = 0): boolean {
    if (ERROR_CLASS.test(name)) return true;
    if (depth > MAX_SOURCE_DEPTH) return false;
    return this.classes.some((c) => c.name === name && c.bases.some((base) => this.isErrorType(base, depth + 1)));
  }

  private memberSources(node: Node, member: { object: Field; property: Field }): Source[] {
    const object = child(node, member.object);
    const property = child(node, member.property);
    if (!object || !property) return [];
    return this.fieldSources(node, object, lastName(property.text), property);
  }

  /** A field `field` of `object` read at `node` (a member access, or a name destructured from the object). */
  private fieldSources(node: Node, object: Node, field: string, property: Node): Source[] {
    if (this.flow.self.includes(object.text)) {
      const cls = this.classAround(node);
      // `self::CONFLICT`: a constant of the class, reported where it is read.
      if (/^[A-Z][A-Z0-9_]*$/.test(field)) {
        const leaves = this.input.resolve(property);
        if (leaves.length > 0) return leaves.map((value) => ({ kind: 'value', value }));
        if (cls) return [{ kind: 'ref', node, names: [`G:${cls.name}.${field}`] }];
      }
      return cls ? [{ kind: 'key', key: `F:${cls.name}:${field}` }] : [];
    }
    // Go: a method's named receiver (`e.Code` in `func (e *AppError) …`) is the current object.
    const receiverClass = this.selfClass(node, object.text);
    if (receiverClass) return [{ kind: 'key', key: `F:${receiverClass}:${field}` }];
    // `SC.WEIRD` where `SC` is a framework's import that the symbols do not know: nothing of the application's.
    if (this.input.framework?.(firstName(object.text))) return [];
    const owner = this.typeName(lastName(object.text), node);
    // `codes.Conflict` in a file of a module: a constant of the imported package `codes`.
    if (this.module && this.imports.has(owner)) return [{ kind: 'ref', node, names: [`G:${owner}.${field}`] }];
    const sources: Source[] = [];
    // `pusher.code` where `pusher = Pusher.new(…)`: the field of that class (typedLocals).
    if (this.types.size > 0 && this.input.spec.values.identifier.includes(object.type)) {
      const type = this.localType(object);
      if (type) sources.push({ kind: 'key', key: `F:${type}:${field}` });
    }
    // `err.status`: the field of an error, whichever error class set it (a request's or a response's fields are not).
    if (ERROR_OBJECT.test(owner)) sources.push({ kind: 'key', key: `F:${field}` });
    else if (this.declared.size > 0 && this.input.spec.values.identifier.includes(object.type)) {
      // `re.Code` where `catch (RestException re)`: an error by its declared type, else the field of that class.
      const type = this.declaredType(object);
      if (type) sources.push({ kind: 'key', key: this.isErrorType(type) ? `F:${field}` : `F:${type}:${field}` });
    }
    // `Codes.CONFLICT`: a constant of a class or module, perhaps in another file (resolved by the index).
    if (/^[A-Z]/.test(owner) || /^[A-Z][A-Z0-9_]*$/.test(field)) sources.push({ kind: 'ref', node, names: [`G:${owner}.${field}`, `G:${field}`] });
    return sources;
  }
}

/** Exposed for tests: whether a class name alone marks an error class. */
export function isErrorClassName(name: string): boolean {
  return ERROR_CLASS.test(name);
}
