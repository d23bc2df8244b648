/** The manifest, the code and the translations must agree (STYLE.md practice 8). */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LANGUAGES } from '../../src/core';
import { LTS_ERROR_ROWS, LTS_ERROR_SOURCE } from '../../src/data/errorCodes';
import { HTTP_STATUS_ENTRIES } from '../../src/data/httpStatus';
import { LTS_STATUS_ROWS, LTS_STATUS_SOURCE } from '../../src/data/statusCodes';
import { repoRoot } from './helpers';

const read = (...parts: string[]) => fs.readFileSync(path.join(repoRoot, ...parts), 'utf8');
const pkg = JSON.parse(read('package.json'));
const nls: Record<string, string> = JSON.parse(read('package.nls.json'));
const nlsZh: Record<string, string> = JSON.parse(read('package.nls.zh-cn.json'));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(repoRoot, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(rel) : entry.name.endsWith('.ts') ? [rel] : [];
  });
}

suite('web build', () => {
  // dist/ is built by `npm test`'s pretest (node esbuild.mjs --tests) before these run.
  for (const file of ['dist/web/extension.js', 'dist/web/engine-worker.js']) {
    test(`${file} loads no Node built-in and no module but vscode`, () => {
      const source = read(file);
      const required = [...source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
      const imported = [...source.matchAll(/\bimport\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
      assert.deepStrictEqual([...new Set([...required, ...imported])].filter((name) => name !== 'vscode'), []);
      assert.ok(!/process\.versions\.node/.test(source), 'no run-time test for Node');
    });
  }

  test('the manifest names the web entry, and the VSIX ships it', () => {
    assert.strictEqual(pkg.browser, './dist/web/extension.js');
    assert.ok(read('.vscodeignore').split('\n').includes('!dist/web/*.js'));
  });
});

suite('desktop build', () => {
  test('dist/extension.js holds no engine: the tree-sitter runtime and the engine come in dist/engine-host.js, shipped beside it', () => {
    // Read at every activation; the engine runs in dist/engine-worker.js, or in the host from dist/engine-host.js.
    const main = read('dist/extension.js');
    for (const marker of ['ENVIRONMENT_IS_NODE', 'ts_parser_new', 'Loaded the ']) {
      assert.ok(!main.includes(marker), `dist/extension.js contains ${marker}`);
      assert.ok(read('dist/engine-host.js').includes(marker), `dist/engine-host.js lacks ${marker}`);
    }
    assert.ok(read('.vscodeignore').split('\n').includes('!dist/engine-host.js'));
  });
});

suite('manifest', () => {
  test('identity, engine, entry point, capabilities', () => {
    assert.strictEqual(pkg.name, 'lts-status-codes');
    assert.strictEqual(nls[pkg.displayName.slice(1, -1)], 'LTS Status Codes');
    assert.strictEqual(pkg.main, './dist/extension.js');
    assert.match(pkg.engines.vscode, /^\^1\.\d+\.0$/);
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.strictEqual(pkg.capabilities.virtualWorkspaces, true);
    assert.ok(!pkg.activationEvents.includes('*'), 'no eager activation');
  });

  test('activates on exactly the languages the extension reads', () => {
    const code = LANGUAGES.flatMap((spec) => spec.languageIds);
    const text = [...read('src/vscode/documents.ts').match(/TEXT_LANGUAGE_IDS[^=]*= \[([^\]]*)\]/)![1].matchAll(/'([\w-]+)'/g)].map((m) => m[1]);
    assert.deepStrictEqual([...pkg.activationEvents].sort(), [...code, ...text].map((id) => `onLanguage:${id}`).sort());
  });

  test('commands in package.json are exactly the ids in src/vscode/commands.ts, all in category LTS', () => {
    const ids = [...read('src/vscode/commands.ts').matchAll(/= '([\w.]+)'/g)].map((m) => m[1]).sort();
    const declared = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepStrictEqual(declared, ids);
    for (const command of pkg.contributes.commands) {
      assert.strictEqual(command.category, 'LTS');
      assert.ok(nls[command.title.slice(1, -1)], `title of ${command.command}`);
    }
  });

  test('Clear Looked Up: an action on the "Looked up" group, in the Command Palette only while that group is shown', () => {
    const palette = pkg.contributes.menus.commandPalette.find((m: { command: string }) => m.command === 'ltsStatus.clearLookedUp');
    assert.strictEqual(palette?.when, 'ltsStatus.hasLookedUp');
    assert.ok(read('src/vscode/features/codesView.ts').includes("HAS_LOOKED_UP_CONTEXT = 'ltsStatus.hasLookedUp'"));
    const item = pkg.contributes.menus['view/item/context'].filter((m: { command: string }) => m.command === 'ltsStatus.clearLookedUp');
    assert.ok(item.some((m: { group: string }) => m.group.startsWith('inline')), 'inline on the group');
    for (const m of item) assert.strictEqual(m.when, 'view == ltsStatus.codes && viewItem == ltsStatus.lookedUp');
  });

  test('every setting read in code is declared with a markdownDescription, and every declared one is read', () => {
    const properties = pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; scope?: string }>;
    const read_ = [...read('src/vscode/config.ts').matchAll(/c\.get<[^>]+>\('([\w.]+)'/g)].map((m) => `ltsStatus.${m[1]}`).sort();
    assert.deepStrictEqual(Object.keys(properties).sort(), read_);
    for (const [key, schema] of Object.entries(properties)) {
      assert.ok(schema.markdownDescription?.startsWith('%'), `${key} has a localized markdownDescription`);
      // The engine's time limit and the workspace index belong to the window (one engine and one index serve every
      // folder); the rest is per resource.
      // Whether and how problems are reported can differ per language ("[python]": {…}).
      const expected = key.startsWith('ltsStatus.analysis.') ? 'window' : key.startsWith('ltsStatus.diagnostics.') ? 'language-overridable' : 'resource';
      assert.strictEqual(schema.scope, expected, `${key} scope`);
    }
  });

  test('manifest strings exist in English and Simplified Chinese', () => {
    const used = [...JSON.stringify(pkg).matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    for (const key of used) {
      assert.ok(nls[key], `package.nls.json has ${key}`);
      assert.ok(nlsZh[key], `package.nls.zh-cn.json has ${key}`);
    }
    assert.deepStrictEqual(Object.keys(nlsZh).sort(), Object.keys(nls).sort());
  });

  test('every runtime message has a Simplified Chinese translation with the same placeholders', () => {
    const bundle: Record<string, string> = JSON.parse(read('l10n', 'bundle.l10n.zh-cn.json'));
    const messages = new Set<string>();
    for (const file of sourceFiles('src')) {
      for (const match of read(file).matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) messages.add(match[1].replace(/\\'/g, "'"));
    }
    assert.ok(messages.size > 20, 'messages found');
    // The tables' sentences are shown translated too (descriptions, handling measures, registry notes, source titles).
    for (const row of LTS_STATUS_ROWS) messages.add(row.description);
    for (const row of LTS_ERROR_ROWS) [row.description, row.handlingMeasure].forEach((text) => messages.add(text));
    for (const entry of HTTP_STATUS_ENTRIES) if (entry.note) messages.add(entry.note);
    [LTS_STATUS_SOURCE.title, LTS_ERROR_SOURCE.title].forEach((text) => messages.add(text));
    const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
    for (const message of messages) {
      assert.ok(message in bundle, `zh-cn translation of "${message}"`);
      assert.deepStrictEqual(placeholders(bundle[message]), placeholders(message), `placeholders of "${message}"`);
    }
    assert.deepStrictEqual(Object.keys(bundle).filter((k) => !messages.has(k)), [], 'no stale translations');
  });
});

suite('README (the extension page)', () => {
  const readme = read('README.md');

  test('keeps the commands to try and to test it, and .ci/run runs the test command', () => {
    assert.ok(readme.includes('npm ci && npm run demo'), 'how to try it');
    assert.ok(readme.includes('npm ci && npm test'), 'how to test it');
    const ci = read('.ci/run').split('\n').filter((line) => line.trim() && !line.startsWith('#'));
    assert.ok(ci.includes('npm test'), '.ci/run runs npm test');
  });

  test('every image is a relative link to a file the VSIX ships', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]);
    assert.deepStrictEqual(images.filter((src) => !src.startsWith('media/')), []);
    for (const name of ['hover', 'problems', 'lookup', 'table-view', 'completion', 'zh-cn-hover']) {
      assert.ok(images.includes(`media/${name}.png`), `README shows media/${name}.png`);
    }
    const shipped = read('.vscodeignore').split('\n');
    for (const src of images) {
      assert.ok(fs.existsSync(path.join(repoRoot, src)), `${src} exists`);
      assert.ok(shipped.includes(`!${src}`), `.vscodeignore ships ${src}`);
    }
  });

  test('the contributor material is linked, outside the VSIX, and CONTRIBUTING.md explains every dependency', () => {
    assert.ok(readme.includes('(CONTRIBUTING.md)') && readme.includes('(docs/cli.md)'));
    assert.match(readme, /why each dependency is there/);
    assert.ok(!read('.vscodeignore').split('\n').some((line) => /^!(CONTRIBUTING|docs)/.test(line)));
    const contributing = read('CONTRIBUTING.md');
    const table = contributing.slice(contributing.indexOf('## Dependencies and why'));
    for (const name of Object.keys(pkg.devDependencies)) assert.ok(table.includes(`\`${name}\``), `why ${name}`);
    assert.ok(!/^## How it is built/m.test(readme), 'no contributor sections on the extension page');
    // The performance issue asks the README for its budgets, each plainly met or missed, with the full table linked.
    const performance = readme.slice(readme.indexOf('## Performance'), readme.indexOf('\n## ', readme.indexOf('## Performance') + 1));
    assert.ok(performance.includes('(CONTRIBUTING.md#performance)'));
    for (const budget of ['ast-grep', 'ripgrep', 'First warnings']) {
      const row = performance.split('\n').find((line) => line.startsWith('|') && line.includes(budget));
      assert.match(row ?? '', /\*\*missed\*\*|\bmet\b/, `the ${budget} budget says met or missed`);
    }
  });
});
