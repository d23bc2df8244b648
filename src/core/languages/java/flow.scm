; Java: how status values travel (see src/core/code/flow.ts and ../README.md, "Status flow").
;   @flow.target + @flow.value   a binding: a local, a field (`this.status = status`, `status = s`), a constant
;   @flow.return                 a value the method around it returns
;   @flow.callee + @flow.arguments, @flow.new + @flow.arguments, @flow.super + @flow.arguments   calls
;   @class.definition + @class.name + @class.base   classes, enums and interfaces (errors are recognised by name or base)
;   @flow.static                 `import static …HttpStatus.*`: bare member names

; ---- Bindings -------------------------------------------------------------------------------------------------
(variable_declarator name: (identifier) @flow.target value: (_) @flow.value)
(variable_declarator name: (identifier) @flow.target !value)
(assignment_expression left: [(identifier) (field_access)] @flow.target right: (_) @flow.value)

; ---- Returns ---------------------------------------------------------------------------------------------------
(return_statement (_) @flow.return)

; ---- Calls -----------------------------------------------------------------------------------------------------
; error(409, "…"), this.error(…), Respond.fail(…), service.fail(…): the receiver decides what it reaches
(method_invocation arguments: (argument_list) @flow.arguments) @flow.callee
(object_creation_expression type: [(type_identifier) (generic_type) (scoped_type_identifier)] @flow.new arguments: (argument_list) @flow.arguments)
(explicit_constructor_invocation constructor: (super) @flow.super arguments: (argument_list) @flow.arguments)
; this(409, message): another constructor of the same class
(explicit_constructor_invocation constructor: (this) @flow.new arguments: (argument_list) @flow.arguments)
; enum ErrorCode { DUPLICATE(HttpStatus.CONFLICT, "…") }: each constant constructs its enum
(enum_declaration name: (identifier) @flow.new body: (enum_body (enum_constant arguments: (argument_list) @flow.arguments)))

; ---- Classes ---------------------------------------------------------------------------------------------------
(class_declaration name: (identifier) @class.name superclass: (superclass (_) @class.base)?) @class.definition
(enum_declaration name: (identifier) @class.name) @class.definition
(interface_declaration name: (identifier) @class.name) @class.definition

; ---- Static imports --------------------------------------------------------------------------------------------
(import_declaration (scoped_identifier) @flow.static) @_import (#match? @_import "^import\\s+static\\s")

; ---- Generated members: records, Lombok ------------------------------------------------------------------------
; record ApiError(int status, String message): the components are fields, read by status(), filled by new ApiError(…)
(record_declaration name: (identifier) @class.name) @class.definition @flow.data
(record_declaration parameters: (formal_parameters (formal_parameter name: (identifier) @flow.target)))
; @Getter @RequiredArgsConstructor enum ErrorCode { DUPLICATE(HttpStatus.CONFLICT, "…"); private final HttpStatus status; }
([(class_declaration (modifiers [(marker_annotation name: (identifier) @_lombok) (annotation name: (identifier) @_lombok)]))
  (enum_declaration (modifiers [(marker_annotation name: (identifier) @_lombok) (annotation name: (identifier) @_lombok)]))] @flow.data
 (#any-of? @_lombok "Getter" "Data" "Value" "AllArgsConstructor" "RequiredArgsConstructor"))

; ---- Locals declared with a type: `catch (ApiException ae)` (one type), `if (e instanceof ApiException ae)` -------
(catch_formal_parameter (catch_type . (_) @flow.type .) name: (identifier) @flow.target)
(instanceof_expression right: (_) @flow.type name: (identifier) @flow.target)
