; Java: how a request handler is named in messages. See ../README.md.
;   @handler.function  a method (or class) whose name is known
;   @handler.name      its name
;   @handler.verb + @handler.route   for app.post("/path", ctx -> …): named "POST /path"

(method_declaration name: (identifier) @handler.name) @handler.function
(constructor_declaration name: (identifier) @handler.name) @handler.function

; An exception class annotated @ResponseStatus(HttpStatus.CONFLICT) (or a class-level @ResponseStatus on a controller)
(class_declaration name: (identifier) @handler.name) @handler.function

; Javalin, Spark, Spring WebFlux RouterFunctions: app.post("/streams", ctx -> …), get("/a", (req, res) -> …),
; route().POST("/x", request -> …)
(method_invocation
  name: (identifier) @handler.verb
  arguments: (argument_list . (string_literal (string_fragment) @handler.route) (lambda_expression) @handler.function)
  (#match? @handler.verb "^(get|post|put|patch|delete|head|options|GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)$"))
