/**
 * A CLI worker thread (bundled to dist/cli-worker.js): analyses one file at a time for the main thread (pool.ts),
 * which hands it the next before it finishes the last.
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

/** Files handed on ahead (pool.ts PIPELINE_DEPTH) wait here: one file is analysed at a time, in order. */
const queue: Extract<ToWorker, { type: 'file' }>[] = [];
let busy = false;

async function drain(): Promise<void> {
  busy = true;
  for (let next = queue.shift(); next; next = queue.shift()) {
    const { index, file, defer } = next;
    const onChunk = (language: string, rendered: Rendered) => new Promise<void>((resolve) => {
      acknowledged = resolve;
      // A log's bytes are handed over, not copied.
      const message: FromWorker = { type: 'chunk', index, language, rendered };
      if (typeof rendered === 'string') port.postMessage(message);
      else port.postMessage(message, [rendered.buffer as ArrayBuffer]);
    });
    try {
      post({ type: 'done', index, outcome: await analyzeFile(engine, file, defer === undefined ? settings : { ...settings, deferWithoutSinks: defer }, onChunk) });
    } catch (error) {
      post({ type: 'done', index, outcome: { skipped: `the analysis crashed (${error instanceof Error ? error.message : String(error)})`, restart: true } });
    }
  }
  busy = false;
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'ack') {
    const resume = acknowledged;
    acknowledged = undefined;
    resume?.();
    return;
  }
  queue.push(message);
  if (!busy) void drain();
});

post({ type: 'ready' });
