/**
 * Completion of status codes where a status is expected: `res.status(|`, Flask's `return body, |`, `WriteHeader(|`,
 * `status: |`. Where that is, is data: per language, the line prefixes (ending at the cursor) of the sinks the
 * engine's status queries know, in the form they take while the code is being typed (the argument not yet written,
 * so no syntax tree has it). The items are the listed codes, then the codes the user allows, spelled as the file
 * spells status codes (`http.StatusTooManyRequests`, `HttpStatus.TOO_MANY_REQUESTS`) when it uses a library's names.
 */
import { hintName } from './hints';
import { replaceSymbolCode } from './names';
import { describeStatus, isListed, LISTED_CODES, StatusInfo } from './table';
import { Occurrence } from './types';

/** A line prefix that ends where a status code is expected. `topLevel`: no bracket may be open after `return`. */
export interface StatusSlot {
  readonly pattern: RegExp;
  readonly topLevel?: boolean;
}

const JS_SLOTS: readonly StatusSlot[] = [
  // Express, Koa, Fastify, Hono: res.status(…), res.sendStatus(…), reply.code(…), res.writeHead(…); c.json(body, …).
  { pattern: /\.(?:status|sendStatus|code|writeHead)\(\s*$/ },
  { pattern: /\bc\.(?:json|text|body|html)\([^()]*,\s*$/ },
  // Fetch API and Next.js: new Response(body, { status: … }); any `status:`/`statusCode:` property.
  { pattern: /\b(?:status|statusCode)\s*:\s*$/ },
  // Assignments: res.statusCode = …, ctx.status = ….
  { pattern: /\.(?:status|statusCode)\s*=\s*$/ },
  // Nest: new HttpException(body, …), @HttpCode(…).
  { pattern: /\bnew\s+HttpException\([^()]*,\s*$/ },
  { pattern: /@HttpCode\(\s*$/ },
];

/** Line prefixes where a status is expected, by language spec id (LanguageSpec.id). */
export const STATUS_SLOTS: Readonly<Record<string, readonly StatusSlot[]>> = Object.freeze({
  javascript: JS_SLOTS,
  typescript: JS_SLOTS,
  tsx: JS_SLOTS,
  python: [
    // Flask: return body, … (a tuple at the top level of the return, not an argument list).
    { pattern: /^\s*return\s+\S.*,\s*$/, topLevel: true },
    // FastAPI, Django, Starlette: status_code=…, status=…; abort(…), HTTPException(…).
    { pattern: /\bstatus(?:_code)?\s*=\s*$/ },
    { pattern: /\b(?:abort|HTTPException)\(\s*$/ },
    { pattern: /\bmake_response\([^()]*,\s*$/ },
  ],
  go: [
    { pattern: /\.WriteHeader\(\s*$/ },
    { pattern: /\bhttp\.Error\([^()]*,[^()]*,\s*$/ },
    // Gin, Echo, Fiber: c.JSON(…, c.Status(…), c.AbortWithStatus(…), c.SendStatus(…), c.NoContent(…).
    { pattern: /\.(?:JSON|String|XML|HTML|Data|Status|SendStatus|AbortWithStatus|AbortWithStatusJSON|NoContent|Blob|Redirect)\(\s*$/ },
  ],
  java: [
    { pattern: /\b(?:ResponseEntity|Response)\.status\(\s*$/ },
    { pattern: /\.(?:setStatus|sendError|status)\(\s*$/ },
    { pattern: /\bnew\s+ResponseEntity(?:<[^()]*>)?\([^()]*,\s*$/ },
    { pattern: /@ResponseStatus\((?:\s*(?:code|value)\s*=)?\s*$/ },
    { pattern: /\bnew\s+ResponseStatusException\(\s*$/ },
  ],
  csharp: [
    { pattern: /\bStatusCode\(\s*$/ },
    { pattern: /\bStatusCode\s*=\s*$/ },
    { pattern: /\bstatusCode\s*:\s*$/ },
    { pattern: /\[ProducesResponseType\((?:[^()]*,\s*)?$/ },
  ],
  php: [
    { pattern: /\bhttp_response_code\(\s*$/ },
    { pattern: /\babort\(\s*$/ },
    { pattern: /->(?:setStatusCode|withStatus)\(\s*$/ },
    { pattern: /->json\([^()]*,\s*$/ },
    { pattern: /\b(?:response|new\s+(?:Json)?Response)\([^()]*,\s*$/ },
  ],
  ruby: [
    // Rails: render json: x, status: …; head …; Sinatra: status …, halt ….
    { pattern: /\bstatus:\s*$/ },
    { pattern: /^\s*(?:head|status|halt)[\s(]+$/ },
  ],
  rust: [
    { pattern: /\bStatusCode::from_u16\(\s*$/ },
    { pattern: /\.status\(\s*$/ },
    { pattern: /\bHttpResponse::build\(\s*$/ },
  ],
});

/** What a code being typed looks like: digits, a (qualified) name, a Ruby symbol. */
const TYPED = /(?:\d+|:[a-z_]*|[A-Za-z_$][\w$]*(?:(?:\.|::)[A-Za-z_$][\w$]*)*(?:\.|::)?)$/;

/** True when every bracket opened after `return` is closed again (`return body, ` but not `return f(a, `). */
function atTopLevel(prefix: string): boolean {
  let depth = 0;
  for (const ch of prefix) {
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if (ch === ')' || ch === ']' || ch === '}') depth--;
  }
  return depth === 0;
}

/**
 * Where a status code is expected at the end of `linePrefix` (the line's text before the cursor) in a language, as
 * the column where the code begins (what is typed from there on is replaced); undefined when no status is expected.
 */
export function statusSlotAt(specId: string, linePrefix: string): number | undefined {
  const slots = STATUS_SLOTS[specId];
  if (!slots) return undefined;
  const typed = TYPED.exec(linePrefix)?.[0] ?? '';
  for (const before of typed ? [linePrefix, linePrefix.slice(0, -typed.length)] : [linePrefix]) {
    // `status:` itself is not a code being typed: try the prefix whole first.
    const start = before.length;
    if (slots.some((slot) => slot.pattern.test(before) && (!slot.topLevel || atTopLevel(before)))) return start;
  }
  return undefined;
}

/** A library's name for a status code as the file writes it, to spell other codes the same way. */
export interface SymbolicSpelling {
  readonly symbol: string;
  readonly code: number;
}

/** A library's name (`http.StatusConflict`, `HttpStatus.CONFLICT`, `StatusCode::CONFLICT`, `:conflict`). */
const LIBRARY_NAME = /^(?:[A-Za-z_$][\w$]*(?:\.|::))+[A-Za-z_$][\w$]*$|^:[a-z_]+$/;

/**
 * The file's symbolic spelling of status codes: the library name its sinks use most often (not its own constants,
 * not a status-named method), when that name can spell every listed code.
 */
export function symbolicSpelling(occurrences: readonly Occurrence[]): SymbolicSpelling | undefined {
  // Counted by library (the qualifier: `http`, `HttpStatus`, `status`, `StatusCode`; `:` for Ruby's symbols).
  const counts = new Map<string, { spellings: SymbolicSpelling[]; count: number }>();
  for (const occurrence of occurrences) {
    const symbol = occurrence.symbol;
    if (!symbol || occurrence.constant || occurrence.implicit || !LIBRARY_NAME.test(symbol)) continue;
    const library = symbol.startsWith(':') ? ':' : symbol.replace(/(?:\.|::)[^.:]*$/, '');
    const entry = counts.get(library) ?? { spellings: [], count: 0 };
    entry.count++;
    if (!entry.spellings.some((spelling) => spelling.symbol === symbol)) entry.spellings.push({ symbol, code: occurrence.code });
    counts.set(library, entry);
  }
  const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
  for (const { spellings } of ranked) {
    const spelling = spellings.find((candidate) => LISTED_CODES.every((code) => spellCode(candidate, code) !== undefined));
    if (spelling) return spelling;
  }
  return undefined;
}

/** `code` in the file's spelling (`http.StatusTooManyRequests`), when that spelling can name it. */
export function spellCode(spelling: SymbolicSpelling, code: number): string | undefined {
  if (code === spelling.code) return spelling.symbol;
  const phrase = describeStatus(code).httpPhrase;
  return phrase ? replaceSymbolCode(spelling.symbol, spelling.code, code, phrase) : undefined;
}

export interface StatusCompletion {
  readonly code: number;
  readonly info: StatusInfo;
  /** What is inserted: `429`, or the file's spelling (`http.StatusTooManyRequests`). */
  readonly insertText: string;
  /** The name shown beside it (HTTP's reason phrase, as inlay hints show it: 201 "Created"). */
  readonly name: string;
  /** The LTS table's description; empty for a code it does not list. */
  readonly description: string;
  /** Sorts listed codes first, in ascending order, then the allowed ones. */
  readonly sortText: string;
}

/** The completion items: the listed codes, then the codes the user allows beyond the table. */
export function statusCompletions(options: { spelling?: SymbolicSpelling; allowedCodes?: ReadonlySet<number> } = {}): StatusCompletion[] {
  const allowed = [...(options.allowedCodes ?? [])].filter((code) => !isListed(code)).sort((a, b) => a - b);
  return [...LISTED_CODES, ...allowed].map((code) => {
    const info = describeStatus(code);
    const spelled = options.spelling ? spellCode(options.spelling, code) : undefined;
    return {
      code,
      info,
      insertText: spelled ?? String(code),
      name: hintName(info) ?? '',
      description: info.row?.description ?? '',
      sortText: `${info.listed ? 0 : 1}-${code}`,
    };
  });
}
