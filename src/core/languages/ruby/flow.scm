; Ruby: how status values travel (see src/core/code/flow.ts and ../README.md, "Status flow").
;   @flow.target + @flow.value   a binding: a variable, an instance variable (`@status = status`), `self.status = x`,
;                                a constant of a class or module (`CONFLICT = 409`)
;   @flow.return                 a value the method around it returns: `return x`, and its last expression
;   @flow.callee + @flow.arguments, @flow.super + @flow.arguments   calls (`ApiError.new(…)` constructs ApiError)
;   @class.definition + @class.name + @class.base   classes and modules (errors are recognised by name or base)

; ---- Bindings -------------------------------------------------------------------------------------------------
; status = 302; @status = status; self.status = status; CONFLICT = 409; status ||= 409
(assignment
  left: [(identifier) (instance_variable) (constant) (call receiver: (self))] @flow.target
  right: (_) @flow.value)
(operator_assignment
  left: [(identifier) (instance_variable)] @flow.target
  right: (_) @flow.value)

; ---- Returns ---------------------------------------------------------------------------------------------------
(return (argument_list . (_) @flow.return . (comment)* .))
; A method's last expression is its value, also in the arms of a last `if`/`unless`/`case`.
(method body: (body_statement (_) @flow.return . (comment)* .))
(singleton_method body: (body_statement (_) @flow.return . (comment)* .))
; def status = :not_found (an endless method)
(method body: [(integer) (simple_symbol) (constant) (scope_resolution) (identifier) (instance_variable) (conditional) (call)] @flow.return)
(method body: (body_statement (if consequence: (then (_) @flow.return . (comment)* .)) .))
(method body: (body_statement (if alternative: (else (_) @flow.return . (comment)* .)) .))
(method body: (body_statement (if alternative: (elsif consequence: (then (_) @flow.return . (comment)* .))) .))
(method body: (body_statement (if alternative: (elsif alternative: (else (_) @flow.return . (comment)* .))) .))
(method body: (body_statement (unless consequence: (then (_) @flow.return . (comment)* .)) .))
(method body: (body_statement (unless alternative: (else (_) @flow.return . (comment)* .)) .))
(method body: (body_statement (case (when body: (then (_) @flow.return . (comment)* .))) .))
(method body: (body_statement (case (else (_) @flow.return . (comment)* .)) .))

; ---- Calls -----------------------------------------------------------------------------------------------------
; notify(message, 409), render_error 409, 'x', respond_with msg, status: :forbidden
(call
  !receiver
  method: (identifier) @flow.callee
  arguments: (argument_list) @flow.arguments)
; self.error(409), Responses.fail(409), ApiError.new('x', 409), errors.add(…) (a method only)
(call
  receiver: (_)
  method: (identifier)
  arguments: (argument_list) @flow.arguments) @flow.callee
; super(message, 409) in initialize: the base's constructor
(call
  method: (super)
  arguments: (argument_list) @flow.arguments) @flow.super

; ---- Classes and modules -------------------------------------------------------------------------------------
(class
  name: [(constant) (scope_resolution)] @class.name
  superclass: (superclass [(constant) (scope_resolution)] @class.base)?) @class.definition
(module name: [(constant) (scope_resolution)] @class.name) @class.definition

; ---- Locals declared with a type: `rescue ApiError => ae` (one class) ----------------------------------------------
(rescue exceptions: (exceptions . [(constant) (scope_resolution)] @flow.type .) variable: (exception_variable (identifier) @flow.target))
