; Ruby: how a request handler is named in messages. See ../README.md.
;   @handler.function  a method whose name is known
;   @handler.name      its name
;   @handler.verb + @handler.route   for Sinatra `get '/path' do … end`: named "GET /path"
; Parameter lists are found through the methods' `parameters` field.

(method name: (_) @handler.name) @handler.function
(singleton_method name: (_) @handler.name) @handler.function

; Sinatra, Grape, Padrino, Roda: get '/groups/:id' do … end, post('/streams') { … }, r.get 'x' do … end
(call
  method: (identifier) @handler.verb
  arguments: (argument_list . (string (string_content) @handler.route) .)
  block: [(do_block) (block)] @handler.function
  (#any-of? @handler.verb "get" "post" "put" "patch" "delete" "options" "head" "link" "unlink"))
