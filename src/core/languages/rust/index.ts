// Rust: axum and everything built on the http crate's StatusCode (hyper, reqwest, warp), and actix-web.
import { LanguageSpec } from '../spec';
import flowQuery from './flow.scm';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const rust: LanguageSpec = {
  id: 'rust',
  name: 'Rust',
  languageIds: ['rust'],
  extensions: ['.rs'],
  grammar: 'rust',
  lineComment: '//',
  statusQuery,
  handlerQuery,
  flowQuery,
  values: {
    number: ['integer_literal'],
    // Statuses are u16 or StatusCode in every Rust API; a string holding digits is never one.
    string: [],
    // (409), 409 as u16, and the arms of `if` (a block `{ 201 }`, an `else` clause) down to their value
    transparent: ['parenthesized_expression', 'type_cast_expression', 'block', 'else_clause'],
    conditional: [{ type: 'if_expression', arms: ['consequence', 'alternative'] }],
    identifier: ['identifier'],
  },
  flow: {
    member: [
      { type: 'field_expression', object: 'value', property: 'field' },
      // AppError::new(…), errors::conflict(…), Codes::CONFLICT: a type or a module, never a value
      { type: 'scoped_identifier', object: 'path', property: 'name', path: true },
    ],
    call: [{ type: 'call_expression', function: 'function', arguments: 'arguments' }],
    self: ['self'],
    selfType: ['Self'],
    // `&self` and `&mut self` (whose first token is `mut`) are not counted in positions
    receivers: ['self', 'mut'],
    constructors: ['new'],
    // StatusCode::from_u16(409).unwrap(), code.unwrap_or(500), status.into(), u16::from(code)
    through: ['from_u16', 'unwrap', 'expect', 'unwrap_or', 'into', 'from', 'try_from', 'try_into', 'as_u16'],
  },
  // A file is parsed only if it has a status-like number and one of these words (or matches `hint`).
  trigger: /status|response|error|code|http|assert|ok|err/i,
  symbols: [
    // http / axum / reqwest / actix-web: StatusCode::CONFLICT, http::StatusCode::IM_A_TEAPOT
    { pattern: /^(?:[a-z_]+::)*StatusCode::(?<name>[A-Z][A-Z0-9_]*)$/ },
    // actix-web: HttpResponse::Conflict(), HttpResponse::ImATeapot()
    { pattern: /^(?:[a-z_]+::)*HttpResponse::(?<name>[A-Z][A-Za-z]+)$/ },
    // actix-web error helpers: ErrorConflict(e), error::ErrorTooManyRequests(e)
    { pattern: /^(?:(?:actix_web::)?error::)?Error(?<name>[A-Z][A-Za-z]+)$/ },
    // Rocket: Status::Conflict, rocket::http::Status::NotFound; responders status::Conflict(x), status::Created::new(url)
    { pattern: /^(?:rocket::http::)?Status::(?<name>[A-Z][A-Za-z]+)$/ },
    { pattern: /^(?:rocket::)?(?:response::)?status::(?<name>[A-Z][A-Za-z]+)$/ },
    // StatusCode::CONFLICT inside a macro's token tree, where only the name after `StatusCode ::` is one node
    { pattern: /^(?<name>[A-Z][A-Z_]*[A-Z])$/ },
  ],
  // Files without a status-like number that may still store, forward or send one for other files
  flowTrigger: /status|redirect|into_response/i,
  hint: /StatusCode::[A-Z]|HttpResponse::[A-Z]|\bError[A-Z][a-z]|\bStatus::[A-Z]|\bstatus::[A-Z]|\bRedirect::|\bredirect\b/,
};
