import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import {
  codeSpan, codeWithName, describeStatus, diagnosticMessage, escapeMarkdown, explainMarkdown, explainText, formatMessage, hoverMarkdown,
  hintLabel, isListed, preferredReplacement, suggestionsFor, Translate, truncate,
} from '../../src/core';
import { repoRoot } from './helpers';

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

  test('hover sections come in a fixed order: title, the code in the document, body, notes, source last; the listed codes once', () => {
    const notes = ['`LTS.0205` on this line: …'];
    const md = hoverMarkdown(describeStatus(409), { context: 'handler', handler: 'create', symbol: 'CONFLICT' }, {}, notes);
    const paragraphs = md.split('\n\n');
    assert.ok(paragraphs[0].startsWith('**409 Conflict** — not an LTS status code'), paragraphs[0]);
    assert.ok(paragraphs[1].includes('`CONFLICT` stands for status 409'), paragraphs[1]);
    assert.ok(paragraphs[2].includes('Sent by the handler'), paragraphs[2]);
    assert.strictEqual(paragraphs.at(-2), notes[0], 'notes before the source');
    assert.ok(paragraphs.at(-1)!.startsWith('Source: ['), 'the source link ends the hover');
    assert.strictEqual(md.split('200, 201, 204, 400, 401, 403, 404, 408, 429, 500, 503').length - 1, 1, 'the listed codes once');
    const listed = hoverMarkdown(describeStatus(201), { context: 'handler' }, {}, notes).split('\n\n');
    assert.ok(listed[0].startsWith('**201 OK**'), 'the hover keeps the table\'s wording');
    assert.ok(listed.some((p) => p.includes('the HTTP reason phrase is "Created"')), 'and explains it');
    assert.ok(listed.at(-1)!.startsWith('Source: ['));
    assert.ok(explainMarkdown(describeStatus(409)).split('\n\n').at(-1)!.startsWith('Source: ['));
  });

  test('inlay labels are short', () => {
    assert.strictEqual(hintLabel({ code: 429 }), 'Too Many Requests');
    assert.strictEqual(hintLabel({ code: 409 }), 'Conflict · not LTS');
    assert.strictEqual(truncate('Too Many Requests', 8), 'Too Man…');
    assert.strictEqual(truncate('Too Many Requests', 0), 'Too Many Requests');
  });

  test('inlay labels say what the code does not: the name after a literal, the number after a symbolic name', () => {
    // 201: HTTP's "Created", as the code means it; the LTS table's "OK" is in the hover.
    assert.strictEqual(hintLabel({ code: 201 }), 'Created');
    assert.strictEqual(hintLabel({ code: 299 }), 'not LTS');
    assert.strictEqual(hintLabel({ code: 409, symbol: 'HttpStatus.CONFLICT' }), '409 · not LTS');
    assert.strictEqual(hintLabel({ code: 429, symbol: 'http.StatusTooManyRequests' }), '429');
    assert.strictEqual(hintLabel({ code: 400, symbol: 'badRequest' }), '400');
    // The name writes the number: nothing to add for a listed code, only the verdict for another.
    assert.strictEqual(hintLabel({ code: 429, symbol: 'StatusCodes.Status429TooManyRequests' }), undefined);
    assert.strictEqual(hintLabel({ code: 409, symbol: 'status.HTTP_409_CONFLICT' }), 'not LTS');
    assert.strictEqual(hintLabel({ code: 409, symbol: 'Status4090Conflict' }), '409 · not LTS', 'digits inside a longer number do not count');
  });

  test('inlay labels follow ltsStatus.inlayHints.symbolic and ltsStatus.inlayHints.listed', () => {
    assert.strictEqual(hintLabel({ code: 201, symbol: 'HttpStatus.CREATED' }, { symbolic: 'full' }), '201 Created');
    assert.strictEqual(hintLabel({ code: 409, symbol: 'HttpStatus.CONFLICT' }, { symbolic: 'full' }), '409 Conflict · not LTS');
    assert.strictEqual(hintLabel({ code: 409, symbol: 'HttpStatus.CONFLICT' }, { symbolic: 'off' }), undefined);
    assert.strictEqual(hintLabel({ code: 409 }, { symbolic: 'off' }), 'Conflict · not LTS', 'literals keep their hint');
    assert.strictEqual(hintLabel({ code: 429 }, { listed: false }), undefined);
    assert.strictEqual(hintLabel({ code: 429, symbol: 'HttpStatus.TOO_MANY_REQUESTS' }, { listed: false }), undefined);
    assert.strictEqual(hintLabel({ code: 409 }, { listed: false }), 'Conflict · not LTS');
    const zh = (message: string, ...args: Array<string | number>) => `[${message.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]))}]`;
    assert.strictEqual(hintLabel({ code: 409, symbol: 'HttpStatus.CONFLICT' }, { t: zh }), '[409 · not LTS]');
  });

  test('diagnostic messages are short: the handler, the code and the replacement the preferred quick fix inserts', () => {
    assert.strictEqual(diagnosticMessage(409, 'createLogStream'), 'createLogStream returns 409 Conflict, not an LTS status code — use 400 Bad Request');
    // A redirect has no replacement: 200 would change what the handler does.
    assert.strictEqual(diagnosticMessage(302, null), '302 Found is not an LTS status code');
    assert.strictEqual(diagnosticMessage(202, null), '202 Accepted is not an LTS status code — use 200 OK');
    assert.strictEqual(diagnosticMessage(504, 'GET /x'), 'GET /x returns 504 Gateway Timeout, not an LTS status code — use 503 Service Unavailable');
    for (let code = 100; code <= 599; code++) {
      if (isListed(code)) continue;
      const message = diagnosticMessage(code, 'h');
      // The same choice as the quick fix marked preferred (the first suggestion), and never the eleven listed codes.
      const first = suggestionsFor(code)[0];
      if (first === undefined) assert.ok(message.endsWith('not an LTS status code'), message);
      else assert.ok(message.endsWith(` — use ${codeWithName(first)}`), message);
      assert.strictEqual(preferredReplacement(code), suggestionsFor(code)[0]);
      assert.ok(!message.includes('200, 201'), message);
      assert.ok(message.length <= 100, `${message.length} characters: ${message}`);
    }
    assert.strictEqual(preferredReplacement(429), undefined);
  });

  test('diagnostic messages in Simplified Chinese', () => {
    const bundle: Record<string, string> = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
    const zh: Translate = (message, ...args) => formatMessage(bundle[message] ?? `MISSING ${message}`, ...args);
    assert.strictEqual(diagnosticMessage(409, 'createLogStream', zh), 'createLogStream 返回 409 Conflict，不是 LTS 状态码——请改用 400 Bad Request');
    assert.strictEqual(diagnosticMessage(302, null, zh), '302 Found 不是 LTS 状态码');
    assert.strictEqual(diagnosticMessage(202, null, zh), '202 Accepted 不是 LTS 状态码——请改用 200 OK');
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

suite('formatting in Simplified Chinese', () => {
  const bundle: Record<string, string> = JSON.parse(fs.readFileSync(path.join(repoRoot, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8'));
  const zh: Translate = (message, ...args) => formatMessage(bundle[message] ?? message, ...args);
  // An English sentence: a capital letter, words, a full stop (the codes' reason phrases are names, not sentences).
  const englishSentence = /[A-Z][a-z]+(?: [a-z]+){3,}[.]/;

  test('the table\'s descriptions, notes and source titles are translated: no English sentence is left', () => {
    for (const code of [200, 201, 409, 418, 429, 306, 999]) {
      const markdown = explainMarkdown(describeStatus(code), { t: zh });
      assert.doesNotMatch(markdown.replace(/\]\([^)]*\)/g, ']'), englishSentence, `${code}: ${markdown}`);
    }
    assert.match(explainMarkdown(describeStatus(429), { t: zh }), /请求数量超过上限/);
    assert.match(explainText(describeStatus(503), { t: zh }), /由于系统不可用/);
  });
});
