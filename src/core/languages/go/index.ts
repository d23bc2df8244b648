// Go: net/http, Gin, Echo, Fiber, chi (render), AWS Lambda events. Go has no conditional expression, so there are
// no conditional arms to follow.
import { LanguageSpec } from '../spec';
import flowQuery from './flow.scm';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const go: LanguageSpec = {
  id: 'go',
  name: 'Go',
  languageIds: ['go'],
  extensions: ['.go'],
  grammar: 'go',
  lineComment: '//',
  statusQuery,
  handlerQuery,
  flowQuery,
  values: {
    number: ['int_literal'],
    // Statuses are ints in every Go API; a string holding digits is never one.
    string: [],
    // (409); literal_element wraps the values of composite literals: Response{StatusCode: 409}
    transparent: ['parenthesized_expression', 'literal_element'],
    conditional: [],
    identifier: ['identifier'],
  },
  flow: {
    tables: {
      maps: [{ type: 'composite_literal', kind: { field: 'type', type: 'map_type' }, entry: 'keyed_element', value: 'value' }],
      reads: [{ type: 'index_expression', table: 'operand' }],
    },
    member: [{ type: 'selector_expression', object: 'operand', property: 'field' }],
    call: [{ type: 'call_expression', function: 'function', arguments: 'arguments' }],
    // Go has no `self`: a method's receiver is a named parameter (`func (e *AppError) Status() int { return e.Code }`)
    self: [],
    constructors: [],
    methods: ['method_declaration'],
    receiver: [{ type: 'method_declaration', field: 'receiver' }],
    // Conversions pass the value on: int(code), uint16(status)
    through: ['int', 'int32', 'int64', 'uint', 'uint16', 'uint32'],
  },
  // A file is parsed only if it has a status-like number and one of these words (or matches `hint`).
  trigger: /status|header|json|string|error|redirect|code|data|blob|abort|equal|render|err/i,
  symbols: [
    // net/http and Fiber constants: http.StatusConflict, fiber.StatusTeapot
    { pattern: /^(?:http|fiber)\.Status(?<name>[A-Z][A-Za-z]+)$/ },
    // Echo and Fiber predefined errors: echo.ErrNotFound, echo.ErrStatusRequestEntityTooLarge, fiber.ErrConflict
    { pattern: /^(?:echo|fiber)\.Err(?:Status)?(?<name>[A-Z][A-Za-z]+)$/ },
    // http.NotFound(w, r)
    { pattern: /^http\.(?<name>NotFound)$/ },
  ],
  // Files without a status-like number that may still store, forward or send one for other files
  // (`code` as a word or a name's end — errCode, StatusCode — never encode/decode)
  flowTrigger: /[Ss]tatus|(?<![a-z])code\b|Code\b|[Rr]edirect|Abort|WriteHeader/,
  hint: /\b(?:http|fiber)\.Status[A-Z]|\b(?:echo|fiber)\.Err[A-Z]|\bhttp\.NotFound\b/,
};
