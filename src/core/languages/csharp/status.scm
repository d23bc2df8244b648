; C#: where an HTTP status code stands. Vocabulary and rules: ../README.md.
; Captures starting with "_" only serve predicates. Arguments are (argument …) nodes; a value may be cast,
; `(int)HttpStatusCode.Conflict`, so value positions capture the cast's value too (the cast itself resolves to nothing).

; ---- Handlers: send ---------------------------------------------------------------------------------------

; ASP.NET Core MVC controller helpers, where an action returns them:
; return Conflict(); => NotFound(); return ok ? Ok(x) : NotFound(); CreatedAtAction(nameof(Get), new { id }, x)
; (only these names, and only as a result: a user method called Accepted() elsewhere stays silent)
([
  (return_statement (invocation_expression function: (identifier) @status.send))
  (arrow_expression_clause (invocation_expression function: (identifier) @status.send))
  (lambda_expression body: (invocation_expression function: (identifier) @status.send))
  (conditional_expression consequence: (invocation_expression function: (identifier) @status.send))
  (conditional_expression alternative: (invocation_expression function: (identifier) @status.send))
  (switch_expression_arm (invocation_expression function: (identifier) @status.send) .)
 ]
 (#any-of? @status.send
   "Ok" "Created" "CreatedAtAction" "CreatedAtRoute" "Accepted" "AcceptedAtAction" "AcceptedAtRoute" "NoContent"
   "BadRequest" "Unauthorized" "Forbid" "NotFound" "Conflict" "UnprocessableEntity")
 (#set! evidence "(?<![\\w.])(?:Ok|Created|CreatedAtAction|CreatedAtRoute|Accepted|AcceptedAtAction|AcceptedAtRoute|NoContent|BadRequest|Unauthorized|Forbid|NotFound|Conflict|UnprocessableEntity)\\s*\\("))

; Minimal APIs: Results.Conflict(), TypedResults.NotFound(), Results.Ok<Todo>(todo)
(invocation_expression
  function: (member_access_expression
    expression: (identifier) @_results
    name: [(identifier) @status.send (generic_name (identifier) @status.send)])
  (#any-of? @_results "Results" "TypedResults")
  (#any-of? @status.send
    "Ok" "Created" "CreatedAtRoute" "Accepted" "AcceptedAtRoute" "NoContent" "BadRequest" "Unauthorized" "Forbid"
    "NotFound" "Conflict" "UnprocessableEntity" "InternalServerError"))

; StatusCode(409), StatusCode(StatusCodes.Status409Conflict, body), StatusCode((int)HttpStatusCode.Conflict)
(invocation_expression
  function: (identifier) @_method
  arguments: (argument_list . (argument . [(cast_expression value: (_) @status.send) (_) @status.send] .))
  (#eq? @_method "StatusCode"))
; Results.StatusCode(409), TypedResults.StatusCode(409)
(invocation_expression
  function: (member_access_expression expression: (identifier) @_results name: (identifier) @_method)
  arguments: (argument_list . (argument . [(cast_expression value: (_) @status.send) (_) @status.send] .))
  (#any-of? @_results "Results" "TypedResults")
  (#eq? @_method "StatusCode"))

; Problem(statusCode: 409), ValidationProblem(statusCode: 422)
(invocation_expression
  function: (identifier) @_method
  arguments: (argument_list
    (argument name: (identifier) @_name . [(cast_expression value: (_) @status.send) (_) @status.send] .))
  (#any-of? @_method "Problem" "ValidationProblem")
  (#eq? @_name "statusCode"))
; Results.Problem(statusCode: 409), Results.Json(x, statusCode: 409), TypedResults.Text("…", statusCode: 409)
(invocation_expression
  function: (member_access_expression expression: (identifier) @_results)
  arguments: (argument_list
    (argument name: (identifier) @_name . [(cast_expression value: (_) @status.send) (_) @status.send] .))
  (#any-of? @_results "Results" "TypedResults")
  (#eq? @_name "statusCode"))

; Response.StatusCode = 409; HttpContext.Response.StatusCode = 409; context.Response.StatusCode = (int)HttpStatusCode.Conflict
(assignment_expression
  left: (member_access_expression
    expression: [(identifier) @_response (member_access_expression name: (identifier) @_response)]
    name: (identifier) @_property)
  right: [(cast_expression value: (_) @status.send) (_) @status.send]
  (#eq? @_response "Response")
  (#eq? @_property "StatusCode"))

; new ObjectResult(error) { StatusCode = 409 }, new ContentResult { StatusCode = 409, Content = "…" }
(object_creation_expression
  type: (identifier) @_class
  initializer: (initializer_expression
    (assignment_expression
      left: (identifier) @_property
      right: [(cast_expression value: (_) @status.send) (_) @status.send]))
  (#any-of? @_class "ObjectResult" "ContentResult" "JsonResult")
  (#eq? @_property "StatusCode"))

; new StatusCodeResult(409); ASP.NET MVC 5: new HttpStatusCodeResult(HttpStatusCode.Conflict);
; Web API 2: throw new HttpResponseException(HttpStatusCode.Conflict)
(object_creation_expression
  type: (identifier) @_class
  arguments: (argument_list . (argument . [(cast_expression value: (_) @status.send) (_) @status.send] .))
  (#any-of? @_class "StatusCodeResult" "HttpStatusCodeResult" "HttpResponseException"))

; Web API 2: Request.CreateResponse(HttpStatusCode.Conflict, body), Request.CreateErrorResponse(HttpStatusCode.Conflict, "…")
(invocation_expression
  function: (member_access_expression expression: (identifier) @_request name: (identifier) @_method)
  arguments: (argument_list . (argument . [(cast_expression value: (_) @status.send) (_) @status.send] .))
  (#eq? @_request "Request")
  (#any-of? @_method "CreateResponse" "CreateErrorResponse"))

; throw new BadHttpRequestException("…", 409): the second argument is the status
(object_creation_expression
  type: (identifier) @_class
  arguments: (argument_list . (argument) . (argument . [(cast_expression value: (_) @status.send) (_) @status.send] .))
  (#eq? @_class "BadHttpRequestException"))

; Result objects named after their status: return new ConflictObjectResult(error), new NotFoundResult()
(object_creation_expression
  type: (identifier) @status.send
  (#match? @status.send "^(Ok|Created|Accepted|NoContent|BadRequest|Unauthorized|Forbid|NotFound|Conflict|UnprocessableEntity)(Object)?Result$"))

; ---- Implicit codes: answered although no number is written -----------------------------------------------
; MVC controller helpers, where an action returns them: Redirect(url), RedirectToAction("Index"), RedirectToRoute(…),
; RedirectToPage(…), LocalRedirect(url) answer 302 Found; the …Permanent forms 301; …PreserveMethod 307 and 308
([
  (return_statement (invocation_expression function: (identifier) @status.implicit))
  (arrow_expression_clause (invocation_expression function: (identifier) @status.implicit))
  (conditional_expression consequence: (invocation_expression function: (identifier) @status.implicit))
  (conditional_expression alternative: (invocation_expression function: (identifier) @status.implicit))
 ]
 (#any-of? @status.implicit "Redirect" "RedirectToAction" "RedirectToRoute" "RedirectToPage" "LocalRedirect")
 (#set! implicit "302"))
([
  (return_statement (invocation_expression function: (identifier) @status.implicit))
  (arrow_expression_clause (invocation_expression function: (identifier) @status.implicit))
 ]
 (#any-of? @status.implicit "RedirectPermanent" "RedirectToActionPermanent" "RedirectToRoutePermanent" "RedirectToPagePermanent" "LocalRedirectPermanent")
 (#set! implicit "301"))
([
  (return_statement (invocation_expression function: (identifier) @status.implicit))
  (arrow_expression_clause (invocation_expression function: (identifier) @status.implicit))
 ]
 (#any-of? @status.implicit "RedirectPreserveMethod" "RedirectToActionPreserveMethod" "RedirectToRoutePreserveMethod" "LocalRedirectPreserveMethod")
 (#set! implicit "307"))
([
  (return_statement (invocation_expression function: (identifier) @status.implicit))
  (arrow_expression_clause (invocation_expression function: (identifier) @status.implicit))
 ]
 (#any-of? @status.implicit "RedirectPermanentPreserveMethod" "RedirectToActionPermanentPreserveMethod" "RedirectToRoutePermanentPreserveMethod" "LocalRedirectPermanentPreserveMethod")
 (#set! implicit "308"))
; Minimal APIs: Results.Redirect(url), Results.LocalRedirect(url), Results.RedirectToRoute(name) (permanent: false): 302
(invocation_expression
  function: (member_access_expression expression: (identifier) @_results name: (identifier) @status.implicit)
  arguments: (argument_list . (argument) .)
  (#any-of? @_results "Results" "TypedResults")
  (#any-of? @status.implicit "Redirect" "LocalRedirect" "RedirectToRoute")
  (#set! implicit "302"))
; HttpResponse.Redirect(url) in middleware: context.Response.Redirect("/login") answers 302
(invocation_expression
  function: (member_access_expression
    expression: [(identifier) @_response (member_access_expression name: (identifier) @_response)]
    name: (identifier) @status.implicit)
  arguments: (argument_list . (argument) .)
  (#eq? @_response "Response")
  (#eq? @status.implicit "Redirect")
  (#set! implicit "302"))

; ---- Mentions: explained, never flagged ---------------------------------------------------------------------

; [ProducesResponseType(409)], [ProducesResponseType(typeof(Error), StatusCodes.Status409Conflict)],
; [ProducesResponseType<Error>(409)], [SwaggerResponse(409, "…")]: these DECLARE the responses an action may give
; (OpenAPI metadata); the action body is what sends them, so flagging the attribute would report twice and would
; flag documentation of a status the code may never send.
(attribute
  name: (_) @_attribute
  (attribute_argument_list (attribute_argument [(integer_literal) (member_access_expression)] @status.mention .))
  (#match? @_attribute "^(ProducesResponseType|SwaggerResponse)(Attribute)?(<.*>)?$"))
; Minimal APIs, the same metadata: .Produces(409), .Produces<Error>(409), .ProducesProblem(409)
(invocation_expression
  function: (member_access_expression name: [(identifier) @_method (generic_name (identifier) @_method)])
  arguments: (argument_list . (argument . (integer_literal) @status.mention .))
  (#any-of? @_method "Produces" "ProducesProblem"))

; Tests (xUnit, NUnit, MSTest): Assert.Equal(409, (int)response.StatusCode), Assert.AreEqual(result.StatusCode, 404)
(invocation_expression
  function: (member_access_expression expression: (identifier) @_assert name: (identifier) @_method)
  arguments: (argument_list . (argument . (integer_literal) @status.mention .) . (argument) @_actual)
  (#eq? @_assert "Assert")
  (#any-of? @_method "Equal" "NotEqual" "AreEqual" "AreNotEqual")
  (#match? @_actual "StatusCode|\\.Status\\b"))
(invocation_expression
  function: (member_access_expression expression: (identifier) @_assert name: (identifier) @_method)
  arguments: (argument_list . (argument) @_actual . (argument . (integer_literal) @status.mention .))
  (#eq? @_assert "Assert")
  (#any-of? @_method "Equal" "NotEqual" "AreEqual" "AreNotEqual")
  (#match? @_actual "StatusCode|\\.Status\\b"))
; NUnit: Assert.That((int)response.StatusCode, Is.EqualTo(409))
(invocation_expression
  function: (member_access_expression expression: (identifier) @_assert name: (identifier) @_method)
  arguments: (argument_list
    . (argument) @_actual
    . (argument (invocation_expression
        function: (member_access_expression name: (identifier) @_matcher)
        arguments: (argument_list . (argument . (integer_literal) @status.mention .)))))
  (#eq? @_assert "Assert")
  (#eq? @_method "That")
  (#eq? @_matcher "EqualTo")
  (#match? @_actual "StatusCode|\\.Status\\b"))
; FluentAssertions: ((int)response.StatusCode).Should().Be(409)
(invocation_expression
  function: (member_access_expression
    expression: (invocation_expression function: (member_access_expression expression: (_) @_actual name: (identifier) @_should))
    name: (identifier) @_matcher)
  arguments: (argument_list . (argument . (integer_literal) @status.mention .))
  (#eq? @_should "Should")
  (#any-of? @_matcher "Be" "NotBe")
  (#match? @_actual "StatusCode|\\.Status\\b"))
; Assert.IsType<ConflictObjectResult>(result), result.Should().BeOfType<NotFoundResult>()
(member_access_expression
  name: (generic_name (identifier) @_method (type_argument_list . (identifier) @status.mention .))
  (#any-of? @_method "IsType" "IsAssignableFrom" "BeOfType" "BeAssignableTo")
  (#match? @status.mention "^(Ok|Created|Accepted|NoContent|BadRequest|Unauthorized|Forbid|NotFound|Conflict|UnprocessableEntity)(Object)?Result$"))

; Clients: if ((int)response.StatusCode == 404), 409 != (int)response.StatusCode
(binary_expression
  left: (_) @_actual
  ["==" "!="]
  right: (integer_literal) @status.mention
  (#match? @_actual "StatusCode|\\.Status\\b"))
(binary_expression
  left: (integer_literal) @status.mention
  ["==" "!="]
  right: (_) @_actual
  (#match? @_actual "StatusCode|\\.Status\\b"))

; Range checks: statusCode >= 500, (int)response.StatusCode < 300
(binary_expression
  left: (_) @_actual
  [">=" ">" "<=" "<"]
  right: (integer_literal) @status.mention
  (#match? @_actual "([Ss]tatus|[Ss]tatusCode|StatusCode\\)?)$"))
(binary_expression
  left: (integer_literal) @status.mention
  [">=" ">" "<=" "<"]
  right: (_) @_actual
  (#match? @_actual "([Ss]tatus|[Ss]tatusCode|StatusCode\\)?)$"))

; Statuses as data, in a field or variable whose name says so: RetryableStatuses = new HashSet<int> { 429, 503 },
; int[] RetryCodes = { 502, 504 }, new[] { 500, 502 }, new List<int> { … }
(variable_declarator
  name: (identifier) @_name
  [
    (initializer_expression (integer_literal) @status.mention)
    (array_creation_expression (initializer_expression (integer_literal) @status.mention))
    (implicit_array_creation_expression (initializer_expression (integer_literal) @status.mention))
    (object_creation_expression initializer: (initializer_expression (integer_literal) @status.mention))
  ]
  (#match? @_name "([Ss]tatus|STATUS|[Rr]etry|RETRY|[Rr]etryable|HttpCodes|HTTP_CODES)"))
; new[] { 500, 502 }.Contains((int)response.StatusCode)
(invocation_expression
  function: (member_access_expression
    expression: [(implicit_array_creation_expression (initializer_expression (integer_literal) @status.mention))
                 (array_creation_expression (initializer_expression (integer_literal) @status.mention))]
    name: (identifier) @_method)
  arguments: (argument_list . (argument) @_actual .)
  (#eq? @_method "Contains")
  (#match? @_actual "StatusCode|\\.Status\\b|^[Ss]tatus"))

; switch ((int)response.StatusCode) { case 404: … }, (int)response.StatusCode switch { 429 => …, … }
(switch_statement
  value: (_) @_actual
  body: (switch_body (switch_section (constant_pattern (integer_literal) @status.mention)))
  (#match? @_actual "StatusCode|\\.Status\\b"))
(switch_expression
  . (_) @_actual
  (switch_expression_arm . (constant_pattern (integer_literal) @status.mention))
  (#match? @_actual "StatusCode|\\.Status\\b"))

; Status fields in data: new ProblemDetails { Status = 409 }, new HttpResponseMessage { StatusCode = … },
; Json(new { status = 409 })
(initializer_expression
  (assignment_expression
    left: (identifier) @_property
    right: [(cast_expression value: (integer_literal) @status.mention) (integer_literal) @status.mention])
  (#any-of? @_property "Status" "StatusCode"))
(anonymous_object_creation_expression
  (identifier) @_property
  .
  (integer_literal) @status.mention
  (#match? @_property "^([Ss]tatus|[Ss]tatusCode|status_code)$"))

; Named statuses anywhere: HttpStatusCode.Conflict, System.Net.HttpStatusCode.Conflict, StatusCodes.Status409Conflict
(member_access_expression
  expression: [(identifier) @_enum (member_access_expression name: (identifier) @_enum)]
  (#any-of? @_enum "HttpStatusCode" "StatusCodes")) @status.mention

; ---- Helpers ---------------------------------------------------------------------------------------------------
; return Error(409); / this.Error(409): followed into a method in the same file that sends its parameter
(invocation_expression function: (identifier) @call.name arguments: (argument_list) @call.arguments)
(invocation_expression
  function: (member_access_expression expression: "this" name: (identifier) @call.name)
  arguments: (argument_list) @call.arguments)

; ---- Constants ------------------------------------------------------------------------------------------------
; const int Conflict = 409; static readonly int Conflict = 409; (also local constants)
(field_declaration
  (modifier) @_modifier
  (variable_declaration (variable_declarator name: (identifier) @constant.name . (integer_literal) @constant.value .))
  (#any-of? @_modifier "const" "readonly"))
(local_declaration_statement
  (modifier) @_modifier
  (variable_declaration (variable_declarator name: (identifier) @constant.name . (integer_literal) @constant.value .))
  (#eq? @_modifier "const"))
