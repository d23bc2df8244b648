; C#: how status values travel (see src/core/code/flow.ts and ../README.md, "Status flow").
;   @flow.target + @flow.value   a binding: a local, a field or property (`StatusCode = statusCode;`, `this.Status = s`)
;   @flow.return                 a value the method around it returns
;   @flow.callee + @flow.arguments, @flow.new + @flow.arguments, @flow.super + @flow.arguments   calls
;   @class.definition + @class.name + @class.base   classes (errors are recognised by name or base)
;   @flow.static                 `using static System.Net.HttpStatusCode;`: bare member names

; ---- Bindings -------------------------------------------------------------------------------------------------
(variable_declarator name: (identifier) @flow.target . (_) @flow.value)
(variable_declarator name: (identifier) @flow.target .)
(assignment_expression left: [(identifier) (member_access_expression)] @flow.target right: (_) @flow.value)
; properties: `public int StatusCode { get; }`, `{ get; } = 409`, `public override int StatusCode => 409;`
(property_declaration name: (identifier) @flow.target !value)
(property_declaration name: (identifier) @flow.target value: (arrow_expression_clause (_) @flow.value))
(property_declaration name: (identifier) @flow.target value: (_) @flow.value)

; ---- Returns ---------------------------------------------------------------------------------------------------
(return_statement (_) @flow.return)
(method_declaration body: (arrow_expression_clause (_) @flow.return))
(accessor_declaration body: (arrow_expression_clause (_) @flow.return))

; ---- Calls -----------------------------------------------------------------------------------------------------
(invocation_expression function: [(identifier) (member_access_expression)] @flow.callee arguments: (argument_list) @flow.arguments)
(invocation_expression function: (generic_name (identifier) @flow.callee) arguments: (argument_list) @flow.arguments)
(object_creation_expression type: [(identifier) (generic_name) (qualified_name)] @flow.new arguments: (argument_list) @flow.arguments)
; `: base(409, message)` calls the base class's constructor, `: this(409, message)` another of the same class
(constructor_initializer "base" @flow.super (argument_list) @flow.arguments)
(constructor_initializer "this" @flow.new (argument_list) @flow.arguments)

; ---- Classes ---------------------------------------------------------------------------------------------------
(class_declaration name: (identifier) @class.name (base_list . [(identifier) (generic_name) (qualified_name)] @class.base)?) @class.definition
(record_declaration name: (identifier) @class.name (base_list . [(identifier) (generic_name) (qualified_name)] @class.base)?) @class.definition

; ---- Primary constructors (C# 12) and positional records -----------------------------------------------------------
; `class HttpFailureException(HttpStatusCode code) : Exception`, `record ApiError(int Status, string Title)`: each parameter
; is state of the class (a field read by its properties, a record's property), filled by `new …(…)` in order
(class_declaration (parameter_list (parameter name: (identifier) @flow.target)))
(record_declaration (parameter_list (parameter name: (identifier) @flow.target)))
[(class_declaration (parameter_list)) (record_declaration (parameter_list))] @flow.data
; `: HttpFailureException(HttpStatusCode.Locked, detail)` calls the base class's (primary) constructor
(base_list (argument_list) @flow.arguments) @flow.super

; ---- Static imports --------------------------------------------------------------------------------------------
(using_directive "static" [(qualified_name) (identifier)] @flow.static)

; ---- Locals declared with a type: `catch (HttpFailureException failure)`, `case RestException re:`, `x is RestException re` --
(catch_declaration type: (_) @flow.type name: (identifier) @flow.target)
(declaration_pattern type: (_) @flow.type name: (identifier) @flow.target)

; ---- Imports that name a framework's statuses (`@import.name` → `@import.origin`, see ../README.md) ------------------
; using Code = System.Net.HttpStatusCode; … (int)Code.Conflict; using Codes = Microsoft.AspNetCore.Http.StatusCodes;
(using_directive
  name: (identifier) @import.name
  [(qualified_name) (identifier)] @import.origin
  (#match? @import.origin "(^|\\.)(HttpStatusCode|StatusCodes)$"))
