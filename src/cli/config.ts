/** `.lts-status.json` for the CLI: the core's resolver over Node's file system and paths. */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigHost, ConfigResolver } from '../core';
import { describeError } from './files';

export const nodeConfigHost: ConfigHost = {
  async readFile(file) {
    try {
      return await fs.promises.readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
      throw new Error(describeError(error));
    }
  },
  dirname: (file) => path.dirname(file),
  basename: (file) => path.basename(file),
  join: (dir, name) => path.join(dir, name),
};

export function nodeConfigResolver(): ConfigResolver {
  return new ConfigResolver(nodeConfigHost);
}
