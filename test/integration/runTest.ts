// Desktop alternative to test/vscode-server/run-tests.mjs: downloads VS Code with
// @vscode/test-electron and runs the integration suite in it (npm run test:electron).
// Needs network access to the VS Code download site, so it does not run in CI.
// Bundled to out/test/integration/runTest.js; paths below are relative to that file.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '../../..');
  // Tests may edit workspace files: give them a copy so the repository stays untouched.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lts-electron-'));
  const workspace = path.join(tmp, 'workspace');
  fs.cpSync(path.join(repoRoot, 'test/workspace'), workspace, { recursive: true });
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out/test/integration/index.js'),
      launchArgs: [workspace, '--disable-extensions'],
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('Integration tests failed:', err instanceof Error ? err.message : err);
  process.exit(1);
});
