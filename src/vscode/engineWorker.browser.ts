/**
 * The engine's Web Worker in a browser host (bundled to dist/web/engine-worker.js). Grammars and queries are fetched
 * relative to this script: dist/grammars/ and dist/queries/.
 */
import { CodeEngine, EngineRequest, EngineResponse, EngineService, GrammarLoader, postingLogger } from '../core';

/** The little of a worker's global scope this uses (the project compiles without the DOM library). */
declare const self: {
  location: { href: string };
  postMessage(message: EngineResponse): void;
  onmessage: ((event: { data: EngineRequest }) => void) | null;
};
declare function fetch(url: string): Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer>; text(): Promise<string> }>;

const dist = new URL('..', self.location.href);
async function load(path: string): Promise<Response> {
  const response = await fetch(new URL(path, dist).href);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response;
}
type Response = Awaited<ReturnType<typeof fetch>>;

const loader: GrammarLoader = {
  runtimeLocation: () => new URL('grammars/tree-sitter.wasm', dist).href,
  runtimeBinary: async () => new Uint8Array(await (await load('grammars/tree-sitter.wasm')).arrayBuffer()),
  grammar: async (name) => new Uint8Array(await (await load(`grammars/tree-sitter-${name}.wasm`)).arrayBuffer()),
  query: async (file) => (await load(`queries/${file}`)).text(),
};

const post = (response: EngineResponse) => self.postMessage(response);
const service = new EngineService(new CodeEngine(loader, postingLogger(post)), post);
self.onmessage = (event) => service.handle(event.data);
