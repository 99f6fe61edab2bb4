import * as vscode from 'vscode';
import { CataloguePaper, parseSearchOutput, pickItem } from './catalogue';
import { ServerCommands } from './ids';

const SEARCH_LIMIT = 30;
/** Quiet time after a keystroke before the server is asked. */
const TYPING_PAUSE_MS = 200;

/**
 * "Search catalogue": a QuickPick that asks the server's search command as the user types (only
 * the latest answer is shown; the selected text is the first query). Resolves to the picked paper,
 * or undefined when the user closed it. The server must be running.
 */
export async function pickCataloguePaper(editor: vscode.TextEditor, log: vscode.OutputChannel): Promise<CataloguePaper | undefined> {
  type Item = vscode.QuickPickItem & { paper: CataloguePaper };
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = 'CiteAssist: Search catalogue';
  pick.placeholder = 'Title words, author, year, key…';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  const selected = editor.document.getText(editor.selection).trim();
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;
  const run = (query: string) => {
    const mine = ++generation;
    if (!query.trim()) {
      pick.items = [];
      pick.busy = false;
      return;
    }
    pick.busy = true;
    vscode.commands
      .executeCommand(ServerCommands.search, query, SEARCH_LIMIT)
      .then((answer) => {
        if (mine !== generation) return;
        // The server already ranked them: keep its order whatever QuickPick's own filter does.
        pick.items = parseSearchOutput(answer).map((paper) => ({ ...pickItem(paper), paper, alwaysShow: true }));
      })
      .then(undefined, (e) => {
        if (mine !== generation) return;
        log.appendLine(`[client] search failed: ${e instanceof Error ? e.message : e}`);
        pick.items = [];
      })
      .then(() => {
        if (mine === generation) pick.busy = false;
      });
  };
  pick.onDidChangeValue((v) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => run(v), TYPING_PAUSE_MS);
  });
  const chosen = await new Promise<CataloguePaper | undefined>((resolve) => {
    pick.onDidAccept(() => {
      resolve(pick.selectedItems[0]?.paper);
      pick.hide();
    });
    pick.onDidHide(() => resolve(undefined));
    pick.show();
    if (selected) {
      pick.value = selected;
      run(selected);
    }
  });
  if (timer) clearTimeout(timer);
  generation++;
  pick.dispose();
  return chosen;
}
