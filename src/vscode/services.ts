/** Builds the core and the editor features and owns their disposables. */
import * as vscode from 'vscode';
import { CodeEngine, LANGUAGES, Logger } from '../core';
import { CommandId } from './commands';
import { SECTION } from './config';
import { DocumentAnalyzer, TEXT_FILE_PATTERN, TEXT_LANGUAGE_IDS } from './documents';
import { checkWorkspace } from './features/checkWorkspace';
import { StatusCodeActions } from './features/codeActions';
import { DiagnosticsManager } from './features/diagnostics';
import { registerHover } from './features/hover';
import { registerLanguageStatus } from './features/languageStatus';
import { StatusInlayHintsProvider } from './features/inlayHints';
import { LookupArgs, LookupCommand } from './features/lookup';
import { allowCode, toggleInlayHints } from './features/settingsCommands';
import { EngineClient, inProcessTransport, TransportFactory } from './engineClient';
import { grammarLoader } from './grammars';
import { ChannelLogger } from './logger';
import { nodeWorkerTransport } from './nodeTransport';

/** Every document the extension reads, on any scheme (files, untitled, virtual workspaces, Output channels). */
export const DOCUMENT_SELECTOR: vscode.DocumentSelector = [
  ...[...LANGUAGES.flatMap((spec) => spec.languageIds), ...TEXT_LANGUAGE_IDS].map((language) => ({ language })),
  { pattern: TEXT_FILE_PATTERN },
];

/** The code languages (hover and diagnostics through the syntax engine). */
const CODE_SELECTOR: vscode.DocumentSelector = LANGUAGES.flatMap((spec) => spec.languageIds).map((language) => ({ language }));

export class Services implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  readonly logger = new ChannelLogger();
  readonly engine: EngineClient;

  constructor(context: vscode.ExtensionContext) {
    const logger = this.logger;
    const engine = this.engine = new EngineClient(
      withFallback(nodeWorkerTransport(context.extensionPath), () => inProcessTransport(new CodeEngine(grammarLoader(context.extensionPath), logger)), logger),
      logger,
    );
    const analyzer = new DocumentAnalyzer(engine, logger);
    const inlayHints = new StatusInlayHintsProvider(analyzer);
    const diagnostics = new DiagnosticsManager(analyzer);
    const lookup = new LookupCommand(analyzer);
    this.disposables.push(
      logger,
      engine,
      analyzer,
      inlayHints,
      diagnostics,
      registerHover(DOCUMENT_SELECTOR, analyzer),
      registerLanguageStatus(CODE_SELECTOR, analyzer),
      vscode.languages.registerInlayHintsProvider(DOCUMENT_SELECTOR, inlayHints),
      vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new StatusCodeActions(analyzer), {
        providedCodeActionKinds: StatusCodeActions.kinds,
      }),
      vscode.commands.registerCommand(CommandId.Lookup, (args?: LookupArgs) => lookup.run(args)),
      vscode.commands.registerCommand(CommandId.ToggleInlayHints, toggleInlayHints),
      vscode.commands.registerCommand(CommandId.AllowCode, allowCode),
      vscode.commands.registerCommand(CommandId.ShowLog, () => logger.show()),
      vscode.commands.registerCommand(CommandId.CheckWorkspace, () => checkWorkspace(engine, diagnostics)),
      vscode.workspace.onDidChangeConfiguration((event) => {
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

/** `primary` until it cannot start an engine (a host without worker threads); from then on `fallback`. */
function withFallback(primary: TransportFactory, fallback: () => TransportFactory, logger: Logger): TransportFactory {
  let chosen: TransportFactory | undefined;
  return (handlers) => {
    if (chosen) return chosen(handlers);
    try {
      const transport = primary(handlers);
      chosen = primary;
      return transport;
    } catch (error) {
      logger.error('The engine worker could not start; analysing in the extension host instead', error);
      chosen = fallback();
      return chosen(handlers);
    }
  };
}
