import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { nodeConfigResolver } from '../../src/cli/config';
import { CONFIG_FILE_NAME, ConfigError, ConfigHost, ConfigResolver, findUnlisted, isTestPath, Occurrence, parseConfig, slashPaths, withAllowedCode } from '../../src/core';
import { repoRoot, tempTree } from './helpers';

/** An in-memory host with `/`-separated paths, as an editor host over URIs would be; counts the reads. */
function memoryHost(files: Record<string, string>): ConfigHost & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    async readFile(file) {
      reads.push(file);
      return files[file];
    },
    dirname: (file) => (file === '/' ? '/' : file.slice(0, file.lastIndexOf('/')) || '/'),
    basename: (file) => file.slice(file.lastIndexOf('/') + 1),
    join: (dir, name) => (dir === '/' ? `/${name}` : `${dir}/${name}`),
  };
}

function errorOf(text: string): string {
  try {
    parseConfig(text, 'p/.lts-status.json');
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail(`accepted: ${text}`);
}

suite('config (.lts-status.json)', () => {
  test('parses every key; an empty object is valid', () => {
    assert.deepStrictEqual(parseConfig('\ufeff{"allowedCodes":[409,202],"severity":"hint","implicitCodes":false,"ignore":["gen/"],"$schema":"x"}', 'c'), {
      allowedCodes: [409, 202], severity: 'hint', implicitCodes: false, ignore: ['gen/'],
    });
    assert.deepStrictEqual(parseConfig('{}', 'c'), {});
  });

  test('malformed files get messages that name the file, the place and the key', () => {
    assert.strictEqual(errorOf('{\n  "allowedCodes": [409,]\n}'), 'p/.lts-status.json: not valid JSON at line 2, column 24: unexpected "]"');
    assert.strictEqual(errorOf('{"severity": "error"\r\n// x\n}'), 'p/.lts-status.json: not valid JSON at line 2, column 1: unexpected "/"');
    assert.strictEqual(errorOf('{"ignore": ["a'), 'p/.lts-status.json: not valid JSON at line 1, column 15: unexpected end of the file');
    assert.strictEqual(errorOf('{} x'), 'p/.lts-status.json: not valid JSON at line 1, column 4: unexpected "x"');
    assert.match(errorOf(''), /^p\/\.lts-status\.json: not valid JSON \(the file is empty\)/);
    assert.strictEqual(errorOf('[409]'), 'p/.lts-status.json: must hold a JSON object ({ … }), not an array');
    assert.strictEqual(errorOf('{"allowCodes":[409]}'), 'p/.lts-status.json: unknown key "allowCodes" (known: allowedCodes, severity, implicitCodes, ignore)');
    assert.strictEqual(errorOf('{"allowedCodes":409}'), 'p/.lts-status.json: "allowedCodes" must be an array of status codes such as [409], not 409');
    assert.strictEqual(errorOf('{"allowedCodes":[409,"202"]}'), 'p/.lts-status.json: "allowedCodes"[1] must be a status code (a whole number from 100 to 599), not "202"');
    assert.match(errorOf('{"allowedCodes":[40.9]}'), /"allowedCodes"\[0\] must be a status code .*not 40\.9$/);
    assert.match(errorOf('{"allowedCodes":[700]}'), /not 700$/);
    assert.strictEqual(errorOf('{"severity":"info"}'), 'p/.lts-status.json: "severity" must be one of "error", "warning", "information", "hint", not "info"');
    assert.strictEqual(errorOf('{"implicitCodes":"no"}'), 'p/.lts-status.json: "implicitCodes" must be true or false, not "no"');
    assert.match(errorOf('{"ignore":"gen/"}'), /"ignore" must be an array of gitignore-style patterns/);
    assert.match(errorOf('{"ignore":[1]}'), /"ignore"\[0\] must be a string/);
  });

  test('the nearest file wins, defaults and overrides apply in order, each folder is read once', async () => {
    const host = memoryHost({
      '/repo/.lts-status.json': '{"allowedCodes":[409],"severity":"warning","ignore":["gen/","*.tmp.js"]}',
      '/repo/svc/.lts-status.json': '{"allowedCodes":[202],"implicitCodes":false}',
    });
    const resolver = new ConfigResolver(host);
    const top = await resolver.resolve('/repo/src/a.js', { defaultSeverity: 'error' });
    assert.deepStrictEqual(top, { allowedCodes: new Set([409]), severity: 'warning', implicitCodes: true, ignored: false, source: '/repo/.lts-status.json' });
    // Nearest wins: svc's file has no severity and does not inherit the parent's 409.
    const svc = await resolver.resolve('/repo/svc/deep/b.js', { defaultSeverity: 'error', allowedCodes: [451] });
    assert.deepStrictEqual(svc, { allowedCodes: new Set([202, 451]), severity: 'error', implicitCodes: false, ignored: false, source: '/repo/svc/.lts-status.json' });
    // The override beats the file.
    assert.strictEqual((await resolver.resolve('/repo/src/a.js', { severity: 'hint' })).severity, 'hint');
    // Ignore patterns are relative to the file's folder.
    assert.strictEqual((await resolver.resolve('/repo/gen/x.js')).ignored, true);
    assert.strictEqual((await resolver.resolve('/repo/src/gen/x.js')).ignored, true);
    assert.strictEqual((await resolver.resolve('/repo/src/x.tmp.js')).ignored, true);
    assert.strictEqual((await resolver.resolve('/repo/svc/gen/x.js')).ignored, false);
    // No file at all: defaults.
    const none = await new ConfigResolver(memoryHost({})).resolve('/x/y.js');
    assert.deepStrictEqual(none, { allowedCodes: new Set(), severity: 'warning', implicitCodes: true, ignored: false });
    const reads = host.reads.filter((file) => file === '/repo/.lts-status.json').length;
    assert.strictEqual(reads, 1, host.reads.join(' '));
    resolver.forget();
    await resolver.resolve('/repo/src/a.js');
    assert.strictEqual(host.reads.filter((file) => file === '/repo/.lts-status.json').length, 2);
  });

  test('a malformed nearest file rejects with its ConfigError; a read failure is one too', async () => {
    const resolver = new ConfigResolver(memoryHost({ '/r/.lts-status.json': '{"severity":3}' }));
    await assert.rejects(resolver.resolve('/r/a/b.js'), (error: unknown) => error instanceof ConfigError && error.path === '/r/.lts-status.json');
    const failing: ConfigHost = { ...memoryHost({}), readFile: async () => { throw new Error('EACCES'); } };
    await assert.rejects(new ConfigResolver(failing).resolve('/r/b.js'), /\/r\/\.lts-status\.json: cannot be read \(EACCES\)/);
  });

  test('the Node host walks up to the filesystem root and finds the file by its real paths', async () => {
    const dir = tempTree({ [CONFIG_FILE_NAME]: '{"allowedCodes":[409],"ignore":["vendor/"]}', 'a/b/c.js': '', 'vendor/v.js': '' });
    const resolver = nodeConfigResolver();
    const resolved = await resolver.resolve(path.join(dir, 'a', 'b', 'c.js'));
    assert.deepStrictEqual([...resolved.allowedCodes], [409]);
    assert.strictEqual(resolved.source, path.join(dir, CONFIG_FILE_NAME));
    assert.strictEqual((await resolver.resolve(path.join(dir, 'vendor', 'v.js'))).ignored, true);
    // Above the temporary folder there is (normally) none: the walk ends at the root without failing.
    const outside = await nodeConfigResolver().resolve(path.join(path.parse(dir).root, 'no-such-dir-lts', 'x.js'));
    assert.strictEqual(outside.ignored, false);
  });

  test('the shipped JSON schema accepts what the loader accepts and rejects what it rejects', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'media', 'lts-status.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const good = ['{}', '{"allowedCodes":[409,202],"severity":"information","implicitCodes":false,"ignore":["gen/","!gen/keep.js"]}',
      '{"$schema":"./node_modules/x.json","severity":"hint"}'];
    const bad = ['[]', '{"allowCodes":[409]}', '{"allowedCodes":[40.9]}', '{"allowedCodes":[700]}', '{"allowedCodes":["409"]}',
      '{"severity":"info"}', '{"implicitCodes":"no"}', '{"ignore":"gen/"}', '{"ignore":[1]}'];
    for (const text of good) {
      assert.ok(validate(JSON.parse(text)), `${text}: ${JSON.stringify(validate.errors)}`);
      parseConfig(text, 'c');
    }
    for (const text of bad) {
      assert.ok(!validate(JSON.parse(text)), `schema accepts ${text}`);
      assert.throws(() => parseConfig(text, 'c'), ConfigError, text);
    }
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    assert.deepStrictEqual(pkg.contributes.jsonValidation, [{ fileMatch: CONFIG_FILE_NAME, url: './media/lts-status.schema.json' }]);
  });

  test('slashPaths: POSIX paths and URI strings, for an editor host', async () => {
    assert.strictEqual(slashPaths.dirname('file:///w/app/a.js'), 'file:///w/app');
    assert.strictEqual(slashPaths.dirname('file:///w'), 'file:///');
    assert.strictEqual(slashPaths.dirname('file:///'), 'file:///');
    assert.strictEqual(slashPaths.dirname('vscode-vfs://github/o/r/src/a.ts'), 'vscode-vfs://github/o/r/src');
    assert.strictEqual(slashPaths.dirname('/a'), '/');
    assert.strictEqual(slashPaths.dirname('/'), '/');
    assert.strictEqual(slashPaths.basename('file:///w/app/a%23b.js'), 'a%23b.js');
    assert.strictEqual(slashPaths.join('file:///', CONFIG_FILE_NAME), 'file:///.lts-status.json');
    const files: Record<string, string> = { 'file:///w/.lts-status.json': '{"allowedCodes":[409],"ignore":["gen/"]}' };
    const resolver = new ConfigResolver({ ...slashPaths, readFile: async (uri) => files[uri] });
    const resolved = await resolver.resolve('file:///w/src/a.js');
    assert.deepStrictEqual([[...resolved.allowedCodes], resolved.source], [[409], 'file:///w/.lts-status.json']);
    assert.strictEqual((await resolver.resolve('file:///w/gen/x.js')).ignored, true);
    assert.strictEqual((await resolver.resolve('file:///other/x.js')).source, undefined);
  });

  test('withAllowedCode: creates the file, adds to it keeping the other keys, refuses a malformed one', () => {
    assert.strictEqual(withAllowedCode(undefined, 409, 'c'), '{\n  "allowedCodes": [\n    409\n  ]\n}\n');
    const text = '{"$schema":"s.json","severity":"warning","allowedCodes":[451,202]}';
    const added = withAllowedCode(text, 409, 'c');
    assert.deepStrictEqual(JSON.parse(added), { $schema: 's.json', severity: 'warning', allowedCodes: [202, 409, 451] });
    assert.deepStrictEqual(Object.keys(JSON.parse(withAllowedCode('{"severity":"hint"}', 409, 'c'))), ['severity', 'allowedCodes']);
    assert.strictEqual(withAllowedCode(added, 409, 'c'), added);
    assert.throws(() => withAllowedCode('{"allowedCodes":[409', 410, 'c'), ConfigError);
    // What it writes, the loader reads.
    assert.deepStrictEqual(parseConfig(added, 'c').allowedCodes, [202, 409, 451]);
  });
});

suite('test files', () => {
  test('test files of every runner are recognised by name or folder; other files are not', () => {
    const tests = ['src/app.test.ts', 'web/__tests__/api.js', 'a/b.spec.mjs', 'handlers_test.go', 'pkg/testdata/h.go',
      'tests/test_api.py', 'api_test.py', 'conftest.py', 'src/test/java/a/B.java', 'AppTest.java', 'UsersIT.java',
      'UsersControllerTests.cs', 'Conduit.IntegrationTests/Features/Users.cs', 'tests/Feature/StreamTest.php',
      'spec/requests/streams_spec.rb', 'test/users_test.rb', 'spec\\support\\fake_lts.rb'];
    const code = ['src/app.ts', 'contest.py', 'latest_prices.py', 'Latest.java', 'Contest.java', 'src/testing/h.go',
      'attestation.go', 'Controllers/TestsController.Api/x.php', 'app/models/spec.rb', 'test/fixtures/javascript/express.js',
      'Protest.cs', 'src/main/java/a/Test1.java'];
    for (const path of tests) assert.ok(isTestPath(path), path);
    for (const path of code) assert.ok(!isTestPath(path), path);
  });

  test('a handler in a test file is explained, never flagged', () => {
    const occurrence: Occurrence = { code: 409, context: 'handler', handler: 'fake', text: '409', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
    assert.strictEqual(findUnlisted([occurrence], { path: 'server_test.go' }).length, 0);
    assert.strictEqual(findUnlisted([occurrence], { path: 'server.go' }).length, 1);
  });
});
