import { FlowSyntax, LanguageSpec, ValueSyntax } from '../spec';
import flowCommon from './flow-common.scm';
import flowQuery from './flow.scm';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

/** The flow query shared by JavaScript, TypeScript and TSX; each adds its own file (see flow-common.scm). */
export const JS_FLOW_COMMON = flowCommon;

export const JS_VALUES: ValueSyntax = {
  number: ['number'],
  string: ['string'],
  transparent: ['parenthesized_expression'],
  conditional: [{ type: 'ternary_expression', arms: ['consequence', 'alternative'] }],
  identifier: ['identifier'],
};

export const JS_FLOW: FlowSyntax = {
  // `Object.freeze({ … })` is the object itself; lodash's `_.defaultTo(err.status, 422)` is the value or its fallback.
  through: ['freeze', 'defaultTo'],
  tables: { maps: [{ type: 'object', entry: 'pair', value: 'value' }], reads: [{ type: 'subscript_expression', table: 'object' }] },
  member: [{ type: 'member_expression', object: 'object', property: 'property' }],
  call: [{ type: 'call_expression', function: 'function', arguments: 'arguments' }],
  fallback: [{ type: 'binary_expression', operators: ['||', '??'], arms: ['left', 'right'] }],
  self: ['this'],
  constructors: ['constructor'],
  defaults: ['right', 'value'],
};

export const javascript: LanguageSpec = {
  id: 'javascript',
  name: 'JavaScript',
  languageIds: ['javascript', 'javascriptreact'],
  extensions: ['.js', '.jsx', '.mjs', '.cjs'],
  grammar: 'javascript',
  lineComment: '//',
  statusQuery,
  handlerQuery,
  flowQuery: [flowCommon, flowQuery],
  values: JS_VALUES,
  flow: JS_FLOW,
  flowFamily: 'javascript',
  // A file is parsed only if it has a status-like number and one of these words (or matches `hint`).
  trigger: /status|code|response|exception|httperror|json|text|body|html|redirect|expect|assert|tobe|toequal|addEventListener|onfetch/i,
  symbols: [
    // NestJS HttpStatus, http-status-codes StatusCodes, axios HttpStatusCode: HttpStatus.CONFLICT
    { pattern: /^(?:HttpStatus|StatusCodes|HttpStatusCode)\.(?<name>[A-Za-z_]+)$/ },
    // The http-status package (`httpStatus.NOT_FOUND`), an application's own `HTTP_STATUS.CONFLICT`: an UPPER_CASE
    // member of an object whose name says it holds statuses, when the member names one
    { pattern: /^(?:[\w$]+\.)?[\w$]*(?:[Ss]tatus|STATUS)(?:[\w$]*)\.(?<name>[A-Z][A-Z0-9_]*[A-Z])$/ },
    // NestJS built-in exceptions: ConflictException, ImATeapotException
    { pattern: /^(?<name>[A-Z][A-Za-z]+)Exception$/ },
  ],
  hint: /HttpStatus|httpStatus|StatusCodes|Exception\b/,
  flowTrigger: /status|code/i,
  // A service worker's helpers, called only from its fetch listener, answer no request either.
  clientHelpers: { exported: /^(?:export\b|exports\.|module\.exports\b)/ },
};
