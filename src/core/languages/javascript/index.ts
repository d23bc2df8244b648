import { LanguageSpec, ValueSyntax } from '../spec';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const JS_VALUES: ValueSyntax = {
  number: ['number'],
  string: ['string'],
  transparent: ['parenthesized_expression'],
  conditional: [{ type: 'ternary_expression', arms: ['consequence', 'alternative'] }],
  identifier: ['identifier'],
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
  values: JS_VALUES,
  // A file is parsed only if it has a status-like number and one of these words (or matches `hint`).
  trigger: /status|code|response|exception|json|text|body|html|redirect|expect|assert|tobe|toequal/i,
  symbols: [
    // NestJS HttpStatus, http-status-codes StatusCodes, axios HttpStatusCode: HttpStatus.CONFLICT
    { pattern: /^(?:HttpStatus|StatusCodes|HttpStatusCode)\.(?<name>[A-Za-z_]+)$/ },
    // NestJS built-in exceptions: ConflictException, ImATeapotException
    { pattern: /^(?<name>[A-Z][A-Za-z]+)Exception$/ },
  ],
  hint: /HttpStatus|StatusCodes|Exception\b/,
};
