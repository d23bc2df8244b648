; Python: where an HTTP status code stands. Vocabulary and rules: ../README.md.
; Captures (vocabulary in src/core/languages/captures.ts):
;   @status.send     the value a request handler returns, sends, sets or raises (checked against the table)
;   @status.mention  a status code in any other status context (explained, never flagged)
;   @constant.name / @constant.value   module-level `NAME = <number>` definitions that status values may refer to
;   @call.name / @call.arguments       calls of plain functions, for helpers that send one of their parameters
; Captures starting with "_" only serve predicates.
;
; `409 if taken else 201`: the engine follows both arms (conditional arms 0 and 2 in index.ts).

; ---- Handlers: send ---------------------------------------------------------------------------------------

; Flask: return body, 409 / return jsonify(x), 409 / return "x", 409, headers / return {"error": e}, 409
; Only when the first element looks like a response body (a string, dict, list, a body-making call or a body-named
; variable), so that `return width, 480` stays silent; a 1xx literal is never a Flask status.
(return_statement
  [(expression_list
     . [(string) (concatenated_string) (dictionary) (list) (none) (call) (identifier)] @_body
     . (_) @status.send)
   (tuple
     . [(string) (concatenated_string) (dictionary) (list) (none) (call) (identifier)] @_body
     . (_) @status.send)]
  (#match? @_body "^([rbfuRBFU]*[\"'{\\[]|None$|(\\w+\\.)*(jsonify|render_template|render_template_string|make_response|dumps|dump|redirect|escape|Markup|send_file|send_from_directory|dict|str|to_dict|to_json|model_dump|model_dump_json)\\(|(\\w+_)?(body|payload|content|response|resp|rv|html|message|msg|error|errors)$)")
  (#not-match? @status.send "^1\\d\\d$")
  (#set! evidence "^[ \\t]*return[ \\t]+(?![{\\[][^\\n]*[}\\]][ \\t]*(?:#[^\\n]*)?$)\\(?[ \\t]*(?:[rbfuRBFU]*[\"'{\\[]|None\\b|(?:\\w+\\.)*(?:jsonify|render_template|render_template_string|make_response|dumps|dump|redirect|escape|Markup|send_file|send_from_directory|dict|str|to_dict|to_json|model_dump|model_dump_json)\\(|(?:\\w+_)?(?:body|payload|content|response|resp|rv|html|message|msg|error|errors)\\b)[^\\n]*,|^[ \\t]*return[ \\t]+[{\\[][^\\n]*[}\\]][ \\t]*,[ \\t]*[\\w.]+[ \\t]*,|^[ \\t]*[)\\]}\"'][^\\n]*,|^[ \\t]*return[ \\t]*\\([ \\t]*(?:#[^\\n]*)?$"))

; Flask, Bottle, Werkzeug: abort(409), flask.abort(404, description="x")
(call
  function: [(identifier) (attribute)] @_function
  arguments: (argument_list
    . (_) @status.send)
  (#match? @_function "^((flask|bottle|werkzeug|werkzeug\\.exceptions)\\.)?abort$")
  (#set! evidence "abort\\s*\\("))

; Flask: make_response(body, 409), make_response(body, 409, headers)
(call
  function: [(identifier) (attribute)] @_function
  arguments: (argument_list
    . (_)
    . (_) @status.send)
  (#match? @_function "^(flask\\.)?make_response$"))

; Flask: redirect("/new", 301), redirect(url_for("index"), code=307); Django's redirect("view-name", 123) passes view
; arguments instead, so the positional form counts only after a URL path or url_for(…)
(call
  function: [(identifier) (attribute)] @_function
  arguments: (argument_list
    . (_) @_location
    . (_) @status.send)
  (#match? @_function "^(flask\\.)?redirect$")
  (#match? @_location "^([rfRF]?[\"'](/|https?:)|(\\w+\\.)*url_for\\()"))
(call
  function: [(identifier) (attribute)] @_function
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_keyword
      value: (_) @status.send))
  (#match? @_function "^(flask\\.)?redirect$")
  (#eq? @_keyword "code"))
; Tornado RequestHandler: self.redirect("/x", status=303)
(call
  function: (attribute object: (identifier) @_self attribute: (identifier) @_method)
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_keyword
      value: (_) @status.send))
  (#eq? @_self "self")
  (#eq? @_method "redirect")
  (#eq? @_keyword "status"))

; Response objects with a status keyword:
;   Flask Response(body, status=409); Starlette/FastAPI JSONResponse(content, status_code=409), Response(status_code=204);
;   Django HttpResponse(status=409), JsonResponse(data, status=409), render(request, "t.html", status=409);
;   DRF Response(data, status=status.HTTP_409_CONFLICT); aiohttp web.Response(status=409), web.json_response(d, status=409)
; HTTP clients and test doubles (httpx.Response(status_code=404), MockResponse(status=500)) are not responses sent.
(call
  function: [(identifier) (attribute)] @_function
  arguments: (argument_list
    (keyword_argument
      name: (identifier) @_keyword
      value: (_) @status.send))
  (#match? @_function "(^|\\.)(Response|JSONResponse|HTMLResponse|PlainTextResponse|RedirectResponse|StreamingResponse|FileResponse|ORJSONResponse|UJSONResponse|EventSourceResponse|TemplateResponse|HttpResponse|HttpResponse[A-Z]\\w*|JsonResponse|StreamingHttpResponse|StreamResponse|json_response|HTTPException|StarletteHTTPException)$|^((django\\.)?shortcuts\\.)?(render|render_to_response)$")
  (#not-match? @_function "^(httpx|requests|responses|respx|urllib3|aioresponses|mock)\\.|Mock|Fake|Stub|Dummy")
  (#any-of? @_keyword "status" "status_code"))

; Flask, Starlette/FastAPI and DRF take the status as the second positional argument: Response(body, 409),
; JSONResponse(content, 409), Response(serializer.errors, status.HTTP_400_BAD_REQUEST)
(call
  function: [(identifier) (attribute)] @_function
  arguments: (argument_list
    . (_)
    . (_) @status.send)
  (#match? @_function "(^|\\.)(Response|JSONResponse|HTMLResponse|PlainTextResponse|RedirectResponse|StreamingResponse|FileResponse|ORJSONResponse|UJSONResponse)$")
  (#not-match? @_function "^(httpx|requests|responses|respx|urllib3|aioresponses|mock|web|aiohttp\\.web)\\.|Mock|Fake|Stub|Dummy"))

; FastAPI/Starlette: raise HTTPException(409, detail="x"); Tornado: raise HTTPError(409)
(call
  function: [(identifier) (attribute)] @_function
  arguments: (argument_list
    . (_) @status.send)
  (#match? @_function "^((fastapi|starlette\\.exceptions|tornado\\.web)\\.)?(HTTPException|StarletteHTTPException|HTTPError)$"))

; Flask, Django, Starlette/FastAPI: response.status_code = 409; Flask: resp.status = 409
; (`self.status_code = status_code` stores a field of the object, an error's most often: status flow follows it)
(assignment
  left: (attribute object: (_) @_object attribute: (identifier) @_property)
  right: (_) @status.send
  (#eq? @_property "status_code")
  (#not-match? @_object "^(self|cls)$|[Mm]ock|[Ff]ake|[Ss]tub|[Dd]ummy|return_value|side_effect"))
(assignment
  left: (attribute object: (_) @_object attribute: (identifier) @_property)
  right: (_) @status.send
  (#eq? @_property "status")
  (#match? @_object "^(self\\.)?(resp|response|rv)$|_(resp|response)$")
  (#set! evidence "\\.\\s*status\\s*=(?!=)"))

; aiohttp StreamResponse, Tornado RequestHandler: resp.set_status(409), self.set_status(409)
(call
  function: (attribute object: (_) @_object attribute: (identifier) @_method)
  arguments: (argument_list
    . (_) @status.send)
  (#eq? @_method "set_status")
  (#match? @_object "^(self|resp|response|rv)$|_(resp|response)$"))

; FastAPI: @app.post("/x", status_code=201), @router.delete("/x", status_code=status.HTTP_204_NO_CONTENT),
; and the documented responses: @app.get("/x", responses={409: {"model": Message}})
; (the decorator belongs to the function: handlers.scm names the whole decorated_definition)
(decorator
  (call
    function: (attribute attribute: (identifier) @_verb)
    arguments: (argument_list
      (keyword_argument name: (identifier) @_keyword value: (_) @status.send)))
  (#any-of? @_verb "get" "post" "put" "patch" "delete" "head" "options" "trace" "api_route" "route")
  (#eq? @_keyword "status_code"))
(decorator
  (call
    function: (attribute attribute: (identifier) @_verb)
    arguments: (argument_list
      (keyword_argument name: (identifier) @_keyword value: (dictionary (pair key: (_) @status.send)))))
  (#any-of? @_verb "get" "post" "put" "patch" "delete" "head" "options" "trace" "api_route" "route")
  (#eq? @_keyword "responses"))

; Exceptions and responses named after their status:
;   Django: raise Http404, return HttpResponseNotFound(), HttpResponseGone()
;   aiohttp: raise web.HTTPConflict(), raise web.HTTPNotFound; Pyramid/WebOb: raise exc.HTTPForbidden()
;   Falcon: raise falcon.HTTPUnsupportedMediaType(description="x"), raise falcon.HTTPNotFound
;   DRF/Werkzeug: raise exceptions.PermissionDenied(), raise werkzeug.exceptions.Conflict()
; (the class name resolves through the symbols of index.ts; other exceptions resolve to nothing)
(raise_statement
  [(identifier) @status.send
   (attribute) @status.send
   (call function: [(identifier) (attribute)] @status.send)]
  (#match? @status.send "(^|\\.)(Http404|HTTP[A-Z]\\w*|HttpResponse[A-Z]\\w*|exceptions\\.[A-Z]\\w*)$"))
(call
  function: [(identifier) (attribute)] @status.send
  (#match? @status.send "(^|\\.)HttpResponse[A-Z]\\w*$|^((aiohttp\\.)?web|(webob\\.)?exc|(pyramid\\.)?httpexceptions)\\.HTTP[A-Z]\\w*$"))
;   … and the same classes imported by name or through a module imported under another name:
;   from rest_framework.exceptions import NotFound … raise NotFound(); from werkzeug import exceptions as wexc …
;   raise wexc.Conflict(). Only a name the file imports from a framework (`@import.name` in flow.scm, `#imported?`)
;   is captured, so an application's own NotFound, or Django's ValidationError, is no sink; the file evidence is the
;   import.
(raise_statement
  [(identifier) @status.send
   (attribute) @status.send
   (call function: [(identifier) (attribute)] @status.send)]
  (#match? @status.send "^([A-Z]\\w*|[a-z_]\\w*\\.[A-Z]\\w*)$")
  (#imported? @status.send)
  (#set! evidence "\\braise\\b")
  (#set! evidence.file "\\b(from\\s+(rest_framework(\\.exceptions)?|werkzeug(\\.exceptions)?|aiohttp(\\.web)?|pyramid(\\.httpexceptions)?|webob(\\.exc)?|django(\\.http)?|falcon(\\.errors)?)\\s+import|import\\s+(rest_framework|werkzeug|aiohttp|pyramid|webob|django)\\.)"))

; DRF and Werkzeug exception classes: class Conflict(APIException): status_code = 409; class Teapot(HTTPException): code = 418;
; aiohttp: class Locked(web.HTTPClientError): status_code = 423
(class_definition
  superclasses: (argument_list (_) @_base)
  body: (block
    (expression_statement
      (assignment left: (identifier) @_name right: (_) @status.send)))
  (#match? @_base "(^|\\.)(APIException|HTTPException)$|^(aiohttp\\.)?web\\.HTTP(Error|ClientError|ServerError)$")
  (#any-of? @_name "status_code" "code"))

; ---- Implicit codes: answered although no number is written -----------------------------------------------
; Flask redirect(url), Django redirect(to) and redirect("view-name", pk=1), Tornado self.redirect(url) and its OAuth
; mixins' self.authorize_redirect(redirect_uri=…, …): 302 Found; Django redirect(obj, permanent=True), Tornado
; self.redirect(url, permanent=True): 301 Moved Permanently. A code (`code=301`, `status=303`, a second positional) is
; sent above.
(call
  function: [(identifier) (attribute)] @status.implicit
  arguments: (argument_list . (_) .) @_args
  (#match? @status.implicit "^(((flask|django\\.shortcuts|shortcuts)\\.)?redirect|self\\.(authorize_)?redirect)$")
  (#not-match? @_args "^\\(\\s*((code|status)\\s*=|permanent\\s*=\\s*True)")
  (#set! implicit "302"))
(call
  function: [(identifier) (attribute)] @status.implicit
  arguments: (argument_list . (_) @_location . (keyword_argument)) @_args
  (#match? @status.implicit "^(((flask|django\\.shortcuts|shortcuts)\\.)?redirect|self\\.(authorize_)?redirect)$")
  (#not-match? @_location "^((code|status)\\s*=|permanent\\s*=\\s*True)")
  (#not-match? @_args "[(,]\\s*((code|status)\\s*=|permanent\\s*=\\s*True)")
  (#set! implicit "302"))
; Django redirect("board-detail", board.slug), redirect("app:view", a, b, tab="x"): after a URL pattern's name (a
; bare word, never a path), the positional arguments are the view's, so the answer is 302 Found. A literal number
; there (`redirect("x", 123)`) is left alone: Flask would read it as the code.
(call
  function: [(identifier) (attribute)] @status.implicit
  arguments: (argument_list
    . (string) @_name
    . [(identifier) (attribute) (call) (subscript) (string) (binary_operator)]) @_args
  (#match? @status.implicit "^((django\\.shortcuts|shortcuts)\\.)?redirect$")
  (#match? @_name "^[rRuU]?[\"'][A-Za-z_][\\w:-]*[\"']$")
  (#not-match? @_args "[(,]\\s*(code|permanent)\\s*=")
  (#set! implicit "302"))
(call
  function: [(identifier) (attribute)] @status.implicit
  arguments: (argument_list (keyword_argument name: (identifier) @_keyword value: (true)))
  (#match? @status.implicit "^(((django\\.shortcuts|shortcuts)\\.)?redirect|self\\.redirect)$")
  (#eq? @_keyword "permanent")
  (#set! implicit "301"))
; Starlette/FastAPI RedirectResponse(url): 307 Temporary Redirect unless status_code is given
(call
  function: [(identifier) (attribute)] @status.implicit
  arguments: (argument_list . (_) .) @_args
  (#match? @status.implicit "(^|\\.)RedirectResponse$")
  (#not-match? @_args "^\\(\\s*status_code\\s*=")
  (#set! implicit "307"))
(call
  function: [(identifier) (attribute)] @status.implicit
  arguments: (argument_list . (_) @_location . (keyword_argument)) @_args
  (#match? @status.implicit "(^|\\.)RedirectResponse$")
  (#not-match? @_location "^status_code\\s*=")
  (#not-match? @_args "[(,]\\s*status_code\\s*=")
  (#set! implicit "307"))

; ---- Mentions: explained, never flagged ---------------------------------------------------------------------

; Clients and tests reading a status: resp.status_code == 409, r.status != 429, 404 == r.status_code,
; r.status_code in (200, 204), status_code == HTTPStatus.CONFLICT
; (A chain `a == b == c` is one n-ary node: the anchors keep each operand next to its operator, so matching stays
; linear in the length of the chain.)
(comparison_operator
  [(attribute attribute: (identifier) @_property) (identifier) @_property]
  .
  ["==" "!="]
  .
  [(integer) (string) (identifier)] @status.mention
  (#any-of? @_property "status" "status_code" "http_status"))
(comparison_operator
  [(integer) (string) (identifier)] @status.mention
  .
  ["==" "!="]
  .
  [(attribute attribute: (identifier) @_property) (identifier) @_property]
  (#any-of? @_property "status" "status_code" "http_status"))
(comparison_operator
  [(attribute attribute: (identifier) @_property) (identifier) @_property]
  .
  ["in" "not in"]
  .
  [(tuple (integer) @status.mention) (list (integer) @status.mention) (set (integer) @status.mention)]
  (#any-of? @_property "status" "status_code" "http_status"))

; Range checks: 200 <= r.status_code < 300, resp.status >= 500, status_code < 400
(comparison_operator
  [(attribute attribute: (identifier) @_property) (identifier) @_property]
  .
  ["<" "<=" ">" ">="]
  .
  (integer) @status.mention
  (#any-of? @_property "status" "status_code" "http_status"))
(comparison_operator
  (integer) @status.mention
  .
  ["<" "<=" ">" ">="]
  .
  [(attribute attribute: (identifier) @_property) (identifier) @_property]
  (#any-of? @_property "status" "status_code" "http_status"))
; r.status_code in range(200, 300), r.status in RETRYABLE (no number there)
(comparison_operator
  [(attribute attribute: (identifier) @_property) (identifier) @_property]
  .
  ["in" "not in"]
  .
  (call function: (identifier) @_range arguments: (argument_list (integer) @status.mention))
  (#eq? @_range "range")
  (#any-of? @_property "status" "status_code" "http_status"))

; Collections whose name says they hold statuses: RETRYABLE_STATUSES = {429, 503}, RETRY_CODES = (500, 502),
; STATUS_TEXT = {400: "Bad Request"}, HTTP_ERRORS = frozenset([500, 502])
(assignment
  left: (identifier) @_name
  right: [(list (integer) @status.mention)
          (tuple (integer) @status.mention)
          (set (integer) @status.mention)
          (dictionary (pair key: (integer) @status.mention))
          (call function: (identifier) @_set arguments: (argument_list . [(list (integer) @status.mention)
                                                                         (tuple (integer) @status.mention)
                                                                         (set (integer) @status.mention)] .))]
  (#match? @_name "([Ss]tatus|STATUS|[Rr]etry|RETRY|[Rr]etriable|RETRIABLE|[Rr]etryable|RETRYABLE|HTTP|[Hh]ttp_|_CODES$|_codes$)")
  (#not-match? @_name "^(width|height|size)"))

; A status echoed in an error body: jsonify(error="x", code=401), JSONResponse({"error": "x", "code": 401}, 401)
(call
  function: [(identifier) (attribute)] @_function
  arguments: (argument_list
    [(keyword_argument name: (identifier) @_key value: (integer) @status.mention)
     (dictionary (pair key: (string) @_key value: (integer) @status.mention))])
  (#match? @_function "(^|\\.)(jsonify|JSONResponse|JsonResponse|Response|json_response|make_response)$")
  (#match? @_key "^[\"']?(code|error_code|status_code)[\"']?$"))

; match resp.status_code: case 404: … case 409 | 410: …
(match_statement
  subject: [(attribute attribute: (identifier) @_property) (identifier) @_property]
  body: (block
    (case_clause
      (case_pattern [(integer) @status.mention (union_pattern (integer) @status.mention)])))
  (#any-of? @_property "status" "status_code" "http_status"))

; unittest / Django / Flask tests: self.assertEqual(resp.status_code, 409), self.assertEqual(409, r.status_code)
(call
  function: (attribute attribute: (identifier) @_assert)
  arguments: (argument_list
    (attribute attribute: (identifier) @_property)
    .
    [(integer) (identifier)] @status.mention)
  (#match? @_assert "^assert")
  (#any-of? @_property "status" "status_code"))
(call
  function: (attribute attribute: (identifier) @_assert)
  arguments: (argument_list
    [(integer) (identifier)] @status.mention
    .
    (attribute attribute: (identifier) @_property))
  (#match? @_assert "^assert")
  (#any-of? @_property "status" "status_code"))

; Status fields anywhere else: assertContains(r, "x", status_code=409), responses.add(GET, url, status=404),
; httpx.Response(status_code=404), mock_resp.status_code = 500, {"status": 404}
(keyword_argument
  name: (identifier) @_keyword
  value: (integer) @status.mention
  (#any-of? @_keyword "status" "status_code"))
(assignment
  left: (attribute attribute: (identifier) @_property)
  right: (integer) @status.mention
  (#any-of? @_property "status" "status_code"))
(pair
  key: (string) @_key
  value: (integer) @status.mention
  (#match? @_key "^[\"'](status|statusCode|status_code|httpStatus|http_status|httpStatusCode)[\"']$"))

; Test doubles: httpx.Response(409), requests_mock: m.get(url, status_code=409) (keyword above)
(call
  function: (attribute object: (identifier) @_module attribute: (identifier) @_class)
  arguments: (argument_list . (integer) @status.mention)
  (#eq? @_module "httpx")
  (#eq? @_class "Response"))

; Named statuses anywhere: HTTPStatus.CONFLICT (http), status.HTTP_409_CONFLICT (Starlette/FastAPI, DRF),
; web.HTTPNotFound (aiohttp, e.g. in an except clause)
(attribute
  object: [(identifier) (attribute)] @_enum
  (#match? @_enum "(^|\\.)HTTPStatus$")) @status.mention
(attribute
  object: [(identifier) (attribute)] @_module
  attribute: (identifier) @_name
  (#match? @_module "(^|\\.)status$")
  (#match? @_name "^HTTP_[1-5]\\d\\d_")) @status.mention
(attribute
  object: (identifier) @_module
  attribute: (identifier) @_name
  (#eq? @_module "web")
  (#match? @_name "^HTTP[A-Z]")) @status.mention

; ---- Helpers ---------------------------------------------------------------------------------------------------
; send_error(409, "x"): followed into a helper in the same file that sends one of its parameters
(call function: (identifier) @call.name arguments: (argument_list) @call.arguments)

; ---- Constants ------------------------------------------------------------------------------------------------
; module level: CONFLICT = 409, CONFLICT: int = 409
(module
  (expression_statement
    (assignment left: (identifier) @constant.name right: (integer) @constant.value)))
