// One build script for every entry point (STYLE.md practice 11). Flags:
//   --production  minified extension bundle without source maps (what the VSIX ships)
//   --tests       also bundle the unit and integration tests into out/test/
//   --tests-only  bundle only the tests (no extension, no grammar copy)
//   --out <dir>   where the tests go (default: out); lets several builds run side by side
//   --watch       rebuild on change
//   --cli-package <dir>  build nothing: assemble the CLI's npm package in <dir> from the built dist/ (see docs/cli.md
//                 "Install the CLI"): its own package.json (bin, files, no dependencies), dist/cli.js, the worker,
//                 the grammars and queries it loads
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const production = process.argv.includes('--production');
const testsOnly = process.argv.includes('--tests-only');
const tests = testsOnly || process.argv.includes('--tests');
const outIndex = process.argv.indexOf('--out');
const testsOut = outIndex > 0 ? process.argv[outIndex + 1] : 'out';
const watch = process.argv.includes('--watch');
const cliPackageIndex = process.argv.indexOf('--cli-package');

/** The CLI's publish manifest: only what `dist/cli.js` needs at run time (everything else is bundled into it). */
function assembleCliPackage(dir) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'dist'), { recursive: true });
  for (const file of ['cli.js', 'cli-worker.js']) copyFileSync(join('dist', file), join(dir, 'dist', file));
  for (const sub of ['grammars', ...readdirSync('dist/queries').map((lang) => join('queries', lang))]) {
    mkdirSync(join(dir, 'dist', sub), { recursive: true });
    for (const file of readdirSync(join('dist', sub))) {
      if (/\.(wasm|scm)$/.test(file)) copyFileSync(join('dist', sub, file), join(dir, 'dist', sub, file));
    }
  }
  copyFileSync('LICENSE', join(dir, 'LICENSE'));
  writeFileSync(join(dir, 'README.md'), [
    '# lts-status',
    '',
    'Checks that request handlers return only the HTTP status codes the Log Tank Service (LTS) API documents.',
    'The command line of the LTS Status Codes VS Code extension; see its docs/cli.md for options, `.lts-status.json`',
    'and "Use in CI".',
    '',
    '```sh',
    'npm install -D lts-status',
    'npx lts-status check src/',
    '```',
    '',
  ].join('\n'));
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({
    name: 'lts-status',
    version: pkg.version,
    description: 'Checks that request handlers return only the HTTP status codes the LTS API documents',
    license: pkg.license,
    bin: { 'lts-status': 'dist/cli.js' },
    files: ['dist/cli.js', 'dist/cli-worker.js', 'dist/grammars/*.wasm', 'dist/queries/**/*.scm'],
    engines: { node: pkg.engines.node },
    keywords: ['LTS', 'Log Tank Service', 'HTTP status', 'lint', 'sarif'],
  }, null, 2)}\n`);
}

if (cliPackageIndex > 0) {
  assembleCliPackage(process.argv[cliPackageIndex + 1] ?? 'out/cli-package');
  process.exit(0);
}

/** A query file without its comment lines and indentation (tree-sitter ignores both). */
function stripQuery(file) {
  return readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith(';')).join('\n');
}

/**
 * Query files: in the shipped bundles a reference to dist/queries/<language>/<file>, loaded with the grammar when a
 * document of that language is first analysed, so their text stays out of the JavaScript; in tests, the text itself.
 */
function queries(mode) {
  return {
    name: 'tree-sitter-queries',
    setup(build) {
      build.onLoad({ filter: /\.scm$/ }, (args) => {
        if (mode === 'text') return { loader: 'text', contents: stripQuery(args.path) };
        const file = `${basename(dirname(args.path))}/${basename(args.path)}`;
        return { loader: 'json', contents: JSON.stringify({ file }) };
      });
    },
  };
}

/** Copies every language's stripped queries to dist/queries/<language>/. */
function copyQueries() {
  const root = 'src/core/languages';
  rmSync('dist/queries', { recursive: true, force: true });
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    for (const file of readdirSync(join(root, entry.name)).filter((f) => f.endsWith('.scm'))) {
      mkdirSync(join('dist/queries', entry.name), { recursive: true });
      writeFileSync(join('dist/queries', entry.name, file), stripQuery(join(root, entry.name, file)));
    }
  }
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  plugins: [queries('text')],
  logLevel: 'warning',
};

/** Grammar names the languages use (`grammar: 'typescript'` in src/core/languages/<lang>/index.ts). */
function usedGrammars() {
  const root = 'src/core/languages';
  const names = new Set();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const source = readFileSync(join(root, entry.name, 'index.ts'), 'utf8');
    for (const match of source.matchAll(/\bgrammar:\s*'([\w-]+)'/g)) names.add(match[1]);
  }
  return [...names].sort();
}

/** Copies the tree-sitter runtime and the grammars in use next to the bundle; nothing else of the package ships. */
function copyGrammars() {
  const from = dirname(require.resolve('@vscode/tree-sitter-wasm'));
  const to = 'dist/grammars';
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  copyFileSync(join(from, 'tree-sitter.wasm'), join(to, 'tree-sitter.wasm'));
  for (const name of usedGrammars()) copyFileSync(join(from, `tree-sitter-${name}.wasm`), join(to, `tree-sitter-${name}.wasm`));
}

/**
 * Web bundles must not contain Node built-ins. web-tree-sitter imports `fs`, `fs/promises`, `path`, `url` and
 * `module` only on its Node branches, which never run in a browser: they resolve to an empty module; any other
 * built-in fails the build.
 */
const NODE_ONLY = ['fs', 'fs/promises', 'path', 'url', 'module'];
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_]+(\/[a-z_]+)?$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (NODE_ONLY.includes(name)) return { path: name, namespace: 'node-only' };
      if (builtinModules.includes(name)) return { errors: [{ text: `Node built-in "${name}" in a web bundle` }] };
      return undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'node-only' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * web-tree-sitter decides at run time whether it runs in Node. A browser host may define a `process` global (a
 * polyfill), which must not send it down its Node branches: in the web bundles that test is the constant `false`,
 * and the minifier drops those branches with their `require("fs")`.
 */
/**
 * The tree-sitter runtime's JavaScript (an Emscripten module, ~90 KB) does nothing when merely imported. Saying so
 * lets the bundler drop it from bundles that import the core's index without using the engine (the extension's
 * main bundle); the bundles that run the engine keep it.
 */
const treeSitterIsPure = {
  name: 'tree-sitter-is-pure',
  setup(build) {
    build.onResolve({ filter: /^@vscode\/tree-sitter-wasm$/ }, async (args) => {
      if (args.pluginData?.pure) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { pure: true } });
      return resolved.errors.length > 0 ? undefined : { path: resolved.path, sideEffects: false };
    });
  },
};

/**
 * The tree-sitter runtime's JavaScript names its functions as it goes (`__name(fn, 'test')`, esbuild's keep-names
 * helper, an Object.defineProperty), also inside the evaluation of every `#match?` predicate for every match: up to
 * 3 % of a repository check. Its functions keep the names their declarations give them; the bundles are minified anyway.
 */
function plainNames(source, file) {
  const helper = 'var __name = (target, value) => __defProp(target, "name", { value, configurable: true });';
  if (!source.includes(helper)) throw new Error(`${file}: the __name helper to patch has changed`);
  return source.replace(helper, 'var __name = (target) => target;');
}

const TREE_SITTER_JS = /tree-sitter-wasm[\\/]wasm[\\/]tree-sitter\.js$/;

const treeSitterPlainNames = {
  name: 'tree-sitter-plain-names',
  setup(build) {
    build.onLoad({ filter: TREE_SITTER_JS }, (args) => ({ contents: plainNames(readFileSync(args.path, 'utf8'), args.path), loader: 'js' }));
  },
};

const treeSitterForTheWeb = {
  name: 'tree-sitter-for-the-web',
  setup(build) {
    build.onLoad({ filter: TREE_SITTER_JS }, (args) => {
      const source = plainNames(readFileSync(args.path, 'utf8'), args.path);
      const patched = source
        .replace(/var ENVIRONMENT_IS_NODE = [^;]*;/, 'var ENVIRONMENT_IS_NODE = false;')
        .replace(/\bif \(ENVIRONMENT_IS_NODE\)/g, 'if (false)')
        .replace(/globalThis\.process\?\.versions\.node/g, 'false')
        // Its script URL only serves to find tree-sitter.wasm, which the engine hands it (wasmBinary, locateFile);
        // a web worker has neither __filename nor document.currentScript, where the original would throw.
        .replace("if (typeof __filename !== 'undefined')", 'if (false)')
        .replace("throw new Error('Unable to determine script URL');", 'return undefined;');
      if (/if \(ENVIRONMENT_IS_NODE\)|typeof __filename|Unable to determine script URL/.test(patched)) {
        throw new Error(`${args.path}: the Node tests to patch have changed`);
      }
      return { contents: patched, loader: 'js' };
    });
  },
};

const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  minify: production,
  // Always: drops the branches the plugin above turns off, so no build of the web bundles names a Node module.
  minifySyntax: true,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
};

const builds = testsOnly ? [] : [{
  ...web,
  entryPoints: { extension: 'src/vscode/extension.browser.ts' },
  plugins: [queries('file'), treeSitterIsPure, treeSitterForTheWeb, noNodeBuiltins],
  outdir: 'dist/web',
  format: 'cjs',
  external: ['vscode'],
}, {
  ...web,
  entryPoints: { 'engine-worker': 'src/vscode/engineWorker.browser.ts' },
  plugins: [queries('file'), treeSitterForTheWeb, noNodeBuiltins],
  outdir: 'dist/web',
  format: 'iife',
}, {
  ...common,
  // The engine worker is a bundle of its own: the extension host starts it as a worker thread. So is the engine for
  // the host itself, required only when no worker can start (it keeps the runtime out of extension.js).
  entryPoints: { extension: 'src/vscode/extension.ts', 'engine-worker': 'src/vscode/engineWorker.ts', 'engine-host': 'src/vscode/engineHost.ts' },
  plugins: [queries('file'), treeSitterIsPure, treeSitterPlainNames],
  outdir: 'dist',
  external: ['vscode'],
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
}, {
  ...common,
  entryPoints: { cli: 'src/cli/main.ts', 'cli-worker': 'src/cli/worker.ts' },
  plugins: [queries('file'), treeSitterPlainNames],
  outdir: 'dist',
  banner: { js: '#!/usr/bin/env node' },
  minify: production,
  sourcemap: production ? false : 'linked',
  sourcesContent: false,
}];

if (tests) {
  const files = (dir) => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  builds.push({
    ...common,
    entryPoints: files('test/unit'),
    outdir: join(testsOut, 'test/unit'),
    external: ['mocha', '@vscode/tree-sitter-wasm', '@microsoft/jest-sarif'],
    sourcemap: 'inline',
  }, {
    ...common,
    entryPoints: files('test/integration'),
    outdir: join(testsOut, 'test/integration'),
    external: ['vscode', 'mocha', '@vscode/test-electron'],
    sourcemap: 'inline',
  }, {
    // The suite for the web worker extension host: the harness with every test file it runs, in one browser bundle.
    ...web,
    entryPoints: { extension: 'test/integration/web/harness.ts' },
    outdir: join(testsOut, 'test/web-harness'),
    format: 'cjs',
    external: ['vscode'],
    plugins: [{
      name: 'web-assert',
      setup(build) {
        build.onResolve({ filter: /^(node:)?assert$/ }, () => ({ path: join(process.cwd(), 'test/integration/web/assert.ts') }));
      },
    }, noNodeBuiltins],
    minify: false,
    sourcemap: 'inline',
  }, {
    ...common,
    entryPoints: ['test/bench/bench.ts'],
    outdir: join(testsOut, 'test/bench'),
    external: ['@vscode/tree-sitter-wasm'],
  });
}

if (!testsOnly) {
  copyGrammars();
  copyQueries();
}
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
