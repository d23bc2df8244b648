/**
 * Grammars and queries shipped in the extension's `dist/grammars/` and `dist/queries/`, read only when a document of
 * their language is analysed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { GrammarLoader } from '../core';

export function grammarLoader(extensionPath: string): GrammarLoader {
  const dir = path.join(extensionPath, 'dist', 'grammars');
  return {
    runtimeLocation: () => path.join(dir, 'tree-sitter.wasm'),
    grammar: async (name) => path.join(dir, `tree-sitter-${name}.wasm`),
    query: (file) => fs.promises.readFile(path.join(extensionPath, 'dist', 'queries', file), 'utf8'),
  };
}
