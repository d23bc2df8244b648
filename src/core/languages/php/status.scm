; PHP: where an HTTP status code stands. Vocabulary and rules: ../README.md.
(ERROR) @_stub
