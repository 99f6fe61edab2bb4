import * as vscode from 'vscode';
import { ExecuteCommandSignature } from 'vscode-languageclient/node';
import { bibToSave, parseAddEntryAnswer } from './addEntry';
import { SECTION, ServerCommands } from './ids';

/**
 * The server adds entries through workspace/applyEdit, which leaves a .bib that was not open as an
 * unsaved buffer; BibTeX and Biber read the disk. So after citeassist.addEntry, whoever ran it (a
 * completion item, a quick fix, a hover link, this extension's commands: the language client runs
 * them all through its executeCommand middleware), the .bib the server answers it appended to is
 * saved, unless it had unsaved changes before or citeassist.saveBibAfterEdit is off. The server
 * answers only after the editor applied the edit, so the buffer holds the entry by then.
 */
export function saveBibAfterAddEntry(log: vscode.OutputChannel) {
  return async (command: string, args: unknown[], next: ExecuteCommandSignature): Promise<unknown> => {
    if (command !== ServerCommands.addEntry) {
      return next(command, args);
    }
    const dirtyBefore = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    const answer = await next(command, args);
    const save = vscode.workspace.getConfiguration(SECTION).get<boolean>('saveBibAfterEdit', true);
    const uri = bibToSave(parseAddEntryAnswer(answer), dirtyBefore, save, (u) => vscode.Uri.parse(u).toString());
    const doc = uri === undefined ? undefined : vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    if (doc?.isDirty) {
      const saved = await doc.save();
      log.appendLine(`[client] ${saved ? 'saved' : 'could not save'} ${doc.uri.fsPath}`);
    }
    return answer;
  };
}
