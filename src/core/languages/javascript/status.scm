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
  (#any-of? @_method "status" "sendStatus" "writeHead"))

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
  (#any-of? @_property "status" "statusCode"))

; Fetch API / Next.js: new Response(body, { status: 502 }), new NextResponse(body, { status: 502 })
(new_expression
  constructor: (identifier) @_class
  arguments: (arguments (object (pair key: (property_identifier) @_key value: (_) @status.send)))
  (#any-of? @_class "Response" "NextResponse")
  (#eq? @_key "status"))

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

; ---- Helpers ---------------------------------------------------------------------------------------------------
; sendError(res, 409, msg): followed into a helper in the same file that sends one of its parameters
(call_expression function: (identifier) @call.name arguments: (arguments) @call.arguments)

; ---- Constants ------------------------------------------------------------------------------------------------
(lexical_declaration
  kind: "const"
  (variable_declarator name: (identifier) @constant.name value: (number) @constant.value))
