; JavaScript: what its grammar names differently from TypeScript's (the rest is flow-common.scm, read first).

; ---- Class fields ----------------------------------------------------------------------------------------------
(field_definition property: (property_identifier) @flow.target value: (_) @flow.value)

; ---- Classes ---------------------------------------------------------------------------------------------------
(class_declaration name: (identifier) @class.name (class_heritage (_) @class.base)?) @class.definition
(variable_declarator name: (identifier) @class.name value: (class (class_heritage (_) @class.base)?) @class.definition)
