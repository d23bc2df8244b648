/** A CLI worker thread (bundled to dist/cli-worker.js): analyses the files the main thread sends it. */
import { parentPort, workerData } from 'worker_threads';
import { CodeEngine } from '../core';
import { analyzeFile } from './analyze';
import { grammarsIn, WorkerRequest, WorkerResponse, WorkerSetup } from './pool';

const setup = workerData as WorkerSetup;
const engine = new CodeEngine(grammarsIn(setup.grammarDir));
const allowed = new Set(setup.allowedCodes);

parentPort!.on('message', (request: WorkerRequest) => {
  analyzeFile(engine, request.file, allowed).then(
    (outcome) => parentPort!.postMessage({ id: request.id, outcome } satisfies WorkerResponse),
    (error: unknown) => parentPort!.postMessage({
      id: request.id,
      outcome: { message: `${request.file.display}: ${error instanceof Error ? error.message : String(error)}`, failed: true },
    } satisfies WorkerResponse),
  );
});
