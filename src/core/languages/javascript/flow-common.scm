; JavaScript, TypeScript and TSX: how status values travel (see src/core/code/flow.ts and ../README.md, "Status flow").
; What their grammars name differently (class fields, class declarations) is in javascript/flow.scm and
; typescript/flow.scm; a language's flow query is this file followed by its own.
;   @flow.target + @flow.value   a binding: a variable, a field (`this.status = status`), a class field
;   @flow.return                 a value the function around it returns
;   @flow.callee + @flow.arguments, @flow.new + @flow.arguments, @flow.super + @flow.arguments   calls
;   @class.definition + @class.name + @class.base   classes (errors are recognised by name or base)

; ---- Bindings -------------------------------------------------------------------------------------------------
(variable_declarator name: (identifier) @flow.target value: (_) @flow.value)
(assignment_expression left: [(identifier) (member_expression)] @flow.target right: (_) @flow.value)
;   const { statusCode, message } = err; const { status: code = 500 } = err: each name reads that field of the value
(variable_declarator
  name: (object_pattern [(shorthand_property_identifier_pattern) @flow.target @flow.field
                         (pair_pattern key: (property_identifier) @flow.field value: (identifier) @flow.target)
                         (object_assignment_pattern left: (shorthand_property_identifier_pattern) @flow.target @flow.field)
                         (pair_pattern key: (property_identifier) @flow.field value: (assignment_pattern left: (identifier) @flow.target))])
  value: (_) @flow.value)
;   … and its default value: `const { statusCode = 500 } = err`, `const { status: code = 500 } = err`
(object_assignment_pattern left: (shorthand_property_identifier_pattern) @flow.target right: (_) @flow.value)
(pair_pattern value: (assignment_pattern left: (identifier) @flow.target right: (_) @flow.value))

; ---- Returns ---------------------------------------------------------------------------------------------------
(return_statement (_) @flow.return)
(arrow_function body: [(identifier) (member_expression) (number) (ternary_expression) (binary_expression) (call_expression)] @flow.return)

; ---- Calls -----------------------------------------------------------------------------------------------------
(call_expression function: [(identifier) (member_expression)] @flow.callee arguments: (arguments) @flow.arguments)
(new_expression constructor: [(identifier) (member_expression)] @flow.new arguments: (arguments) @flow.arguments)
(call_expression function: (super) @flow.super arguments: (arguments) @flow.arguments)

; ---- Imported modules (calls on them reach functions, not only methods) -------------------------------------
(variable_declarator name: (identifier) @flow.import value: (call_expression function: (identifier) @_require) (#eq? @_require "require"))
(import_clause (identifier) @flow.import)
(namespace_import (identifier) @flow.import)

; ---- Imports that name a framework's statuses (`@import.name` → `@import.origin`, see ../README.md) ------------------
; import { StatusCodes as SC } from 'http-status-codes' … SC.CONFLICT; import { HttpStatus as HS } from '@nestjs/common';
; axios's HttpStatusCode; http-status's `status` object
(import_statement
  (import_clause (named_imports (import_specifier name: (identifier) @import.origin alias: (identifier) @import.name)))
  source: (string (string_fragment) @_source)
  (#any-of? @_source "http-status-codes" "@nestjs/common" "axios" "http-status")
  (#any-of? @import.origin "StatusCodes" "HttpStatus" "HttpStatusCode" "status"))
; const { StatusCodes: SC } = require('http-status-codes')
(variable_declarator
  name: (object_pattern (pair_pattern key: (property_identifier) @import.origin value: (identifier) @import.name))
  value: (call_expression function: (identifier) @_require arguments: (arguments . (string (string_fragment) @_source) .))
  (#eq? @_require "require")
  (#any-of? @_source "http-status-codes" "@nestjs/common" "axios" "http-status")
  (#any-of? @import.origin "StatusCodes" "HttpStatus" "HttpStatusCode" "status"))
; http-status-codes 1.x exports each constant: import { CONFLICT, GONE as Gone } from 'http-status-codes';
; const { CONFLICT } = require('http-status-codes') → StatusCodes.CONFLICT
(import_statement
  (import_clause (named_imports (import_specifier name: (identifier) @import.origin @import.name !alias)))
  source: (string (string_fragment) @_source)
  (#eq? @_source "http-status-codes")
  (#match? @import.origin "^[A-Z][A-Z0-9_]*[A-Z]$")
  (#set! origin "StatusCodes"))
(import_statement
  (import_clause (named_imports (import_specifier name: (identifier) @import.origin alias: (identifier) @import.name)))
  source: (string (string_fragment) @_source)
  (#eq? @_source "http-status-codes")
  (#match? @import.origin "^[A-Z][A-Z0-9_]*[A-Z]$")
  (#set! origin "StatusCodes"))
(variable_declarator
  name: (object_pattern (shorthand_property_identifier_pattern) @import.origin @import.name)
  value: (call_expression function: (identifier) @_require arguments: (arguments . (string (string_fragment) @_source) .))
  (#eq? @_require "require")
  (#eq? @_source "http-status-codes")
  (#match? @import.origin "^[A-Z][A-Z0-9_]*[A-Z]$")
  (#set! origin "StatusCodes"))
; The whole module under a name of one's own: import hs from 'http-status'; import * as codes from 'http-status-codes';
; const hs = require('http-status') → httpStatus.NOT_FOUND, StatusCodes.CONFLICT
(import_statement
  (import_clause [(identifier) @import.name (namespace_import (identifier) @import.name)])
  source: (string (string_fragment) @_source)
  (#eq? @_source "http-status")
  (#set! origin "httpStatus"))
(variable_declarator
  name: (identifier) @import.name
  value: (call_expression function: (identifier) @_require arguments: (arguments . (string (string_fragment) @_source) .))
  (#eq? @_require "require")
  (#eq? @_source "http-status")
  (#set! origin "httpStatus"))
(import_statement
  (import_clause [(identifier) @import.name (namespace_import (identifier) @import.name)])
  source: (string (string_fragment) @_source)
  (#eq? @_source "http-status-codes")
  (#set! origin "StatusCodes"))
(variable_declarator
  name: (identifier) @import.name
  value: (call_expression function: (identifier) @_require arguments: (arguments . (string (string_fragment) @_source) .))
  (#eq? @_require "require")
  (#eq? @_source "http-status-codes")
  (#set! origin "StatusCodes"))
