/** The browser transport: the engine in a Web Worker (dist/web/engine-worker.js). */
import { EngineResponse } from '../core';
import { EngineTransport, TransportFactory } from './engineClient';

/** The little of the DOM's Worker this uses (the project compiles without the DOM library). */
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: { data: EngineResponse }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?(): void }) => void) | null;
}
declare const Worker: (new (url: string) => WebWorker) | undefined;

export function webWorkerTransport(scriptUrl: string): TransportFactory | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return (handlers) => {
    const worker = new Worker!(scriptUrl);
    let ended = false;
    worker.onmessage = (event) => handlers.message(event.data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      if (ended) return;
      ended = true;
      handlers.exit(`worker error: ${event.message ?? 'unknown'}`);
    };
    const transport: EngineTransport = {
      post: (request) => worker.postMessage(request),
      terminate: () => {
        ended = true;
        worker.terminate();
      },
    };
    return transport;
  };
}
