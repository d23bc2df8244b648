; Go: where an HTTP status code stands. Vocabulary and rules: ../README.md.
; Captures (vocabulary in src/core/languages/captures.ts):
;   @status.send     the value a request handler returns, sends or sets (checked against the table)
;   @status.mention  a status code in any other status context (explained, never flagged)
;   @constant.name / @constant.value   `const NAME = <number>` definitions that status values may refer to
;   @call.name / @call.arguments       calls of helpers in the same file that send one of their parameters
; Captures starting with "_" only serve predicates.

; ---- Handlers: send ---------------------------------------------------------------------------------------

; net/http: w.WriteHeader(409), w.WriteHeader(http.StatusConflict)
(call_expression
  function: (selector_expression field: (field_identifier) @_method)
  arguments: (argument_list . (_) @status.send)
  (#eq? @_method "WriteHeader"))

; net/http: http.Error(w, msg, 409), http.Redirect(w, r, url, 302), http.RedirectHandler(url, 307)
(call_expression
  function: (selector_expression operand: (identifier) @_package field: (field_identifier) @_function)
  arguments: (argument_list (_) . (_) . (_) @status.send .)
  (#eq? @_package "http")
  (#eq? @_function "Error"))
(call_expression
  function: (selector_expression operand: (identifier) @_package field: (field_identifier) @_function)
  arguments: (argument_list (_) . (_) . (_) . (_) @status.send .)
  (#eq? @_package "http")
  (#eq? @_function "Redirect"))
(call_expression
  function: (selector_expression operand: (identifier) @_package field: (field_identifier) @_function)
  arguments: (argument_list (_) . (_) @status.send .)
  (#eq? @_package "http")
  (#eq? @_function "RedirectHandler"))

; A helper of any library that is handed the handler's response writer first and an http.Status constant writes that
; status: rest.EncodeJSON(w, http.StatusAccepted, v), render.JSONWithStatus(w, r, http.StatusConflict, v). Symbolic
; constants only (a number beside the writer may be text for the body); fmt and log print, http's own are above.
(call_expression
  function: (selector_expression operand: (identifier) @_package)
  arguments: (argument_list . (identifier) @_writer
    (selector_expression operand: (identifier) @_http field: (field_identifier) @_status) @status.send)
  (#any-of? @_writer "w" "rw" "writer" "resp" "res" "wr")
  (#eq? @_http "http")
  (#match? @_status "^Status[A-Z]")
  (#not-any-of? @_package "http" "fmt" "log" "io" "strconv"))

; net/http: http.NotFound(w, r) sends 404 (the callee itself is the status)
(call_expression
  function: (selector_expression operand: (identifier) @_package field: (field_identifier) @_function) @status.send
  (#eq? @_package "http")
  (#eq? @_function "NotFound"))

; go-chi/render: render.Status(r, 409)
(call_expression
  function: (selector_expression operand: (identifier) @_package field: (field_identifier) @_function)
  arguments: (argument_list (_) . (_) @status.send)
  (#eq? @_package "render")
  (#eq? @_function "Status"))

; Gin, Echo, Fiber (status first; methods no other library has): c.AbortWithStatus(409),
; c.AbortWithStatusJSON(409, obj), c.AbortWithError(409, err), c.IndentedJSON(409, obj), c.NoContent(204),
; c.SendStatus(409), c.JSONBlob(409, b); Beego: this.CustomAbort(409, "x")
(call_expression
  function: (selector_expression field: (field_identifier) @_method)
  arguments: (argument_list . (_) @status.send)
  (#any-of? @_method
    "AbortWithStatus" "AbortWithStatusJSON" "AbortWithError" "IndentedJSON" "SecureJSON" "AsciiJSON" "PureJSON"
    "JSONP" "DataFromReader" "NoContent" "SendStatus" "JSONBlob" "JSONPretty" "XMLBlob" "XMLPretty" "HTMLBlob"
    "CustomAbort"))

; Gin, Echo (status first) on the usual context names: c.JSON(409, obj), c.String(http.StatusConflict, "x"),
; c.Data(409, "text/plain", b), c.Redirect(302, url), c.Status(204); Fiber: c.Status(409).JSON(x)
(call_expression
  function: (selector_expression operand: (identifier) @_context field: (field_identifier) @_method)
  arguments: (argument_list . (_) @status.send)
  (#any-of? @_context "c" "ctx" "context" "gc" "ec" "fc")
  (#any-of? @_method "JSON" "String" "HTML" "XML" "YAML" "TOML" "ProtoBuf" "Data" "Blob" "Stream" "Render"
    "Redirect" "Status"))

; The same methods on a context kept in a field: g.C.JSON(409, obj), h.ctx.String(http.StatusConflict, "x")
(call_expression
  function: (selector_expression
    operand: (selector_expression field: (field_identifier) @_context)
    field: (field_identifier) @_method)
  arguments: (argument_list . (_) @status.send)
  (#any-of? @_context "C" "Ctx" "Context" "c" "ctx")
  (#any-of? @_method "JSON" "String" "HTML" "XML" "YAML" "TOML" "ProtoBuf" "Data" "Blob" "Stream" "Render"
    "Redirect" "Status" "AbortWithStatus" "AbortWithStatusJSON" "AbortWithError" "IndentedJSON" "NoContent"))

; Fiber: c.Redirect("/login") answers 302 Found (the default of Fiber v2; Gin and Echo always take a code)
(call_expression
  function: (selector_expression operand: (identifier) @_context field: (field_identifier) @status.implicit)
  arguments: (argument_list . (_) .)
  (#any-of? @_context "c" "ctx" "context" "fc")
  (#eq? @status.implicit "Redirect")
  (#set! implicit "302"))

; Fiber: c.Redirect("/login", 302) (v2: the status comes second; in Gin and Echo the second is the URL); Beego
; controllers: this.Redirect("/", 302)
(call_expression
  function: (selector_expression operand: (identifier) @_context field: (field_identifier) @_method)
  arguments: (argument_list . (_) . (_) @status.send .)
  (#any-of? @_context "c" "ctx" "context" "fc" "this")
  (#eq? @_method "Redirect"))

; Fiber v3: c.Redirect().To("/login"), .Back("/"), .Route("home") answer 303 See Other (v3's default); with
; c.Redirect().Status(301).To(url) the code is sent instead
(call_expression
  function: (selector_expression
    operand: (call_expression
      function: (selector_expression field: (field_identifier) @_redirect)
      arguments: (argument_list) @_none)
    field: (field_identifier) @status.implicit)
  (#eq? @_redirect "Redirect")
  (#eq? @_none "()")
  (#any-of? @status.implicit "To" "Back" "Route")
  (#set! implicit "303"))
(call_expression
  function: (selector_expression
    operand: (call_expression
      function: (selector_expression field: (field_identifier) @_redirect)
      arguments: (argument_list) @_none)
    field: (field_identifier) @_method)
  arguments: (argument_list . (_) @status.send)
  (#eq? @_redirect "Redirect")
  (#eq? @_none "()")
  (#eq? @_method "Status"))

; Beego controllers: this.Ctx.Output.SetStatus(409), this.CustomAbort(409, "x")
(call_expression
  function: (selector_expression
    operand: (selector_expression field: (field_identifier) @_output)
    field: (field_identifier) @_method)
  arguments: (argument_list . (_) @status.send)
  (#eq? @_output "Output")
  (#eq? @_method "SetStatus"))

; Echo, Fiber errors: echo.NewHTTPError(409, "x"), fiber.NewError(409, "x")
(call_expression
  function: (selector_expression operand: (identifier) @_package field: (field_identifier) @_function)
  arguments: (argument_list . (_) @status.send)
  (#any-of? @_package "echo" "fiber")
  (#any-of? @_function "NewHTTPError" "NewError"))

; Echo, Fiber predefined errors returned by a handler: return echo.ErrNotFound, return fiber.ErrConflict
(return_statement
  (expression_list
    (selector_expression operand: (identifier) @_package field: (field_identifier) @_error) @status.send)
  (#any-of? @_package "echo" "fiber")
  (#match? @_error "^Err[A-Z]"))
; … both through Echo or Fiber imported under another name (ec "github.com/labstack/echo/v4": return ec.ErrNotFound,
; ec.NewHTTPError(409, "x")); the import says what the name is (`@import.name` in flow.scm)
(call_expression
  function: (selector_expression operand: (identifier) @_package field: (field_identifier) @_function)
  arguments: (argument_list . (_) @status.send)
  (#not-any-of? @_package "echo" "fiber")
  (#imported? @_package)
  (#any-of? @_function "NewHTTPError" "NewError")
  (#set! evidence.file "\"github\\.com/(labstack/echo|gofiber/fiber)"))
(return_statement
  (expression_list
    (selector_expression operand: (identifier) @_package field: (field_identifier) @_error) @status.send)
  (#not-any-of? @_package "echo" "fiber")
  (#imported? @_package)
  (#match? @_error "^Err[A-Z]")
  (#set! evidence.file "\"github\\.com/(labstack/echo|gofiber/fiber)"))

; AWS Lambda: return events.APIGatewayProxyResponse{StatusCode: 409, Body: "…"}, nil
(return_statement
  (expression_list
    (composite_literal
      type: (qualified_type package: (package_identifier) @_package)
      body: (literal_value
        (keyed_element
          key: (literal_element (identifier) @_key)
          value: (literal_element (_) @status.send)))))
  (#eq? @_package "events")
  (#eq? @_key "StatusCode"))

; go-kit StatusCoder and alike: func (e *ConflictError) StatusCode() int { return http.StatusConflict } — the transport
; answers an error with what its StatusCode method returns (error types only, by the receiver's type name)
(method_declaration
  receiver: (parameter_list
    (parameter_declaration type: [(type_identifier) (pointer_type (type_identifier))] @_type))
  name: (field_identifier) @_method
  body: (block (statement_list (return_statement (expression_list . (_) @status.send .))))
  (#match? @_type "(Error|Err|Exception|Problem)$")
  (#any-of? @_method "StatusCode" "HTTPStatus" "HTTPStatusCode" "HttpStatus" "HttpStatusCode"))

; ---- Mentions: explained, never flagged ---------------------------------------------------------------------

; Clients and tests reading a status: resp.StatusCode == 409, 404 != w.Code
(binary_expression
  left: (selector_expression field: (field_identifier) @_field)
  right: (int_literal) @status.mention
  (#any-of? @_field "StatusCode" "Code"))
(binary_expression
  left: (int_literal) @status.mention
  right: (selector_expression field: (field_identifier) @_field)
  (#any-of? @_field "StatusCode" "Code"))

; switch resp.StatusCode { case 404, 409: … }
(expression_switch_statement
  value: (selector_expression field: (field_identifier) @_field)
  (expression_case value: (expression_list (int_literal) @status.mention))
  (#any-of? @_field "StatusCode" "Code"))

; testify: assert.Equal(t, 409, w.Code), require.Equal(t, rec.Code, 409), s.Equal(409, resp.StatusCode)
(call_expression
  function: (selector_expression field: (field_identifier) @_method)
  arguments: (argument_list (int_literal) @status.mention . (selector_expression field: (field_identifier) @_field))
  (#any-of? @_method "Equal" "EqualValues" "Exactly" "NotEqual")
  (#any-of? @_field "StatusCode" "Code"))
(call_expression
  function: (selector_expression field: (field_identifier) @_method)
  arguments: (argument_list (selector_expression field: (field_identifier) @_field) . (int_literal) @status.mention)
  (#any-of? @_method "Equal" "EqualValues" "Exactly" "NotEqual")
  (#any-of? @_field "StatusCode" "Code"))

; testify: assert.HTTPStatusCode(t, handler, "GET", "/x", nil, 409)
(call_expression
  function: (selector_expression field: (field_identifier) @_method)
  arguments: (argument_list (int_literal) @status.mention .)
  (#eq? @_method "HTTPStatusCode"))

; Gomega: Expect(resp.StatusCode).To(Equal(409)), Expect(resp).To(HaveHTTPStatus(409))
(call_expression
  function: (selector_expression
    operand: (call_expression
      function: (identifier) @_expect
      arguments: (argument_list (selector_expression field: (field_identifier) @_field)))
    field: (field_identifier) @_to)
  arguments: (argument_list
    (call_expression function: (identifier) @_matcher arguments: (argument_list . (int_literal) @status.mention)))
  (#eq? @_expect "Expect")
  (#any-of? @_field "StatusCode" "Code")
  (#any-of? @_to "To" "NotTo" "ToNot" "Should" "ShouldNot")
  (#any-of? @_matcher "Equal" "BeEquivalentTo" "BeNumerically"))
(call_expression
  function: (identifier) @_matcher
  arguments: (argument_list (int_literal) @status.mention)
  (#eq? @_matcher "HaveHTTPStatus"))

; Range checks and comparisons of a status held in a variable: status >= 500, code == 404, 200 <= statusCode
(binary_expression
  left: (identifier) @_name
  right: (int_literal) @status.mention
  (#match? @_name "^([sS]tatus|[cC]ode|statusCode|StatusCode|httpStatus|httpCode|respCode|sc)$"))
(binary_expression
  left: (int_literal) @status.mention
  right: (identifier) @_name
  (#match? @_name "^([sS]tatus|[cC]ode|statusCode|StatusCode|httpStatus|httpCode|respCode|sc)$"))
(binary_expression
  left: (call_expression function: (selector_expression field: (field_identifier) @_method))
  right: (int_literal) @status.mention
  (#any-of? @_method "Status" "StatusCode"))

; switch status { case 404, 409: … }
(expression_switch_statement
  value: (identifier) @_name
  (expression_case value: (expression_list (int_literal) @status.mention))
  (#match? @_name "^([sS]tatus|[cC]ode|statusCode|httpStatus|httpCode)$"))

; Maps, sets and lists of statuses named so: var statusText = map[int]string{404: "…"}, retryable := []int{429, 503},
; map[int]bool{500: true}
(var_spec
  name: (identifier) @_name
  value: (expression_list
    (composite_literal
      body: (literal_value
        [(keyed_element key: (literal_element (int_literal) @status.mention))
         (literal_element (int_literal) @status.mention)])))
  (#match? @_name "([sS]tatus|[cC]odes|[rR]etr[yi]|HTTP|Http)"))
(short_var_declaration
  left: (expression_list . (identifier) @_name .)
  right: (expression_list
    (composite_literal
      body: (literal_value
        [(keyed_element key: (literal_element (int_literal) @status.mention))
         (literal_element (int_literal) @status.mention)])))
  (#match? @_name "([sS]tatus|[cC]odes|[rR]etr[yi]|HTTP|Http)"))

; Membership: slices.Contains([]int{500, 502}, resp.StatusCode)
(call_expression
  function: (selector_expression field: (field_identifier) @_method)
  arguments: (argument_list
    . (composite_literal body: (literal_value (literal_element (int_literal) @status.mention)))
    . [(selector_expression field: (field_identifier) @_field) (identifier) @_field])
  (#eq? @_method "Contains")
  (#match? @_field "^([sS]tatus|[cC]ode|StatusCode|statusCode)$"))

; A status echoed in a body: gin.H{"code": 401, "error": "…"}, map[string]any{"status": 404}
(keyed_element
  key: (literal_element (interpreted_string_literal (interpreted_string_literal_content) @_key))
  value: (literal_element (int_literal) @status.mention)
  (#any-of? @_key "code" "status" "statusCode" "status_code" "httpStatus" "http_status"))

; HTTP client fakes in tests: gock.New(url).Reply(404), httpmock.NewStringResponder(500, "")
(call_expression
  function: (selector_expression field: (field_identifier) @_method)
  arguments: (argument_list . (int_literal) @status.mention)
  (#any-of? @_method "Reply" "NewStringResponder" "NewJsonResponder" "NewBytesResponder" "NewJsonResponderOrPanic"
    "NewStringResponse" "NewBytesResponse" "NewJsonResponse"))

; A fake server in tests answers no real request: httptest.NewServer(http.HandlerFunc(func(w, r) { w.WriteHeader(500) }))
((call_expression
  function: (selector_expression operand: (identifier) @_package field: (field_identifier) @_function)) @status.client
  (#eq? @_package "httptest")
  (#any-of? @_function "NewServer" "NewTLSServer" "NewUnstartedServer"))

; Tests answer no request: func TestCreate(t *testing.T), benchmarks and fuzz tests (what they pass to helpers is not
; sent by a handler)
((function_declaration
  parameters: (parameter_list
    . (parameter_declaration type: (pointer_type (qualified_type package: (package_identifier) @_testing))))) @status.client
  (#eq? @_testing "testing"))

; Status fields in data: &http.Response{StatusCode: 409}, ErrorBody{Status: 404}
(keyed_element
  key: (literal_element (identifier) @_key)
  value: (literal_element (int_literal) @status.mention)
  (#any-of? @_key "StatusCode" "Status" "HTTPStatus" "HttpStatus"))

; http.StatusText(409)
(call_expression
  function: (selector_expression operand: (identifier) @_package field: (field_identifier) @_function)
  arguments: (argument_list . (int_literal) @status.mention .)
  (#eq? @_package "http")
  (#eq? @_function "StatusText"))

; Named statuses anywhere: http.StatusConflict (net/http, also used by Gin and Echo), fiber.StatusConflict,
; echo.ErrNotFound, fiber.ErrConflict
(selector_expression
  operand: (identifier) @_package
  field: (field_identifier) @_name
  (#any-of? @_package "http" "fiber")
  (#match? @_name "^Status[A-Z]")) @status.mention
(selector_expression
  operand: (identifier) @_package
  field: (field_identifier) @_name
  (#any-of? @_package "echo" "fiber")
  (#match? @_name "^Err[A-Z]")) @status.mention

; ---- Helpers ---------------------------------------------------------------------------------------------------
; writeError(w, 409, "x"), s.respond(w, 409): followed into a function or method in the same file that sends one of
; its parameters
(call_expression function: (identifier) @call.name arguments: (argument_list) @call.arguments)
(call_expression
  function: (selector_expression operand: (identifier) field: (field_identifier) @call.name)
  arguments: (argument_list) @call.arguments)

; ---- Constants ------------------------------------------------------------------------------------------------
; const Conflict = 409, and inside const ( … ) blocks (a spec with one value; `A, B = 1, 2` is left out)
(const_spec
  name: (identifier) @constant.name
  value: (expression_list . (int_literal) @constant.value .))
