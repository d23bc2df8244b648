; Go: how a request handler is named in messages. See ../README.md.
;   @handler.function  a function whose name is known
;   @handler.name      its name
;   @handler.verb + @handler.route   for r.GET("/path", func(c *gin.Context) {…}): named "GET /path"

(function_declaration name: (identifier) @handler.name) @handler.function
(method_declaration name: (field_identifier) @handler.name) @handler.function

; createGroup := func(w http.ResponseWriter, r *http.Request) {…}; var createGroup = func(…) {…}
(short_var_declaration
  left: (expression_list . (identifier) @handler.name .)
  right: (expression_list . (func_literal) @handler.function .))
(var_spec
  name: (identifier) @handler.name
  value: (expression_list . (func_literal) @handler.function .))
(assignment_statement
  left: (expression_list . [(identifier) (selector_expression)] @handler.name .)
  right: (expression_list . (func_literal) @handler.function .))

; Gin, Echo: r.GET("/groups/:id", func(c *gin.Context) {…}); Fiber, chi: app.Get("/groups/:id", func(c *fiber.Ctx) error {…})
(call_expression
  function: (selector_expression field: (field_identifier) @handler.verb)
  arguments: (argument_list
    .
    [(interpreted_string_literal (interpreted_string_literal_content) @handler.route)
     (raw_string_literal (raw_string_literal_content) @handler.route)]
    (func_literal) @handler.function)
  (#any-of? @handler.verb
    "GET" "POST" "PUT" "PATCH" "DELETE" "HEAD" "OPTIONS" "Any"
    "Get" "Post" "Put" "Patch" "Delete" "Head" "Options" "All"))

; Gin: r.Handle("GET", "/groups/:id", func(c *gin.Context) {…})
(call_expression
  function: (selector_expression field: (field_identifier) @_method)
  arguments: (argument_list
    . (interpreted_string_literal (interpreted_string_literal_content) @handler.verb)
    . (interpreted_string_literal (interpreted_string_literal_content) @handler.route)
    (func_literal) @handler.function)
  (#eq? @_method "Handle"))

; net/http, gorilla/mux: http.HandleFunc("/groups", func(w, r) {…}), mux.HandleFunc("POST /groups", …): named by
; the pattern; http.Handle("/groups", http.HandlerFunc(func(w, r) {…}))
(call_expression
  function: (selector_expression field: (field_identifier) @_method)
  arguments: (argument_list
    . (interpreted_string_literal (interpreted_string_literal_content) @handler.name)
    (func_literal) @handler.function)
  (#eq? @_method "HandleFunc"))
(call_expression
  function: (selector_expression field: (field_identifier) @_method)
  arguments: (argument_list
    . (interpreted_string_literal (interpreted_string_literal_content) @handler.name)
    (call_expression
      function: (selector_expression field: (field_identifier) @_adapter)
      arguments: (argument_list . (func_literal) @handler.function .)))
  (#eq? @_method "Handle")
  (#eq? @_adapter "HandlerFunc"))
