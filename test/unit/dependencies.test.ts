import * as assert from 'assert';
import { DEPENDENCY_MARKER_GLOB, dependencyFolderOfMarker, isDependencyFolder } from '../../src/core';

suite('dependency folders', () => {
  test('a folder counts by its name and its package manager\'s file', () => {
    const with_ = (...files: string[]) => (file: string) => files.includes(file);
    assert.strictEqual(isDependencyFolder('node_modules', with_()), true);
    assert.strictEqual(isDependencyFolder('vendor', with_('modules.txt')), true, 'go mod vendor');
    assert.strictEqual(isDependencyFolder('vendor', with_('autoload.php')), true, 'Composer');
    assert.strictEqual(isDependencyFolder('.venv', with_('pyvenv.cfg')), true, 'a Python virtual environment');
    assert.strictEqual(isDependencyFolder('whatever', with_('pyvenv.cfg')), true);
    assert.strictEqual(isDependencyFolder('vendor', with_()), false, 'a project\'s own vendor folder');
    assert.strictEqual(isDependencyFolder('lib', with_('modules.txt', 'autoload.php')), false, 'markers count only in vendor');
  });

  test('the search glob finds the markers, and each stands for its folder', () => {
    assert.strictEqual(DEPENDENCY_MARKER_GLOB, '**/{vendor/modules.txt,vendor/autoload.php,pyvenv.cfg}');
    assert.strictEqual(dependencyFolderOfMarker('/w/backend/vendor/modules.txt'), '/w/backend/vendor/');
    assert.strictEqual(dependencyFolderOfMarker('/w/web/vendor/autoload.php'), '/w/web/vendor/');
    assert.strictEqual(dependencyFolderOfMarker('/w/.venv/pyvenv.cfg'), '/w/.venv/');
    assert.strictEqual(dependencyFolderOfMarker('/w/lib/modules.txt'), undefined);
    assert.strictEqual(dependencyFolderOfMarker('/w/vendor/other.txt'), undefined);
  });
});
