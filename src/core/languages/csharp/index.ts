import { LanguageSpec } from '../spec';
import flowQuery from './flow.scm';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

/**
 * ASP.NET Core helpers named after their status: ControllerBase `Conflict()`, minimal-API `Results.Conflict()` /
 * `TypedResults.Conflict()`. status.scm lists the same names in its `#any-of?` (only these names resolve, so a
 * user method with another name never does).
 */
const HELPERS = [
  'Ok', 'Created', 'Accepted', 'NoContent', 'BadRequest', 'Unauthorized', 'Forbid', 'NotFound', 'Conflict',
  'UnprocessableEntity', 'InternalServerError',
];

export const csharp: LanguageSpec = {
  id: 'csharp',
  name: 'C#',
  languageIds: ['csharp'],
  extensions: ['.cs'],
  grammar: 'c-sharp',
  lineComment: '//',
  statusQuery,
  handlerQuery,
  flowQuery,
  flow: {
    member: [{ type: 'member_access_expression', object: 'expression', property: 'name' }],
    call: [{ type: 'invocation_expression', function: 'function' }],
    fallback: [{ type: 'binary_expression', operators: ['??'], arms: ['left', 'right'] }],
    choice: [{ type: 'switch_expression', arm: ['switch_expression_arm'], value: -1 }],
    // Problem(statusCode: 409), Error(message, status: 409)
    keyword: [{ type: 'argument', name: 'name', value: -1 }],
    self: ['this', 'base'],
    constructors: [],
    implicitFields: true,
    private: 'private',
    staticModifier: 'static',
    // A parameter's default value is its last named child: `int status = 400`
    defaults: [-1],
  },
  // Files that define an exception class matter to others even without a status word (its base, its constructor).
  flowTrigger: /status|code|:\s*[\w.]*(?:Exception|Error)\b/i,
  values: {
    number: ['integer_literal'],
    // No ASP.NET API takes a status as a string; "409" in a string is text.
    string: [],
    // Arguments are wrapped: StatusCode(409) is (argument (integer_literal)). Casts are not transparent (their first
    // child is the type); status.scm captures the value inside `(int)HttpStatusCode.Conflict` instead.
    transparent: ['parenthesized_expression', 'argument'],
    conditional: [{ type: 'conditional_expression', arms: ['consequence', 'alternative'] }],
    identifier: ['identifier'],
  },
  // Minimal APIs: app.MapPost("/streams", …) is named "POST /streams".
  routeVerb: /^Map(?<verb>[A-Z][a-z]+)$/,
  // A file is parsed only if it has a status-like number and one of these words (or matches `hint`).
  trigger: /status|result|response|problem|redirect|ok|created|accepted|content|request|found|conflict|forbid|unauthorized|unprocessable|equal|assert|should|produces|exception/i,
  symbols: [
    // System.Net: HttpStatusCode.Conflict (with the .NET synonyms Ambiguous, Moved, Redirect, RedirectMethod, …)
    { pattern: /^(?:System\.Net\.)?HttpStatusCode\.(?<name>[A-Za-z]+)$/ },
    // ASP.NET Core: StatusCodes.Status409Conflict
    { pattern: /^(?:Microsoft\.AspNetCore\.Http\.)?StatusCodes\.Status(?<code>\d{3})[A-Za-z]*$/ },
    // Conflict(), Results.Conflict(): the helper's name (captured alone); CreatedAtAction, AcceptedAtRoute
    { pattern: new RegExp(`^(?<name>${HELPERS.join('|')})$`) },
    { pattern: /^(?<name>Created|Accepted)At(?:Action|Route)$/ },
    // new ConflictObjectResult(error), new NotFoundResult(), Assert.IsType<ConflictObjectResult>(result)
    { pattern: new RegExp(`^(?<name>${HELPERS.join('|')})(?:Object)?Result$`) },
  ],
  names: { Forbid: 403, Unused: 306 },
  hint: /HttpStatusCode|StatusCodes|\bRedirect\w*\(|StatusCode\b|Results\.|\b(?:Ok|Created|Accepted|NoContent|BadRequest|Unauthorized|Forbid|NotFound|Conflict|UnprocessableEntity)(?:Object)?(?:Result)?\s*[(<]/,
};
