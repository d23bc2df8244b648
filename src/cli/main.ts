/** The `lts-status` executable (bundled to dist/cli.js, next to dist/grammars/ and dist/cli-worker.js). */
import * as path from 'path';
import { Rendered, useColor } from './output';
import { grammarsIn } from './pool';
import { run } from './run';

const grammarDir = path.join(__dirname, 'grammars');

/** Writes to a stream and resolves once the text is handed to the system, so output never piles up in memory. */
function writer(stream: NodeJS.WriteStream): (text: Rendered) => Promise<void> {
  let failure: Error | undefined;
  // Without a listener a failed write (EPIPE, ENOSPC) would end the process with a stack trace.
  stream.on('error', (error) => {
    failure ??= error;
  });
  return (text) => new Promise<void>((resolve, reject) => {
    if (failure) {
      reject(failure);
      return;
    }
    stream.write(text, (error) => (error ? reject(failure ?? error) : resolve()));
  });
}

const stdout = writer(process.stdout);
// Nothing useful can be done when stderr fails; its errors are only kept from crashing the run.
process.stderr.on('error', () => undefined);

/** All of stdin, for `--stdin`. */
async function readStdin(): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  for await (const part of process.stdin) parts.push(typeof part === 'string' ? Buffer.from(part) : part);
  return Buffer.concat(parts);
}

run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout,
  stdin: readStdin,
  color: useColor(process.env, process.stdout.isTTY === true),
  stderr: (text) => {
    process.stderr.write(text);
  },
  grammars: grammarsIn(grammarDir),
  grammarDir,
  workerScript: path.join(__dirname, 'cli-worker.js'),
}).then((code) => {
  process.exitCode = code;
});
