import * as vscode from 'vscode';
import { ClientCommands, SECTION, ServerCommands } from './ids';
import { citationInsertion, citeKeyAt } from './latexText';
import { pickCataloguePaper } from './searchPick';
import { ServerClient } from './serverClient';

/**
 * The extension's own commands (package.json "contributes.commands"). Each calls the server's
 * commands through vscode.commands.executeCommand, where the language client registered them, so
 * they take the same path (and middleware) as a completion item's or a quick fix's command.
 */
export function registerCommands(context: vscode.ExtensionContext, server: ServerClient, log: vscode.OutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.searchCatalogue, async () => {
      const editor = latexEditor();
      if (!editor || !(await server.running())) return;
      const paper = await pickCataloguePaper(editor, log);
      if (paper) await cite(editor, paper.key);
    }),
    vscode.commands.registerCommand(ClientCommands.addEntryForKeyUnderCursor, () => addEntryForKeyUnderCursor(server)),
    vscode.commands.registerCommand(ClientCommands.rebuildCatalogueIndex, async () => {
      if (await server.running()) {
        await vscode.commands.executeCommand(ServerCommands.rebuildCatalogue);
      }
    }),
    vscode.commands.registerCommand(ClientCommands.showServerLog, () => log.show(true)),
  );
}

/** Asks the server to add the catalogue paper `key`, cited at `keyStart` in `doc`, to the project's .bib. */
async function addEntry(doc: vscode.TextDocument, key: string, keyStart: vscode.Position): Promise<void> {
  await vscode.commands.executeCommand(ServerCommands.addEntry, doc.uri.toString(), key, key, keyStart.line, keyStart.character);
}

/** The extra cite commands of the settings, without backslashes. */
function citeCommands(): string[] {
  return (vscode.workspace.getConfiguration(SECTION).get<string[]>('citeCommands') ?? []).map((c) => c.replace(/^\\/, ''));
}

function latexEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || (!/\.(tex|ltx)$/i.test(editor.document.uri.path) && !['latex', 'tex'].includes(editor.document.languageId))) {
    void vscode.window.showInformationMessage('CiteAssist: open a .tex file and put the cursor where the citation goes.');
    return undefined;
  }
  return editor;
}

async function addEntryForKeyUnderCursor(server: ServerClient): Promise<void> {
  const editor = latexEditor();
  if (!editor) return;
  const doc = editor.document;
  const offset = doc.offsetAt(editor.selection.active);
  let at = citeKeyAt(doc.getText(), offset, citeCommands());
  if (!at) {
    const range = doc.getWordRangeAtPosition(editor.selection.active, /[^\s,{}\\%]+/);
    if (range) at = { key: doc.getText(range), start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
  }
  if (!at) {
    void vscode.window.showInformationMessage('CiteAssist: put the cursor on a cite key.');
    return;
  }
  if (await server.running()) {
    await addEntry(doc, at.key, doc.positionAt(at.start));
  }
}

/** Puts `key` at the cursor (in the \cite{} there, or as a new \cite{key}), then adds its entry. */
async function cite(editor: vscode.TextEditor, key: string): Promise<void> {
  const doc = editor.document;
  const offset = doc.offsetAt(editor.selection.active);
  const ins = citationInsertion(doc.getText(), offset, key, citeCommands());
  if (ins.text) {
    const at = doc.positionAt(ins.at);
    const ok = await editor.edit((b) => b.insert(at, ins.text));
    if (!ok) {
      void vscode.window.showErrorMessage('CiteAssist: the citation could not be inserted.');
      return;
    }
  }
  const keyStart = doc.positionAt(ins.keyStart);
  const keyEnd = keyStart.translate(0, key.length);
  editor.selection = new vscode.Selection(keyEnd, keyEnd);
  await addEntry(doc, key, keyStart);
}
