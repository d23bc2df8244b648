; PHP: where an HTTP status code stands. Vocabulary and rules: ../README.md.
; Captures (vocabulary in src/core/languages/captures.ts):
;   @status.send     the value a request handler returns, sends or sets (checked against the table)
;   @status.mention  a status code in any other status context (explained, never flagged)
;   @constant.name / @constant.value   `const NAME = <number>` definitions that status values may refer to
;   @call.name / @call.arguments       calls of helpers that may send one of their parameters
; Captures starting with "_" only serve predicates.
;
; A value is written `(argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .)`:
; the argument's (last) expression, and for `self::CONFLICT` / `static::CONFLICT` also the bare constant name, so
; that class constants resolve (`private const CONFLICT = 409;`). The last named child skips a named argument's
; name (`status: 409`).

; ---- Plain PHP: send -------------------------------------------------------------------------------------------

; http_response_code(409)
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#eq? @_fn "http_response_code"))

; header('Location: /x', true, 301): the third argument is the response code
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument) . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#eq? @_fn "header"))

; header('HTTP/1.1 409 Conflict'), header('Status: 409 Conflict'): a status line (the code is read by a symbol rule)
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument [(string (string_content) @status.send) (encapsed_string . (string_content) @status.send .)]))
  (#eq? @_fn "header")
  (#match? @status.send "^(HTTP/[0-9.]+|Status:) *[1-5][0-9][0-9]( |$)"))

; ---- Laravel: send ---------------------------------------------------------------------------------------------

; abort(409), abort(Response::HTTP_CONFLICT)
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#eq? @_fn "abort"))

; abort_if($exists, 409), abort_unless($ok, 403), response($body, 409), redirect('/home', 301)
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#any-of? @_fn "abort_if" "abort_unless" "response" "redirect"))

; response()->json($data, 409), response()->make($body, 409), redirect()->to($url, 301), redirect()->intended('/', 303),
; response()->stream($callback, 206), response()->redirectTo($url, 301), response()->redirectGuest('/login', 303)
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @_method
  arguments: (arguments . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#any-of? @_helper "response" "redirect")
  (#any-of? @_method "json" "make" "to" "away" "guest" "intended" "stream" "streamJson" "redirectTo" "redirectGuest" "redirectToIntended"))
; redirect()->route('home', [], 301), response()->redirectToRoute('home', [], 301), response()->jsonp($callback, $data, 409)
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @_method
  arguments: (arguments . (argument) . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#any-of? @_helper "response" "redirect")
  (#any-of? @_method "route" "action" "redirectToRoute" "redirectToAction" "jsonp"))

; response()->view('errors.conflict', $data, 409)
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @_method
  arguments: (arguments . (argument) . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#eq? @_helper "response")
  (#eq? @_method "view"))

; response()->noContent() is a 204 (the method name is read by a symbol rule); response()->noContent(205)
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @status.send
  arguments: (arguments) @_arguments
  (#eq? @_helper "response")
  (#eq? @_arguments "()")
  (#eq? @status.send "noContent"))
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @_method
  arguments: (arguments . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#eq? @_helper "response")
  (#eq? @_method "noContent"))

; Response facade: Response::json($data, 409), Response::make($body, 409)
(scoped_call_expression
  scope: (name) @_class
  name: (name) @_method
  arguments: (arguments . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#eq? @_class "Response")
  (#any-of? @_method "json" "make"))

; ---- Symfony, Laravel, PSR-7: send -----------------------------------------------------------------------------

; $response->setStatusCode(409), response()->json($x)->setStatusCode(409); PSR-7 (Slim): $response->withStatus(409)
(member_call_expression
  name: (name) @_method
  arguments: (arguments . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#any-of? @_method "setStatusCode" "withStatus"))

; new Response($body, 409), new JsonResponse($data, Response::HTTP_CONFLICT), new RedirectResponse($url, 301)
(object_creation_expression
  [(name) (qualified_name)] @_class
  (arguments . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#match? @_class "(^|\\\\)(Response|JsonResponse|RedirectResponse|StreamedResponse|StreamedJsonResponse|BinaryFileResponse|HtmlResponse|TextResponse|XmlResponse)$")
  (#set! evidence "new\\s+\\\\?(?:\\w+\\\\)*(?:Response|JsonResponse|RedirectResponse|StreamedResponse|StreamedJsonResponse|BinaryFileResponse|HtmlResponse|TextResponse|XmlResponse)\\s*\\("))

; PSR-7 responses take the status first: return new Response(409) (Nyholm, Laminas, Guzzle), fn () => new EmptyResponse(204).
; Only when returned: elsewhere (Guzzle's MockHandler queue in tests) it is a mention, below.
([(return_statement (object_creation_expression
    [(name) (qualified_name)] @_class
    (arguments . (argument [(integer) @status.send (name) @status.send (class_constant_access_expression) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))))
  (arrow_function body: (object_creation_expression
    [(name) (qualified_name)] @_class
    (arguments . (argument [(integer) @status.send (name) @status.send (class_constant_access_expression) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))))]
  (#match? @_class "(^|\\\\)(Response|EmptyResponse)$")
  (#set! evidence "new\\s+\\\\?(?:\\w+\\\\)*(?:Response|EmptyResponse)\\s*\\("))

; Symfony AbstractController: $this->json($data, 409), $this->redirect($url, 301), $this->redirectToRoute('home', [], 301)
(member_call_expression
  object: (variable_name (name) @_this)
  name: (name) @_method
  arguments: (arguments . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#eq? @_this "this")
  (#any-of? @_method "json" "redirect"))
(member_call_expression
  object: (variable_name (name) @_this)
  name: (name) @_method
  arguments: (arguments . (argument) . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#eq? @_this "this")
  (#eq? @_method "redirectToRoute"))

; Symfony: throw $this->createNotFoundException(), throw $this->createAccessDeniedException() (read by a symbol rule)
(member_call_expression
  object: (variable_name (name) @_this)
  name: (name) @status.send
  (#eq? @_this "this")
  (#any-of? @status.send "createNotFoundException" "createAccessDeniedException"))

; Symfony HttpKernel exceptions (Symfony, Laravel): throw new ConflictHttpException(), new AccessDeniedHttpException()
(object_creation_expression
  [(name) (qualified_name)] @status.send
  (#match? @status.send "[A-Z][A-Za-z]+HttpException$"))

; throw new HttpException(409, 'Stream exists')
(object_creation_expression
  [(name) (qualified_name)] @_class
  (arguments . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)] .))
  (#match? @_class "(^|\\\\)HttpException$"))

; An application exception that extends Symfony's HttpException and names its status in its constructor
; (rendered with that status by Symfony and Laravel): parent::__construct(409, 'Stream exists')
(class_declaration
  (base_clause [(name) (qualified_name)] @_base)
  body: (declaration_list (method_declaration
    name: (name) @_constructor
    body: (compound_statement (expression_statement (scoped_call_expression
      scope: (relative_scope) @_parent
      name: (name) @_method
      arguments: (arguments . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)])))))))
  (#match? @_base "(^|\\\\)HttpException$")
  (#eq? @_constructor "__construct")
  (#eq? @_parent "parent")
  (#eq? @_method "__construct"))

; Laravel: Redirect::to($url, 301), back(301), to_route('home', [], 301)
(scoped_call_expression
  scope: (name) @_class
  name: (name) @_method
  arguments: (arguments . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)]) .)
  (#eq? @_class "Redirect")
  (#any-of? @_method "to" "away"))
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)]) .)
  (#eq? @_fn "back"))
(function_call_expression
  function: (name) @_fn
  arguments: (arguments . (argument) . (argument) . (argument [(_) @status.send (class_constant_access_expression (relative_scope) (name) @status.send)]))
  (#eq? @_fn "to_route"))

; Laravel: Route::redirect('/here', '/there', 301)
(scoped_call_expression
  scope: (name) @_class
  name: (name) @_method
  arguments: (arguments . (argument) . (argument) . (argument (_) @status.send) .)
  (#eq? @_class "Route")
  (#eq? @_method "redirect"))

; ---- Implicit codes: answered although no number is written ----------------------------------------------------
; Laravel: redirect('/home'), back(), to_route('home'), redirect()->route('home'), redirect()->to($url),
; redirect()->back(), redirect()->intended(), Redirect::to($url), Redirect::route('home'): 302 Found
(function_call_expression
  function: (name) @status.implicit
  arguments: (arguments . (argument) .)
  (#eq? @status.implicit "redirect")
  (#set! implicit "302"))
(function_call_expression
  function: (name) @status.implicit
  arguments: [(arguments . (argument) .) (arguments . (argument) . (argument) .)]
  (#eq? @status.implicit "to_route")
  (#set! implicit "302"))
(function_call_expression
  function: (name) @status.implicit
  arguments: (arguments) @_arguments
  (#eq? @_arguments "()")
  (#eq? @status.implicit "back")
  (#set! implicit "302"))
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @status.implicit
  arguments: (arguments . (argument) .)
  (#eq? @_helper "redirect")
  (#any-of? @status.implicit "to" "away" "intended" "guest")
  (#set! implicit "302"))
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @status.implicit
  arguments: (arguments) @_arguments
  (#eq? @_arguments "()")
  (#eq? @_helper "redirect")
  (#any-of? @status.implicit "back" "refresh" "home" "intended")
  (#set! implicit "302"))
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @status.implicit
  arguments: [(arguments . (argument) .) (arguments . (argument) . (argument) .)]
  (#eq? @_helper "redirect")
  (#any-of? @status.implicit "route" "action" "signedRoute")
  (#set! implicit "302"))
; Laravel's response factory: response()->redirectTo($url), response()->redirectGuest('/login'),
; response()->redirectToRoute('home'), response()->redirectToAction([…]), response()->redirectToIntended(): 302 Found
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @status.implicit
  arguments: (arguments . (argument) .)
  (#eq? @_helper "response")
  (#any-of? @status.implicit "redirectTo" "redirectGuest" "redirectToIntended")
  (#set! implicit "302"))
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @status.implicit
  arguments: [(arguments . (argument) .) (arguments . (argument) . (argument) .)]
  (#eq? @_helper "response")
  (#any-of? @status.implicit "redirectToRoute" "redirectToAction")
  (#set! implicit "302"))
(member_call_expression
  object: (function_call_expression function: (name) @_helper)
  name: (name) @status.implicit
  arguments: (arguments) @_arguments
  (#eq? @_arguments "()")
  (#eq? @_helper "response")
  (#eq? @status.implicit "redirectToIntended")
  (#set! implicit "302"))
(scoped_call_expression
  scope: (name) @_class
  name: (name) @status.implicit
  arguments: (arguments . (argument) .)
  (#eq? @_class "Redirect")
  (#any-of? @status.implicit "to" "away" "intended")
  (#set! implicit "302"))
(scoped_call_expression
  scope: (name) @_class
  name: (name) @status.implicit
  arguments: [(arguments . (argument) .) (arguments . (argument) . (argument) .)]
  (#eq? @_class "Redirect")
  (#any-of? @status.implicit "route" "action")
  (#set! implicit "302"))
; Laravel routes that answer by themselves: Route::redirect('/here', '/there') 302 Found,
; Route::permanentRedirect('/here', '/there') 301 Moved Permanently (a third argument is the code, sent above)
(scoped_call_expression
  scope: (name) @_class
  name: (name) @status.implicit
  arguments: (arguments . (argument) . (argument) .)
  (#eq? @_class "Route")
  (#eq? @status.implicit "redirect")
  (#set! implicit "302"))
(scoped_call_expression
  scope: (name) @_class
  name: (name) @status.implicit
  arguments: (arguments . (argument) . (argument) .)
  (#eq? @_class "Route")
  (#eq? @status.implicit "permanentRedirect")
  (#set! implicit "301"))
; Laravel Socialite: return Socialite::driver('github')->redirect() sends the user to the provider's login page: 302
; Found (only the answer itself: `Inertia::location(Socialite::driver($d)->redirect())` answers otherwise)
(return_statement
  (member_call_expression
    object: (_) @_object
    name: (name) @status.implicit
    arguments: (arguments) @_arguments
    (#eq? @_arguments "()")
    (#eq? @status.implicit "redirect")
    (#match? @_object "^Socialite::")
    (#set! implicit "302")))
(arrow_function
  body: (member_call_expression
    object: (_) @_object
    name: (name) @status.implicit
    arguments: (arguments) @_arguments
    (#eq? @_arguments "()")
    (#eq? @status.implicit "redirect")
    (#match? @_object "^Socialite::")
    (#set! implicit "302")))
; Symfony AbstractController: $this->redirect($url), $this->redirectToRoute('home', [...]); new RedirectResponse($url)
(member_call_expression
  object: (variable_name (name) @_this)
  name: (name) @status.implicit
  arguments: (arguments . (argument) .)
  (#eq? @_this "this")
  (#eq? @status.implicit "redirect")
  (#set! implicit "302"))
(member_call_expression
  object: (variable_name (name) @_this)
  name: (name) @status.implicit
  arguments: [(arguments . (argument) .) (arguments . (argument) . (argument) .)]
  (#eq? @_this "this")
  (#eq? @status.implicit "redirectToRoute")
  (#set! implicit "302"))
(object_creation_expression
  [(name) (qualified_name)] @status.implicit
  (arguments . (argument) .)
  (#match? @status.implicit "(^|\\\\)RedirectResponse$")
  (#set! implicit "302"))

; ---- Mentions: explained, never flagged ------------------------------------------------------------------------

; ['status' => 404], ["status_code" => 404] anywhere else
(array_element_initializer
  [(string) (encapsed_string)] @_key
  [(integer) (string) (encapsed_string)] @status.mention
  (#match? @_key "^[\"'](status|statusCode|status_code|httpStatus|http_status|httpStatusCode)[\"']$"))

; new Response(409) anywhere else: a PSR-7 response built in a test or a client mock (new MockHandler([new Response(409)]))
(object_creation_expression
  [(name) (qualified_name)] @_class
  (arguments . (argument [(integer) (class_constant_access_expression)] @status.mention .))
  (#match? @_class "(^|\\\\)(Response|EmptyResponse)$"))

; Laravel HTTP client fakes in tests: Http::response('', 302), Http::response(['x' => 1], 500)
(scoped_call_expression
  scope: (name) @_class
  name: (name) @_method
  arguments: (arguments . (argument) . (argument [(integer) (class_constant_access_expression)] @status.mention))
  (#eq? @_class "Http")
  (#eq? @_method "response"))

; in_array($status, [500, 502]), in_array($response->status(), self::RETRY)
(function_call_expression
  function: (name) @_fn
  arguments: (arguments
    . (argument [(variable_name) (member_call_expression) (member_access_expression)] @_actual)
    . (argument (array_creation_expression (array_element_initializer . (integer) @status.mention .))))
  (#eq? @_fn "in_array")
  (#match? @_actual "([Ss]tatus|[Ss]tatusCode|getStatusCode\\(\\)|status\\(\\))$"))

; Status lists and tables named so: const RETRY_STATUSES = [429, 503], $statusTexts = [400 => 'Bad Request']
(const_element
  (name) @_name
  (array_creation_expression (array_element_initializer . (integer) @status.mention))
  (#match? @_name "(STATUS|RETRY|RETRYABLE|HTTP_CODES)"))
(assignment_expression
  left: (variable_name) @_name
  right: (array_creation_expression (array_element_initializer . (integer) @status.mention))
  (#match? @_name "([Ss]tatus|STATUS|[Rr]etry|RETRY|[Hh]ttpCodes)"))
(property_element
  name: (variable_name) @_name
  default_value: (array_creation_expression (array_element_initializer . (integer) @status.mention))
  (#match? @_name "([Ss]tatus|STATUS|[Rr]etry|RETRY|[Hh]ttpCodes)"))

; Range checks on a status variable: $status >= 500, 300 > $statusCode
(binary_expression
  left: (variable_name) @_name
  right: (integer) @status.mention
  (#match? @_name "^\\$(status|statusCode|httpStatus)$"))
(binary_expression
  left: (integer) @status.mention
  right: (variable_name) @_name
  (#match? @_name "^\\$(status|statusCode|httpStatus)$"))

; Clients and tests reading a status: $response->getStatusCode() === 409 (Guzzle, Symfony HttpClient, PSR-7),
; $response->status() !== 404 (Laravel HTTP client), 409 == $response->status
(binary_expression
  left: [(member_call_expression name: (name) @_getter) (member_access_expression name: (name) @_getter)]
  right: [(integer) (string) (encapsed_string) (class_constant_access_expression)] @status.mention
  (#any-of? @_getter "getStatusCode" "status" "statusCode"))
(binary_expression
  left: [(integer) (string) (encapsed_string) (class_constant_access_expression)] @status.mention
  right: [(member_call_expression name: (name) @_getter) (member_access_expression name: (name) @_getter)]
  (#any-of? @_getter "getStatusCode" "status" "statusCode"))

; switch ($response->getStatusCode()) { case 404: … }, match ($response->status()) { 404 => … }
(switch_statement
  condition: (parenthesized_expression [(member_call_expression name: (name) @_getter) (member_access_expression name: (name) @_getter)])
  body: (switch_block (case_statement value: [(integer) (class_constant_access_expression)] @status.mention))
  (#any-of? @_getter "getStatusCode" "status" "statusCode"))
(match_expression
  condition: (parenthesized_expression [(member_call_expression name: (name) @_getter) (member_access_expression name: (name) @_getter)])
  body: (match_block (match_conditional_expression conditional_expressions: (match_condition_list [(integer) (class_constant_access_expression)] @status.mention)))
  (#any-of? @_getter "getStatusCode" "status" "statusCode"))

; PHPUnit: $this->assertEquals(409, $response->getStatusCode()), self::assertSame(404, $response->status())
(_
  name: (name) @_assert
  arguments: (arguments
    . (argument [(integer) (string) (encapsed_string) (class_constant_access_expression)] @status.mention .)
    . (argument [(member_call_expression name: (name) @_getter) (member_access_expression name: (name) @_getter)] .))
  (#any-of? @_assert "assertEquals" "assertSame" "assertNotEquals" "assertNotSame")
  (#any-of? @_getter "getStatusCode" "status" "statusCode"))

; Laravel tests: $response->assertStatus(409); Symfony WebTestCase: $this->assertResponseStatusCodeSame(409);
; Codeception: $I->seeResponseCodeIs(HttpCode::CONFLICT); Lumen: $this->seeStatusCode(409)
(_
  name: (name) @_assert
  arguments: (arguments . (argument [(integer) (string) (encapsed_string) (class_constant_access_expression) (name)] @status.mention .))
  (#any-of? @_assert "assertStatus" "assertResponseStatus" "assertResponseStatusCodeSame" "seeStatusCode" "seeResponseCodeIs" "seeResponseCodeIsNot" "dontSeeResponseCodeIs"))

; Laravel tests by name: $response->assertConflict(), ->assertNotFound(), ->assertUnprocessable() (read by a symbol rule)
(member_call_expression
  name: (name) @status.mention
  (#match? @status.mention "^assert(Ok|Created|Accepted|NoContent|MovedPermanently|Found|NotModified|TemporaryRedirect|PermanentRedirect|BadRequest|Unauthorized|PaymentRequired|Forbidden|NotFound|MethodNotAllowed|NotAcceptable|RequestTimeout|Conflict|Gone|UnsupportedMediaType|Unprocessable|TooManyRequests|InternalServerError|ServiceUnavailable)$"))

; Named statuses anywhere: Response::HTTP_CONFLICT (Symfony, Laravel), StatusCodeInterface::STATUS_CONFLICT (PSR),
; HttpCode::CONFLICT (Codeception)
(class_constant_access_expression
  . [(name) (qualified_name)] @_class
  . (name) @_constant
  (#match? @_class "Response$")
  (#match? @_constant "^HTTP_[A-Z_]+$")) @status.mention
(class_constant_access_expression
  . [(name) (qualified_name)] @_class
  . (name) @_constant
  (#match? @_class "(^|\\\\)(StatusCodeInterface|HttpCode)$")) @status.mention

; ---- Helpers ---------------------------------------------------------------------------------------------------
; sendError(409, 'x'), $this->sendError(409, 'x'), self::error(409): followed into a function or method of the same
; file that sends one of its parameters
(function_call_expression function: (name) @call.name arguments: (arguments) @call.arguments)
(member_call_expression
  object: (variable_name (name) @_this)
  name: (name) @call.name
  arguments: (arguments) @call.arguments
  (#eq? @_this "this"))
(scoped_call_expression
  scope: (relative_scope)
  name: (name) @call.name
  arguments: (arguments) @call.arguments)

; ---- Constants -------------------------------------------------------------------------------------------------
; const CONFLICT = 409; (top level or in a class, read as CONFLICT or self::CONFLICT); define('CONFLICT', 409);
(const_declaration (const_element (name) @constant.name (integer) @constant.value))
(function_call_expression
  function: (name) @_fn
  arguments: (arguments
    . (argument [(string (string_content) @constant.name) (encapsed_string . (string_content) @constant.name .)])
    . (argument (integer) @constant.value))
  (#eq? @_fn "define"))
