; Rust: where an HTTP status code stands. Vocabulary and rules: ../README.md.
; Captures (vocabulary in src/core/languages/captures.ts):
;   @status.send     the value a request handler returns, sends or sets (checked against the table)
;   @status.mention  a status code in any other status context (explained, never flagged)
;   @constant.name / @constant.value   `const NAME: u16 = <number>` definitions that status values may refer to
;   @call.name / @call.arguments       calls of helpers in the same file that send one of their parameters
; Captures starting with "_" only serve predicates.
;
; A `StatusCode::X` (http, axum, actix-web, reqwest, hyper, warp) is sent when it stands where a handler's response
; is produced: the tail of a block, `return`, `Ok(…)`/`Err(…)`, a closure body, a match arm, `.into_response()`,
; `.ok_or(…)` — alone or in a response tuple `(StatusCode::CONFLICT, Json(body))`. Anywhere else (comparisons,
; `let` bindings, test tables, macro arguments) it is a mention.

; ---- Handlers: send ---------------------------------------------------------------------------------------

; axum, actix-web: StatusCode::NO_CONTENT or (StatusCode::CREATED, Json(x)) as the tail of a block
(block
  [(scoped_identifier) @status.send
   (tuple_expression (scoped_identifier) @status.send)]
  (#match? @status.send "^([a-z_]+::)*StatusCode::[A-Z][A-Z0-9_]*$"))

; return StatusCode::CONFLICT; return (StatusCode::CONFLICT, "exists")
(return_expression
  [(scoped_identifier) @status.send
   (tuple_expression (scoped_identifier) @status.send)]
  (#match? @status.send "^([a-z_]+::)*StatusCode::[A-Z][A-Z0-9_]*$"))

; Err(StatusCode::NOT_FOUND), Ok((StatusCode::CREATED, Json(x))), Err((StatusCode::CONFLICT, msg))
(call_expression
  function: (identifier) @_result
  arguments: (arguments
    .
    [(scoped_identifier) @status.send
     (tuple_expression (scoped_identifier) @status.send)]
    .)
  (#any-of? @_result "Ok" "Err")
  (#match? @status.send "^([a-z_]+::)*StatusCode::[A-Z][A-Z0-9_]*$"))

; .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR), .ok_or_else(|| (StatusCode::NOT_FOUND, "missing"))
(closure_expression
  body: [(scoped_identifier) @status.send
         (tuple_expression (scoped_identifier) @status.send)]
  (#match? @status.send "^([a-z_]+::)*StatusCode::[A-Z][A-Z0-9_]*$"))

; match err { AppError::Conflict => StatusCode::CONFLICT, … } (IntoResponse / ResponseError implementations)
(match_arm
  value: [(scoped_identifier) @status.send
          (tuple_expression (scoped_identifier) @status.send)]
  (#match? @status.send "^([a-z_]+::)*StatusCode::[A-Z][A-Z0-9_]*$"))

; StatusCode::CONFLICT.into_response(), (StatusCode::CONFLICT, body).into_response(); .ok_or(StatusCode::NOT_FOUND)
(field_expression
  value: [(scoped_identifier) @status.send
          (tuple_expression (scoped_identifier) @status.send)]
  field: (field_identifier) @_method
  (#eq? @_method "into_response")
  (#match? @status.send "^([a-z_]+::)*StatusCode::[A-Z][A-Z0-9_]*$"))
(call_expression
  function: (field_expression field: (field_identifier) @_method)
  arguments: (arguments
    .
    [(scoped_identifier) @status.send
     (tuple_expression (scoped_identifier) @status.send)]
    .)
  (#eq? @_method "ok_or")
  (#match? @status.send "^([a-z_]+::)*StatusCode::[A-Z][A-Z0-9_]*$"))

; A response tuple built from a parameter, for helpers: fn reply(status: StatusCode, …) { (status, body).into_response() }
(block
  (tuple_expression . (identifier) @status.send)
  (#match? @status.send "^[a-z_][a-z0-9_]*$"))
(return_expression
  (tuple_expression . (identifier) @status.send)
  (#match? @status.send "^[a-z_][a-z0-9_]*$"))
(field_expression
  value: (tuple_expression . (identifier) @status.send)
  field: (field_identifier) @_method
  (#eq? @_method "into_response"))

; A response tuple built from a field, for error types: (self.status, Json(body)).into_response(),
; (err.status_code, msg).into_response()
(field_expression
  value: (tuple_expression . (field_expression) @status.send)
  field: (field_identifier) @_method
  (#eq? @_method "into_response"))

; actix-web: impl ResponseError for AppError { fn status_code(&self) -> StatusCode { self.status } }: the framework
; answers with what status_code() returns
(impl_item
  trait: [(type_identifier) (scoped_type_identifier)] @_trait
  body: (declaration_list
    (function_item
      name: (identifier) @_function
      body: (block [(field_expression) (identifier) (call_expression)] @status.send)))
  (#match? @_trait "(^|::)ResponseError$")
  (#eq? @_function "status_code"))

; http / axum: *response.status_mut() = StatusCode::CONFLICT
(assignment_expression
  left: (unary_expression
    (call_expression function: (field_expression field: (field_identifier) @_method)))
  right: (_) @status.send
  (#eq? @_method "status_mut"))

; http / axum: Response::builder().status(409), Response::builder().header(…).status(StatusCode::CONFLICT)
(call_expression
  function: (field_expression value: (_) @_builder field: (field_identifier) @_method)
  arguments: (arguments . (_) @status.send .)
  (#eq? @_method "status")
  (#match? @_builder "^([a-z_]+::)*Response::builder\\(\\)"))

; Any builder given a StatusCode: .status(StatusCode::CONFLICT); actix-web: responder.customize().with_status(…)
(call_expression
  function: (field_expression field: (field_identifier) @_method)
  arguments: (arguments . (scoped_identifier) @status.send .)
  (#any-of? @_method "status" "with_status")
  (#match? @status.send "^([a-z_]+::)*StatusCode::[A-Z][A-Z0-9_]*$"))

; actix-web: HttpResponse::build(StatusCode::CONFLICT), HttpResponse::new(…), HttpResponseBuilder::new(…),
; HttpResponse::with_body(StatusCode::CONFLICT, body)
(call_expression
  function: (scoped_identifier path: (_) @_type name: (identifier) @_function)
  arguments: (arguments . (_) @status.send)
  (#match? @_type "^([a-z_]+::)*(HttpResponse|HttpResponseBuilder)$")
  (#any-of? @_function "build" "new" "with_body"))

; warp: warp::reply::with_status(reply, StatusCode::CONFLICT)
(call_expression
  function: [(scoped_identifier name: (identifier) @_function) (identifier) @_function]
  arguments: (arguments (_) . (_) @status.send .)
  (#eq? @_function "with_status"))

; StatusCode::from_u16(409), .unwrap()ped or ?-ed, given to any of the builders above:
; HttpResponse::build(StatusCode::from_u16(code).unwrap()), Response::builder().status(StatusCode::from_u16(code)?)
(call_expression
  function: (_) @_builder
  arguments: (arguments
    .
    [(call_expression
       function: (scoped_identifier name: (identifier) @_from)
       arguments: (arguments . (_) @status.send .))
     (call_expression
       function: (field_expression
         value: (call_expression
           function: (scoped_identifier name: (identifier) @_from)
           arguments: (arguments . (_) @status.send .))))
     (try_expression
       (call_expression
         function: (scoped_identifier name: (identifier) @_from)
         arguments: (arguments . (_) @status.send .)))])
  (#eq? @_from "from_u16")
  (#match? @_builder "(^([a-z_]+::)*(HttpResponse|HttpResponseBuilder)::(build|new|with_body)$|\\.(status|with_status)$)"))

; actix-web: HttpResponse::Conflict(), HttpResponse::Accepted().json(x)
(call_expression
  function: (scoped_identifier) @status.send
  (#match? @status.send "^([a-z_]+::)*HttpResponse::[A-Z][A-Za-z]+$"))

; actix-web error helpers: Err(ErrorConflict("exists")), .map_err(error::ErrorInternalServerError)
(call_expression
  function: [(identifier) (scoped_identifier)] @status.send
  (#match? @status.send "^((actix_web::)?error::)?Error[A-Z][A-Za-z]+$"))
(call_expression
  function: (field_expression field: (field_identifier) @_method)
  arguments: (arguments . [(identifier) (scoped_identifier)] @status.send .)
  (#eq? @_method "map_err")
  (#match? @status.send "^((actix_web::)?error::)?Error[A-Z][A-Za-z]+$"))

; ---- Mentions: explained, never flagged ---------------------------------------------------------------------

; Clients and tests reading a status: res.status() == 409, resp.status().as_u16() != 404, 409 == res.status
(binary_expression
  left: [(call_expression function: (field_expression field: (field_identifier) @_field))
         (field_expression field: (field_identifier) @_field)]
  right: (integer_literal) @status.mention
  (#any-of? @_field "status" "as_u16" "status_code"))
(binary_expression
  left: (integer_literal) @status.mention
  right: [(call_expression function: (field_expression field: (field_identifier) @_field))
          (field_expression field: (field_identifier) @_field)]
  (#any-of? @_field "status" "as_u16" "status_code"))

; match resp.status().as_u16() { 409 => …, _ => … }
(match_expression
  value: (call_expression function: (field_expression field: (field_identifier) @_field))
  body: (match_block (match_arm pattern: (match_pattern (integer_literal) @status.mention)))
  (#any-of? @_field "status" "as_u16"))

; Tests: assert_eq!(res.status(), 409), assert!(resp.status().as_u16() == 404), assert_eq!(409, res.status()):
; a number among the macro's tokens, beside a `status` token anywhere in the same list. (#has-child? is the engine's
; predicate: it looks at each list once, where two unanchored sibling patterns would cost the square of its length.)
(macro_invocation
  macro: (identifier) @_macro
  (token_tree (integer_literal) @status.mention) @_tokens
  (#match? @_macro "^(debug_)?assert(_eq|_ne)?$")
  (#has-child? @_tokens "identifier" "status" "as_u16" "status_code"))

; Inside any macro (opaque token trees): assert_eq!(res.status(), StatusCode::CONFLICT), json!({ "status": 409 })
(token_tree
  (identifier) @_type . "::" . (identifier) @status.mention
  (#eq? @_type "StatusCode"))
(token_tree
  (string_literal (string_content) @_key) . ":" . (integer_literal) @status.mention
  (#any-of? @_key "status" "statusCode" "status_code" "http_status"))

; Status fields: Error { status: 409, … }; StatusCode::from_u16(409); wiremock ResponseTemplate::new(409);
; mock servers: then.status(409) (httpmock), .with_status(409) (mockito)
(field_initializer
  field: (field_identifier) @_field
  value: (integer_literal) @status.mention
  (#any-of? @_field "status" "status_code" "http_status"))
(call_expression
  function: (scoped_identifier path: (_) @_type name: (identifier) @_function)
  arguments: (arguments . (integer_literal) @status.mention .)
  (#match? @_type "^([a-z_]+::)*(StatusCode|ResponseTemplate)$")
  (#any-of? @_function "from_u16" "new"))
(call_expression
  function: (field_expression field: (field_identifier) @_method)
  arguments: (arguments . (integer_literal) @status.mention .)
  (#any-of? @_method "status" "with_status"))

; Named statuses anywhere: StatusCode::CONFLICT, http::StatusCode::NOT_FOUND, reqwest::StatusCode::OK
((scoped_identifier) @status.mention
  (#match? @status.mention "^([a-z_]+::)*StatusCode::[A-Z][A-Z0-9_]*$"))

; ---- Helpers ---------------------------------------------------------------------------------------------------
; error(409), Self::error(409): followed into a function in the same file that sends one of its parameters.
; (Method calls self.error(409) are left out: the engine counts `&self` as the first parameter, the call does not.)
(call_expression function: (identifier) @call.name arguments: (arguments) @call.arguments)
(call_expression
  function: (scoped_identifier path: (identifier) @_self name: (identifier) @call.name)
  arguments: (arguments) @call.arguments
  (#eq? @_self "Self"))

; ---- Constants ------------------------------------------------------------------------------------------------
; const CONFLICT: u16 = 409; static GONE: u16 = 410 (u16, the type of status codes in http and actix-web)
(const_item
  name: (identifier) @constant.name
  type: (primitive_type) @_type
  value: (integer_literal) @constant.value
  (#eq? @_type "u16"))
(static_item
  name: (identifier) @constant.name
  type: (primitive_type) @_type
  value: (integer_literal) @constant.value
  (#eq? @_type "u16"))
