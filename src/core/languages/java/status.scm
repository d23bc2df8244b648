; Java: where an HTTP status code stands. Vocabulary and rules: ../README.md.
; Captures starting with "_" only serve predicates.

; ---- Handlers: send ---------------------------------------------------------------------------------------

; Spring ResponseEntity / WebFlux ServerResponse, JAX-RS Response, Quarkus RestResponse, Micronaut HttpResponse,
; Javalin/Spark/Helidon context: ResponseEntity.status(409), Response.status(Status.CONFLICT), ctx.status(409)
(method_invocation
  object: (identifier) @_object
  name: (identifier) @_method
  arguments: (argument_list . (_) @status.send)
  (#eq? @_method "status")
  (#match? @_object "^(ResponseEntity|ServerResponse|Response|RestResponse|HttpResponse|ctx|context|res|resp|rsp|response)$"))

; The same builders named after the status: ResponseEntity.notFound(), Response.noContent(), HttpResponse.serverError()
(method_invocation
  object: (identifier) @_object
  name: (identifier) @status.send
  (#any-of? @_object "ResponseEntity" "ServerResponse" "Response" "RestResponse" "HttpResponse")
  (#any-of? @status.send
    "ok" "created" "accepted" "noContent" "notModified" "seeOther" "temporaryRedirect" "permanentRedirect"
    "badRequest" "unauthorized" "notFound" "notAllowed" "notAcceptable" "unprocessableEntity"
    "internalServerError" "serverError"))

;   … also as a method reference: optional.map(ResponseEntity::ok)
(method_reference
  . (identifier) @_object
  . (identifier) @status.send
  .
  (#any-of? @_object "ResponseEntity" "ServerResponse" "Response" "RestResponse" "HttpResponse")
  (#any-of? @status.send "ok" "created" "accepted" "noContent" "badRequest" "notFound"))

; Spring: new ResponseEntity<>(body, HttpStatus.CONFLICT), new ResponseEntity<>(body, headers, 409),
; new ResponseEntity<>(HttpStatus.NO_CONTENT) (a single argument counts only when symbolic: it may be the body)
(object_creation_expression
  type: [(type_identifier) (generic_type (type_identifier))] @_class
  arguments: (argument_list (_) . (_) @status.send .)
  (#match? @_class "^ResponseEntity(<.*>)?$")
  (#set! evidence "new\\s+ResponseEntity\\b"))
(object_creation_expression
  type: [(type_identifier) (generic_type (type_identifier))] @_class
  arguments: (argument_list . [(field_access) (method_invocation)] @status.send .)
  (#match? @_class "^ResponseEntity(<.*>)?$")
  (#set! evidence "new\\s+ResponseEntity\\b"))

; Spring: @ResponseStatus(HttpStatus.CONFLICT) on a handler method or an exception class,
; @ResponseStatus(code = HttpStatus.CONFLICT, reason = "…"); Micronaut: @Status(HttpStatus.CREATED)
(annotation
  name: (identifier) @_annotation
  arguments: (annotation_argument_list . [(field_access) (decimal_integer_literal) (identifier)] @status.send)
  (#any-of? @_annotation "ResponseStatus" "Status"))
(annotation
  name: (identifier) @_annotation
  arguments: (annotation_argument_list (element_value_pair key: (identifier) @_key value: (_) @status.send))
  (#any-of? @_annotation "ResponseStatus" "Status")
  (#any-of? @_key "code" "value"))

; Spring: throw new ResponseStatusException(HttpStatus.CONFLICT, "…"), new ErrorResponseException(409);
; Micronaut: new HttpStatusException(HttpStatus.CONFLICT, "…"); Spring ProblemDetail.forStatus(409)
(object_creation_expression
  type: (type_identifier) @_class
  arguments: (argument_list . (_) @status.send)
  (#any-of? @_class "ResponseStatusException" "ErrorResponseException" "HttpStatusException"))
(method_invocation
  object: (identifier) @_class
  name: (identifier) @_method
  arguments: (argument_list . (_) @status.send)
  (#eq? @_class "ProblemDetail")
  (#any-of? @_method "forStatus" "forStatusAndDetail"))

; Servlet: response.setStatus(409), response.sendError(HttpServletResponse.SC_CONFLICT, "…");
; WebFlux: exchange.getResponse().setStatusCode(HttpStatus.CONFLICT); Vert.x: ctx.response().setStatusCode(409);
; JAX-RS filters: responseContext.setStatus(409)
(method_invocation
  object: [
    (identifier) @_object
    (method_invocation name: (identifier) @_object)
  ]
  name: (identifier) @_method
  arguments: (argument_list . (_) @status.send)
  (#any-of? @_method "setStatus" "sendError" "setStatusCode" "setRawStatusCode")
  (#match? @_object "^(res|resp|rsp|response|responseContext|[a-z]\\w*Response|getResponse)$"))

; JDK HttpServer: exchange.sendResponseHeaders(409, -1)
(method_invocation
  name: (identifier) @_method
  arguments: (argument_list . (_) @status.send)
  (#eq? @_method "sendResponseHeaders"))

; Spark: halt(409), halt(409, "…")
(method_invocation
  !object
  name: (identifier) @_method
  arguments: (argument_list . (_) @status.send)
  (#eq? @_method "halt"))

; JAX-RS: throw new WebApplicationException(409), new ClientErrorException("…", Response.Status.CONFLICT),
; new ServerErrorException(502): every argument that is a status (messages, causes and responses resolve to nothing)
(object_creation_expression
  type: (type_identifier) @_class
  arguments: (argument_list (_) @status.send)
  (#any-of? @_class "WebApplicationException" "ClientErrorException" "ServerErrorException" "RedirectionException"))

; JAX-RS exceptions named after a status: new NotFoundException(), orElseThrow(NotAuthorizedException::new)
(object_creation_expression
  type: [(type_identifier) (scoped_type_identifier)] @status.send
  (#match? @status.send "(^|\\.)(BadRequest|NotAuthorized|Forbidden|NotFound|NotAllowed|NotAcceptable|NotSupported|InternalServerError|ServiceUnavailable)Exception$"))
(method_reference
  . (identifier) @status.send
  .
  (#match? @status.send "^(BadRequest|NotAuthorized|Forbidden|NotFound|NotAllowed|NotAcceptable|NotSupported|InternalServerError|ServiceUnavailable)Exception$"))

; Javalin: throw new ConflictResponse("…") (only when thrown: a class named so may be a response body elsewhere)
(throw_statement
  (object_creation_expression
    type: (type_identifier) @status.send
    (#match? @status.send "^(BadRequest|Unauthorized|Forbidden|NotFound|MethodNotAllowed|Conflict|Gone|InternalServerError|BadGateway|ServiceUnavailable|GatewayTimeout)Response$")))

; An application exception that extends ResponseStatusException (or ErrorResponseException) and names its status in
; its constructor: class ConflictException extends ResponseStatusException { ConflictException() { super(HttpStatus.CONFLICT); } }
(class_declaration
  superclass: (superclass (type_identifier) @_base)
  body: (class_body (constructor_declaration body: (constructor_body
    (explicit_constructor_invocation constructor: (super) arguments: (argument_list . (_) @status.send)))))
  (#any-of? @_base "ResponseStatusException" "ErrorResponseException" "HttpStatusException" "WebApplicationException"))

; ---- Implicit codes: answered although no number is written -----------------------------------------------
; Spring MVC: return "redirect:/streams" (RedirectView's default, 302 Found)
(return_statement
  (string_literal (string_fragment) @status.implicit)
  (#match? @status.implicit "^redirect:")
  (#set! implicit "302"))
; … also when the target is concatenated: return "redirect:/owners/" + owner.getId() (+ "/pets/" + …)
(return_statement
  (binary_expression
    left: [
      (string_literal (string_fragment) @status.implicit)
      (binary_expression left: [
        (string_literal (string_fragment) @status.implicit)
        (binary_expression left: (string_literal (string_fragment) @status.implicit))])])
  (#match? @status.implicit "^redirect:")
  (#set! implicit "302"))
; Spring MVC: new ModelAndView("redirect:/login"): the same view name, the same 302
(object_creation_expression
  type: (type_identifier) @_type
  arguments: (argument_list . (string_literal (string_fragment) @status.implicit))
  (#eq? @_type "ModelAndView")
  (#match? @status.implicit "^redirect:")
  (#set! implicit "302"))
; Servlet: response.sendRedirect(url) answers 302 Found
(method_invocation
  name: (identifier) @status.implicit
  arguments: (argument_list . (_) .)
  (#eq? @status.implicit "sendRedirect")
  (#set! implicit "302"))
; Spring: new RedirectView(url) (302 unless setStatusCode); Javalin ctx.redirect(url), Spark res.redirect(url): 302
(object_creation_expression
  type: (type_identifier) @status.implicit
  arguments: (argument_list . (_) .)
  (#eq? @status.implicit "RedirectView")
  (#set! implicit "302"))
(method_invocation
  object: (identifier) @_object
  name: (identifier) @status.implicit
  arguments: (argument_list . (_) .)
  (#eq? @status.implicit "redirect")
  (#match? @_object "^(ctx|context|res|resp|response)$")
  (#set! implicit "302"))
; Javalin ctx.redirect(url, HttpStatus.MOVED_PERMANENTLY), Spark res.redirect(url, 301): the status is the second argument
(method_invocation
  object: (identifier) @_object
  name: (identifier) @_method
  arguments: (argument_list . (_) . (_) @status.send .)
  (#eq? @_method "redirect")
  (#match? @_object "^(ctx|context|res|resp|response)$"))
; Micronaut: HttpResponse.redirect(uri) answers 301 Moved Permanently
(method_invocation
  object: (identifier) @_class
  name: (identifier) @status.implicit
  arguments: (argument_list . (_) .)
  (#eq? @_class "HttpResponse")
  (#eq? @status.implicit "redirect")
  (#set! implicit "301"))

; ---- Mentions: explained, never flagged ---------------------------------------------------------------------

; Tests (JUnit, TestNG): assertEquals(409, response.getStatusCode().value()), assertEquals(response.getStatus(), 409)
(method_invocation
  name: (identifier) @_assert
  arguments: (argument_list . (decimal_integer_literal) @status.mention . (_) @_actual)
  (#any-of? @_assert "assertEquals" "assertNotEquals" "assertSame")
  (#match? @_actual "[Ss]tatus|getResponseCode|\\.code\\(\\)"))
(method_invocation
  name: (identifier) @_assert
  arguments: (argument_list . (_) @_actual . (decimal_integer_literal) @status.mention)
  (#any-of? @_assert "assertEquals" "assertNotEquals" "assertSame")
  (#match? @_actual "[Ss]tatus|getResponseCode|\\.code\\(\\)"))

; AssertJ / WebTestClient: assertThat(response.getStatusCode().value()).isEqualTo(409), expectStatus().isEqualTo(409);
; MockMvc: status().is(409); Hamcrest: assertThat(response.getStatus(), is(409))
(method_invocation
  object: (_) @_actual
  name: (identifier) @_matcher
  arguments: (argument_list . (decimal_integer_literal) @status.mention .)
  (#any-of? @_matcher "isEqualTo" "isNotEqualTo" "is")
  (#match? @_actual "[Ss]tatus|getResponseCode|\\.code\\(\\)"))
(method_invocation
  name: (identifier) @_assert
  arguments: (argument_list
    . (_) @_actual
    . (method_invocation
        name: (identifier) @_matcher
        arguments: (argument_list . (decimal_integer_literal) @status.mention .)))
  (#eq? @_assert "assertThat")
  (#any-of? @_matcher "is" "equalTo")
  (#match? @_actual "[Ss]tatus|getResponseCode|\\.code\\(\\)"))

; MockMvc / WebTestClient, named: .andExpect(status().isConflict()), .expectStatus().isNotFound()
(method_invocation
  object: (method_invocation name: (identifier) @_status)
  name: (identifier) @status.mention
  arguments: (argument_list)
  (#any-of? @_status "status" "expectStatus")
  (#match? @status.mention "^is[A-Z]"))

; REST Assured: .then().statusCode(409); WireMock: aResponse().withStatus(409); MockWebServer: setResponseCode(409)
(method_invocation
  name: (identifier) @_method
  arguments: (argument_list . (decimal_integer_literal) @status.mention .)
  (#any-of? @_method "statusCode" "withStatus" "setResponseCode"))

; Clients: if (resp.statusCode() == 404), conn.getResponseCode() != 200, 409 == response.getStatus()
(binary_expression
  left: (_) @_actual
  ["==" "!="]
  right: (decimal_integer_literal) @status.mention
  (#match? @_actual "[Ss]tatus|getResponseCode|\\.code\\(\\)"))
(binary_expression
  left: (decimal_integer_literal) @status.mention
  ["==" "!="]
  right: (_) @_actual
  (#match? @_actual "[Ss]tatus|getResponseCode|\\.code\\(\\)"))

; Range checks: status >= 500, response.getStatusCode().value() < 300, conn.getResponseCode() >= 400
(binary_expression
  left: (_) @_actual
  [">=" ">" "<=" "<"]
  right: (decimal_integer_literal) @status.mention
  (#match? @_actual "([Ss]tatus|[Ss]tatusCode|getResponseCode\\(\\)|[Ss]tatus(Code)?\\(\\)(\\.value\\(\\))?)$"))
(binary_expression
  left: (decimal_integer_literal) @status.mention
  [">=" ">" "<=" "<"]
  right: (_) @_actual
  (#match? @_actual "([Ss]tatus|[Ss]tatusCode|getResponseCode\\(\\)|[Ss]tatus(Code)?\\(\\)(\\.value\\(\\))?)$"))

; Statuses as data: Set.of(429, 503), List.of(500, 502), Map.of(404, "…") bound to a name that says so
; (RETRYABLE_STATUSES, retryCodes, STATUS_TEXT)
(variable_declarator
  name: (identifier) @_name
  value: (method_invocation
    object: (identifier) @_collection
    name: (identifier) @_of
    arguments: (argument_list (decimal_integer_literal) @status.mention))
  (#any-of? @_collection "Set" "List" "Map" "EnumSet" "Arrays")
  (#any-of? @_of "of" "asList" "ofEntries")
  (#match? @_name "([Ss]tatus|STATUS|[Rr]etry|RETRY|[Rr]etryable|RETRYABLE|HTTP_CODES|[Hh]ttpCodes)"))
(variable_declarator
  name: (identifier) @_name
  value: (array_initializer (decimal_integer_literal) @status.mention)
  (#match? @_name "([Ss]tatus|STATUS|[Rr]etry|RETRY|[Rr]etryable|RETRYABLE|HTTP_CODES|[Hh]ttpCodes)"))

; switch (response.statusCode()) { case 404 -> …; case 409: … }
(switch_expression
  condition: (parenthesized_expression) @_actual
  body: (switch_block [
    (switch_rule (switch_label (decimal_integer_literal) @status.mention))
    (switch_block_statement_group (switch_label (decimal_integer_literal) @status.mention))
  ])
  (#match? @_actual "[Ss]tatus|getResponseCode|\\.code\\(\\)"))

; Named statuses anywhere: HttpStatus.CONFLICT, HttpStatus.CONFLICT.value(), Response.Status.CONFLICT,
; HttpServletResponse.SC_CONFLICT, HttpStatus.valueOf(409). (A bare Status.CONFLICT counts only where a status is
; sent: many domain enums are called Status.)
(field_access
  object: (identifier) @_enum
  (#any-of? @_enum "HttpStatus")) @status.mention
(field_access
  object: (field_access object: (identifier) @_response field: (identifier) @_enum)
  (#eq? @_response "Response")
  (#eq? @_enum "Status")) @status.mention
(field_access
  object: (identifier) @_class
  field: (identifier) @_field
  (#eq? @_class "HttpServletResponse")
  (#match? @_field "^SC_")) @status.mention
(method_invocation
  object: (identifier) @_class
  name: (identifier) @_method
  arguments: (argument_list . (decimal_integer_literal) .)
  (#any-of? @_class "HttpStatus" "HttpStatusCode")
  (#eq? @_method "valueOf")) @status.mention

; ---- Helpers ---------------------------------------------------------------------------------------------------
; return error(409, "…") / this.error(409, "…"): followed into a method in the same file that sends its parameter
(method_invocation
  !object
  name: (identifier) @call.name
  arguments: (argument_list) @call.arguments)
(method_invocation
  object: (this)
  name: (identifier) @call.name
  arguments: (argument_list) @call.arguments)

; ---- Constants ------------------------------------------------------------------------------------------------
; static final int CONFLICT = 409; final int CONFLICT = 409; interface constants: int CONFLICT = 409;
(field_declaration
  (modifiers) @_modifiers
  declarator: (variable_declarator name: (identifier) @constant.name value: (decimal_integer_literal) @constant.value)
  (#match? @_modifiers "\\bfinal\\b"))
(local_variable_declaration
  (modifiers) @_modifiers
  declarator: (variable_declarator name: (identifier) @constant.name value: (decimal_integer_literal) @constant.value)
  (#match? @_modifiers "\\bfinal\\b"))
(constant_declaration
  declarator: (variable_declarator name: (identifier) @constant.name value: (decimal_integer_literal) @constant.value))
