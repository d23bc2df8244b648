; Rust: how status values travel (see src/core/code/flow.ts and ../README.md, "Status flow").
;   @flow.target + @flow.value (+ @flow.type)   bindings: `let`, assignments, `const`/`static`, struct literal fields
;   @flow.return                                 `return`, a function's tail expression, the arms of a tail `match`
;   @flow.callee + @flow.arguments               calls: functions, methods, `Type::function`, `Self::new`
;   @class.definition + @class.name + @class.base   structs, enums and `impl` blocks (`Self` is the impl's type)

; ---- Bindings -------------------------------------------------------------------------------------------------
(let_declaration pattern: (identifier) @flow.target value: (_) @flow.value)
(assignment_expression left: [(identifier) (field_expression)] @flow.target right: (_) @flow.value)
(const_item name: (identifier) @flow.target value: (_) @flow.value)
(static_item name: (identifier) @flow.target value: (_) @flow.value)
; AppError { status: StatusCode::CONFLICT, … }, Self { status, message }
(struct_expression
  name: [(type_identifier) (scoped_type_identifier) (generic_type_with_turbofish)] @flow.type
  body: (field_initializer_list
    (field_initializer field: (field_identifier) @flow.target value: (_) @flow.value)))
(struct_expression
  name: [(type_identifier) (scoped_type_identifier) (generic_type_with_turbofish)] @flow.type
  body: (field_initializer_list
    (shorthand_field_initializer (identifier) @flow.target @flow.value)))

; ---- Returns ---------------------------------------------------------------------------------------------------
(return_expression (_) @flow.return)
; The tail of a function's body: an expression standing directly in the block (a statement ends with `;`), found
; without an anchor so that a trailing comment does not hide it; `if` and `match` may also stand mid-block, so they
; count only as the last child.
(function_item
  body: (block
    [(scoped_identifier) (identifier) (integer_literal) (call_expression) (field_expression) (tuple_expression)
     (struct_expression) (try_expression) (type_cast_expression) (parenthesized_expression) (await_expression)
     (reference_expression)] @flow.return))
(function_item body: (block (if_expression) @flow.return .))
(function_item
  body: (block
    (match_expression body: (match_block (match_arm value: (_) @flow.return))) .))

; ---- Calls -----------------------------------------------------------------------------------------------------
(call_expression
  function: [(identifier) (scoped_identifier) (field_expression)] @flow.callee
  arguments: (arguments) @flow.arguments)

; ---- Types -----------------------------------------------------------------------------------------------------
(struct_item name: (type_identifier) @class.name) @class.definition
(enum_item name: (type_identifier) @class.name) @class.definition
(impl_item
  trait: (_)? @class.base
  type: [(type_identifier) (scoped_type_identifier) (generic_type)] @class.name) @class.definition
