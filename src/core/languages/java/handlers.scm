; Java: how a request handler is named in messages. See ../README.md.
(ERROR) @_stub
