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

; A response tuple built from a variable: fn reply(status: StatusCode, …) { (status, body).into_response() }; as the
; tail of a function that returns a response (a tuple of other numbers, `(width, height)`, is no response), or
; anywhere when the variable is named like a status
(function_item
  return_type: (_) @_type
  body: (block (tuple_expression . (identifier) @status.send))
  (#match? @_type "(StatusCode|Response|Responder|Reply)")
  (#match? @status.send "^[a-z_][a-z0-9_]*$")
  (#set! evidence "->[^{;]*(?:StatusCode|Response|Responder|Reply)"))
(block
  (tuple_expression . (identifier) @status.send)
  (#match? @status.send "^(status|status_code|http_status|statuscode)$")
  (#set! evidence "\\(\\s*(?:status|status_code|http_status|statuscode)\\s*,"))
(return_expression
  (tuple_expression . (identifier) @status.send)
  (#match? @status.send "^(status|status_code|http_status|statuscode)$")
  (#set! evidence "\\(\\s*(?:status|status_code|http_status|statuscode)\\s*,"))
(field_expression
  value: (tuple_expression . (identifier) @status.send)
  field: (field_identifier) @_method
  (#eq? @_method "into_response"))

; A response tuple built from a field, for error types: (self.status, Json(body)).into_response(),
; (err.status_code, msg).into_response()
(field_expression
  value: (tuple_expression . [(field_expression) (call_expression)] @status.send)
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
  (#any-of? @_method "status" "with_status" "using_status_code")
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
  (#match? @status.send "^((actix_web::)?error::)?Error[A-Z][A-Za-z]+$")
  (#set! evidence "(?<![A-Za-z0-9_])(?:(?:actix_web::)?error::)?Error[A-Z][A-Za-z]+\\s*\\("))
(call_expression
  function: (field_expression field: (field_identifier) @_method)
  arguments: (arguments . [(identifier) (scoped_identifier)] @status.send .)
  (#eq? @_method "map_err")
  (#match? @status.send "^((actix_web::)?error::)?Error[A-Z][A-Za-z]+$"))

; poem: Err(Error::from_status(StatusCode::CONFLICT)), Error::from_string("exists", StatusCode::CONFLICT)
(call_expression
  function: (scoped_identifier path: (_) @_type name: (identifier) @_method)
  arguments: (arguments . (_) @status.send .)
  (#match? @_type "^(poem::)?(error::)?Error$")
  (#eq? @_method "from_status"))
(call_expression
  function: (scoped_identifier path: (_) @_type name: (identifier) @_method)
  arguments: (arguments . (_) . (_) @status.send .)
  (#match? @_type "^(poem::)?(error::)?Error$")
  (#eq? @_method "from_string"))

; ---- Handlers: implicit codes (a redirect without a number) ----------------------------------------------------

; axum, Rocket: Redirect::to(uri) answers 303 See Other, Redirect::temporary 307, Redirect::permanent 308; Rocket:
; Redirect::found 302, Redirect::moved 301 — where a handler's response is produced (a tail, `return`, `Ok`/`Err`, a
; response tuple such as `(jar, Redirect::to("/"))`, a match arm, a closure body, `.into_response()`, Rocket's
; `Flash::error(Redirect::to("/"), "msg")`).
; actix-web's web::Redirect::to(uri) answers 307 Temporary Redirect; chained, .see_other() 303, .permanent() 308,
; .temporary() 307, .using_status_code(StatusCode::FOUND) its own code (a send below).

([(block (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (return_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (tuple_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (match_arm value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (closure_expression body: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))]
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "to")
  (#set! implicit "303"))
(call_expression
  function: [(identifier) (scoped_identifier)] @_result
  arguments: (arguments . (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (#any-of? @_result "Ok" "Err" "Flash::success" "Flash::error" "Flash::warning" "Flash::new")
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "to")
  (#set! implicit "303"))
(field_expression
  value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit))
  field: (field_identifier) @_into
  (#eq? @_into "into_response")
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "to")
  (#set! implicit "303"))
([(block (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (return_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (tuple_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (match_arm value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (closure_expression body: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))]
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "temporary")
  (#set! implicit "307"))
(call_expression
  function: [(identifier) (scoped_identifier)] @_result
  arguments: (arguments . (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (#any-of? @_result "Ok" "Err" "Flash::success" "Flash::error" "Flash::warning" "Flash::new")
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "temporary")
  (#set! implicit "307"))
(field_expression
  value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit))
  field: (field_identifier) @_into
  (#eq? @_into "into_response")
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "temporary")
  (#set! implicit "307"))
([(block (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (return_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (tuple_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (match_arm value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (closure_expression body: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))]
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "permanent")
  (#set! implicit "308"))
(call_expression
  function: [(identifier) (scoped_identifier)] @_result
  arguments: (arguments . (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (#any-of? @_result "Ok" "Err" "Flash::success" "Flash::error" "Flash::warning" "Flash::new")
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "permanent")
  (#set! implicit "308"))
(field_expression
  value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit))
  field: (field_identifier) @_into
  (#eq? @_into "into_response")
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "permanent")
  (#set! implicit "308"))
([(block (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (return_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (tuple_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (match_arm value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (closure_expression body: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))]
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "found")
  (#set! implicit "302"))
(call_expression
  function: [(identifier) (scoped_identifier)] @_result
  arguments: (arguments . (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (#any-of? @_result "Ok" "Err" "Flash::success" "Flash::error" "Flash::warning" "Flash::new")
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "found")
  (#set! implicit "302"))
(field_expression
  value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit))
  field: (field_identifier) @_into
  (#eq? @_into "into_response")
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "found")
  (#set! implicit "302"))
([(block (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (return_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (tuple_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (match_arm value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (closure_expression body: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))]
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "moved")
  (#set! implicit "301"))
(call_expression
  function: [(identifier) (scoped_identifier)] @_result
  arguments: (arguments . (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (#any-of? @_result "Ok" "Err" "Flash::success" "Flash::error" "Flash::warning" "Flash::new")
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "moved")
  (#set! implicit "301"))
(field_expression
  value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit))
  field: (field_identifier) @_into
  (#eq? @_into "into_response")
  (#match? @_type "^Redirect$")
  (#eq? @status.implicit "moved")
  (#set! implicit "301"))
([(block (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (return_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (tuple_expression (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (match_arm value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))
  (closure_expression body: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)))]
  (#match? @_type "^(actix_web::)?web::Redirect$")
  (#eq? @status.implicit "to")
  (#set! implicit "307"))
(call_expression
  function: (identifier) @_result
  arguments: (arguments . (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit)) .)
  (#any-of? @_result "Ok" "Err")
  (#match? @_type "^(actix_web::)?web::Redirect$")
  (#eq? @status.implicit "to")
  (#set! implicit "307"))
(field_expression
  value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @status.implicit))
  field: (field_identifier) @_into
  (#eq? @_into "into_response")
  (#match? @_type "^(actix_web::)?web::Redirect$")
  (#eq? @status.implicit "to")
  (#set! implicit "307"))
(call_expression
  function: (field_expression
    value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @_to))
    field: (field_identifier) @status.implicit)
  (#match? @_type "(^|::)Redirect$")
  (#eq? @_to "to")
  (#eq? @status.implicit "see_other")
  (#set! implicit "303"))
(call_expression
  function: (field_expression
    value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @_to))
    field: (field_identifier) @status.implicit)
  (#match? @_type "(^|::)Redirect$")
  (#eq? @_to "to")
  (#eq? @status.implicit "permanent")
  (#set! implicit "308"))
(call_expression
  function: (field_expression
    value: (call_expression function: (scoped_identifier path: (_) @_type name: (identifier) @_to))
    field: (field_identifier) @status.implicit)
  (#match? @_type "(^|::)Redirect$")
  (#eq? @_to "to")
  (#eq? @status.implicit "temporary")
  (#set! implicit "307"))

; actix-web: .service(web::redirect("/old", "/new")) answers 307
(call_expression
  function: (scoped_identifier path: (_) @_web name: (identifier) @status.implicit)
  (#match? @_web "^(actix_web::)?web$")
  (#eq? @status.implicit "redirect")
  (#set! implicit "307"))

; warp: warp::redirect(uri) answers 301; warp::redirect::found 302, see_other 303, temporary 307, permanent 308
(call_expression
  function: (scoped_identifier path: (identifier) @_warp name: (identifier) @status.implicit)
  (#eq? @_warp "warp")
  (#eq? @status.implicit "redirect")
  (#set! implicit "301"))

(call_expression
  function: (scoped_identifier path: (_) @_module name: (identifier) @status.implicit)
  (#match? @_module "^(warp::)?redirect$")
  (#eq? @status.implicit "found")
  (#set! implicit "302"))
(call_expression
  function: (scoped_identifier path: (_) @_module name: (identifier) @status.implicit)
  (#match? @_module "^(warp::)?redirect$")
  (#eq? @status.implicit "see_other")
  (#set! implicit "303"))
(call_expression
  function: (scoped_identifier path: (_) @_module name: (identifier) @status.implicit)
  (#match? @_module "^(warp::)?redirect$")
  (#eq? @status.implicit "temporary")
  (#set! implicit "307"))
(call_expression
  function: (scoped_identifier path: (_) @_module name: (identifier) @status.implicit)
  (#match? @_module "^(warp::)?redirect$")
  (#eq? @status.implicit "permanent")
  (#set! implicit "308"))

; ---- Handlers: Rocket ----------------------------------------------------------------------------------------

; Err(Status::NotFound), status::Custom(Status::Conflict, Json(x)), a function returning Status or Result<_, Status>
; ending with Status::Accepted
(call_expression
  function: (identifier) @_result
  arguments: (arguments . [(scoped_identifier) @status.send (tuple_expression . (scoped_identifier) @status.send)] .)
  (#eq? @_result "Err")
  (#match? @status.send "^(rocket::http::)?Status::[A-Z][A-Za-z]+$"))
(call_expression
  function: [(identifier) (scoped_identifier)] @_custom
  arguments: (arguments . (_) @status.send)
  (#match? @_custom "^((rocket::)?(response::)?status::)?Custom$"))
(function_item
  return_type: (_) @_type
  body: (block (scoped_identifier) @status.send)
  (#match? @_type "(^|[^A-Za-z_])Status([^A-Za-z_]|$)")
  (#match? @status.send "^(rocket::http::)?Status::[A-Z][A-Za-z]+$"))

; Rocket responders: status::Accepted(Some(x)), status::NotFound("x"), status::Conflict(x), status::Created::new(url)
(call_expression
  function: (scoped_identifier) @status.send
  (#match? @status.send "^(rocket::)?(response::)?status::(Accepted|BadRequest|Unauthorized|Forbidden|NotFound|Conflict)$"))
(call_expression
  function: (scoped_identifier path: (scoped_identifier) @status.send name: (identifier) @_new)
  (#match? @status.send "^(rocket::)?(response::)?status::Created$")
  (#eq? @_new "new"))

; ---- Regions that answer no request ------------------------------------------------------------------------

; Tests: #[test], #[tokio::test], #[actix_web::test] functions (also with one more attribute) and #[cfg(test)] modules:
; what they build or pass to helpers is not sent by a handler
((attribute_item (attribute [(identifier) (scoped_identifier)] @_test .)) . (function_item) @status.client
  (#match? @_test "^([a-z_]+::)?test$"))
((attribute_item (attribute [(identifier) (scoped_identifier)] @_test .)) . (attribute_item) . (function_item) @status.client
  (#match? @_test "^([a-z_]+::)?test$"))
((attribute_item (attribute (identifier) @_cfg arguments: (token_tree . (identifier) @_test .))) . (mod_item) @status.client
  (#eq? @_cfg "cfg")
  (#eq? @_test "test"))

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

; match status.as_u16() { 200..=299 => …, 500..=599 => … }
(match_expression
  value: [(call_expression function: (field_expression field: (field_identifier) @_field))
          (field_expression field: (field_identifier) @_field)
          (identifier) @_field]
  body: (match_block
    (match_arm pattern: (match_pattern (range_pattern (integer_literal) @status.mention))))
  (#match? @_field "^(status|as_u16|status_code|code)$"))
(match_expression
  value: (identifier) @_field
  body: (match_block (match_arm pattern: (match_pattern (integer_literal) @status.mention)))
  (#match? @_field "^(status|status_code|code|http_status)$"))

; Range checks on a status held in a variable: status >= 500, 400 <= code
(binary_expression
  left: (identifier) @_name
  right: (integer_literal) @status.mention
  (#match? @_name "^(status|code|status_code|http_status|http_code)$"))
(binary_expression
  left: (integer_literal) @status.mention
  right: (identifier) @_name
  (#match? @_name "^(status|code|status_code|http_status|http_code)$"))

; Membership: (200..300).contains(&status), [500, 502].contains(&code), RETRYABLE: [u16; 2] = [429, 503]
(call_expression
  function: (field_expression
    value: [(parenthesized_expression (range_expression (integer_literal) @status.mention))
            (array_expression (integer_literal) @status.mention)]
    field: (field_identifier) @_contains)
  arguments: (arguments . (_) @_value .)
  (#eq? @_contains "contains")
  (#match? @_value "(status|code)"))
([(const_item name: (identifier) @_name value: (array_expression (integer_literal) @status.mention))
  (static_item name: (identifier) @_name value: (array_expression (integer_literal) @status.mention))
  (let_declaration pattern: (identifier) @_name value: (array_expression (integer_literal) @status.mention))]
  (#match? @_name "(STATUS|status|CODES|codes|RETR|retr)"))

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
  (#any-of? @_key "status" "statusCode" "status_code" "http_status" "code"))

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
