import * as assert from 'assert';
import { LANGUAGES, LISTED_CODES, Occurrence, STATUS_SLOTS, statusCompletions, statusSlotAt, symbolicSpelling } from '../../src/core';

function occurrence(code: number, symbol?: string, extra: Partial<Occurrence> = {}): Occurrence {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return { range, code, text: symbol ?? String(code), context: 'handler', handler: null, ...(symbol ? { symbol } : {}), ...extra };
}

suite('completion: where a status is expected', () => {
  test('every language the engine reads has sink prefixes', () => {
    for (const spec of LANGUAGES) assert.ok(STATUS_SLOTS[spec.id]?.length, spec.id);
  });

  const expected: Array<[string, string]> = [
    ['javascript', 'res.status('],
    ['javascript', '  return res.sendStatus('],
    ['typescript', 'return new Response(body, { status: '],
    ['javascript', 'ctx.status = '],
    ['typescript', '@HttpCode('],
    ['javascript', 'return c.json({ ok: true }, '],
    ['python', '    return jsonify(error="x"), '],
    ['python', '    raise HTTPException(status_code='],
    ['python', '    abort('],
    ['go', '\tw.WriteHeader('],
    ['go', '\thttp.Error(w, "conflict", '],
    ['go', '\tc.JSON('],
    ['java', 'return ResponseEntity.status('],
    ['java', 'response.setStatus('],
    ['csharp', 'return StatusCode('],
    ['csharp', 'return Problem(detail: d, statusCode: '],
    ['php', 'http_response_code('],
    ['php', 'return response()->json($data, '],
    ['ruby', '  render json: body, status: '],
    ['ruby', '  halt '],
    ['rust', 'StatusCode::from_u16('],
  ];
  for (const [language, prefix] of expected) {
    test(`${language}: ${prefix.trim()}|`, () => {
      assert.strictEqual(statusSlotAt(language, prefix), prefix.length);
    });
  }

  test('what is typed of the code is replaced', () => {
    assert.strictEqual(statusSlotAt('javascript', 'res.status(4'), 'res.status('.length);
    assert.strictEqual(statusSlotAt('go', 'w.WriteHeader(http.Sta'), 'w.WriteHeader('.length);
    assert.strictEqual(statusSlotAt('ruby', 'head :no'), 'head '.length);
    assert.strictEqual(statusSlotAt('rust', '.status(StatusCode::'), '.status('.length);
  });

  test('nowhere else', () => {
    for (const [language, prefix] of [
      ['javascript', 'res.json('], ['javascript', 'const width = '], ['javascript', 'res.status'], ['javascript', 'foo('],
      ['python', '    return f(a, '], ['python', '    return x'], ['go', 'fmt.Println('], ['java', 'list.add('],
      ['ruby', 'puts '], ['elixir', 'conn |> put_status('],
    ]) {
      assert.strictEqual(statusSlotAt(language, prefix), undefined, `${language}: ${prefix}`);
    }
  });
});

suite('completion: items', () => {
  test('the eleven listed codes, ascending, each with its name and the table\'s description', () => {
    const items = statusCompletions();
    assert.deepStrictEqual(items.map((item) => item.insertText), LISTED_CODES.map(String));
    const tooMany = items.find((item) => item.code === 429)!;
    assert.strictEqual(tooMany.name, 'Too Many Requests');
    assert.strictEqual(tooMany.description, 'The number of requests exceeds the upper limit.');
    assert.strictEqual(items.find((item) => item.code === 201)!.name, 'Created', 'HTTP\'s name, as the hints show it');
  });

  test('listed codes first, then the codes the user allows', () => {
    const items = statusCompletions({ allowedCodes: new Set([409, 404, 202]) });
    assert.deepStrictEqual(items.map((item) => item.code), [...LISTED_CODES, 202, 409]);
    const sorted = [...items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((item) => item.code);
    assert.deepStrictEqual(sorted, [...LISTED_CODES, 202, 409]);
    assert.strictEqual(items.at(-1)!.description, '');
  });

  test('in the file\'s symbolic spelling when it uses a library\'s names', () => {
    const cases: Array<[string, number, number, string]> = [
      ['http.StatusConflict', 409, 429, 'http.StatusTooManyRequests'],
      ['HttpStatus.CONFLICT', 409, 400, 'HttpStatus.BAD_REQUEST'],
      ['HttpStatus.CONFLICT', 409, 201, 'HttpStatus.CREATED'],
      ['StatusCodes.Status409Conflict', 409, 429, 'StatusCodes.Status429TooManyRequests'],
      ['status.HTTP_409_CONFLICT', 409, 404, 'status.HTTP_404_NOT_FOUND'],
      ['StatusCode::CONFLICT', 409, 503, 'StatusCode::SERVICE_UNAVAILABLE'],
      [':conflict', 409, 429, ':too_many_requests'],
    ];
    for (const [symbol, from, to, spelled] of cases) {
      const spelling = symbolicSpelling([occurrence(200), occurrence(from, symbol)]);
      assert.deepStrictEqual(spelling, { symbol, code: from }, symbol);
      assert.strictEqual(statusCompletions({ spelling }).find((item) => item.code === to)!.insertText, spelled, symbol);
    }
  });

  test('the most used library name; not the file\'s own constants, a status-named method or an implicit code', () => {
    assert.strictEqual(symbolicSpelling([
      occurrence(409, 'HTTPStatus.CONFLICT'), occurrence(404, 'status.HTTP_404_NOT_FOUND'), occurrence(400, 'status.HTTP_400_BAD_REQUEST'),
    ])?.symbol, 'status.HTTP_404_NOT_FOUND', 'the library used most, by its first name that spells every listed code');
    assert.strictEqual(symbolicSpelling([
      occurrence(409, 'CONFLICT', { constant: true }), occurrence(400, 'badRequest'), occurrence(302, 'res.redirect', { implicit: true }),
    ]), undefined);
    assert.strictEqual(symbolicSpelling([occurrence(409)]), undefined);
  });
});
