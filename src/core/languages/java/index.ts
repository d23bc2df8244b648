import { LanguageSpec } from '../spec';
import flowQuery from './flow.scm';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

/**
 * Static builders whose method name is the status (`ResponseEntity.notFound()`, JAX-RS `Response.noContent()`,
 * Micronaut `HttpResponse.serverError()`). status.scm lists the same names in its `#any-of?`.
 */
const BUILDER_NAMES = [
  'ok', 'created', 'accepted', 'noContent', 'notModified', 'seeOther', 'temporaryRedirect', 'permanentRedirect',
  'badRequest', 'unauthorized', 'notFound', 'notAllowed', 'notAcceptable', 'unprocessableEntity',
  'internalServerError', 'serverError',
];

/** JAX-RS exceptions named after their status (`NotAuthorizedException` is 401, `NotAllowedException` 405). */
const JAXRS_EXCEPTIONS = [
  'BadRequest', 'NotAuthorized', 'Forbidden', 'NotFound', 'NotAllowed', 'NotAcceptable', 'NotSupported',
  'InternalServerError', 'ServiceUnavailable',
];

/** Javalin's thrown responses (`throw new ConflictResponse()`). */
const JAVALIN_RESPONSES = [
  'BadRequest', 'Unauthorized', 'Forbidden', 'NotFound', 'MethodNotAllowed', 'Conflict', 'Gone',
  'InternalServerError', 'BadGateway', 'ServiceUnavailable', 'GatewayTimeout',
];

/** An optional lower-case package prefix: `org.springframework.http.` */
const PKG = String.raw`(?:[a-z]\w*\.)*`;

export const java: LanguageSpec = {
  id: 'java',
  name: 'Java',
  languageIds: ['java'],
  extensions: ['.java'],
  grammar: 'java',
  lineComment: '//',
  statusQuery,
  handlerQuery,
  flowQuery,
  flow: {
    member: [{ type: 'field_access', object: 'object', property: 'field' }],
    call: [{ type: 'method_invocation', function: 'name', object: 'object' }],
    self: ['this'],
    constructors: [],
    // int status = switch (kind) { case CONFLICT -> 409; default -> 500; }
    choice: [{ type: 'switch_expression', container: 'body', arm: ['switch_rule'], value: -1 }],
    implicitFields: true,
    private: 'private',
    staticModifier: 'static',
    // Lombok getters (getStatus()) and record accessors (status())
    accessors: ['get', ''],
  },
  // Files that define an exception class matter to others even without a status word (its base, its constructor).
  flowTrigger: /status|code|extends\s+[\w.]*(?:Exception|Error)\b/i,
  values: {
    number: ['decimal_integer_literal'],
    // No Java framework takes a status as a string; "409" in a string is text.
    string: [],
    // a switch rule's value `case X -> 409;` is an expression statement
    transparent: ['parenthesized_expression', 'expression_statement'],
    conditional: [{ type: 'ternary_expression', arms: ['consequence', 'alternative'] }],
    identifier: ['identifier'],
  },
  // A file is parsed only if it has a status-like number and one of these words (or matches `hint`).
  trigger: /status|response|exception|http|redirect|equal|assert|is[A-Z]|error|halt|ok|created|accepted|content|found|request/i,
  symbols: [
    // Spring: HttpStatus.valueOf(409), HttpStatusCode.valueOf(409); JAX-RS: Response.Status.fromStatusCode(409)
    { pattern: new RegExp(String.raw`^${PKG}(?:HttpStatus|HttpStatusCode)\.valueOf\(\s*(?<code>\d{3})\s*\)$`) },
    { pattern: new RegExp(String.raw`^${PKG}(?:Response\.)?Status\.fromStatusCode\(\s*(?<code>\d{3})\s*\)$`) },
    // Spring, Micronaut, Javalin HttpStatus.CONFLICT; JAX-RS Response.Status.CONFLICT / Status.CONFLICT;
    // also HttpStatus.CONFLICT.value(), Response.Status.CONFLICT.getStatusCode(), HttpStatus.CONFLICT.getCode()
    {
      pattern: new RegExp(
        String.raw`^${PKG}(?:HttpStatus|Response\.Status|Status)\.(?<name>[A-Z][A-Z0-9_]*)(?:\.(?:value|getStatusCode|getCode|code)\(\))?$`,
      ),
    },
    // Servlet: HttpServletResponse.SC_CONFLICT
    { pattern: new RegExp(String.raw`^${PKG}HttpServletResponse\.SC_(?<name>[A-Z][A-Z0-9_]*)$`) },
    // ResponseEntity.notFound(), Response.noContent(): the builder's method name (captured alone)
    { pattern: new RegExp(`^(?<name>${BUILDER_NAMES.join('|')})$`) },
    // JAX-RS exceptions: new NotFoundException(), NotAuthorizedException::new
    { pattern: new RegExp(String.raw`^${PKG}(?<name>${JAXRS_EXCEPTIONS.join('|')})Exception$`) },
    // Javalin: throw new ConflictResponse()
    { pattern: new RegExp(String.raw`^${PKG}(?<name>${JAVALIN_RESPONSES.join('|')})Response$`) },
    // MockMvc / WebTestClient matchers: status().isConflict(), expectStatus().isNotFound()
    { pattern: /^is(?<name>[A-Z][A-Za-z]*)$/ },
  ],
  names: {
    // JAX-RS exception and Micronaut builder names
    NotAuthorized: 401, NotAllowed: 405, NotSupported: 415, serverError: 500,
    // Spring HttpStatus constants beyond the IANA names
    INSUFFICIENT_SPACE_ON_RESOURCE: 419, METHOD_FAILURE: 420, DESTINATION_LOCKED: 421, BANDWIDTH_LIMIT_EXCEEDED: 509,
  },
  hint: /["']redirect:|sendRedirect\(|RedirectView\(|\.redirect\(|HttpStatus|SC_[A-Z]|Status\.[A-Z]|ResponseEntity|ServerResponse|HttpResponse|Response\.|Exception\b|Response\(\)|expectStatus|status\(\)\.is/,
};
