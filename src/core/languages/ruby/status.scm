; Ruby: where an HTTP status code stands. Vocabulary and rules: ../README.md.
; Captures (vocabulary in src/core/languages/captures.ts):
;   @status.send     the value a request handler returns, sends or sets (checked against the table)
;   @status.mention  a status code in any other status context (explained, never flagged)
;   @constant.name / @constant.value   `NAME = <number>` definitions that status values may refer to
;   @call.name / @call.arguments       calls of helpers that may send one of their parameters
; Captures starting with "_" only serve predicates. Symbols (`:conflict`) are read by the symbol rules in index.ts.

; ---- Rails: send ---------------------------------------------------------------------------------------------

; render json: x, status: 409; render :new, status: :unprocessable_entity; redirect_to url, status: :moved_permanently;
; head :no_content, status: …; send_data bytes, status: 409; old style: render :json => x, :status => 409
(call
  method: (identifier) @_method
  arguments: (argument_list
    (pair key: [(hash_key_symbol) (simple_symbol) (string)] @_key value: (_) @status.send))
  (#any-of? @_method "render" "head" "redirect_to" "redirect_back" "redirect_back_or_to" "send_data" "send_file")
  (#match? @_key "^[:\"']?status[\"']?$"))

; head :no_content, head 409; head status_for(err), head @status (a value status flow follows)
(call
  method: (identifier) @_method
  arguments: (argument_list . [(simple_symbol) (integer) (constant)] @status.send)
  (#eq? @_method "head"))
(call
  !receiver
  method: (identifier) @_method
  arguments: (argument_list . [(identifier) (call) (instance_variable) (scope_resolution) (conditional) (binary)] @status.send)
  (#eq? @_method "head"))

; Rails, Rack, Roda, Hanami: response.status = 409, self.status = :conflict
(assignment
  left: (call receiver: [(identifier) (self)] @_object method: (identifier) @_property)
  right: (_) @status.send
  (#match? @_object "^(response|res|self)$")
  (#eq? @_property "status"))

; raise ActionController::BadRequest, raise Sinatra::NotFound
(call
  method: (identifier) @_method
  arguments: (argument_list . (scope_resolution) @status.send)
  (#eq? @_method "raise")
  (#match? @status.send "^(ActionController::BadRequest|Sinatra::NotFound)$"))

; ---- Sinatra, Grape, Hanami, Roda: send ------------------------------------------------------------------------

; status 409; halt 409; halt 409, { 'X-Y' => 'z' }, 'body'; halt(409); and a field read, followed by status flow:
; `rescue FetchError => e` … `halt e.code` (a call with arguments, `halt erb(:missing)`, is a body)
(call
  !receiver
  method: (identifier) @_method
  arguments: (argument_list . [(integer) (simple_symbol) (constant) (identifier) (conditional) (parenthesized_statements)
                               (call receiver: [(identifier) (instance_variable) (self)] method: (identifier) !arguments)] @status.send)
  (#any-of? @_method "status" "halt")
  (#set! evidence "(?<![\\w.@$:])(?:status|halt)(?:[ \\t]*\\(|[ \\t]+[\\w:@'\"(-])"))

; Grape: error!('Conflict', 409), error!({ error: 'x' }, 409)
(call
  !receiver
  method: (identifier) @_method
  arguments: (argument_list . (_) . (_) @status.send)
  (#eq? @_method "error!"))

; ---- Rack: send ------------------------------------------------------------------------------------------------

; Rack::Response.new(body, 409)
(call
  receiver: (scope_resolution) @_class
  method: (identifier) @_new
  arguments: (argument_list . (_) . (_) @status.send)
  (#eq? @_class "Rack::Response")
  (#eq? @_new "new"))

; def call(env) … [409, { 'content-type' => 'text/plain' }, ['Conflict']] … end
(method
  name: (identifier) @_name
  body: (body_statement
    [(array . (integer) @status.send . (_) . (_) .)
     (return (argument_list . (array . (integer) @status.send . (_) . (_) .) .))
     (if_modifier body: (return (argument_list . (array . (integer) @status.send . (_) . (_) .) .)))
     (unless_modifier body: (return (argument_list . (array . (integer) @status.send . (_) . (_) .) .)))])
  (#eq? @_name "call"))

; ---- Implicit codes: answered although no number is written -----------------------------------------------
; Rails: redirect_to url, redirect_to @post, notice: 'x'; redirect_back(fallback_location: root_path);
; redirect_back_or_to root_path: 302 Found unless a status is given (`status: :see_other` is sent above)
; (a statement, not RSpec's `expect(response).to redirect_to(x)` matcher)
(body_statement (call !receiver method: (identifier) @status.implicit arguments: (argument_list) @_args)
  (#any-of? @status.implicit "redirect_to" "redirect_back" "redirect_back_or_to")
  (#not-match? @_args "(^|[\\s,(]):?[\"']?status[\"']?(:|\\s*=>)")
  (#set! implicit "302"))
(block_body (call !receiver method: (identifier) @status.implicit arguments: (argument_list) @_args)
  (#any-of? @status.implicit "redirect_to" "redirect_back" "redirect_back_or_to")
  (#not-match? @_args "(^|[\\s,(]):?[\"']?status[\"']?(:|\\s*=>)")
  (#set! implicit "302"))
(then (call !receiver method: (identifier) @status.implicit arguments: (argument_list) @_args)
  (#any-of? @status.implicit "redirect_to" "redirect_back" "redirect_back_or_to")
  (#not-match? @_args "(^|[\\s,(]):?[\"']?status[\"']?(:|\\s*=>)")
  (#set! implicit "302"))
(else (call !receiver method: (identifier) @status.implicit arguments: (argument_list) @_args)
  (#any-of? @status.implicit "redirect_to" "redirect_back" "redirect_back_or_to")
  (#not-match? @_args "(^|[\\s,(]):?[\"']?status[\"']?(:|\\s*=>)")
  (#set! implicit "302"))
(if_modifier body: (call !receiver method: (identifier) @status.implicit arguments: (argument_list) @_args)
  (#any-of? @status.implicit "redirect_to" "redirect_back" "redirect_back_or_to")
  (#not-match? @_args "(^|[\\s,(]):?[\"']?status[\"']?(:|\\s*=>)")
  (#set! implicit "302"))
(unless_modifier body: (call !receiver method: (identifier) @status.implicit arguments: (argument_list) @_args)
  (#any-of? @status.implicit "redirect_to" "redirect_back" "redirect_back_or_to")
  (#not-match? @_args "(^|[\\s,(]):?[\"']?status[\"']?(:|\\s*=>)")
  (#set! implicit "302"))
(return (argument_list (call !receiver method: (identifier) @status.implicit arguments: (argument_list) @_args))
  (#any-of? @status.implicit "redirect_to" "redirect_back" "redirect_back_or_to")
  (#not-match? @_args "(^|[\\s,(]):?[\"']?status[\"']?(:|\\s*=>)")
  (#set! implicit "302"))
(binary left: (call !receiver method: (identifier) @status.implicit arguments: (argument_list) @_args)
  (#any-of? @status.implicit "redirect_to" "redirect_back" "redirect_back_or_to")
  (#not-match? @_args "(^|[\\s,(]):?[\"']?status[\"']?(:|\\s*=>)")
  (#set! implicit "302"))
(parenthesized_statements (call !receiver method: (identifier) @status.implicit arguments: (argument_list) @_args)
  (#any-of? @status.implicit "redirect_to" "redirect_back" "redirect_back_or_to")
  (#not-match? @_args "(^|[\\s,(]):?[\"']?status[\"']?(:|\\s*=>)")
  (#set! implicit "302"))

; Hanami actions: response.redirect_to routes.path(:home): 302 Found unless a status is given (sent above)
(call
  receiver: (identifier) @_response
  method: (identifier) @status.implicit
  arguments: (argument_list) @_args
  (#any-of? @_response "response" "res")
  (#eq? @status.implicit "redirect_to")
  (#not-match? @_args "(^|[\\s,(]):?[\"']?status[\"']?(:|\\s*=>)")
  (#set! implicit "302"))

; Sinatra, Grape, Roda: redirect '/login', redirect to('/x'): 302 Found (a statement of a route block; Sinatra answers
; 303 to non-GET HTTP/1.1 requests, its documented default for GET is 302); redirect to('/x'), 301 sends its own code;
; Grape: redirect '/x', permanent: true is 301
(body_statement (call !receiver method: (identifier) @status.implicit arguments: (argument_list . (_) .))
  (#eq? @status.implicit "redirect")
  (#set! implicit "302"))
(block_body (call !receiver method: (identifier) @status.implicit arguments: (argument_list . (_) .))
  (#eq? @status.implicit "redirect")
  (#set! implicit "302"))
(then (call !receiver method: (identifier) @status.implicit arguments: (argument_list . (_) .))
  (#eq? @status.implicit "redirect")
  (#set! implicit "302"))
(else (call !receiver method: (identifier) @status.implicit arguments: (argument_list . (_) .))
  (#eq? @status.implicit "redirect")
  (#set! implicit "302"))
(if_modifier body: (call !receiver method: (identifier) @status.implicit arguments: (argument_list . (_) .))
  (#eq? @status.implicit "redirect")
  (#set! implicit "302"))
(unless_modifier body: (call !receiver method: (identifier) @status.implicit arguments: (argument_list . (_) .))
  (#eq? @status.implicit "redirect")
  (#set! implicit "302"))
(call
  !receiver
  method: (identifier) @_method
  arguments: (argument_list . (_) . [(integer) (simple_symbol) (constant) (scope_resolution)] @status.send .)
  (#eq? @_method "redirect"))
(call
  !receiver
  method: (identifier) @status.implicit
  arguments: (argument_list
    . (_)
    . (pair key: (hash_key_symbol) @_key value: (true)) .)
  (#eq? @status.implicit "redirect")
  (#eq? @_key "permanent")
  (#set! implicit "301"))

; Rails routes: get '/old', to: redirect('/new'), get '/old' => redirect('/new'): 301 Moved Permanently
(pair
  key: [(hash_key_symbol) (string)] @_key
  value: (call
    !receiver
    method: (identifier) @status.implicit
    arguments: (argument_list . (_) .))
  (#match? @_key "^(to|[\"']/.*)$")
  (#eq? @status.implicit "redirect")
  (#set! implicit "301"))
(pair
  key: [(hash_key_symbol) (string)] @_key
  value: (call
    !receiver
    method: (identifier) @_method
    arguments: (argument_list . (_) . (pair key: (hash_key_symbol) @_status value: [(integer) (simple_symbol)] @status.send) .))
  (#match? @_key "^(to|[\"']/.*)$")
  (#eq? @_method "redirect")
  (#eq? @_status "status"))

; ---- Rack: a response triple as a method's last expression ---------------------------------------------------
; def not_found; [404, { 'content-type' => 'text/plain' }, ['Not Found']]; end (a Rack app's or middleware's helper;
; `call` itself is above). The headers must be a hash or a headers-named value and the body a list or a body.
(method
  body: (body_statement
    (array
      . (integer) @status.send
      . [(hash) (identifier) (call)] @_headers
      . [(array) (identifier) (call)] @_body .) . (comment)* .)
  (#match? @_headers "^(\\{|(\\w+_)?headers?$|(\\w+\\.)?headers?\\b)")
  (#match? @_body "^(\\[|(\\w+_)?(body|response|content|payload)$|\\w+\\.(body|each|lazy)\\b)"))

; ---- Mentions: explained, never flagged ------------------------------------------------------------------------

; Sinatra: error 409 do … end (a handler for the status, not a status it sends)
(call
  !receiver
  method: (identifier) @_method
  arguments: (argument_list . [(integer) (constant)] @status.mention)
  block: (_)
  (#eq? @_method "error"))

; { status: 404 }, { 'status' => 404 }, json_response(body, status: 409) anywhere else. Not symbols: outside the calls
; above, `status: :accepted` is as likely a model's state (Order.where(status: :accepted)).
(pair
  key: [(hash_key_symbol) (simple_symbol) (string)] @_key
  value: [(integer) (string)] @status.mention
  (#match? @_key "^[:\"']?(status|status_code|http_status)[\"']?$"))

; Clients and tests reading a status: res.code == '404' (Net::HTTP gives strings), response.status != 409,
; res.code.to_i == 409, 409 == response.status
(binary
  left: (call method: (identifier) @_property)
  right: [(integer) (string)] @status.mention
  (#any-of? @_property "status" "code" "status_code"))
(binary
  left: (call receiver: (call method: (identifier) @_property) method: (identifier) @_to_i)
  right: (integer) @status.mention
  (#any-of? @_property "status" "code" "status_code")
  (#eq? @_to_i "to_i"))
(binary
  left: [(integer) (string)] @status.mention
  right: (call method: (identifier) @_property)
  (#any-of? @_property "status" "code" "status_code"))

; case res.code when '404' then … end
(case
  value: (call method: (identifier) @_property)
  (when pattern: (pattern [(integer) (string)] @status.mention))
  (#any-of? @_property "status" "code" "status_code"))

; RSpec: expect(response.status).to eq(409), expect(last_response.status).to eq 409, expect(res.code).not_to eq('404')
(call
  receiver: (call
    method: (identifier) @_expect
    arguments: (argument_list . (call method: (identifier) @_property) .))
  method: (identifier) @_to
  arguments: (argument_list
    (call
      method: (identifier) @_matcher
      arguments: (argument_list . [(integer) (string)] @status.mention .)))
  (#eq? @_expect "expect")
  (#any-of? @_property "status" "code" "status_code")
  (#any-of? @_to "to" "not_to" "to_not")
  (#any-of? @_matcher "eq" "eql" "equal" "be"))

; RSpec: expect(response).to have_http_status(:conflict); minitest/Rails: assert_response :conflict;
; Rack::Utils.status_code(:conflict)
(call
  method: (identifier) @_method
  arguments: (argument_list . [(integer) (string) (simple_symbol) (constant)] @status.mention)
  (#any-of? @_method "have_http_status" "assert_response" "status_code"))

; minitest: assert_equal 409, response.status; assert_equal '404', res.code
(call
  method: (identifier) @_assert
  arguments: (argument_list
    . [(integer) (string) (simple_symbol)] @status.mention
    . (call method: (identifier) @_property))
  (#any-of? @_assert "assert_equal" "refute_equal")
  (#any-of? @_property "status" "code" "status_code"))

; Net::HTTP response classes anywhere: when Net::HTTPConflict, res.is_a?(Net::HTTPNotFound)
(scope_resolution
  scope: (constant) @_net
  name: (constant) @_class
  (#eq? @_net "Net")
  (#match? @_class "^HTTP[A-Z]")) @status.mention

; ---- Status codes as data: explained, never flagged ------------------------------------------------------------
; RETRYABLE_STATUSES = [429, 503], RETRY_CODES = [500, 502].freeze, HTTP_ERRORS = Set[500, 502],
; STATUS_TEXT = { 400 => 'Bad Request' }: collections whose name says they hold statuses
(assignment
  left: (constant) @_name
  right: [(array (integer) @status.mention)
          (call receiver: (array (integer) @status.mention) method: (identifier))
          (element_reference object: (constant) (integer) @status.mention)
          (hash (pair key: (integer) @status.mention))
          (call receiver: (hash (pair key: (integer) @status.mention)) method: (identifier))]
  (#match? @_name "STATUS|RETRY|RETRIABLE|RETRYABLE|HTTP|CODES"))
(assignment
  left: (identifier) @_name
  right: [(array (integer) @status.mention)
          (hash (pair key: (integer) @status.mention))]
  (#match? @_name "status|retry|retriable|retryable|http_codes"))
; [500, 502].include?(res.status), (200..299).include?(response.code.to_i), (500..599) === status
(call
  receiver: [(array (integer) @status.mention)
             (parenthesized_statements (range (integer) @status.mention))]
  method: (identifier) @_method
  arguments: (argument_list . [(call method: (identifier) @_property)
                               (call receiver: (call method: (identifier) @_property))
                               (identifier) @_property] .)
  (#any-of? @_method "include?" "member?" "cover?" "===")
  (#any-of? @_property "status" "code" "status_code" "http_status"))
; response.status.between?(200, 299), status.between?(500, 599)
(call
  receiver: [(call method: (identifier) @_property) (identifier) @_property]
  method: (identifier) @_method
  arguments: (argument_list (integer) @status.mention)
  (#eq? @_method "between?")
  (#any-of? @_property "status" "code" "status_code" "http_status"))
; case response.status when 500..599 then … when 404, 410 then …
(case
  value: [(call method: (identifier) @_property) (identifier) @_property]
  (when pattern: (pattern (range (integer) @status.mention)))
  (#any-of? @_property "status" "code" "status_code" "http_status"))
(case
  value: (identifier) @_property
  (when pattern: (pattern (integer) @status.mention))
  (#any-of? @_property "status" "status_code" "http_status"))
; status >= 500, http_status < 300 (a status-named local compared with a number)
(binary
  left: (identifier) @_name
  right: (integer) @status.mention
  (#any-of? @_name "status" "status_code" "http_status"))
; render json: { error: 'Unauthorized', code: 401 }, status: :unauthorized: a status echoed in the body
(pair
  key: (hash_key_symbol) @_json
  value: (hash (pair key: [(hash_key_symbol) (simple_symbol) (string)] @_key value: (integer) @status.mention))
  (#eq? @_json "json")
  (#match? @_key "^[:\"']?(code|error_code|status_code)[\"']?$"))
; WebMock: stub_request(:get, url).to_return(status: [500, 'Internal Server Error'])
(pair
  key: [(hash_key_symbol) (simple_symbol)] @_key
  value: (array . (integer) @status.mention)
  (#match? @_key "^:?status$"))

; ---- Helpers ---------------------------------------------------------------------------------------------------
; render_error(409, 'x'), render_error 409, 'x': followed into a method of the same file that sends one of its
; parameters
(call method: (identifier) @call.name arguments: (argument_list) @call.arguments)

; ---- Constants -------------------------------------------------------------------------------------------------
; CONFLICT = 409
(assignment left: (constant) @constant.name right: (integer) @constant.value)
