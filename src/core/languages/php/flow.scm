; PHP: how status values travel (see src/core/code/flow.ts and ../README.md, "Status flow").
;   @flow.target + @flow.value   a binding: a variable, a property (`$this->status = $status`, `protected $status = 409`),
;                                a constant (`const CONFLICT = 409`)
;   @flow.return                 a value the function or method around it returns
;   @flow.callee + @flow.arguments, @flow.new + @flow.arguments, @flow.super + @flow.arguments   calls
;   @class.definition + @class.name + @class.base   classes (errors are recognised by name or base)

; ---- Bindings -------------------------------------------------------------------------------------------------
(assignment_expression left: [(variable_name) (member_access_expression)] @flow.target right: (_) @flow.value)
(property_element name: (variable_name) @flow.target default_value: (_) @flow.value)
(property_element name: (variable_name) @flow.target !default_value)
(const_element (name) @flow.target . (_) @flow.value)

; ---- Returns ---------------------------------------------------------------------------------------------------
(return_statement (_) @flow.return)

; ---- Calls -----------------------------------------------------------------------------------------------------
(function_call_expression function: (name) @flow.callee arguments: (arguments) @flow.arguments)
(member_call_expression arguments: (arguments) @flow.arguments) @flow.callee
(nullsafe_member_call_expression arguments: (arguments) @flow.arguments) @flow.callee
(scoped_call_expression name: (name) @_name arguments: (arguments) @flow.arguments (#not-eq? @_name "__construct")) @flow.callee
; new ApiException('…', 409), new static($message, self::CONFLICT)
(object_creation_expression [(name) (qualified_name)] @flow.new (arguments) @flow.arguments)
; parent::__construct($message, 409)
(scoped_call_expression
  scope: (relative_scope) @flow.super
  name: (name) @_name
  arguments: (arguments) @flow.arguments
  (#eq? @flow.super "parent")
  (#eq? @_name "__construct"))

; ---- Classes ---------------------------------------------------------------------------------------------------
(class_declaration name: (name) @class.name (base_clause [(name) (qualified_name)] @class.base)?) @class.definition
; a trait is a class for flow: its methods keep a status in `$this->status` and send it (the classes that use it call them)
(trait_declaration name: (name) @class.name) @class.definition

; ---- Promoted constructor parameters: __construct(private int $status = 400) is also the property $status ----------
(class_declaration
  name: (name) @flow.type
  body: (declaration_list (method_declaration
    name: (name) @_constructor
    parameters: (formal_parameters (property_promotion_parameter name: (variable_name) @flow.target @flow.value))))
  (#eq? @_constructor "__construct"))

; ---- Locals declared with a type: `catch (ApiException $ae)` (one type) ---------------------------------------------
(catch_clause type: (type_list . (named_type) @flow.type .) name: (variable_name) @flow.target)

; ---- Imports that name a framework's statuses (`@import.name` → `@import.origin`, see ../README.md) ------------------
; use Symfony\Component\HttpFoundation\Response as R; … R::HTTP_CONFLICT; use …\StatusCodeInterface as Http
(namespace_use_clause
  [(qualified_name) (name)] @import.origin
  alias: (name) @import.name
  (#match? @import.origin "(^|\\\\)(\\w*Response|StatusCodeInterface|HttpCode)$"))
