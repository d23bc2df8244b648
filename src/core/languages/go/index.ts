// Go: net/http, Gin, Echo, Fiber, chi (render), AWS Lambda events. Go has no conditional expression, so there are
// no conditional arms to follow.
import { LanguageSpec } from '../spec';
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
  values: {
    number: ['int_literal'],
    // Statuses are ints in every Go API; a string holding digits is never one.
    string: [],
    // (409); literal_element wraps the values of composite literals: Response{StatusCode: 409}
    transparent: ['parenthesized_expression', 'literal_element'],
    conditional: [],
    identifier: ['identifier'],
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
  hint: /\b(?:http|fiber)\.Status[A-Z]|\b(?:echo|fiber)\.Err[A-Z]|\bhttp\.NotFound\b/,
};
