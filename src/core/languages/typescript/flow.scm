; TypeScript and TSX: what their grammars name differently from JavaScript's (the rest is ../javascript/flow-common.scm, read first).

; ---- Class fields ----------------------------------------------------------------------------------------------
(public_field_definition name: (property_identifier) @flow.target value: (_) @flow.value)

; ---- Classes ---------------------------------------------------------------------------------------------------
(class_declaration name: (type_identifier) @class.name (class_heritage (extends_clause value: (_) @class.base))?) @class.definition
(abstract_class_declaration name: (type_identifier) @class.name (class_heritage (extends_clause value: (_) @class.base))?) @class.definition
(variable_declarator name: (identifier) @class.name value: (class (class_heritage (extends_clause value: (_) @class.base))?) @class.definition)
