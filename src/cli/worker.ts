/**
 * A CLI worker thread (bundled to dist/cli-worker.js): analyses one file at a time for the main thread (pool.ts).
 * A log's occurrences go out block by block, each waiting for the main thread's acknowledgement.
 */
import { parentPort, workerData } from 'worker_threads';
import { CodeEngine } from '../core';
import { analyzeFile, AnalyzeSettings } from './analyze';
import { Rendered } from './output';
import { FromWorker, grammarsIn, ToWorker, WorkerSetup } from './pool';

const setup = workerData as WorkerSetup;
const engine = new CodeEngine(grammarsIn(setup.grammarDir));
const settings: AnalyzeSettings = { allowedCodes: new Set(setup.allowedCodes), timeoutMs: setup.timeoutMs, occurrences: setup.occurrences,
  deferWithoutSinks: setup.deferWithoutSinks, findingsOnly: setup.findingsOnly, ungated: setup.ungated };
const port = parentPort!;
let acknowledged: (() => void) | undefined;

const post = (message: FromWorker) => port.postMessage(message);

port.on('message', (message: ToWorker) => {
  if (message.type === 'ack') {
    const resume = acknowledged;
    acknowledged = undefined;
    resume?.();
    return;
  }
  const { index, file, defer } = message;
  const onChunk = (language: string, rendered: Rendered) => new Promise<void>((resolve) => {
    acknowledged = resolve;
    // A log's bytes are handed over, not copied.
    const message: FromWorker = { type: 'chunk', index, language, rendered };
    if (typeof rendered === 'string') port.postMessage(message);
    else port.postMessage(message, [rendered.buffer as ArrayBuffer]);
  });
  analyzeFile(engine, file, defer === undefined ? settings : { ...settings, deferWithoutSinks: defer }, onChunk).then(
    (outcome) => post({ type: 'done', index, outcome }),
    (error: unknown) => post({ type: 'done', index, outcome: { skipped: `the analysis crashed (${error instanceof Error ? error.message : String(error)})`, restart: true } }),
  );
});

post({ type: 'ready' });
