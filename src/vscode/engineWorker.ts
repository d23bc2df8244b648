/**
 * The engine's worker thread in the desktop extension host (bundled to dist/engine-worker.js). It never imports
 * `vscode`: it only connects the core's EngineService to its port. A crash here costs this worker, never the host.
 */
import { parentPort, workerData } from 'worker_threads';
import { CodeEngine, EngineRequest, EngineResponse, EngineService, postingLogger } from '../core';
import { grammarLoader } from './grammars';

const { extensionPath } = workerData as { extensionPath: string };
const port = parentPort!;
const post = (response: EngineResponse) => port.postMessage(response);
const service = new EngineService(new CodeEngine(grammarLoader(extensionPath), postingLogger(post)), post);
port.on('message', (request: EngineRequest) => service.handle(request));
