; Python: how a request handler is named in messages. See ../README.md.
;   @handler.function  a function whose name is known
;   @handler.name      its name
;   @handler.parameters  its parameter list (for helpers that send one of their parameters)
;   @handler.verb + @handler.route   for web.get('/path', lambda request: …): named "GET /path"

; def create_stream(request): … and methods (Django/DRF class-based views, Tornado handlers): def post(self, request): …
(function_definition name: (identifier) @handler.name) @handler.function

; Flask @app.route / @bp.get, FastAPI @app.post("/x", status_code=201), DRF @api_view: a decorator stands inside the
; decorated_definition beside the function, so the whole decorated_definition is named too (codes in the decorator
; then belong to the function).
(decorated_definition
  definition: (function_definition
    name: (identifier) @handler.name
    parameters: (parameters) @handler.parameters)) @handler.function

; handler = lambda request: web.Response(status=409)
(assignment
  left: (identifier) @handler.name
  right: (lambda) @handler.function)

; aiohttp route tables: web.get('/groups/{id}', lambda request: …)
(call
  function: (attribute object: (identifier) @_module attribute: (identifier) @handler.verb)
  arguments: (argument_list
    . (string (string_content) @handler.route)
    . (lambda) @handler.function)
  (#eq? @_module "web")
  (#any-of? @handler.verb "get" "post" "put" "patch" "delete" "head" "options" "view"))
