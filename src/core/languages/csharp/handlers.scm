; C#: how a request handler is named in messages. See ../README.md.
;   @handler.function  a method or local function whose name is known
;   @handler.name      its name
;   @handler.verb + @handler.route   for app.MapPost("/path", (…) => …): named "MAPPOST /path"

(method_declaration name: (identifier) @handler.name) @handler.function
(local_function_statement name: (identifier) @handler.name) @handler.function
(constructor_declaration name: (identifier) @handler.name) @handler.function

; Minimal APIs: app.MapPost("/streams", (Stream s) => …), group.MapGet("/{id}", async (int id) => { … })
(invocation_expression
  function: (member_access_expression name: (identifier) @handler.verb)
  arguments: (argument_list
    . (argument (string_literal (string_literal_content) @handler.route))
    . (argument (lambda_expression) @handler.function))
  (#any-of? @handler.verb "MapGet" "MapPost" "MapPut" "MapPatch" "MapDelete"))
