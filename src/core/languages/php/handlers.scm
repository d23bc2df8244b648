; PHP: how a request handler is named in messages. See ../README.md.
;   @handler.function  a function whose name is known
;   @handler.name      its name
;   @handler.verb + @handler.route   for Route::get('/path', fn): named "GET /path"
; Parameter lists are found through the functions' `parameters` field (`$code` is read as `code`).

(function_definition name: (name) @handler.name) @handler.function
(method_declaration name: (name) @handler.name) @handler.function

; $handler = function ($request) { … }; $handler = fn ($request) => …
(assignment_expression
  left: (variable_name (name) @handler.name)
  right: [(anonymous_function) (arrow_function)] @handler.function)

; Laravel: Route::get('/groups/{id}', function (…) { … }); Slim, Lumen: $app->post('/streams', function (…) { … })
(scoped_call_expression
  scope: (name) @_router
  name: (name) @handler.verb
  arguments: (arguments
    . (argument [(string (string_content) @handler.route) (encapsed_string . (string_content) @handler.route .)])
    . (argument [(anonymous_function) (arrow_function)] @handler.function))
  (#eq? @_router "Route")
  (#any-of? @handler.verb "get" "post" "put" "patch" "delete" "options" "any"))
(member_call_expression
  name: (name) @handler.verb
  arguments: (arguments
    . (argument [(string (string_content) @handler.route) (encapsed_string . (string_content) @handler.route .)])
    . (argument [(anonymous_function) (arrow_function)] @handler.function))
  (#any-of? @handler.verb "get" "post" "put" "patch" "delete" "options" "any"))
