/** Grammar files shipped in the extension's `dist/grammars/`, read only when a document of their language is analysed. */
import * as path from 'path';
import { GrammarLoader } from '../core';

export function grammarLoader(extensionPath: string): GrammarLoader {
  const dir = path.join(extensionPath, 'dist', 'grammars');
  return {
    runtimeLocation: () => path.join(dir, 'tree-sitter.wasm'),
    grammar: async (name) => path.join(dir, `tree-sitter-${name}.wasm`),
  };
}
