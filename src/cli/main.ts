/** The `lts-status` executable (bundled to dist/cli.js, next to dist/grammars/). */
import * as path from 'path';
import { grammarsIn } from './pool';
import { run } from './run';

const grammarDir = path.join(__dirname, 'grammars');

run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  grammars: grammarsIn(grammarDir),
  grammarDir,
  workerScript: path.join(__dirname, 'cli-worker.js'),
}).then((code) => {
  process.exitCode = code;
});
