/**
 * Folders of installed dependencies: other people's code that the project's own check does not read, as
 * `node_modules` for npm. A folder counts by its name and a file its package manager writes there, so that a
 * project's own folder that happens to be called `vendor` or `env` is still read:
 * - `node_modules` (npm, yarn, pnpm);
 * - `vendor` holding `modules.txt` (Go's `go mod vendor`) or `autoload.php` (Composer);
 * - any folder holding `pyvenv.cfg` (a Python virtual environment: `.venv`, `venv`, `env`, …).
 */
export const DEPENDENCY_MARKERS: readonly { readonly folder?: string; readonly file: string }[] = [
  { folder: 'vendor', file: 'modules.txt' },
  { folder: 'vendor', file: 'autoload.php' },
  { file: 'pyvenv.cfg' },
];

/** Whether a folder named `name`, in which `has(file)` tells whether a file exists, holds installed dependencies. */
export function isDependencyFolder(name: string, has: (file: string) => boolean): boolean {
  if (name === 'node_modules') return true;
  return DEPENDENCY_MARKERS.some((marker) => (marker.folder === undefined || marker.folder === name) && has(marker.file));
}

/** The glob that finds every marker file in a workspace (for hosts that search rather than walk). */
export const DEPENDENCY_MARKER_GLOB = `**/{${DEPENDENCY_MARKERS.map((marker) => (marker.folder ? `${marker.folder}/${marker.file}` : marker.file)).join(',')}}`;

/**
 * The dependency folder that a marker file found by {@link DEPENDENCY_MARKER_GLOB} stands for (its folder, with a
 * trailing slash), or undefined when the path is not a marker.
 */
export function dependencyFolderOfMarker(filePath: string): string | undefined {
  const slash = filePath.lastIndexOf('/');
  if (slash < 0) return undefined;
  const folder = filePath.slice(0, slash);
  const name = folder.slice(folder.lastIndexOf('/') + 1);
  const file = filePath.slice(slash + 1);
  return DEPENDENCY_MARKERS.some((marker) => marker.file === file && (marker.folder === undefined || marker.folder === name)) ? `${folder}/` : undefined;
}
