import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { collectFiles, isReadable } from '../../src/cli/files';
import { tempDir, tempTree } from './helpers';

/** A tree that exercises git's ignore rules: nesting, negation at every level, anchoring, `**`, escapes. */
const TREE: Record<string, string> = {
  '.gitignore': '*.gen.js\nbuild/\n/top-only.js\nlogs/*.log\n!logs/keep.log\n# a comment\n\\#hash.js\n**/tmp/**\ndocs/**/draft.txt\n',
  'a.js': '',
  'top-only.js': '',
  'x.gen.js': '',
  '#hash.js': '',
  'name with space.py': '',
  'sub/top-only.js': '',
  'sub/.gitignore': '!keep.gen.js\nlocal.ts\n',
  'sub/keep.gen.js': '',
  'sub/drop.gen.js': '',
  'sub/local.ts': '',
  'sub/deeper/.gitignore': '!local.ts\n',
  'sub/deeper/local.ts': '',
  'sub/deeper/other.gen.js': '',
  'sub/build/y.js': '',
  'build/x.js': '',
  'build/.gitignore': '!x.js\n',
  'logs/a.log': '',
  'logs/keep.log': '',
  'secret.js': '',
  'sub/secret.js': '',
  'lib/tmp/t.go': '',
  'lib/main.go': '',
  'docs/a/b/draft.txt': '',
  'docs/a/final.txt': '',
  'app/[id]/route.ts': '',
  'node_modules/dep/index.js': '',
};

function walked(dir: string, ignorePatterns?: string[]): string[] {
  const { files, errors } = collectFiles(['.'], dir, { ignorePatterns });
  assert.deepStrictEqual(errors, []);
  return files.map((file) => file.display.split(path.sep).join('/')).sort();
}

suite('cli file walk', () => {
  test('the walk lists what `git ls-files --others --cached --exclude-standard` lists', function () {
    // Runs git a few times; generous for a busy machine.
    this.timeout(60_000);
    const home = tempDir('lts-git-home-');
    // No global or system git configuration (a user's core.excludesFile would change git's answer, not ours).
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, 'none') };
    if (spawnSync('git', ['--version'], { env }).status !== 0) {
      console.log('    (skipped: `git` is not installed, so the walk cannot be compared with git ls-files)');
      this.skip();
    }
    const dir = tempTree(TREE);
    assert.strictEqual(spawnSync('git', ['init', '-q'], { cwd: dir, env }).status, 0);
    fs.writeFileSync(path.join(dir, '.git', 'info', 'exclude'), 'secret.js\n');
    const git = spawnSync('git', ['ls-files', '--others', '--cached', '--exclude-standard', '-z'], { cwd: dir, env, encoding: 'utf8' });
    assert.strictEqual(git.status, 0, git.stderr);
    const expected = git.stdout.split('\0').filter((name) => name && isReadable(name) && !name.split('/').includes('node_modules')).sort();
    // The rules were read at all: these are the cases that tell git's semantics apart.
    assert.ok(expected.includes('sub/keep.gen.js') && !expected.includes('sub/drop.gen.js'), expected.join(' '));
    assert.ok(expected.includes('sub/deeper/local.ts') && !expected.includes('sub/local.ts'), expected.join(' '));
    assert.ok(!expected.includes('secret.js') && !expected.includes('build/x.js'), expected.join(' '));
    assert.deepStrictEqual(walked(dir), expected);
  });

  test('a child .gitignore re-includes what a parent excludes; .git/info/exclude is read; without git too', () => {
    const dir = tempTree({
      '.gitignore': '*.gen.js\n', 'sub/.gitignore': '!keep.gen.js\n', 'sub/keep.gen.js': '', 'sub/drop.gen.js': '', 'a.gen.js': '',
      '.git/info/exclude': 'secret.js\n', 'secret.js': '', 'ok.js': '',
    });
    assert.deepStrictEqual(walked(dir), ['ok.js', 'sub/keep.gen.js']);
    // Walking a subfolder reads the .gitignore files and the exclude file above it, up to the repository root.
    assert.deepStrictEqual(collectFiles(['sub'], dir).files.map((file) => file.display.split(path.sep).join('/')), ['sub/keep.gen.js']);
  });

  test('a linked worktree reads info/exclude of the main repository', () => {
    const dir = tempTree({
      'main/.git/info/exclude': 'secret.js\n', 'main/.git/worktrees/wt/commondir': '../..\n',
      'wt/.git': 'gitdir: ../main/.git/worktrees/wt\n', 'wt/secret.js': '', 'wt/ok.js': '',
    });
    assert.deepStrictEqual(walked(path.join(dir, 'wt')), ['ok.js']);
  });

  test('--ignore-pattern beats every .gitignore, applies to named files, and is relative to the working directory', () => {
    const dir = tempTree({ '.gitignore': '*.gen.js\n!keep.gen.js\n', 'keep.gen.js': '', 'a.js': '', 'sub/b.js': '', 'sub/c.ts': '' });
    assert.deepStrictEqual(walked(dir), ['a.js', 'keep.gen.js', 'sub/b.js', 'sub/c.ts']);
    assert.deepStrictEqual(walked(dir, ['keep.gen.js', 'sub/*.js']), ['a.js', 'sub/c.ts']);
    assert.deepStrictEqual(walked(dir, ['sub/']), ['a.js', 'keep.gen.js']);
    const named = collectFiles(['a.js', 'sub/b.js'], dir, { ignorePatterns: ['*.js', '!a.js'] });
    assert.deepStrictEqual(named.files.map((file) => file.display), ['a.js']);
  });
});
