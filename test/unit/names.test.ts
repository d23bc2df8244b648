import * as assert from 'assert';
import { codeForName, replaceSymbolCode } from '../../src/core';

suite('status names', () => {
  test('names resolve through phrases and older spellings, in any case and separator style', () => {
    assert.strictEqual(codeForName('CONFLICT'), 409);
    assert.strictEqual(codeForName('tooManyRequests'), 429);
    assert.strictEqual(codeForName('request_entity_too_large'), 413);
    assert.strictEqual(codeForName('UnprocessableEntity'), 422);
    assert.strictEqual(codeForName('ImATeapot'), 418);
    assert.strictEqual(codeForName('Forbid'), undefined);
    assert.strictEqual(codeForName('Forbid', { Forbid: 403 }), 403);
  });

  test('a symbolic status is rewritten for another code in the same library spelling', () => {
    const cases: Array<[string, number, number, string, string | undefined]> = [
      ['HttpStatus.CONFLICT', 409, 400, 'Bad Request', 'HttpStatus.BAD_REQUEST'],
      ['http.StatusConflict', 409, 400, 'Bad Request', 'http.StatusBadRequest'],
      [':conflict', 409, 400, 'Bad Request', ':bad_request'],
      [':unprocessable_entity', 422, 400, 'Bad Request', ':bad_request'],
      ['status.HTTP_409_CONFLICT', 409, 400, 'Bad Request', 'status.HTTP_400_BAD_REQUEST'],
      ['StatusCodes.Status409Conflict', 409, 400, 'Bad Request', 'StatusCodes.Status400BadRequest'],
      ['ConflictException', 409, 400, 'Bad Request', 'BadRequestException'],
      ['web.HTTPConflict', 409, 400, 'Bad Request', 'web.HTTPBadRequest'],
      ['HttpResponse::Conflict', 409, 400, 'Bad Request', 'HttpResponse::BadRequest'],
      ['StatusCode::BAD_GATEWAY', 502, 503, 'Service Unavailable', 'StatusCode::SERVICE_UNAVAILABLE'],
      ['HttpStatusCode.Redirect', 302, 200, 'OK', 'HttpStatusCode.OK'],
      ['ResponseEntity.accepted', 202, 200, 'OK', 'ResponseEntity.ok'],
      ['Http404', 404, 400, 'Bad Request', undefined],
    ];
    for (const [symbol, from, to, phrase, expected] of cases) assert.strictEqual(replaceSymbolCode(symbol, from, to, phrase), expected, symbol);
  });
});
