import { LanguageSpec } from '../spec';
import flowQuery from './flow.scm';
import handlerQuery from './handlers.scm';
import statusQuery from './status.scm';

/** PHP's own exceptions, whose constructor takes ($message, $code) and whose getCode() returns the code. */
const SPL_EXCEPTIONS = [
  'Exception', 'ErrorException', 'RuntimeException', 'LogicException', 'InvalidArgumentException', 'DomainException',
  'UnexpectedValueException', 'OutOfBoundsException', 'OutOfRangeException', 'LengthException', 'RangeException',
  'OverflowException', 'UnderflowException', 'BadMethodCallException', 'BadFunctionCallException',
];

export const php: LanguageSpec = {
  id: 'php',
  name: 'PHP',
  languageIds: ['php'],
  extensions: ['.php'],
  grammar: 'php',
  lineComment: '//',
  statusQuery,
  handlerQuery,
  flowQuery,
  flow: {
    member: [
      { type: 'member_access_expression', object: 'object', property: 'name' },
      { type: 'nullsafe_member_access_expression', object: 'object', property: 'name' },
      // Codes::CONFLICT, self::CONFLICT
      { type: 'class_constant_access_expression', object: 0, property: 1 },
    ],
    call: [
      { type: 'function_call_expression', function: 'function' },
      { type: 'member_call_expression', function: 'name', object: 'object' },
      { type: 'nullsafe_member_call_expression', function: 'name', object: 'object' },
      { type: 'scoped_call_expression', function: 'name', object: 'scope' },
    ],
    fallback: [{ type: 'binary_expression', operators: ['??'], arms: ['left', 'right'] }],
    choice: [{ type: 'match_expression', container: 'body', arm: ['match_conditional_expression', 'match_default_expression'], value: 'return_expression' }],
    // $this->fail('x', status: 409)
    keyword: [{ type: 'argument', name: 'name', value: -1 }],
    self: ['$this', 'self', 'static'],
    constructors: ['__construct'],
    sigil: '$',
    private: 'private',
    staticModifier: 'static',
    defaults: ['default_value'],
    inheritConstructors: true,
    // new \Exception($message, $code) keeps the code; getCode() returns it (also a subclass's $this->code)
    builtins: [
      ...SPL_EXCEPTIONS.flatMap((name): Array<[string, string]> => [[`P:${name}#1`, 'F:code'], [`P:${name}:code`, 'F:code']]),
      ['F:code', 'R:getCode'],
    ],
  },
  // Files that define an exception class matter to others even without a status word (its base, its constructor).
  flowTrigger: /status|code|extends\s+\\?[\w\\]*(?:Exception|Error)\b/i,
  values: {
    number: ['integer'],
    string: ['string', 'encapsed_string'],
    // `argument` wraps each call argument (helper calls are followed through it)
    transparent: ['parenthesized_expression', 'argument'],
    conditional: [{ type: 'conditional_expression', arms: ['body', 'alternative'] }],
    // `name`: a constant (CONFLICT, or the CONFLICT of self::CONFLICT); `variable_name`: a helper's `$code` parameter
    identifier: ['name', 'variable_name'],
  },
  // A file is parsed only if it has a status-like number and one of these words (or matches `hint`).
  trigger: /status|response|abort|exception|http|header|redirect|json|assert|code/i,
  symbols: [
    // Symfony and Laravel: Response::HTTP_CONFLICT, JsonResponse::HTTP_NOT_FOUND, \Symfony\…\Response::HTTP_GONE
    { pattern: /^(?:\\?(?:\w+\\)*)\w*Response::HTTP_(?<name>[A-Z_]+)$/ },
    // PSR (fig/http-message-util, Slim): StatusCodeInterface::STATUS_CONFLICT; Codeception: HttpCode::CONFLICT
    { pattern: /^(?:\\?(?:\w+\\)*)StatusCodeInterface::STATUS_(?<name>[A-Z_]+)$/ },
    { pattern: /^(?:\\?(?:\w+\\)*)HttpCode::(?<name>[A-Z_]+)$/ },
    // Symfony HttpKernel exceptions: ConflictHttpException, \Symfony\…\AccessDeniedHttpException
    { pattern: /^(?:\\?(?:\w+\\)*)(?<name>[A-Z][A-Za-z]+)HttpException$/ },
    // Symfony AbstractController: createNotFoundException(), createAccessDeniedException()
    { pattern: /^create(?<name>NotFound|AccessDenied)Exception$/ },
    // Laravel: response()->noContent()
    { pattern: /^(?<name>noContent)$/ },
    // Laravel tests: $response->assertConflict()
    { pattern: /^assert(?<name>[A-Z][A-Za-z]+)$/ },
    // header('HTTP/1.1 409 Conflict'), header('Status: 409 Conflict')
    { pattern: /^(?:HTTP\/[\d.]+|Status:) *(?<code>[1-5]\d\d)(?: .*)?$/ },
  ],
  names: {
    AccessDenied: 403, // AccessDeniedHttpException, createAccessDeniedException()
    Unprocessable: 422, // Laravel assertUnprocessable()
    PermanentlyRedirect: 308, // Symfony Response::HTTP_PERMANENTLY_REDIRECT
    ReservedForWebdavAdvancedCollectionsExpiredProposal: 425, // Symfony's old name for 425
  },
  hint: /\bredirect\(|::permanentRedirect\(|\bback\(\)|\bto_route\(|Redirect::|RedirectResponse\(|->redirect(?:To(?:Route|Action|Intended)?|Guest)?\(|Response::HTTP_[A-Z]|StatusCodeInterface::STATUS_|HttpCode::[A-Z]|[A-Za-z]HttpException\b|->noContent\(\)|->create(?:NotFound|AccessDenied)Exception\(|->assert(?:Ok|Created|Accepted|NoContent|MovedPermanently|Found|NotModified|TemporaryRedirect|PermanentRedirect|BadRequest|Unauthorized|PaymentRequired|Forbidden|NotFound|MethodNotAllowed|NotAcceptable|RequestTimeout|Conflict|Gone|UnsupportedMediaType|Unprocessable|TooManyRequests|InternalServerError|ServiceUnavailable)\(/,
};
