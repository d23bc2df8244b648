/** The capture names that language query files may use; a unit test rejects any other (captures starting with "_" are private to predicates). */
export const STATUS_CAPTURES = Object.freeze({
  send: 'status.send',
  mention: 'status.mention',
  /**
   * A call that answers with a status although no number is written (`res.redirect(url)` → 302): the node is flagged
   * like a sent code; the code is the pattern's `(#set! implicit "302")`.
   */
  implicit: 'status.implicit',
  /**
   * A region that answers no HTTP request although it builds responses (a browser service worker's `fetch` listener):
   * inside it, what would be sent is only a mention.
   */
  client: 'status.client',
  constantName: 'constant.name',
  constantValue: 'constant.value',
  /** A call of a plain function by name, and its argument list: followed when the function sends a parameter. */
  callName: 'call.name',
  callArguments: 'call.arguments',
});

export const HANDLER_CAPTURES = Object.freeze({
  function: 'handler.function',
  name: 'handler.name',
  verb: 'handler.verb',
  route: 'handler.route',
  /** The parameter list of a named function (to follow `sendError(res, 409)` into a helper that sends `code`). */
  parameters: 'handler.parameters',
});

/** `flow.scm`: how values travel (see src/core/code/flow.ts). */
export const FLOW_CAPTURES = Object.freeze({
  /** A binding: the name, field or member written, and the value (absent for a declaration without one). */
  target: 'flow.target',
  value: 'flow.value',
  /**
   * The type of a struct literal or object initializer whose field `@flow.target` is set (`AppError{Code: 409}`); with
   * a `@flow.target` and no `@flow.value`, the type of a local declared without a value (`catch (ApiException ae)`,
   * `case ApiException ae`, `except ApiError as ae`): `ae.status` then reads an error's field.
   */
  type: 'flow.type',
  /**
   * With `@flow.target` and `@flow.value`: the target is bound to this field of the value, not to the value itself
   * (destructuring: `const { statusCode } = err`, `const { status: code } = err` read `err.statusCode`, `err.status`).
   */
  field: 'flow.field',
  /** A value the function around it returns. */
  return: 'flow.return',
  /** A call: the callee (a name or a member access) and its argument list. */
  callee: 'flow.callee',
  arguments: 'flow.arguments',
  /** A constructor call: the class (`new ApiError(…)`, `ApiError.new(…)`), with `@flow.arguments`. */
  new: 'flow.new',
  /** A call of the base class's constructor (`super(…)`, `: base(…)`, `parent::__construct(…)`), with `@flow.arguments`. */
  super: 'flow.super',
  /** The local name of an imported module or package (`respond` in `import * as respond from './respond'`). */
  import: 'flow.import',
  /**
   * The module or package the file declares (Go's `package apperr`): its top-level functions and constants are also
   * reached as `apperr.New`, and in such a file a call or constant on an imported package reaches only that package's.
   */
  module: 'flow.module',
  /**
   * A static import (Java `import static …HttpStatus.*`, C# `using static …`): the qualified name of a class whose
   * members are then used by their bare name, or of one upper-case member (`…HttpStatus.CONFLICT`).
   */
  static: 'flow.static',
  /**
   * A class whose fields get generated members (Java records, Lombok `@Getter`/`@Data`/`@AllArgsConstructor`): each
   * field is read by its accessors (`FlowSyntax.accessors`), and without a constructor of its own the class's
   * arguments fill its uninitialised fields in order.
   */
  data: 'flow.data',
});

/**
 * `flow.scm`: imports that give a local name to a framework's status symbol or module (`from rest_framework.exceptions
 * import NotFound`, `from starlette import status as st`, `nethttp "net/http"`, `import { StatusCodes as SC } from
 * 'http-status-codes'`). The engine reads a value whose first name is `@import.name` as the qualified origin followed
 * by the rest (`st.HTTP_409_CONFLICT` → `starlette.status.HTTP_409_CONFLICT`) before it tries the language's `symbols`.
 */
export const IMPORT_CAPTURES = Object.freeze({
  /** The local name the import binds (the alias, or the imported name itself). */
  name: 'import.name',
  /**
   * The parts of the qualified origin, joined with `.` in document order (quotes dropped), after the pattern's
   * `(#set! origin "…")` when it has one (Go's `"net/http"` is the package `http`: a fixed origin, no capture).
   */
  origin: 'import.origin',
});

/** `flow.scm` (or `handlers.scm`): classes, for constructors, fields and which classes are errors. */
export const CLASS_CAPTURES = Object.freeze({
  definition: 'class.definition',
  name: 'class.name',
  base: 'class.base',
});

export const ALLOWED_CAPTURES: ReadonlySet<string> = new Set([
  ...Object.values(STATUS_CAPTURES),
  ...Object.values(HANDLER_CAPTURES),
  ...Object.values(FLOW_CAPTURES),
  ...Object.values(CLASS_CAPTURES),
  ...Object.values(IMPORT_CAPTURES),
]);
