import * as vscode from 'vscode';
import { ProgressToken, WorkDoneProgressBegin, WorkDoneProgressEnd, WorkDoneProgressReport } from 'vscode-languageclient/node';
import { ClientCommands } from './ids';

/**
 * The server's work-done progress (building the catalogue index) in one status-bar item: the most
 * recently begun task that has not ended, with its message and percentage; hidden when none runs.
 * Clicking it shows the server log. Lives as long as the extension.
 */
export class ProgressStatus implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly running = new Map<string, { title: string; message?: string; percentage?: number }>();

  constructor() {
    this.item = vscode.window.createStatusBarItem('citeassist.progress', vscode.StatusBarAlignment.Left, 10);
    this.item.name = 'CiteAssist catalogue indexing';
    this.item.command = ClientCommands.showServerLog;
  }

  /** For the language client's handleWorkDoneProgress middleware. */
  show(token: ProgressToken, params: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd): void {
    const id = String(token);
    if (params.kind === 'begin') {
      this.running.set(id, { title: params.title, message: params.message, percentage: params.percentage });
    } else if (params.kind === 'report') {
      const p = this.running.get(id);
      if (p) {
        if (params.message !== undefined) p.message = params.message;
        if (params.percentage !== undefined) p.percentage = params.percentage;
      }
    } else {
      this.running.delete(id);
    }
    const current = [...this.running.values()].pop();
    if (!current) {
      this.item.hide();
      return;
    }
    const pct = current.percentage !== undefined ? ` ${Math.round(current.percentage)}%` : '';
    this.item.text = `$(sync~spin) CiteAssist: ${current.title}${current.message ? ` (${current.message})` : ''}${pct}`;
    this.item.tooltip = 'CiteAssist is building its catalogue index; click for the server log.';
    this.item.show();
  }

  /** Forgets every task (the server stopped). */
  clear(): void {
    this.running.clear();
    this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }
}
