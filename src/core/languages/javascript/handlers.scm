; JavaScript (and, inherited, TypeScript/TSX): how a request handler is named in messages.
;   @handler.function  a function whose name is known
;   @handler.name      its name
;   @handler.verb + @handler.route   for app.get('/path', fn): named "GET /path"

(function_declaration name: (identifier) @handler.name) @handler.function
(generator_function_declaration name: (identifier) @handler.name) @handler.function
(method_definition name: (property_identifier) @handler.name) @handler.function
(function_expression name: (identifier) @handler.name) @handler.function

(variable_declarator
  name: (identifier) @handler.name
  value: [(arrow_function) (function_expression)] @handler.function)

(pair
  key: (property_identifier) @handler.name
  value: [(arrow_function) (function_expression)] @handler.function)

(assignment_expression
  left: [(identifier) (member_expression)] @handler.name
  right: [(arrow_function) (function_expression)] @handler.function)

; Express, Koa router, Fastify, Hono: app.get('/groups/:id', handler)
(call_expression
  function: (member_expression property: (property_identifier) @handler.verb)
  arguments: (arguments . (string (string_fragment) @handler.route) [(arrow_function) (function_expression)] @handler.function)
  (#any-of? @handler.verb "get" "post" "put" "patch" "delete" "del" "head" "options" "all"))

