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
