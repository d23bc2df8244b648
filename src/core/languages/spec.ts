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

/**
 * A query: its text, or (in the shipped bundles, which keep query text out of the JavaScript) the name of a file
 * the grammar loader reads when the language is first used.
 */
export type QuerySource = string | { readonly file: string };

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
  readonly values: ValueSyntax;
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
   * Text that a file must contain to be worth parsing when it has no three-digit number: the symbolic forms'
   * tell-tale words. Without it, only files with a candidate number are parsed.
   */
  readonly hint?: RegExp;
}
