; Go: how status values travel (see src/core/code/flow.ts and ../README.md, "Status flow").
;   @flow.target + @flow.value (+ @flow.type)   bindings: locals, package constants and variables, struct literal fields
;   @flow.return                                 a value the function around it returns (a single result)
;   @flow.callee + @flow.arguments               calls
;   @flow.import, @flow.module                   imported packages and the file's own package
;   @class.definition + @class.name              struct types (errors are recognised by name)

; ---- Bindings -------------------------------------------------------------------------------------------------
; status := 409; status = http.StatusConflict (one name, one value: `a, b := f()` is left out)
(short_var_declaration
  left: (expression_list . (identifier) @flow.target .)
  right: (expression_list . (_) @flow.value .))
; code, msg := statusOf(err): the first name holds the first result (returns below keep the first value too)
(short_var_declaration
  left: (expression_list . (identifier) @flow.target . (_))
  right: (expression_list . (call_expression) @flow.value .))
(assignment_statement
  left: (expression_list . (identifier) @flow.target . (_))
  operator: "="
  right: (expression_list . (call_expression) @flow.value .))
(assignment_statement
  left: (expression_list . [(identifier) (selector_expression)] @flow.target .)
  operator: "="
  right: (expression_list . (_) @flow.value .))
; var status = 302; const Conflict = 409; const ( Conflict = 409 )
(var_spec
  name: (identifier) @flow.target .
  value: (expression_list . (_) @flow.value .))
(const_spec
  name: (identifier) @flow.target .
  value: (expression_list . (_) @flow.value .))
; &AppError{Code: 409, Msg: "x"}, apperr.Error{Status: code}
(composite_literal
  type: [(type_identifier) (qualified_type)] @flow.type
  body: (literal_value
    (keyed_element
      key: (literal_element (identifier) @flow.target)
      value: (literal_element (_) @flow.value))))

; ---- Returns ---------------------------------------------------------------------------------------------------
; return 409, "conflict": the first result (what a caller's first name receives)
(return_statement (expression_list . (_) @flow.return))

; ---- Calls -----------------------------------------------------------------------------------------------------
(call_expression function: [(identifier) (selector_expression)] @flow.callee arguments: (argument_list) @flow.arguments)

; ---- Types -----------------------------------------------------------------------------------------------------
(type_spec name: (type_identifier) @class.name type: (struct_type)) @class.definition

; ---- Packages ---------------------------------------------------------------------------------------------------
(package_clause (package_identifier) @flow.module)
(import_spec name: (package_identifier) @flow.import)
(import_spec !name path: (interpreted_string_literal (interpreted_string_literal_content) @flow.import))

; ---- Imports that name a framework's statuses (`@import.name` → `@import.origin`, see ../README.md) ------------------
; nethttp "net/http" … nethttp.StatusConflict; ec "github.com/labstack/echo/v4" … ec.ErrNotFound; fb "…/fiber/v2"
(import_spec
  name: (package_identifier) @import.name
  path: (interpreted_string_literal (interpreted_string_literal_content) @_path)
  (#eq? @_path "net/http")
  (#set! origin "http"))
(import_spec
  name: (package_identifier) @import.name
  path: (interpreted_string_literal (interpreted_string_literal_content) @_path)
  (#match? @_path "^github\\.com/labstack/echo(/v[0-9]+)?$")
  (#set! origin "echo"))
(import_spec
  name: (package_identifier) @import.name
  path: (interpreted_string_literal (interpreted_string_literal_content) @_path)
  (#match? @_path "^github\\.com/gofiber/fiber(/v[0-9]+)?$")
  (#set! origin "fiber"))
