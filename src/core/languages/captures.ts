/** The capture names that language query files may use; a unit test rejects any other (captures starting with "_" are private to predicates). */
export const STATUS_CAPTURES = Object.freeze({
  send: 'status.send',
  mention: 'status.mention',
  constantName: 'constant.name',
  constantValue: 'constant.value',
});

export const HANDLER_CAPTURES = Object.freeze({
  function: 'handler.function',
  name: 'handler.name',
  verb: 'handler.verb',
  route: 'handler.route',
});

export const ALLOWED_CAPTURES: ReadonlySet<string> = new Set([
  ...Object.values(STATUS_CAPTURES),
  ...Object.values(HANDLER_CAPTURES),
]);
