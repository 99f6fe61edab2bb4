import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DocumentSelector,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  ProgressToken,
  ServerOptions,
  TransportKind,
  WorkDoneProgressBegin,
  WorkDoneProgressEnd,
  WorkDoneProgressReport,
} from 'vscode-languageclient/node';
import { CataloguePaper, parseSearchOutput, pickItem } from './catalogue';
import { bibUris } from './edits';
import { ClientCommands, LAUNCH_SETTINGS, SECTION, ServerCommands } from './ids';
import { findJdk, javaExecutable, noJdkMessage, ProbedJdk } from './jdk';
import { cacheDir, LaunchOptions, searchArgs, serverArgs, serverSettings } from './launch';
import { citationInsertion, citeKeyAt } from './latexText';

/**
 * The VS Code side of CiteAssist: starts `citeassist.jar serve` (packaged in the extension) with a
 * JDK 21+ it finds itself, keeps the server's settings in step with VS Code's, shows the server's
 * catalogue-indexing progress in the status bar, and offers the Search catalogue, Add entry,
 * Rebuild index and Show log commands. Works on .tex and .bib files whatever extension provides
 * their language (LaTeX Workshop, the built-in one, or this one's minimal contribution).
 */

const SELECTOR: DocumentSelector = [
  { scheme: 'file', language: 'latex' },
  { scheme: 'file', language: 'tex' },
  { scheme: 'file', language: 'bibtex' },
  { scheme: 'file', pattern: '**/*.tex' },
  { scheme: 'file', pattern: '**/*.bib' },
];

const SEARCH_LIMIT = 30;

let extension: CiteAssistExtension | undefined;

export function activate(context: vscode.ExtensionContext): void {
  extension = new CiteAssistExtension(context);
  extension.register();
  void extension.start();
}

export async function deactivate(): Promise<void> {
  await extension?.stop();
  extension = undefined;
}

class CiteAssistExtension {
  private readonly log: vscode.OutputChannel;
  private readonly trace: vscode.OutputChannel;
  private readonly progressItem: vscode.StatusBarItem;
  private readonly progress = new Map<string, { title: string; message?: string; percentage?: number }>();
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private launch: LaunchOptions | undefined;
  private jdkProblem: string | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel('CiteAssist');
    this.trace = vscode.window.createOutputChannel('CiteAssist Trace');
    this.progressItem = vscode.window.createStatusBarItem('citeassist.progress', vscode.StatusBarAlignment.Left, 10);
    this.progressItem.name = 'CiteAssist catalogue indexing';
    this.progressItem.command = ClientCommands.showServerLog;
    context.subscriptions.push(this.log, this.trace, this.progressItem);
  }

  register(): void {
    const c = this.context.subscriptions;
    c.push(vscode.commands.registerCommand(ClientCommands.searchCatalogue, () => this.searchCatalogue()));
    c.push(vscode.commands.registerCommand(ClientCommands.addEntryForKeyUnderCursor, () => this.addEntryForKeyUnderCursor()));
    c.push(vscode.commands.registerCommand(ClientCommands.rebuildCatalogueIndex, () => this.rebuildCatalogueIndex()));
    c.push(vscode.commands.registerCommand(ClientCommands.showServerLog, () => this.log.show(true)));
    c.push(vscode.workspace.onDidChangeConfiguration((e) => this.configurationChanged(e)));
  }

  private config(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  private serverSettings(): Record<string, unknown> {
    const cfg = this.config();
    return serverSettings((name) => cfg.get(name), {
      workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
      home: os.homedir(),
    });
  }

  /** The java and jar to run, or undefined (with the reason shown to the user once). */
  private launchOptions(): LaunchOptions | undefined {
    const cfg = this.config();
    const search = findJdk({
      setting: cfg.get<string>('java.home'),
      env: process.env,
      platform: process.platform,
      home: os.homedir(),
    });
    for (const p of search.looked) {
      this.log.appendLine(`[client] JDK candidate ${p.home} (${p.source}): ${p.version === undefined ? 'no java' : `Java ${p.version}`}`);
    }
    const jdk: ProbedJdk | undefined = search.found;
    if (!jdk) {
      this.jdkProblem = noJdkMessage(search, process.platform);
      this.log.appendLine(`[client] ${this.jdkProblem}`);
      void vscode.window.showErrorMessage(this.jdkProblem, 'Open Settings', 'Get a JDK').then((choice) => {
        if (choice === 'Open Settings') {
          void vscode.commands.executeCommand('workbench.action.openSettings', 'citeassist.java.home');
        } else if (choice === 'Get a JDK') {
          void vscode.env.openExternal(vscode.Uri.parse('https://adoptium.net/temurin/releases/?version=21'));
        }
      });
      return undefined;
    }
    this.jdkProblem = undefined;
    const jarSetting = (cfg.get<string>('server.jar') ?? '').trim();
    const jar = jarSetting || this.context.asAbsolutePath(path.join('server', 'citeassist.jar'));
    if (!fs.existsSync(jar)) {
      const msg = `CiteAssist: the server jar ${jar} is missing${jarSetting ? ' (setting citeassist.server.jar)' : '; reinstall the extension'}.`;
      this.log.appendLine(`[client] ${msg}`);
      void vscode.window.showErrorMessage(msg);
      return undefined;
    }
    this.log.appendLine(`[client] using Java ${jdk.version} at ${jdk.home} (${jdk.source})`);
    return {
      java: javaExecutable(jdk.home, process.platform),
      jar,
      jvmOptions: cfg.get<string[]>('java.options') ?? [],
      debugPort: cfg.get<number>('server.debugPort') ?? 0,
      debugSuspend: cfg.get<boolean>('server.debugSuspend') ?? false,
    };
  }

  start(): Promise<LanguageClient | undefined> {
    if (!this.starting) {
      this.starting = this.doStart().catch((e) => {
        this.log.appendLine(`[client] the server did not start: ${e instanceof Error ? e.stack : String(e)}`);
        void vscode.window.showErrorMessage(`CiteAssist: the language server did not start (${e instanceof Error ? e.message : e}).`, 'Show Log').then((c) => {
          if (c) this.log.show(true);
        });
        this.client = undefined;
        return undefined;
      });
    }
    return this.starting;
  }

  private async doStart(): Promise<LanguageClient | undefined> {
    const launch = this.launchOptions();
    this.launch = launch;
    if (!launch) {
      return undefined;
    }
    const args = serverArgs(launch);
    this.log.appendLine(`[client] starting: ${launch.java} ${args.join(' ')}`);
    const executable = { command: launch.java, args, transport: TransportKind.stdio, options: { env: process.env } };
    const serverOptions: ServerOptions = { run: executable, debug: executable };
    const clientOptions: LanguageClientOptions = {
      documentSelector: SELECTOR,
      outputChannel: this.log,
      traceOutputChannel: this.trace,
      initializationOptions: this.serverSettings(),
      middleware: {
        handleWorkDoneProgress: (token, params) => this.showProgress(token, params),
        workspace: {
          // workspace/configuration answers the same normalised section as the pushes.
          configuration: async (params, token, next) => {
            const answer = await next(params, token);
            if (!Array.isArray(answer)) return answer;
            return params.items.map((item, i) =>
              item.section === SECTION
                ? this.serverSettings()
                : !item.section
                  ? { ...(answer[i] ?? {}), [SECTION]: this.serverSettings() }
                  : answer[i],
            );
          },
        },
      },
    };
    const client = new LanguageClient('citeassist', 'CiteAssist', serverOptions, clientOptions);
    this.saveBibsAfterServerEdits(client);
    this.client = client;
    await client.start();
    // Settings are pushed (didChangeConfiguration) as well as given at initialize.
    await client.sendNotification('workspace/didChangeConfiguration', { settings: { [SECTION]: this.serverSettings() } });
    return client;
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    this.progress.clear();
    this.progressItem.hide();
    if (client) {
      try {
        await client.stop(5000);
      } catch (e) {
        this.log.appendLine(`[client] stopping the server: ${e}`);
      }
    }
  }

  private async restart(): Promise<LanguageClient | undefined> {
    await this.stop();
    return this.start();
  }

  private async configurationChanged(e: vscode.ConfigurationChangeEvent): Promise<void> {
    if (!e.affectsConfiguration(SECTION)) {
      return;
    }
    if (LAUNCH_SETTINGS.some((s) => e.affectsConfiguration(`${SECTION}.${s}`)) || !this.client) {
      this.log.appendLine('[client] launch settings changed: restarting the server');
      await this.restart();
      return;
    }
    await this.client.sendNotification('workspace/didChangeConfiguration', { settings: { [SECTION]: this.serverSettings() } });
  }

  /**
   * The server adds entries through workspace/applyEdit, which leaves a .bib that was not open
   * as an unsaved editor buffer; BibTeX reads the disk. So after an applied edit, the .bib files
   * it touched are saved, unless they had unsaved changes before (setting saveBibAfterEdit).
   * Wraps the client's own handler (vscode-languageclient 9, pinned in package-lock.json).
   */
  private saveBibsAfterServerEdits(client: LanguageClient): void {
    const c = client as unknown as { handleApplyWorkspaceEdit?: (p: any) => Promise<{ applied: boolean }> };
    const original = c.handleApplyWorkspaceEdit;
    if (typeof original !== 'function') {
      return;
    }
    c.handleApplyWorkspaceEdit = async (params: any) => {
      const uris = bibUris(params?.edit);
      const dirtyBefore = new Set(
        vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()),
      );
      const result = await original.call(client, params);
      if (result?.applied && this.config().get<boolean>('saveBibAfterEdit', true)) {
        for (const u of uris) {
          const uri = client.protocol2CodeConverter.asUri(u);
          if (dirtyBefore.has(uri.toString())) continue;
          const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
          if (doc?.isDirty) {
            const saved = await doc.save();
            this.log.appendLine(`[client] ${saved ? 'saved' : 'could not save'} ${uri.fsPath}`);
          }
        }
      }
      return result;
    };
  }

  private showProgress(
    token: ProgressToken,
    params: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd,
  ): void {
    const id = String(token);
    if (params.kind === 'begin') {
      this.progress.set(id, { title: params.title, message: params.message, percentage: params.percentage });
    } else if (params.kind === 'report') {
      const p = this.progress.get(id);
      if (p) {
        if (params.message !== undefined) p.message = params.message;
        if (params.percentage !== undefined) p.percentage = params.percentage;
      }
    } else {
      this.progress.delete(id);
    }
    const current = [...this.progress.values()].pop();
    if (!current) {
      this.progressItem.hide();
      return;
    }
    const pct = current.percentage !== undefined ? ` ${Math.round(current.percentage)}%` : '';
    this.progressItem.text = `$(sync~spin) CiteAssist: ${current.title}${current.message ? ` (${current.message})` : ''}${pct}`;
    this.progressItem.tooltip = 'CiteAssist is building its catalogue index; click for the server log.';
    this.progressItem.show();
  }

  /** The running client, started if need be; undefined (with a message) when it cannot run. */
  private async running(): Promise<LanguageClient | undefined> {
    let client = await this.start();
    if (client && !client.isRunning()) {
      // It stopped (crashed more often than the client restarts it): start a new one.
      client = await this.restart();
    }
    if (!client) {
      void vscode.window.showErrorMessage(this.jdkProblem ?? 'CiteAssist: the language server is not running (see "CiteAssist: Show server log").');
    }
    return client;
  }

  private serverOffers(client: LanguageClient, command: string): boolean {
    return client.initializeResult?.capabilities.executeCommandProvider?.commands.includes(command) ?? false;
  }

  private async addEntry(client: LanguageClient, doc: vscode.TextDocument, key: string, keyStart: vscode.Position): Promise<void> {
    await client.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.addEntry,
      arguments: [doc.uri.toString(), key, key, keyStart.line, keyStart.character],
    });
  }

  private latexEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !/\.(tex|ltx)$/i.test(editor.document.uri.path) && !['latex', 'tex'].includes(editor.document.languageId)) {
      void vscode.window.showInformationMessage('CiteAssist: open a .tex file and put the cursor where the citation goes.');
      return undefined;
    }
    return editor;
  }

  private citeCommands(): string[] {
    return (this.config().get<string[]>('citeCommands') ?? []).map((c) => c.replace(/^\\/, ''));
  }

  private async addEntryForKeyUnderCursor(): Promise<void> {
    const editor = this.latexEditor();
    if (!editor) return;
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.active);
    let at = citeKeyAt(doc.getText(), offset, this.citeCommands());
    if (!at) {
      const range = doc.getWordRangeAtPosition(editor.selection.active, /[^\s,{}\\%]+/);
      if (range) at = { key: doc.getText(range), start: doc.offsetAt(range.start), end: doc.offsetAt(range.end) };
    }
    if (!at) {
      void vscode.window.showInformationMessage('CiteAssist: put the cursor on a cite key.');
      return;
    }
    const client = await this.running();
    if (!client) return;
    await this.addEntry(client, doc, at.key, doc.positionAt(at.start));
  }

  private async searchCatalogue(): Promise<void> {
    const editor = this.latexEditor();
    if (!editor) return;
    const client = await this.running();
    if (!client || !this.launch) return;
    type Item = vscode.QuickPickItem & { paper: CataloguePaper };
    const pick = vscode.window.createQuickPick<Item>();
    pick.title = 'CiteAssist: Search catalogue';
    pick.placeholder = 'Title words, author, year, key…';
    pick.matchOnDescription = true;
    pick.matchOnDetail = true;
    const selected = editor.document.getText(editor.selection).trim();
    let timer: NodeJS.Timeout | undefined;
    let generation = 0;
    let proc: ChildProcess | undefined;
    const run = (query: string) => {
      const mine = ++generation;
      proc?.kill();
      if (!query.trim()) {
        pick.items = [];
        pick.busy = false;
        return;
      }
      pick.busy = true;
      this.search(client, query, (p) => (proc = p))
        .then((papers) => {
          if (mine !== generation) return;
          // The server already ranked them: keep its order whatever QuickPick's own filter does.
          pick.items = papers.map((paper) => ({ ...pickItem(paper), paper, alwaysShow: true }));
        })
        .catch((e) => {
          if (mine === generation) this.log.appendLine(`[client] search failed: ${e instanceof Error ? e.message : e}`);
          if (mine === generation) pick.items = [];
        })
        .finally(() => {
          if (mine === generation) pick.busy = false;
        });
    };
    pick.onDidChangeValue((v) => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => run(v), 200);
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
    proc?.kill();
    pick.dispose();
    if (!chosen) return;
    await this.cite(client, editor, chosen.key);
  }

  /** Puts `key` at the cursor (in the \cite{} there, or as a new \cite{key}), then adds its entry. */
  private async cite(client: LanguageClient, editor: vscode.TextEditor, key: string): Promise<void> {
    const doc = editor.document;
    const offset = doc.offsetAt(editor.selection.active);
    const ins = citationInsertion(doc.getText(), offset, key, this.citeCommands());
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
    await this.addEntry(client, doc, key, keyStart);
  }

  /** Papers for a query: the server's search command when it has one, else `citeassist.jar search --json`. */
  private async search(client: LanguageClient, query: string, onSpawn: (p: ChildProcess) => void): Promise<CataloguePaper[]> {
    if (this.serverOffers(client, ServerCommands.search)) {
      return parseSearchOutput(
        await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.search, arguments: [query, SEARCH_LIMIT] }),
      );
    }
    const launch = this.launch!;
    // Catalogue indexes are read-only snapshots that processes share: same cache as the server.
    const env = { ...process.env };
    const settings = this.serverSettings();
    if (typeof settings.cacheDir === 'string') env.CITEASSIST_CACHE = settings.cacheDir;
    const args = searchArgs(launch, query, SEARCH_LIMIT);
    return new Promise((resolve, reject) => {
      const p = spawn(launch.java, args, { env, windowsHide: true });
      onSpawn(p);
      let out = '';
      let err = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (err += d));
      p.on('error', reject);
      p.on('close', (code, signal) => {
        if (signal) reject(new Error(`search stopped (${signal})`));
        else if (code !== 0) reject(new Error(`search exited with ${code}: ${err.trim()}`));
        else {
          try {
            resolve(parseSearchOutput(out));
          } catch (e) {
            reject(e);
          }
        }
      });
    });
  }

  private async rebuildCatalogueIndex(): Promise<void> {
    const client = await this.running();
    if (!client) return;
    if (this.serverOffers(client, ServerCommands.rebuildCatalogue)) {
      await client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.rebuildCatalogue, arguments: [] });
      return;
    }
    // The index can be deleted at any time: stop the server, delete it, start again (it rebuilds).
    const dir = cacheDir(this.serverSettings(), process.env, os.homedir());
    await this.stop();
    let removed = 0;
    try {
      for (const name of fs.readdirSync(dir)) {
        if (name.startsWith('catalogue-')) {
          fs.rmSync(path.join(dir, name), { recursive: true, force: true });
          removed++;
        }
      }
    } catch (e) {
      this.log.appendLine(`[client] ${dir}: ${e}`);
    }
    this.log.appendLine(`[client] removed ${removed} catalogue index folder(s) in ${dir}; restarting the server`);
    await this.start();
  }
}
