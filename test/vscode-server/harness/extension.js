// Test harness extension, installed next to the product extension by
// test/vscode-server/run-tests.mjs. code-server cannot be started with
// --extensionTestsPath, so this extension plays that role: on startup it loads the
// module named by LTS_TEST_ENTRY (out/test/integration/index.js) and calls its run().
// That module reports progress to the LTS_TEST_EVENTS file; failures to load or run it
// are reported there as an {"event":"error"} line so the runner can stop at once.
'use strict';
const fs = require('fs');

function reportError(error) {
  const text = error instanceof Error ? error.stack || error.message : String(error);
  const events = process.env.LTS_TEST_EVENTS;
  if (events) {
    fs.appendFileSync(events, JSON.stringify({ event: 'error', error: text }) + '\n');
  } else {
    console.error('[lts-test.harness] ' + text);
  }
}

exports.activate = function activate() {
  const entry = process.env.LTS_TEST_ENTRY;
  if (!entry) {
    return; // Not a test run.
  }
  // Run after activation returns, so the extension host is not held up by the suite.
  setTimeout(() => {
    Promise.resolve()
      .then(() => require(entry).run())
      .catch(reportError);
  }, 0);
};

exports.deactivate = function deactivate() {};
