/**
 * `.lts-status.json` in the editor: the same file `lts-status check` reads (the nearest one above a file wins; see
 * ../core/config.ts), so the editor and CI agree. Settings apply on top: a severity or `implicitCodes` set in the
 * settings beats the file's; `ltsStatus.allowedCodes` adds to the file's. The files are watched; a malformed one is
 * named in the log once and ignored until it changes.
 */
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, ConfigError, ConfigResolver, Logger, slashPaths, withAllowedCode } from '../core';
import { LtsConfig, SECTION } from './config';

export class ProjectConfig implements vscode.Disposable {
  private readonly resolver: ConfigResolver;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a configuration file is created, changed or deleted. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reported = new Set<string>();

  constructor(private readonly logger: Logger) {
    this.resolver = new ConfigResolver({
      ...slashPaths,
      readFile: async (path) => {
        try {
          return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.parse(path)));
        } catch (error) {
          if (error instanceof vscode.FileSystemError && (error.code === 'FileNotFound' || error.code === 'EntryNotFound')) return undefined;
          // Providers of virtual file systems do not all say FileNotFound: a file that cannot be read is no file.
          if (error instanceof vscode.FileSystemError) return undefined;
          throw error;
        }
      },
    });
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const reload = () => {
      this.resolver.forget();
      this.reported.clear();
      this.changed.fire();
    };
    this.disposables.push(watcher, watcher.onDidChange(reload), watcher.onDidCreate(reload), watcher.onDidDelete(reload), this.changed);
  }

  /** Whether files of this scheme can have a configuration file (not untitled documents, not Output channels). */
  private static applies(uri: vscode.Uri): boolean {
    return uri.scheme !== 'untitled' && uri.scheme !== 'output' && uri.scheme !== 'vscode-userdata';
  }

  /** The settings of a document with its `.lts-status.json` applied (settings on top). */
  async effective(uri: vscode.Uri, settings: LtsConfig): Promise<LtsConfig & { readonly ignored: boolean }> {
    if (!ProjectConfig.applies(uri)) return { ...settings, ignored: false };
    const inspect = <T>(key: string) => {
      const found = vscode.workspace.getConfiguration(SECTION, uri).inspect<T>(key);
      return found?.workspaceFolderLanguageValue ?? found?.workspaceLanguageValue ?? found?.globalLanguageValue
        ?? found?.workspaceFolderValue ?? found?.workspaceValue ?? found?.globalValue;
    };
    const severitySet = inspect<string>('diagnostics.severity') !== undefined;
    const implicitSet = inspect<boolean>('diagnostics.implicitCodes') !== undefined;
    try {
      const resolved = await this.resolver.resolve(uri.toString(), {
        defaultSeverity: settings.severity,
        ...(severitySet ? { severity: settings.severity } : {}),
        allowedCodes: settings.allowedCodes,
      });
      return {
        ...settings,
        severity: resolved.severity,
        allowedCodes: resolved.allowedCodes,
        implicitCodes: implicitSet ? settings.implicitCodes : resolved.implicitCodes,
        ignored: resolved.ignored,
      };
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : String(error);
      if (!this.reported.has(message)) {
        this.reported.add(message);
        this.logger.warn(`${message} — the settings apply without it until it is fixed.`);
      }
      return { ...settings, ignored: false };
    }
  }

  /**
   * Adds `code` to `allowedCodes` of the configuration file that applies to `uri` (created at the workspace folder's
   * root when there is none), so that the editor and `lts-status check` accept it alike. Returns the file written,
   * or undefined when the document belongs to no folder (the caller then falls back to the settings).
   */
  async allow(code: number, uri: vscode.Uri): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri) ?? (vscode.workspace.workspaceFolders?.length === 1 ? vscode.workspace.workspaceFolders[0] : undefined);
    if (!folder && !ProjectConfig.applies(uri)) return undefined;
    let target: vscode.Uri | undefined;
    if (ProjectConfig.applies(uri)) {
      const resolved = await this.resolver.resolve(uri.toString()).catch(() => undefined);
      if (resolved?.source) target = vscode.Uri.parse(resolved.source);
    }
    target ??= folder ? vscode.Uri.joinPath(folder.uri, CONFIG_FILE_NAME) : undefined;
    if (!target) return undefined;
    const current = await vscode.workspace.fs.readFile(target).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
    const next = withAllowedCode(current, code, target.toString());
    if (next !== current) await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(next));
    this.resolver.forget();
    this.changed.fire();
    return target;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
