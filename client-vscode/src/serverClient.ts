import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { DocumentSelector, LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { saveBibAfterAddEntry } from './bibSaving';
import { LAUNCH_SETTINGS, SECTION } from './ids';
import { findJdk, javaExecutable, noJdkMessage } from './jdk';
import { LaunchOptions, serverArgs } from './launch';
import { ProgressStatus } from './progress';
import { configurationMiddleware, currentServerSettings, pushSettings } from './serverSettings';

/** .tex and .bib files, whatever extension provides their language (LaTeX Workshop, built-in, ours). */
const SELECTOR: DocumentSelector = [
  { scheme: 'file', language: 'latex' },
  { scheme: 'file', language: 'tex' },
  { scheme: 'file', language: 'bibtex' },
  { scheme: 'file', pattern: '**/*.tex' },
  { scheme: 'file', pattern: '**/*.bib' },
];

/**
 * The language server's lifecycle: starts `citeassist.jar serve` (packaged in the extension, or
 * citeassist.server.jar) with a JDK 21+ it finds itself, restarts it when a launch setting changes
 * and pushes the other settings, and hands the running client to the commands. One start at a time:
 * concurrent callers share it.
 */
export class ServerClient {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;
  private jdkProblem: string | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.OutputChannel,
    private readonly trace: vscode.OutputChannel,
    private readonly progress: ProgressStatus,
  ) {}

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

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.starting = undefined;
    this.progress.clear();
    if (client) {
      try {
        await client.stop(5000);
      } catch (e) {
        this.log.appendLine(`[client] stopping the server: ${e}`);
      }
    }
  }

  /** The running client, started if need be; undefined (with a message) when it cannot run. */
  async running(): Promise<LanguageClient | undefined> {
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

  async configurationChanged(e: vscode.ConfigurationChangeEvent): Promise<void> {
    if (!e.affectsConfiguration(SECTION)) {
      return;
    }
    if (LAUNCH_SETTINGS.some((s) => e.affectsConfiguration(`${SECTION}.${s}`)) || !this.client) {
      this.log.appendLine('[client] launch settings changed: restarting the server');
      await this.restart();
      return;
    }
    await pushSettings(this.client);
  }

  private async restart(): Promise<LanguageClient | undefined> {
    await this.stop();
    return this.start();
  }

  private async doStart(): Promise<LanguageClient | undefined> {
    const launch = this.launchOptions();
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
      initializationOptions: currentServerSettings(),
      middleware: {
        handleWorkDoneProgress: (token, params) => this.progress.show(token, params),
        executeCommand: saveBibAfterAddEntry(this.log),
        workspace: configurationMiddleware,
      },
    };
    const client = new LanguageClient('citeassist', 'CiteAssist', serverOptions, clientOptions);
    this.client = client;
    await client.start();
    // Settings are pushed (didChangeConfiguration) as well as given at initialize.
    await pushSettings(client);
    return client;
  }

  /** The java and jar to run, or undefined (with the reason shown to the user once). */
  private launchOptions(): LaunchOptions | undefined {
    const cfg = vscode.workspace.getConfiguration(SECTION);
    const search = findJdk({
      setting: cfg.get<string>('java.home'),
      env: process.env,
      platform: process.platform,
      home: os.homedir(),
    });
    for (const p of search.looked) {
      this.log.appendLine(`[client] JDK candidate ${p.home} (${p.source}): ${p.version === undefined ? 'no java' : `Java ${p.version}`}`);
    }
    const jdk = search.found;
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
}
