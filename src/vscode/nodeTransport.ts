/** The desktop transport: the engine in a Node worker thread (dist/engine-worker.js). */
import * as path from 'path';
import { Worker } from 'worker_threads';
import { EngineResponse } from '../core';
import { EngineTransport, TransportFactory } from './engineClient';

export function nodeWorkerTransport(extensionPath: string): TransportFactory {
  return (handlers) => {
    const worker = new Worker(path.join(extensionPath, 'dist', 'engine-worker.js'), {
      workerData: { extensionPath },
      // The engine's own WebAssembly memory is separate; this bounds the JavaScript heap of a runaway analysis.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    let ended = false;
    const end = (reason: string) => {
      if (ended) return;
      ended = true;
      handlers.exit(reason);
    };
    worker.on('message', (response: EngineResponse) => handlers.message(response));
    worker.on('error', (error) => end(`worker error: ${error.message}`));
    worker.on('exit', (code) => end(`worker exited with code ${code}`));
    // The extension host may exit while the worker is idle.
    worker.unref();
    const transport: EngineTransport = {
      post: (request) => worker.postMessage(request),
      terminate: () => {
        ended = true;
        void worker.terminate();
      },
    };
    return transport;
  };
}
