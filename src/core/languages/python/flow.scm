; Python: how status values travel (see src/core/code/flow.ts and ../README.md, "Status flow").
;   @flow.target + @flow.value   a binding: a variable, a field (`self.status_code = status_code`), a class attribute
;   @flow.return                 a value the function around it returns
;   @flow.callee + @flow.arguments, @flow.super + @flow.arguments   calls (a class is called like a function)
;   @class.definition + @class.name + @class.base   classes (errors are recognised by name or base)

; ---- Bindings -------------------------------------------------------------------------------------------------
; status = 302; self.status_code = status_code; class Conflict(ServiceError): status_code = 409; CONFLICT: int = 409
(assignment left: [(identifier) (attribute)] @flow.target right: (_) @flow.value)

; ---- Returns ---------------------------------------------------------------------------------------------------
(return_statement (_) @flow.return)
(lambda body: (_) @flow.return)

; ---- Calls -----------------------------------------------------------------------------------------------------
; send_error(409), respond.fail(res, 409), self.error(409), ServiceError(409): a class is constructed by calling it.
; `Base.__init__(self, …)` passes the receiver by hand (positions would be off by one) and `super().__init__(…)` is
; the base's constructor below: neither is a plain call.
(call
  function: [(identifier) (attribute)] @flow.callee
  arguments: (argument_list) @flow.arguments
  (#not-match? @flow.callee "__init__$"))
; super().__init__(message, 409), super(ServiceError, self).__init__(409)
(call
  function: (attribute
    object: (call function: (identifier) @_super)
    attribute: (identifier) @_init)
  arguments: (argument_list) @flow.arguments
  (#eq? @_super "super")
  (#eq? @_init "__init__")) @flow.super

; ---- Classes ---------------------------------------------------------------------------------------------------
(class_definition
  name: (identifier) @class.name
  superclasses: (argument_list [(identifier) (attribute)] @class.base)?) @class.definition

; ---- Imported modules (calls on them reach functions, not only methods) -------------------------------------
; import respond; import app.respond as respond; from app import respond, codes as c
(import_statement name: (dotted_name (identifier) @flow.import .))
(import_statement name: (aliased_import alias: (identifier) @flow.import))
(import_from_statement name: (dotted_name . (identifier) @flow.import .))
(import_from_statement name: (aliased_import alias: (identifier) @flow.import))

; ---- Locals declared with a type: `except ApiError as ae` (one class) ----------------------------------------------
(except_clause value: (as_pattern . [(identifier) (attribute)] @flow.type alias: (as_pattern_target (identifier) @flow.target)))

; ---- Imports that name a framework's statuses (`@import.name` → `@import.origin`) -----------------------------------
; The engine reads a value whose first name is such an import as its origin before it tries the `symbols` of index.ts:
; from rest_framework.exceptions import NotFound → raise NotFound() is rest_framework.exceptions.NotFound;
; from starlette import status as st → st.HTTP_409_CONFLICT; from http import HTTPStatus as S → S.CONFLICT.
; Only these modules: an application's own `from .errors import NotFound` names nothing.
(import_from_statement
  module_name: (dotted_name) @_module @import.origin
  name: (dotted_name) @import.origin @import.name
  (#any-of? @_module "rest_framework.exceptions" "werkzeug.exceptions" "starlette.status" "fastapi.status" "rest_framework.status"
    "http" "aiohttp.web" "pyramid.httpexceptions" "webob.exc" "django.http" "falcon" "falcon.errors" "falcon.status_codes"))
(import_from_statement
  module_name: (dotted_name) @_module @import.origin
  name: (aliased_import name: (dotted_name) @import.origin alias: (identifier) @import.name)
  (#any-of? @_module "rest_framework.exceptions" "werkzeug.exceptions" "starlette.status" "fastapi.status" "rest_framework.status"
    "http" "aiohttp.web" "pyramid.httpexceptions" "webob.exc" "django.http" "falcon" "falcon.errors" "falcon.status_codes"))
; from rest_framework import exceptions, status as st; from werkzeug import exceptions as wexc; from aiohttp import web
(import_from_statement
  module_name: (dotted_name) @_module @import.origin
  name: (dotted_name) @_name @import.origin @import.name
  (#any-of? @_module "rest_framework" "werkzeug" "starlette" "fastapi" "aiohttp" "pyramid" "webob" "django")
  (#any-of? @_name "exceptions" "status" "web" "httpexceptions" "exc" "http"))
(import_from_statement
  module_name: (dotted_name) @_module @import.origin
  name: (aliased_import name: (dotted_name) @_name @import.origin alias: (identifier) @import.name)
  (#any-of? @_module "rest_framework" "werkzeug" "starlette" "fastapi" "aiohttp" "pyramid" "webob" "django")
  (#any-of? @_name "exceptions" "status" "web" "httpexceptions" "exc" "http"))
; import werkzeug.exceptions as wexc; import starlette.status as st
(import_statement
  name: (aliased_import name: (dotted_name) @_module @import.origin alias: (identifier) @import.name)
  (#any-of? @_module "rest_framework.exceptions" "werkzeug.exceptions" "starlette.status" "fastapi.status" "rest_framework.status"
    "aiohttp.web" "pyramid.httpexceptions" "webob.exc" "django.http"))
