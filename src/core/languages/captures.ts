/** The capture names that language query files may use; a unit test rejects any other (captures starting with "_" are private to predicates). */
export const STATUS_CAPTURES = Object.freeze({
  send: 'status.send',
  mention: 'status.mention',
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

export const ALLOWED_CAPTURES: ReadonlySet<string> = new Set([
  ...Object.values(STATUS_CAPTURES),
  ...Object.values(HANDLER_CAPTURES),
]);
