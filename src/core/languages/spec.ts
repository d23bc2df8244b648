/**
 * The shape of one language's knowledge. Everything language-specific lives in data of this shape (a manifest plus
 * tree-sitter query files); the engine in ../code/engine.ts is generic.
 */
export interface ValueSyntax {
  /** Node types of numeric literals. */
  readonly number: readonly string[];
  /** Node types of string literals; a string whose content is a three-digit code counts. */
  readonly string: readonly string[];
  /** Wrappers whose single named child is the value: `(409)`, `409 as const`. */
  readonly transparent: readonly string[];
  /**
   * Conditional expressions and their arms, each a field name or, for grammars without fields (Python's
   * `conditional_expression`), the index of a named child: every arm is checked.
   */
  readonly conditional: readonly { readonly type: string; readonly arms: readonly (string | number)[] }[];
  /** Identifier node types that may name a constant (`const CONFLICT = 409`). */
  readonly identifier: readonly string[];
}

/**
 * A symbolic status: a regular expression over the whole text of a captured node. The named group `code` holds the
 * digits (`status.HTTP_409_CONFLICT`), or the group `name` a status name (`http.StatusConflict`, `:not_found`).
 */
export interface SymbolRule {
  readonly pattern: RegExp;
}

/** One query file: its text, or (in the shipped bundles, which keep query text out of the JavaScript) its name. */
export type QueryPart = string | { readonly file: string };

/**
 * A query: one file, or files read one after the other as one query (languages sharing a grammar family share a
 * file, `javascript/flow-common.scm`). A file named rather than inlined is read by the grammar loader when the
 * language is first used.
 */
export type QuerySource = QueryPart | readonly QueryPart[];

/** The query's parts, in order. */
export function queryParts(source: QuerySource): readonly QueryPart[] {
  return Array.isArray(source) ? source : [source as QueryPart];
}

/**
 * A node type and the fields (or, for grammars without fields, named-child indexes) that hold its parts. In flow data
 * (`FlowSyntax`) a negative index counts named children from the end (-1: the last).
 */
export type Field = string | number;

/**
 * How values travel in a language (see ../code/flow.ts): the node shapes the generic flow extraction needs besides
 * the captures of `flow.scm`.
 */
export interface FlowSyntax {
  /**
   * Member accesses `object.property` (also `Type::CONST`, `$this->field`). `path`: the object is always a type or a
   * module, never a value (Rust's `errors::conflict(…)`, `AppError::new(…)`): calls through it reach functions. Where
   * one node type is both a member access and a call (Ruby's `call`: `err.status`, `status_for(err)`,
   * `self.fail(409)`), `arguments` names the part that makes it a call: a node with it, or without an object, is read
   * as a call (see `call`).
   */
  readonly member: readonly { readonly type: string; readonly object: Field; readonly property: Field; readonly path?: boolean; readonly arguments?: Field }[];
  /**
   * Calls used as values (`statusFor(err)`, `err.getStatus()`): what the callee returns flows on. `arguments`: the
   * argument list, for `through`. `object`: the receiver field of a call node that holds its method name itself
   * (Java's `method_invocation`, PHP's `member_call_expression`); such a node may be captured as `@flow.callee`.
   */
  readonly call: readonly { readonly type: string; readonly function: Field; readonly arguments?: Field; readonly object?: Field }[];
  /**
   * Calls that pass their value on: a call of one of these names has the value of its arguments and, called on an
   * object, of that object (`StatusCode::from_u16(409).unwrap()`, `.unwrap_or(500)`, `.into()`, Go's `int(code)`).
   */
  readonly through?: readonly string[];
  /** Names of the current type inside its own definition (Rust's `Self` in an `impl` block): read as the type's name. */
  readonly selfType?: readonly string[];
  /** Fallbacks whose operands are all possible values: `a || 409`, `a ?? 409`, `a or 409`. */
  readonly fallback?: readonly { readonly type: string; readonly operators: readonly string[]; readonly arms: readonly Field[] }[];
  /**
   * Multi-way choices whose arms are all possible values: C# `x switch { A => 404, _ => 500 }`, PHP `match`. The
   * arms are the named children of `arm` type (of the node, or of its `container` field); `value` is the arm's part
   * that holds the value.
   */
  readonly choice?: readonly { readonly type: string; readonly container?: Field; readonly arm: readonly string[]; readonly value: Field }[];
  /**
   * Lookup tables: a map literal's values are the values of the name bound to it, and a read `table[key]` has those
   * values (`var httpStatus = map[ErrCode]int{AlreadyExists: http.StatusConflict}` … `w.WriteHeader(httpStatus[c])`,
   * `STATUS = {"conflict": 409}` … `abort(STATUS[kind])`). `maps`: the literal's node type (with `kind`, only when its
   * `kind.field` child is of `kind.type`: Go's map, not struct, literals), its entries' node type and the entry's
   * field that holds the value. `reads`: the index expression's node type and the field of the table read.
   */
  readonly tables?: {
    readonly maps: readonly { readonly type: string; readonly kind?: { readonly field: string; readonly type: string }; readonly entry: string; readonly value: Field }[];
    readonly reads: readonly { readonly type: string; readonly table: Field }[];
  };
  /** Keyword and named arguments (`status=409`, `status: 409`, `statusCode: 409`): node type, name and value. */
  readonly keyword?: readonly { readonly type: string; readonly name: Field; readonly value: Field }[];
  /** Words that denote the current object (`this`, `self`, `$this`). */
  readonly self: readonly string[];
  /** Node types that are a field of the current object by themselves (Ruby's `@status`); the sigil is dropped. */
  readonly selfField?: readonly string[];
  /** Parameter names that stand for the receiver and are not counted in positions (`self`, `cls`). */
  readonly receivers?: readonly string[];
  /** Method names that construct their class (`constructor`, `__init__`, `initialize`, `new`). */
  readonly constructors: readonly string[];
  /** Java, C#: a bare name inside a class may be one of its fields (`return status;`). */
  readonly implicitFields?: boolean;
  /** Node types of methods declared outside a class body (Go's `method_declaration`). */
  readonly methods?: readonly string[];
  /**
   * Methods declared outside a class body whose receiver is a named parameter (Go's `func (e *AppError) …`): the
   * method node type and the field of its receiver's parameter list. Inside, the receiver's name is the current
   * object and its type the current class.
   */
  readonly receiver?: readonly { readonly type: string; readonly field: Field }[];
  /**
   * Fields of a parameter node that hold its default value (`status = 200`), tried in order; a negative number is a
   * named child counted from the end (C#'s `int status = 200` has no field for it).
   */
  readonly defaults?: readonly Field[];
  /**
   * A class that defines no constructor takes its base's (PHP, JavaScript; not Java or C#): `new ApiException('x', 409)`
   * reaches the base's constructor parameters.
   */
  readonly inheritConstructors?: boolean;
  /** A prefix of variable names that parameters are known without (`$` in PHP: `$status` is the parameter `status`). */
  readonly sigil?: string;
  /**
   * The word of a modifier that makes a method private (`private`): it is reached only from its own file (a modifier
   * child of the function node, `modifiers`, `modifier`, `visibility_modifier`, says so).
   */
  readonly private?: string;
  /**
   * The word of a modifier that makes a method static (`static`): it is reached by calls on its class or plain
   * calls, never by a call on another object (`$this->audit->fail(…)` is not `Respond::fail(…)`).
   */
  readonly staticModifier?: string;
  /**
   * Prefixes of the accessors generated for the fields of a `@flow.data` class: `get` (`getStatus()`), `''` (a
   * record's `status()`).
   */
  readonly accessors?: readonly string[];
  /**
   * Edges the language's runtime adds, between global keys (PHP: `new Exception($message, $code)` keeps `$code`,
   * `getCode()` returns it): `[from, to]`, added to every file that defines a class or has a sink.
   */
  readonly builtins?: ReadonlyArray<readonly [string, string]>;
  /**
   * A local bound to a constructor call (`pusher = Pusher.new(…)`, `result = Outcome(…)`, `new Outcome(…)`) holds an
   * object of that class: `pusher.code` reads the class's field `code` although the class is no error.
   */
  readonly typedLocals?: boolean;
  /**
   * A method of a class without parameters (besides `receivers`) is read like a field of that class: Ruby
   * `def status = :not_found`, Python `@property def status_code(self): return 404`.
   */
  readonly getters?: boolean;
}

export interface LanguageSpec {
  /** Stable id used in output (`javascript`, `typescript`, `tsx`). */
  readonly id: string;
  /** Display name. */
  readonly name: string;
  /** VS Code language ids handled by this spec. */
  readonly languageIds: readonly string[];
  /** File extensions, lower case, with the dot. */
  readonly extensions: readonly string[];
  /** Grammar file name in @vscode/tree-sitter-wasm, without `tree-sitter-` and `.wasm`. */
  readonly grammar: string;
  /** Line comment token, for suppression comments. */
  readonly lineComment: string;
  /** Query text: status contexts and constants. */
  readonly statusQuery: QuerySource;
  /** Query text: handler names. */
  readonly handlerQuery: QuerySource;
  /** Query text: bindings, returns and calls along which status values travel (captures `@flow.*`). */
  readonly flowQuery?: QuerySource;
  readonly values: ValueSyntax;
  /** How values travel; with `flowQuery`, turns on status flow for the language. */
  readonly flow?: FlowSyntax;
  /** Languages whose files call each other share a family (JavaScript, TypeScript, TSX); default `id`. */
  readonly flowFamily?: string;
  /**
   * Node types that stand before the function they belong to as siblings (TypeScript class-member decorators):
   * a code inside one belongs to the next function.
   */
  readonly decorators?: readonly string[];
  /** Reads the HTTP verb out of a `@handler.verb` capture (`MapPost` → `Post`, group `verb`); default: all of it. */
  readonly routeVerb?: RegExp;
  /** Symbolic forms of status codes, tried on captured values that are not literals or local constants. */
  readonly symbols: readonly SymbolRule[];
  /** Names this language's libraries use beyond the shared name table (`Forbid` → 403 in ASP.NET Core). */
  readonly names?: Readonly<Record<string, number>>;
  /**
   * Words a file must contain, besides a three-digit number from 100 to 599, to be worth parsing: the names the
   * queries anchor on (`status`, `abort`, `Response`…). Files without them are skipped, which is what keeps a
   * repository check fast. test/unit/engine.test.ts proves that every fixture occurrence has one nearby.
   */
  readonly trigger?: RegExp;
  /**
   * With status flow: words that make a file worth parsing even without a status-like number, because it may store,
   * forward or send a status for other files (`this.status = status`, `res.status(err.status)`). Default `trigger`.
   */
  readonly flowTrigger?: RegExp;
  /**
   * Text that a file must contain to be worth parsing when it has no three-digit number: the symbolic forms'
   * tell-tale words. Without it, only files with a candidate number are parsed.
   */
  readonly hint?: RegExp;
  /**
   * A function of a file that is mentioned only inside `@status.client` regions (a service worker's helpers, called
   * from its `fetch` listener) is such a region too, unless its top-level statement matches `exported` (other files
   * may call it: `export function …`). Without it, the client regions are only what status.scm captures.
   */
  readonly clientHelpers?: { readonly exported: RegExp };
}
