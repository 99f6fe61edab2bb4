import * as os from 'os';
import * as vscode from 'vscode';
import { ConfigurationMiddleware, LanguageClient } from 'vscode-languageclient/node';
import { SECTION } from './ids';
import { serverSettings } from './launch';

/**
 * Keeps the server's settings in step with VS Code's: the normalised `citeassist` section
 * (launch.ts serverSettings) is what initialize carries, what each change pushes, and what
 * workspace/configuration answers.
 */

/** The section as the server reads it, from the current configuration. */
export function currentServerSettings(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  return serverSettings((name) => cfg.get(name), {
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    home: os.homedir(),
  });
}

/** Sends the section (workspace/didChangeConfiguration). */
export async function pushSettings(client: LanguageClient): Promise<void> {
  await client.sendNotification('workspace/didChangeConfiguration', { settings: { [SECTION]: currentServerSettings() } });
}

/** workspace/configuration answers the same normalised section as the pushes. */
export const configurationMiddleware: ConfigurationMiddleware = {
  configuration: async (params, token, next) => {
    const answer = await next(params, token);
    if (!Array.isArray(answer)) return answer;
    return params.items.map((item, i) =>
      item.section === SECTION
        ? currentServerSettings()
        : !item.section
          ? { ...(answer[i] ?? {}), [SECTION]: currentServerSettings() }
          : answer[i],
    );
  },
};
