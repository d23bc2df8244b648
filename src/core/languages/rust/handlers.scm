; Rust: how a request handler is named in messages. See ../README.md.
;   @handler.function  a function whose name is known
;   @handler.name      its name
;   @handler.verb + @handler.route   for .route("/path", get(|| async {…})): named "GET /path"
; actix-web route attributes (#[post("/groups")]) stand before the function, which is named by its own name.

(function_item name: (identifier) @handler.name) @handler.function

; let create_group = |Json(body): Json<Group>| async move {…};
(let_declaration
  pattern: (identifier) @handler.name
  value: (closure_expression) @handler.function)

; axum: .route("/groups/:id", get(|| async {…})), .route("/groups", axum::routing::post(|body: String| async move {…}))
(call_expression
  function: (field_expression field: (field_identifier) @_route)
  arguments: (arguments
    . (string_literal (string_content) @handler.route)
    . (call_expression
        function: [(identifier) @handler.verb (scoped_identifier name: (identifier) @handler.verb)]
        arguments: (arguments . (closure_expression) @handler.function)))
  (#eq? @_route "route")
  (#any-of? @handler.verb "get" "post" "put" "patch" "delete" "head" "options" "any"))

; axum: .route("/groups", get(list).post(|body: String| async move {…})), and its first method
(call_expression
  function: (field_expression field: (field_identifier) @_route)
  arguments: (arguments
    . (string_literal (string_content) @handler.route)
    . (call_expression
        function: (field_expression field: (field_identifier) @handler.verb)
        arguments: (arguments . (closure_expression) @handler.function)))
  (#eq? @_route "route")
  (#any-of? @handler.verb "get" "post" "put" "patch" "delete" "head" "options"))
(call_expression
  function: (field_expression field: (field_identifier) @_route)
  arguments: (arguments
    . (string_literal (string_content) @handler.route)
    . (call_expression
        function: (field_expression
          value: (call_expression
            function: [(identifier) @handler.verb (scoped_identifier name: (identifier) @handler.verb)]
            arguments: (arguments . (closure_expression) @handler.function)))))
  (#eq? @_route "route")
  (#any-of? @handler.verb "get" "post" "put" "patch" "delete" "head" "options" "any"))

; actix-web: .route("/groups", web::post().to(|body: String| async move {…}))
(call_expression
  function: (field_expression field: (field_identifier) @_route)
  arguments: (arguments
    . (string_literal (string_content) @handler.route)
    . (call_expression
        function: (field_expression
          value: (call_expression function: (scoped_identifier name: (identifier) @handler.verb))
          field: (field_identifier) @_to)
        arguments: (arguments . (closure_expression) @handler.function)))
  (#eq? @_route "route")
  (#eq? @_to "to")
  (#any-of? @handler.verb "get" "post" "put" "patch" "delete" "head"))
