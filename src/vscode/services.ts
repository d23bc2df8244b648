/** Builds the core and the editor features and owns their disposables. */
import * as vscode from 'vscode';
import { LANGUAGES, languageForId, languageForPath, Logger, prefixedLogger } from '../core';
import { CommandId } from './commands';
import { analysisTimeLimit, SECTION } from './config';
import { DocumentAnalyzer, TEXT_FILE_PATTERNS, TEXT_LANGUAGE_IDS } from './documents';
import { checkWorkspace } from './features/checkWorkspace';
import { StatusCodeActions } from './features/codeActions';
import { COMPLETION_TRIGGERS, StatusCompletionProvider } from './features/completion';
import { DiagnosticsManager } from './features/diagnostics';
import { registerHover } from './features/hover';
import { LanguageStatusView, registerLanguageStatus } from './features/languageStatus';
import { StatusInlayHintsProvider } from './features/inlayHints';
import { LookupArgs, LookupCommand } from './features/lookup';
import { CODES_VIEW_ID, CodesNode, CodesViewProvider, nodeCode } from './features/codesView';
import { allowCode, toggleInlayHints } from './features/settingsCommands';
import { DEFAULT_LIMITS, EngineClient, EngineLimits, TransportFactory, withFallback } from './engineClient';
import { ChannelLogger } from './logger';
import { ProjectConfig } from './projectConfig';
import { excludeGlob } from './workspaceFiles';
import { WorkspaceFlow } from './workspaceFlow';

/** Every document the extension reads, on any scheme (files, untitled, virtual workspaces, Output channels). */
export const DOCUMENT_SELECTOR: vscode.DocumentSelector = [
  ...[...LANGUAGES.flatMap((spec) => spec.languageIds), ...TEXT_LANGUAGE_IDS].map((language) => ({ language })),
  ...TEXT_FILE_PATTERNS.map((pattern) => ({ pattern })),
];

/** What differs between the desktop and the web extension: how grammars load and whether a worker can run. */
export interface Platform {
  /**
   * An engine in the extension host itself, logging to the given logger: the fallback when no worker can start
   * (loaded only then on the desktop).
   */
  readonly hostEngine: (logger: Logger) => TransportFactory;
  /** The engine in a worker, where the host allows one. */
  readonly worker?: TransportFactory;
}

/** What the extension exports to other extensions (and its integration tests): read-only facts about its state. */
export interface LtsStatusApi {
  /** The latest warnings and errors of the extension's log, oldest first. */
  recentLog(): readonly string[];
  /** How often the engine worker was replaced (after a crash, or when the watchdog stopped a runaway analysis). */
  engineRestarts(): number;
  /** Resolves when the status-flow index has read the workspace (starting the walk now if it has not started). */
  flowIndexReady(): Promise<void>;
  /** What the language status items show for the active editor. */
  languageStatus(): readonly LanguageStatusView[];
  /** The entries of the "LTS Status Codes" view, depth first. */
  codesView(): readonly { readonly depth: number; readonly label: string; readonly description: string }[];
}

/** The activation shared by the desktop and the web entry points. */
export function activateServices(context: vscode.ExtensionContext, platform: Platform): LtsStatusApi {
  const services = new Services(platform);
  context.subscriptions.push(services);
  return {
    recentLog: () => [...services.logger.recent],
    engineRestarts: () => services.engine.restarts + services.background.restarts,
    flowIndexReady: () => services.flow.ready(),
    languageStatus: () => services.languageStatus.view(),
    codesView: () => services.codes.rows(),
  };
}

/** The code languages (hover and diagnostics through the syntax engine). */
const CODE_SELECTOR: vscode.DocumentSelector = LANGUAGES.flatMap((spec) => spec.languageIds).map((language) => ({ language }));

export class Services implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  readonly logger = new ChannelLogger();
  /** The editor's engine: open documents only, so that nothing in the background stands before them. */
  readonly engine: EngineClient;
  /**
   * The background engine, a worker of its own: the status-flow index and Check Workspace read the workspace there,
   * compiling every language it holds, without delaying an open document's hover or warnings. It ends when idle.
   */
  readonly background: EngineClient;
  readonly flow: WorkspaceFlow;
  readonly languageStatus: ReturnType<typeof registerLanguageStatus>;
  readonly codes: CodesViewProvider;

  constructor(platform: Platform) {
    const logger = this.logger;
    const transport = (log: Logger) => withFallback(platform.worker, () => platform.hostEngine(log), log);
    const engine = this.engine = new EngineClient(transport(logger), logger, undefined, engineLimits());
    // Its lines are marked: both engines load grammars, and only the editor's loads are on the way to a warning.
    const backgroundLogger = prefixedLogger(logger, '[workspace index] ');
    const background = this.background = new EngineClient(transport(backgroundLogger), backgroundLogger, undefined, engineLimits(), { idleMs: BACKGROUND_IDLE_MS });
    // The grammars of the code documents already open (the one that activated the extension among them) start
    // compiling in the engine now, while the rest of the extension and the editor get ready. With none open, the
    // workspace's main code language is the likeliest next: its grammar is compiled ahead. The workspace index waits
    // for them: its own compilation would compete for the same cores on the way to the first warnings.
    const open = [...new Set((vscode.workspace.textDocuments ?? []).map((document) => languageForId(document.languageId)?.id)
      .filter((id): id is string => id !== undefined))];
    const prepared = open.length > 0 ? engine.prepare(open)
      : mainLanguage().then((id) => (id ? engine.prepare([id]) : undefined), () => undefined);
    const flow = this.flow = new WorkspaceFlow(background, logger, prepared);
    const analyzer = new DocumentAnalyzer(engine, logger, flow);
    const inlayHints = new StatusInlayHintsProvider(analyzer);
    const project = new ProjectConfig(logger);
    const diagnostics = new DiagnosticsManager(analyzer, project, flow.onDidChange);
    const codes = this.codes = new CodesViewProvider();
    const codesView = vscode.window.createTreeView(CODES_VIEW_ID, { treeDataProvider: codes, showCollapseAll: true });
    const lookup = new LookupCommand(analyzer, async (code) => {
      const node = codes.entryFor(code);
      if (node) await codesView.reveal(node, { select: true, focus: true, expand: true });
    });
    // Copy and Insert on an entry of the view (its inline actions), or on the selected one.
    const onEntry = (action: 'copy' | 'insert') => (node?: CodesNode) => {
      const code = nodeCode(node ?? codesView.selection[0]);
      return code ? lookup.perform(code, action) : undefined;
    };
    const languageStatus = this.languageStatus = registerLanguageStatus(CODE_SELECTOR, analyzer);
    this.disposables.push(
      logger,
      engine,
      background,
      flow,
      project,
      analyzer,
      // Hints and hovers too show what flows in from other files.
      flow.onDidChange(() => inlayHints.refresh()),
      inlayHints,
      diagnostics,
      registerHover(DOCUMENT_SELECTOR, analyzer),
      languageStatus,
      vscode.languages.registerInlayHintsProvider(DOCUMENT_SELECTOR, inlayHints),
      vscode.languages.registerCompletionItemProvider(CODE_SELECTOR, new StatusCompletionProvider(analyzer), ...COMPLETION_TRIGGERS),
      vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new StatusCodeActions(analyzer), {
        providedCodeActionKinds: StatusCodeActions.kinds,
      }),
      vscode.commands.registerCommand(CommandId.Lookup, (args?: LookupArgs) => lookup.run(args)),
      codes,
      codesView,
      vscode.commands.registerCommand(CommandId.CopyCode, onEntry('copy')),
      vscode.commands.registerCommand(CommandId.InsertCode, onEntry('insert')),
      vscode.commands.registerCommand(CommandId.ClearLookedUp, () => codes.clearLookedUp()),
      vscode.commands.registerCommand(CommandId.ToggleInlayHints, toggleInlayHints),
      vscode.commands.registerCommand(CommandId.AllowCode, (code: unknown, resource?: vscode.Uri) => allowCode(project, code, resource)),
      vscode.commands.registerCommand(CommandId.ShowLog, () => logger.show()),
      vscode.commands.registerCommand(CommandId.CheckWorkspace, () => checkWorkspace(background, diagnostics, project, flow)),
      vscode.commands.registerCommand(CommandId.ClearWorkspaceProblems, () => diagnostics.clearChecked()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SECTION}.analysis.timeLimit`)) {
          engine.setLimits(engineLimits());
          background.setLimits(engineLimits());
        }
        if (event.affectsConfiguration(`${SECTION}.inlayHints`) || event.affectsConfiguration(`${SECTION}.allowedCodes`)
          || event.affectsConfiguration('editor.inlayHints')) {
          inlayHints.refresh();
        }
        if (event.affectsConfiguration(`${SECTION}.diagnostics`) || event.affectsConfiguration(`${SECTION}.allowedCodes`)) {
          diagnostics.refreshAll();
        }
      }),
    );
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}

/** The language of most code files among the first few hundred that search finds (none without a folder). */
async function mainLanguage(): Promise<string | undefined> {
  if (!vscode.workspace.workspaceFolders?.length) return undefined;
  const extensions = [...new Set(LANGUAGES.flatMap((spec) => spec.extensions))].map((ext) => ext.slice(1));
  const counts = new Map<string, number>();
  for (const uri of await vscode.workspace.findFiles(`**/*.{${extensions.join(',')}}`, excludeGlob(), MAIN_LANGUAGE_SAMPLE)) {
    const id = languageForPath(uri.path)?.id;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const MAIN_LANGUAGE_SAMPLE = 300;

/** The background engine's worker ends after this long without work. */
const BACKGROUND_IDLE_MS = 60_000;

/** The engine's deadline from the settings; the watchdog behind it allows the engine its own deadline and more. */
function engineLimits(): EngineLimits {
  const analysisMs = analysisTimeLimit();
  return { ...DEFAULT_LIMITS, analysisMs, hardMs: Math.max(DEFAULT_LIMITS.hardMs, 2 * analysisMs + 1000) };
}
