import { LanguageSpec } from '../spec';
import flowQuery from './flow.scm';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

export const python: LanguageSpec = {
  id: 'python',
  name: 'Python',
  languageIds: ['python'],
  extensions: ['.py', '.pyi'],
  grammar: 'python',
  lineComment: '#',
  statusQuery,
  handlerQuery,
  flowQuery,
  values: {
    number: ['integer'],
    string: ['string'],
    transparent: ['parenthesized_expression'],
    // `409 if taken else 201`: the grammar gives the arms no fields; they are named children 0 and 2.
    conditional: [{ type: 'conditional_expression', arms: [0, 2] }],
    identifier: ['identifier'],
  },
  flow: {
    tables: { maps: [{ type: 'dictionary', entry: 'pair', value: 'value' }], reads: [{ type: 'subscript', table: 'value' }] },
    member: [{ type: 'attribute', object: 'object', property: 'attribute' }],
    call: [{ type: 'call', function: 'function' }],
    fallback: [{ type: 'boolean_operator', operators: ['or'], arms: ['left', 'right'] }],
    keyword: [{ type: 'keyword_argument', name: 'name', value: 'value' }],
    self: ['self', 'cls'],
    receivers: ['self', 'cls'],
    // outcome = Outcome(…); return jsonify(outcome.body), outcome.status_code
    typedLocals: true,
    getters: true,
    constructors: ['__init__'],
    // def respond(data, status=200), def respond(data, status: int = 200)
    defaults: ['value'],
  },
  // A file is parsed only if it has a status-like number and one of these words (or matches `hint`).
  trigger: /status|abort|response|return .*, *[1-5][0-9][0-9]|exception|http|raise|error|redirect|assert/i,
  symbols: [
    // Starlette/FastAPI and DRF: status.HTTP_409_CONFLICT, fastapi.status.HTTP_404_NOT_FOUND, HTTP_201_CREATED
    { pattern: /^(?:(?:\w+\.)*status\.)?HTTP_(?<code>[1-5]\d\d)_[A-Z0-9_]+$/ },
    // Standard library http: HTTPStatus.CONFLICT, http.HTTPStatus.NOT_FOUND, HTTPStatus.CONFLICT.value
    { pattern: /^(?:http\.)?HTTPStatus\.(?<name>[A-Z][A-Z0-9_]*)(?:\.value)?$/ },
    // aiohttp, Pyramid, WebOb, Falcon: web.HTTPConflict, HTTPNotFound, exc.HTTPForbidden, httpexceptions.HTTPGone,
    // falcon.HTTPUnsupportedMediaType
    { pattern: /^(?:(?:aiohttp\.)?web\.|(?:webob\.)?exc\.|(?:pyramid\.)?httpexceptions\.|falcon\.(?:errors\.)?)?HTTP(?<name>[A-Z][A-Za-z]+)$/ },
    // Falcon's status strings: resp.status = falcon.HTTP_409, falcon.HTTP_CONFLICT, falcon.status_codes.HTTP_GONE
    { pattern: /^falcon\.(?:status_codes\.)?HTTP_(?<code>[1-5]\d\d)$/ },
    { pattern: /^falcon\.(?:status_codes\.)?HTTP_(?<name>[A-Z][A-Z_]*[A-Z])$/ },
    // Django: HttpResponseNotFound, django.http.HttpResponseGone (the class names are in `names`), Http404
    { pattern: /^(?:django\.http\.)?(?<name>HttpResponse[A-Z][A-Za-z]*)$/ },
    { pattern: /^(?:django\.http\.)?Http(?<code>404)$/ },
    // DRF and Werkzeug exceptions, qualified: exceptions.PermissionDenied, werkzeug.exceptions.Conflict
    { pattern: /^(?:\w+\.)*exceptions\.(?<name>[A-Z][A-Za-z]+)$/ },
  ],
  names: {
    // Django response classes (whole names: HttpResponsePermanentRedirect is 301, not 308 Permanent Redirect).
    HttpResponseBadRequest: 400, HttpResponseForbidden: 403, HttpResponseNotFound: 404, HttpResponseNotAllowed: 405,
    HttpResponseGone: 410, HttpResponseServerError: 500, HttpResponseNotModified: 304, HttpResponseRedirect: 302,
    HttpResponsePermanentRedirect: 301,
    // aiohttp: HTTPRequestRangeNotSatisfiable.
    RequestRangeNotSatisfiable: 416,
    // DRF exceptions.
    PermissionDenied: 403, NotAuthenticated: 401, AuthenticationFailed: 401, Throttled: 429, ParseError: 400,
  },
  // With status flow, a file that stores, forwards or sends a status for other files is parsed without a number.
  flowTrigger: /status|code/i,
  // … and imports that name statuses (see flow.scm): `from rest_framework.exceptions import NotFound` then `raise NotFound()`.
  hint: /HTTPStatus|\bHTTP[A-Z][a-z]|\bfalcon\.HTTP_[A-Z]|HttpResponse[A-Z]|exceptions\.[A-Z]|\bredirect\(|RedirectResponse\(|\bfrom\s+(?:rest_framework|werkzeug|aiohttp|pyramid|webob)(?:\.\w+)?\s+import\b/,
};
