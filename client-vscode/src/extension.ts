import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { ProgressStatus } from './progress';
import { ServerClient } from './serverClient';

/**
 * The VS Code side of CiteAssist: the language server's lifecycle and settings (serverClient.ts,
 * serverSettings.ts), the .bib saved after the server added an entry (bibSaving.ts), indexing
 * progress in the status bar (progress.ts) and the Search catalogue, Add entry, Rebuild index and
 * Show log commands (commands.ts, searchPick.ts).
 */

let server: ServerClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const log = vscode.window.createOutputChannel('CiteAssist');
  const trace = vscode.window.createOutputChannel('CiteAssist Trace');
  const progress = new ProgressStatus();
  context.subscriptions.push(log, trace, progress);
  const s = new ServerClient(context, log, trace, progress);
  server = s;
  registerCommands(context, s, log);
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => s.configurationChanged(e)));
  void s.start();
}

export async function deactivate(): Promise<void> {
  await server?.stop();
  server = undefined;
}
