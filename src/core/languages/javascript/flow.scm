; JavaScript: how status values travel (see src/core/code/flow.ts and ../README.md, "Status flow").
;   @flow.target + @flow.value   a binding: a variable, a field (`this.status = status`), a class field
;   @flow.return                 a value the function around it returns
;   @flow.callee + @flow.arguments, @flow.new + @flow.arguments, @flow.super + @flow.arguments   calls
;   @class.definition + @class.name + @class.base   classes (errors are recognised by name or base)

; ---- Bindings -------------------------------------------------------------------------------------------------
(variable_declarator name: (identifier) @flow.target value: (_) @flow.value)
(assignment_expression left: [(identifier) (member_expression)] @flow.target right: (_) @flow.value)
(field_definition property: (property_identifier) @flow.target value: (_) @flow.value)

; ---- Returns ---------------------------------------------------------------------------------------------------
(return_statement (_) @flow.return)
(arrow_function body: [(identifier) (member_expression) (number) (ternary_expression) (binary_expression) (call_expression)] @flow.return)

; ---- Calls -----------------------------------------------------------------------------------------------------
(call_expression function: [(identifier) (member_expression)] @flow.callee arguments: (arguments) @flow.arguments)
(new_expression constructor: [(identifier) (member_expression)] @flow.new arguments: (arguments) @flow.arguments)
(call_expression function: (super) @flow.super arguments: (arguments) @flow.arguments)

; ---- Classes ---------------------------------------------------------------------------------------------------
(class_declaration name: (identifier) @class.name (class_heritage (_) @class.base)?) @class.definition
(variable_declarator name: (identifier) @class.name value: (class (class_heritage (_) @class.base)?) @class.definition)

; ---- Imported modules (calls on them reach functions, not only methods) -------------------------------------
(variable_declarator name: (identifier) @flow.import value: (call_expression function: (identifier) @_require) (#eq? @_require "require"))
(import_clause (identifier) @flow.import)
(namespace_import (identifier) @flow.import)
