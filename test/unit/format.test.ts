import * as assert from 'assert';
import {
  codeSpan, describeStatus, diagnosticMessage, escapeMarkdown, explainMarkdown, explainText, formatMessage, hoverMarkdown,
  inlayLabel, truncate,
} from '../../src/core';

suite('formatting', () => {
  test('hover for a listed code: value, description, class and source link', () => {
    const md = explainMarkdown(describeStatus(429));
    assert.ok(md.startsWith('**429 Too Many Requests** — LTS status code · Client error (4xx)'), md);
    assert.ok(md.includes('The number of requests exceeds the upper limit\\.'), md);
    assert.ok(md.includes('(https://docs.otc.t-systems.com/log-tank-service/api-ref/appendix/status_codes.html)'), md);
  });

  test('201 shows the table\'s "OK" and HTTP\'s "Created"', () => {
    const md = explainMarkdown(describeStatus(201));
    assert.ok(md.startsWith('**201 OK**'), md);
    assert.ok(md.includes('the HTTP reason phrase is "Created"'), md);
  });

  test('hover for an unlisted code says so and names the nearest listed codes', () => {
    const md = explainMarkdown(describeStatus(409), { allowedCodes: new Set([409]) });
    assert.ok(md.startsWith('**409 Conflict** — not an LTS status code · Client error (4xx)'), md);
    assert.ok(md.includes('200, 201, 204, 400, 401, 403, 404, 408, 429, 500, 503'), md);
    assert.ok(md.includes('Nearest listed: **400 Bad Request**'), md);
    assert.ok(md.includes('`ltsStatus.allowedCodes`'), md);
    const unregistered = explainMarkdown(describeStatus(299));
    assert.ok(unregistered.includes('299 is not a registered HTTP status code'), unregistered);
  });

  test('document text in a hover is inert', () => {
    const md = hoverMarkdown(describeStatus(409), { context: 'handler', handler: '[x](command:evil) <img src=x> `y`' });
    const span = '`` [x](command:evil) <img src=x> `y` ``';
    assert.ok(md.includes(`Sent by the handler ${span}.`), md);
    assert.ok(!md.replace(span, '').includes('command:'), 'document text appears only inside the code span');
    assert.strictEqual(escapeMarkdown('[a](b) <i>*'), '\\[a\\]\\(b\\) \\<i\\>\\*');
    assert.strictEqual(codeSpan('a`b'), '``a`b``');
    assert.strictEqual(codeSpan('`a'), '`` `a ``');
  });

  test('symbol hovers say what the name stands for', () => {
    const md = hoverMarkdown(describeStatus(409), { context: 'handler', handler: 'create', symbol: 'CONFLICT' });
    assert.ok(md.includes('`CONFLICT` stands for status 409.'), md);
    assert.ok(md.includes('Sent by the handler `create`.'), md);
  });

  test('a code sent through a helper names both', () => {
    const md = hoverMarkdown(describeStatus(409), { context: 'handler', handler: 'create', via: 'sendError' });
    assert.ok(md.includes('Sent by the handler `create` through `sendError`.'), md);
  });

  test('inlay labels are short', () => {
    assert.strictEqual(inlayLabel(describeStatus(429)), 'Too Many Requests');
    assert.strictEqual(inlayLabel(describeStatus(409)), 'Conflict · not LTS');
    assert.strictEqual(truncate('Too Many Requests', 8), 'Too Man…');
    assert.strictEqual(truncate('Too Many Requests', 0), 'Too Many Requests');
  });

  test('diagnostic messages name the handler, the code and the listed codes', () => {
    assert.strictEqual(diagnosticMessage(302, null), '302 Found is not an LTS status code; listed: 200, 201, 204, 400, 401, 403, 404, 408, 429, 500, 503.');
    assert.ok(diagnosticMessage(409, 'GET /x').startsWith('GET /x returns 409 Conflict, which'));
  });

  test('plain-text explanation', () => {
    assert.strictEqual(explainText(describeStatus(201)),
      '201 OK (HTTP: Created) — LTS status code · Success (2xx). The POST request is successful and the query result is returned.');
    assert.ok(explainText(describeStatus(502)).endsWith('Nearest listed: 503 Service Unavailable'));
  });

  test('translation placeholders', () => {
    assert.strictEqual(formatMessage('{0} and {1} and {0}', 'a', 2), 'a and 2 and a');
    assert.strictEqual(formatMessage('{3}'), '{3}');
  });
});
