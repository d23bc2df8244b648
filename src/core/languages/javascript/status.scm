; JavaScript (and, inherited, TypeScript/TSX): where an HTTP status code stands.
; Captures (vocabulary in src/core/languages/captures.ts):
;   @status.send     the value a request handler returns, sends or sets (checked against the table)
;   @status.mention  a status code in any other status context (explained, never flagged)
;   @constant.name / @constant.value   `const NAME = <number>` definitions that status values may refer to
; Captures starting with "_" only serve predicates.

; ---- Handlers: send ---------------------------------------------------------------------------------------

; Express / Node: res.status(409), res.sendStatus(302), res.writeHead(404, …)
(call_expression
  function: (member_expression property: (property_identifier) @_method)
  arguments: (arguments . (_) @status.send)
  (#any-of? @_method "status" "sendStatus" "writeHead")
  (#set! evidence "\\.\\s*(?:status|sendStatus|writeHead)\\s*\\("))

; Fastify: reply.code(418); Hono: c.status(409)
(call_expression
  function: (member_expression object: (identifier) @_object property: (property_identifier) @_method)
  arguments: (arguments . (_) @status.send)
  (#eq? @_method "code")
  (#match? @_object "^(reply|rep|res|response)$"))

; Koa / Node: ctx.status = 410, ctx.response.status = 410, res.statusCode = 404 (not `this.status = …`: a class
; storing a status in its own field, which status flow follows to where it is sent)
(assignment_expression
  left: (member_expression object: (_) @_object property: (property_identifier) @_property)
  right: (_) @status.send
  (#not-eq? @_object "this")
  (#any-of? @_property "status" "statusCode")
  (#set! evidence "\\.\\s*(?:status|statusCode)\\s*=(?![=>])"))

; Fetch API / Next.js: new Response(body, { status: 502 }), new NextResponse(body, { status: 502 })
(new_expression
  constructor: (identifier) @_class
  arguments: (arguments (object (pair key: (property_identifier) @_key value: (_) @status.send)))
  (#any-of? @_class "Response" "NextResponse")
  (#eq? @_key "status")
  (#set! evidence "new\\s+(?:Response|NextResponse)\\b"))

; Response.json(data, { status: 409 }), NextResponse.json(data, { status: 409 }), Response.redirect(url, 307)
(call_expression
  function: (member_expression object: (identifier) @_class property: (property_identifier) @_method)
  arguments: (arguments (object (pair key: (property_identifier) @_key value: (_) @status.send)))
  (#any-of? @_class "Response" "NextResponse")
  (#any-of? @_method "json" "error" "rewrite" "next")
  (#eq? @_key "status"))
(call_expression
  function: (member_expression object: (identifier) @_class property: (property_identifier) @_method)
  arguments: (arguments (_) . (_) @status.send .)
  (#any-of? @_class "Response" "NextResponse")
  (#eq? @_method "redirect"))

; Hono: c.json(data, 409), c.text('x', 429), c.body(null, 204), c.redirect(url, 302)
(call_expression
  function: (member_expression object: (identifier) @_object property: (property_identifier) @_method)
  arguments: (arguments . (_) . (_) @status.send)
  (#any-of? @_object "c" "ctx" "context")
  (#any-of? @_method "json" "text" "body" "html" "newResponse" "redirect"))

; NestJS: @HttpCode(204), throw new HttpException('…', 409), throw new ConflictException()
(decorator
  (call_expression function: (identifier) @_decorator arguments: (arguments . (_) @status.send))
  (#eq? @_decorator "HttpCode"))
(new_expression
  constructor: (identifier) @_class
  arguments: (arguments . (_) . (_) @status.send)
  (#eq? @_class "HttpException"))
(new_expression
  constructor: (identifier) @status.send
  (#match? @status.send "^[A-Z][A-Za-z]+Exception$"))

; Serverless (AWS Lambda, Huawei FunctionGraph): return { statusCode: 409, body }
(return_statement
  (object (pair key: [(property_identifier) (string)] @_key value: (_) @status.send))
  (#match? @_key "^[\"']?statusCode[\"']?$"))
(arrow_function
  body: (parenthesized_expression
    (object (pair key: [(property_identifier) (string)] @_key value: (_) @status.send)))
  (#match? @_key "^[\"']?statusCode[\"']?$"))

; ---- Mentions: explained, never flagged ---------------------------------------------------------------------

; { status: 404 }, { statusCode: 404 }, { "status_code": 404 } anywhere else
(pair
  key: [(property_identifier) (string)] @_key
  value: [(number) (string)] @status.mention
  (#match? @_key "^[\"']?(status|statusCode|status_code|httpStatus|httpStatusCode|http_status)[\"']?$"))

; Clients and tests reading a status: res.status === 409, 409 !== res.statusCode
(binary_expression
  left: (member_expression property: (property_identifier) @_property)
  right: [(number) (string)] @status.mention
  (#any-of? @_property "status" "statusCode"))
(binary_expression
  left: [(number) (string)] @status.mention
  right: (member_expression property: (property_identifier) @_property)
  (#any-of? @_property "status" "statusCode"))

; switch (res.status) { case 404: … }
(switch_statement
  value: (parenthesized_expression (member_expression property: (property_identifier) @_property))
  body: (switch_body (switch_case value: (number) @status.mention))
  (#any-of? @_property "status" "statusCode"))

; Tests: expect(res.status).toBe(409), expect(res.statusCode).toEqual(409), assert.equal(res.status, 409)
(call_expression
  function: (member_expression
    object: (call_expression
      function: (identifier) @_expect
      arguments: (arguments (member_expression property: (property_identifier) @_property)))
    property: (property_identifier) @_matcher)
  arguments: (arguments . (number) @status.mention)
  (#eq? @_expect "expect")
  (#any-of? @_property "status" "statusCode")
  (#any-of? @_matcher "toBe" "toEqual" "toStrictEqual" "equal" "equals" "eql"))
(call_expression
  function: (member_expression object: (identifier) @_assert property: (property_identifier) @_method)
  arguments: (arguments (member_expression property: (property_identifier) @_property) . (number) @status.mention)
  (#eq? @_assert "assert")
  (#any-of? @_property "status" "statusCode"))

; supertest: request(app).get('/').expect(404); expect(res).toHaveStatus(404)
(call_expression
  function: (member_expression property: (property_identifier) @_method)
  arguments: (arguments . (number) @status.mention)
  (#any-of? @_method "expect" "toHaveStatus" "toHaveHTTPStatus"))

; Named statuses anywhere: HttpStatus.CONFLICT (NestJS), StatusCodes.NOT_FOUND (http-status-codes)
(member_expression
  object: (identifier) @_enum
  (#any-of? @_enum "HttpStatus" "StatusCodes" "HttpStatusCode")) @status.mention
; … and under the name a file imports them by: const httpStatus = require('http-status') … httpStatus.NOT_FOUND,
; import * as codes from 'http-status-codes' … codes.CONFLICT (`@import.name` in flow.scm; an application's own
; `STATUS.CANCELLED` or `orderStatus.ACCEPTED` is no import, so it stays silent)
(member_expression
  object: (identifier) @_enum
  property: (property_identifier) @_name
  (#not-any-of? @_enum "HttpStatus" "StatusCodes" "HttpStatusCode")
  (#match? @_name "^[A-Z][A-Z0-9_]*$")
  (#imported? @_enum)) @status.mention

; ---- Helpers ---------------------------------------------------------------------------------------------------
; sendError(res, 409, msg): followed into a helper in the same file that sends one of its parameters
(call_expression function: (identifier) @call.name arguments: (arguments) @call.arguments)

; ---- Constants ------------------------------------------------------------------------------------------------
(lexical_declaration
  kind: "const"
  (variable_declarator name: (identifier) @constant.name value: (number) @constant.value))

; ---- More framework forms -----------------------------------------------------------------------------------
; Express res.redirect(301, url); Fastify v4 reply.redirect(303, url): a status first, then the URL
(call_expression
  function: (member_expression object: (identifier) @_object property: (property_identifier) @_method)
  arguments: (arguments . [(number) (member_expression)] @status.send . (_))
  (#eq? @_method "redirect")
  (#match? @_object "^(res|response|reply|rep)$"))
; Fastify v5 reply.redirect(url, 303)
(call_expression
  function: (member_expression object: (identifier) @_object property: (property_identifier) @_method)
  arguments: (arguments . [(string) (template_string) (identifier) (member_expression)] . [(number) (member_expression)] @status.send .)
  (#eq? @_method "redirect")
  (#match? @_object "^(reply|rep)$"))
; Koa ctx.throw(412, …), ctx.assert(ok, 404, …)
(call_expression
  function: (member_expression object: (identifier) @_object property: (property_identifier) @_method)
  arguments: (arguments . (_) @status.send)
  (#eq? @_method "throw")
  (#match? @_object "^(ctx|context)$"))
(call_expression
  function: (member_expression object: (identifier) @_object property: (property_identifier) @_method)
  arguments: (arguments . (_) . (_) @status.send)
  (#eq? @_method "assert")
  (#match? @_object "^(ctx|context)$"))
; http-errors: createError(406), createError(406, 'msg'), new createError.NotAcceptable() is symbolic
(call_expression
  function: (identifier) @_fn
  arguments: (arguments . (_) @status.send)
  (#any-of? @_fn "createError" "createHttpError" "httpError"))
; Hono / Oak: throw new HTTPException(413, { message })
(new_expression
  constructor: (identifier) @_class
  arguments: (arguments . (_) @status.send)
  (#any-of? @_class "HTTPException" "HttpError"))
; … and an application's own subclass passing its status up: class PayloadTooLarge extends HTTPException {
; constructor() { super(413, …) } } (Hono, Oak, routing-controllers' HttpError); NestJS class QuotaSpentException
; extends HttpException { constructor() { super('Quota spent', HttpStatus.PAYMENT_REQUIRED) } }
; (`class_heritage` is `extends X` in both grammars; TypeScript wraps X in an extends_clause)
(class_declaration
  (class_heritage) @_heritage
  body: (class_body
    (method_definition
      name: (property_identifier) @_constructor
      body: (statement_block
        (expression_statement
          (call_expression function: (super) arguments: (arguments . (_) @status.send))))))
  (#eq? @_constructor "constructor")
  (#match? @_heritage "^extends\\s+(HTTPException|HttpError)\\s*$"))
(class_declaration
  (class_heritage) @_heritage
  body: (class_body
    (method_definition
      name: (property_identifier) @_constructor
      body: (statement_block
        (expression_statement
          (call_expression function: (super) arguments: (arguments . (_) . (_) @status.send))))))
  (#eq? @_constructor "constructor")
  (#match? @_heritage "^extends\\s+HttpException\\s*$"))

; ---- Implicit codes: answered although no number is written -----------------------------------------------
; Express res.redirect(url), Koa ctx.redirect(url), Fastify reply.redirect(url), Hono c.redirect(url): 302 Found
(call_expression
  function: (member_expression object: (identifier) @_object property: (property_identifier) @status.implicit)
  arguments: (arguments . (_) .)
  (#eq? @status.implicit "redirect")
  (#match? @_object "^(res|response|reply|rep|ctx|context|c)$")
  (#set! implicit "302"))
; Fetch API Response.redirect(url): 302; Next.js NextResponse.redirect(url): 307 Temporary Redirect
(call_expression
  function: (member_expression object: (identifier) @_class property: (property_identifier) @status.implicit)
  arguments: (arguments . (_) .)
  (#eq? @_class "Response")
  (#eq? @status.implicit "redirect")
  (#set! implicit "302"))
(call_expression
  function: (member_expression object: (identifier) @_class property: (property_identifier) @status.implicit)
  arguments: (arguments . (_) .)
  (#eq? @_class "NextResponse")
  (#eq? @status.implicit "redirect")
  (#set! implicit "307"))
; NestJS @Redirect('url') without a status: 302; @Redirect('url', 301) names its own
(decorator
  (call_expression function: (identifier) @status.implicit arguments: (arguments . (_)? .))
  (#eq? @status.implicit "Redirect")
  (#set! implicit "302"))
(decorator
  (call_expression function: (identifier) @_decorator arguments: (arguments . (_) . (_) @status.send))
  (#eq? @_decorator "Redirect"))

; ---- Status codes as data: explained, never flagged -------------------------------------------------------------
; const STATUS_TEXT = { 400: 'Bad Request', 422: 'Unprocessable' }, const retryable = new Set([429, 503]),
; const RETRY_STATUSES = [500, 502]: collections whose name says they hold statuses
(variable_declarator
  name: (identifier) @_name
  value: (object (pair key: (number) @status.mention))
  (#match? @_name "([Ss]tatus|STATUS|HTTP|[Hh]ttp|[Rr]etry|RETRY|[Rr]etryable)"))
(variable_declarator
  name: (identifier) @_name
  value: (array (number) @status.mention)
  (#match? @_name "([Ss]tatus|STATUS|[Rr]etry|RETRY|[Cc]odes|CODES)"))
(variable_declarator
  name: (identifier) @_name
  value: (new_expression constructor: (identifier) @_set arguments: (arguments (array (number) @status.mention)))
  (#eq? @_set "Set")
  (#match? @_name "([Ss]tatus|STATUS|[Rr]etry|RETRY|[Cc]odes|CODES)"))
; [500, 502].includes(res.status)
(call_expression
  function: (member_expression object: (array (number) @status.mention) property: (property_identifier) @_method)
  arguments: (arguments . (member_expression property: (property_identifier) @_property) .)
  (#eq? @_method "includes")
  (#any-of? @_property "status" "statusCode"))
; status >= 500, statusCode < 300 (a status-named variable compared with a number)
(binary_expression
  left: (identifier) @_name
  right: (number) @status.mention
  (#any-of? @_name "status" "statusCode" "httpStatus"))
(binary_expression
  left: (number) @status.mention
  right: (identifier) @_name
  (#any-of? @_name "status" "statusCode" "httpStatus"))

; ---- Regions that answer no HTTP request ----------------------------------------------------------------------
; A browser service worker's fetch listener builds Responses for its own page: self.addEventListener('fetch', …)
(call_expression
  function: (member_expression property: (property_identifier) @_method)
  arguments: (arguments . (string (string_fragment) @_event) . (_) @status.client)
  (#eq? @_method "addEventListener")
  (#eq? @_event "fetch"))
(assignment_expression
  left: (member_expression property: (property_identifier) @_property)
  right: (_) @status.client
  (#eq? @_property "onfetch"))
