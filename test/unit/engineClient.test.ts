import * as assert from 'assert';
import * as path from 'path';
import { CodeAnalysis, CodeEngine, EngineRequest, EngineResponse, nullLogger } from '../../src/core';
import { EngineClient, EngineTransport, SkippedDocument, TransportHandlers } from '../../src/vscode/engineClient';
import { inProcessTransport } from '../../src/vscode/engineHost';
import { grammarLoader } from '../../src/vscode/grammars';
import { nodeWorkerTransport } from '../../src/vscode/nodeTransport';
import { ENGINE_TEST_TIMEOUT_MS, nodeGrammars, repoRoot } from './helpers';

/** A scripted engine: each analyze request is answered by `behave`, which may begin, answer, fail or stay silent. */
type Behaviour = (request: Extract<EngineRequest, { type: 'analyze' }>, reply: (response: EngineResponse) => void, exit: (reason: string) => void) => void;

function fakeTransports(behave: Behaviour) {
  const started: Array<{ requests: EngineRequest[]; terminated: boolean }> = [];
  const factory = (handlers: TransportHandlers): EngineTransport => {
    const record = { requests: [] as EngineRequest[], terminated: false };
    started.push(record);
    return {
      post(request) {
        record.requests.push(request);
        if (request.type === 'analyze') {
          setTimeout(() => behave(request, (response) => { if (!record.terminated) handlers.message(response); }, handlers.exit), 1);
        }
      },
      terminate() { record.terminated = true; },
    };
  };
  return { started, factory };
}

const found = (code: number): CodeAnalysis => ({
  occurrences: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, code, text: String(code), context: 'mention', handler: null }],
});

const LIMITS = { analysisMs: 50, hardMs: 100, startMs: 10_000 };

suite('engine client', () => {
  test('answers in order; a crash and a runaway cost only their own document, each on a fresh worker', async () => {
    const { started, factory } = fakeTransports((request, reply, exit) => {
      if (request.text === 'trap') {
        reply({ type: 'begin', id: request.id });
        reply({ type: 'error', id: request.id, message: 'RuntimeError: memory access out of bounds', fatal: true });
      } else if (request.text === 'loop') {
        reply({ type: 'begin', id: request.id }); // and never answers
      } else if (request.text === 'exit') {
        exit('worker exited with code 1');
      } else {
        reply({ type: 'begin', id: request.id });
        reply({ type: 'result', id: request.id, analysis: found(Number(request.text)) });
      }
    });
    const skipped: SkippedDocument[] = [];
    const client = new EngineClient(factory, nullLogger, (s) => skipped.push(s), LIMITS);
    const ask = (text: string) => client.analyze({ label: `${text}.ts`, language: 'typescript', text });
    const results = await Promise.all(['409', 'trap', '429', 'loop', '503', 'exit', '201'].map(ask));
    assert.deepStrictEqual(results.map((r) => r.skipped ?? r.occurrences[0].code), [409, 'crashed', 429, 'timeout', 503, 'crashed', 201]);
    assert.deepStrictEqual(skipped.map((s) => [s.label, s.reason]), [['trap.ts', 'crashed'], ['loop.ts', 'timeout'], ['exit.ts', 'crashed']]);
    assert.strictEqual(started.length, 4, 'a new worker after each failure');
    assert.deepStrictEqual(started.map((s) => s.terminated), [true, true, false, false]);
    assert.strictEqual(client.restarts, 3);
    client.dispose();
  });

  test("the engine's own deadline skips the document and keeps the worker", async () => {
    const { started, factory } = fakeTransports((request, reply) => {
      reply({ type: 'begin', id: request.id });
      reply({ type: 'result', id: request.id, analysis: request.text === 'slow' ? { occurrences: [], skipped: 'timeout' } : found(200) });
    });
    const skipped: SkippedDocument[] = [];
    const client = new EngineClient(factory, nullLogger, (s) => skipped.push(s), LIMITS);
    const [slow, next] = await Promise.all(['slow', 'ok'].map((text) => client.analyze({ label: text, language: 'typescript', text })));
    assert.strictEqual(slow.skipped, 'timeout');
    assert.strictEqual(next.occurrences[0].code, 200);
    assert.deepStrictEqual(skipped.map((s) => [s.label, s.reason]), [['slow', 'timeout']]);
    assert.strictEqual(started.length, 1, 'the same worker goes on');
    assert.strictEqual(client.restarts, 0);
    client.dispose();
  });

  test('a worker that never begins is replaced after the start limit', async () => {
    let first = true;
    const { started, factory } = fakeTransports((request, reply) => {
      if (first) { first = false; return; }
      reply({ type: 'begin', id: request.id });
      reply({ type: 'result', id: request.id, analysis: found(200) });
    });
    const client = new EngineClient(factory, nullLogger, () => {}, { ...LIMITS, startMs: 50 });
    const [stuck, next] = await Promise.all(['a', 'b'].map((text) => client.analyze({ label: text, language: 'typescript', text })));
    assert.strictEqual(stuck.skipped, 'timeout');
    assert.strictEqual(next.occurrences[0].code, 200);
    assert.strictEqual(started.length, 2);
    client.dispose();
  });

  test('editor requests go before background ones; a newer version of a queued document replaces the older', async () => {
    const order: string[] = [];
    const { factory } = fakeTransports((request, reply) => {
      order.push(request.text);
      reply({ type: 'begin', id: request.id });
      reply({ type: 'result', id: request.id, analysis: found(Number(request.text.slice(-3))) });
    });
    const client = new EngineClient(factory, nullLogger, () => {}, LIMITS);
    const first = client.analyze({ label: 'x', language: 'typescript', text: 'first 200' });
    const background = client.analyze({ label: 'w', language: 'typescript', text: 'workspace 201' }, 'background');
    const v1 = client.analyze({ label: 'doc', key: 'doc', version: 1, language: 'typescript', text: 'doc v1 404' });
    const v2 = client.analyze({ label: 'doc', key: 'doc', version: 2, language: 'typescript', text: 'doc v2 409' });
    await Promise.all([first, background, v1, v2]);
    assert.deepStrictEqual(order, ['first 200', 'doc v2 409', 'workspace 201']);
    assert.strictEqual((await v1).occurrences[0].code, 409, 'the stale request gets the newer result');
    client.dispose();
  });

  test('with idleMs the worker ends after that long without work, and the next request starts a new one', async () => {
    const { started, factory } = fakeTransports((request, reply) => {
      reply({ type: 'begin', id: request.id });
      reply({ type: 'result', id: request.id, analysis: found(Number(request.text)) });
    });
    const client = new EngineClient(factory, nullLogger, undefined, LIMITS, { idleMs: 30 });
    const ask = (text: string) => client.analyze({ label: `${text}.ts`, language: 'typescript', text }, 'background');
    assert.deepStrictEqual((await Promise.all(['409', '429'].map(ask))).map((r) => r.occurrences[0].code), [409, 429]);
    assert.deepStrictEqual(started.map((s) => s.terminated), [false], 'busy: one worker, still running');
    await new Promise((resolve) => setTimeout(resolve, 80));
    assert.deepStrictEqual(started.map((s) => s.terminated), [true], 'ended once idle');
    assert.strictEqual((await ask('503')).occurrences[0].code, 503);
    assert.deepStrictEqual(started.map((s) => s.terminated), [true, false], 'a new worker for new work');
    assert.strictEqual(client.restarts, 0, 'an idle end is not a restart');
    client.dispose();
  });

  test('without idleMs the worker stays; prepare with no languages starts the engine', async () => {
    const { started, factory } = fakeTransports(() => undefined);
    const client = new EngineClient(factory, nullLogger, undefined, LIMITS);
    const prepared = client.prepare([]);
    assert.deepStrictEqual(started.map((s) => s.requests), [[{ type: 'prepare', languages: [], id: 1 }]]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepStrictEqual(started.map((s) => s.terminated), [false]);
    // This engine never answers: disposing the client ends the wait.
    client.dispose();
    await prepared;
  });

  test('prepare resolves once the engine has compiled the languages (the workspace index waits for it)', async function () {
    this.timeout(ENGINE_TEST_TIMEOUT_MS);
    const logged: string[] = [];
    const logger = { ...nullLogger, info: (message: string) => { logged.push(message); } };
    const client = new EngineClient(inProcessTransport(new CodeEngine(grammarLoader(repoRoot), logger)), logger);
    await client.prepare(['python']);
    assert.ok(logged.some((line) => /^Loaded the python grammar/.test(line)), logged.join('\n'));
    client.dispose();
  });

  test('disposing resolves what is still waiting', async () => {
    const { factory } = fakeTransports(() => {});
    const client = new EngineClient(factory, nullLogger, () => {}, LIMITS);
    const waiting = client.analyze({ label: 'x', language: 'typescript', text: 'x' });
    client.dispose();
    assert.strictEqual((await waiting).skipped, 'crashed');
  });

  test('the in-process transport runs the real engine, with sessions per document', async function () {
    this.timeout(ENGINE_TEST_TIMEOUT_MS);
    const client = new EngineClient(inProcessTransport(new CodeEngine(nodeGrammars)), nullLogger);
    const text = 'app.get("/", (req, res) => { res.status(409); });\n';
    const analysis = await client.analyze({ label: 'a.js', key: 'a.js', version: 1, language: 'javascript', text });
    assert.deepStrictEqual(analysis.occurrences.map((o) => [o.code, o.context]), [[409, 'handler']]);
    const unknown = await client.analyze({ label: 'b', language: 'cobol', text: '409' });
    assert.deepStrictEqual(unknown.occurrences, [], 'an ordinary error is logged, not fatal');
    assert.strictEqual(client.restarts, 0);
    client.dispose();
  });

  test('the host engine bundle (dist/engine-host.js, the desktop fallback) runs on its own', async function () {
    this.timeout(ENGINE_TEST_TIMEOUT_MS);
    // What extension.ts requires when no worker can start: a bundle apart from dist/extension.js.
    const host = require(path.join(repoRoot, 'dist', 'engine-host.js')) as typeof import('../../src/vscode/engineHost');
    const client = new EngineClient(host.hostTransport(grammarLoader(repoRoot), nullLogger), nullLogger);
    const text = 'app.get("/", (req, res) => { res.status(409); });\n';
    const analysis = await client.analyze({ label: 'a.js', language: 'javascript', text });
    assert.deepStrictEqual(analysis.occurrences.map((o) => [o.code, o.context]), [[409, 'handler']]);
    client.dispose();
  });

  test('the worker thread (dist/engine-worker.js): a file that traps tree-sitter costs only itself', async function () {
    // Starts worker threads, each compiling the TypeScript grammar (see ENGINE_TEST_TIMEOUT_MS).
    this.timeout(ENGINE_TEST_TIMEOUT_MS);
    const logged: string[] = [];
    const logger = { ...nullLogger, info: (message: string) => { logged.push(message); } };
    const client = new EngineClient(nodeWorkerTransport(repoRoot), logger, () => {}, { analysisMs: 5000, hardMs: 60_000, startMs: 60_000 });
    try {
      const handler = 'app.get("/", (req, res) => { res.status(409); });\n';
      const crasher = `res.status(409);\nf(a${'<b>'.repeat(3000)})\n`;
      const [before, trapped, after] = await Promise.all([handler, crasher, handler].map((text, i) =>
        client.analyze({ label: `f${i}.ts`, language: 'typescript', text })));
      for (const result of [before, after]) assert.deepStrictEqual(result.occurrences.map((o) => o.code), [409]);
      // The grammar traps on this file today; should it ever parse it, the code must be found.
      if (trapped.skipped === 'crashed') assert.strictEqual(client.restarts, 1);
      else assert.deepStrictEqual(trapped.occurrences.map((o) => o.code), [409]);
      // The worker's log reaches the host's: the runtime's start and the grammar's load, with their times.
      assert.ok(logged.some((line) => /^Started the tree-sitter runtime in \d+ ms\.$/.test(line)), logged.join('\n'));
      assert.ok(logged.some((line) => /^Loaded the typescript grammar for TypeScript in \d+ ms \(grammar \d+ ms, handler and flow queries \d+ ms\)\.$/.test(line)), logged.join('\n'));
      assert.ok(logged.some((line) => /^Compiled \d+ of the \d+ status patterns for TypeScript in \d+ ms\.$/.test(line)), logged.join('\n'));
    } finally {
      client.dispose();
    }
  });
});
