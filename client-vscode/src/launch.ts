import * as path from 'path';

/**
 * The server's command line and the settings it is sent, from plain values: no dependency on
 * the vscode API, so both are unit-tested.
 */

export interface LaunchOptions {
  /** The java executable. */
  java: string;
  /** The server jar. */
  jar: string;
  /** Extra JVM options from the settings, in order. */
  jvmOptions: readonly string[];
  /** When > 0 the JVM listens for a JDWP debugger on 127.0.0.1:debugPort. */
  debugPort: number;
  /** Whether the JVM waits for the debugger before running. */
  debugSuspend: boolean;
}

/** JVM options always given, before the user's (which can override them). */
export const DEFAULT_JVM_OPTIONS: readonly string[] = ['-XX:+UseSerialGC'];

/** The JDWP agent option for a debug launch. */
export function debugOption(port: number, suspend: boolean): string {
  return `-agentlib:jdwp=transport=dt_socket,server=y,suspend=${suspend ? 'y' : 'n'},address=127.0.0.1:${port}`;
}

/** Arguments of `java` that start the language server over stdio. */
export function serverArgs(o: LaunchOptions): string[] {
  const args = [...DEFAULT_JVM_OPTIONS, ...o.jvmOptions.map((s) => s.trim()).filter((s) => s.length > 0)];
  if (o.debugPort > 0) {
    args.push(debugOption(o.debugPort, o.debugSuspend));
  }
  args.push('-jar', o.jar, 'serve');
  return args;
}

/** Reads one setting (the part after "citeassist."); undefined when unset. */
export type SettingReader = (name: string) => unknown;

export interface PathContext {
  /** The first workspace folder, which relative paths are resolved against; may be absent. */
  workspaceFolder: string | undefined;
  home: string;
}

/**
 * The `citeassist` section as the server reads it (wire names of the server's SettingsParser).
 * Paths get `~` expanded and relative ones resolved against the workspace folder; client-only
 * settings (CLIENT_SETTINGS in ids.ts) are left out. An empty cacheDir is not sent: the server
 * picks its platform's cache folder itself.
 */
export function serverSettings(get: SettingReader, ctx: PathContext): Record<string, unknown> {
  const str = (name: string): string => {
    const v = get(name);
    return typeof v === 'string' ? v.trim() : '';
  };
  const strings = (name: string): string[] => {
    const v = get(name);
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim()) : [];
  };
  const limit = get('completionLimit');
  const timeout = get('catalogueTimeoutMillis');
  const dialect = str('dialect').toLowerCase();
  const out: Record<string, unknown> = {
    completionLimit: typeof limit === 'number' && Number.isFinite(limit) ? Math.max(1, Math.min(1000, Math.round(limit))) : 50,
    citeCommands: strings('citeCommands').map((c) => c.replace(/^\\/, '')),
    dialect: dialect === 'biblatex' || dialect === 'bibtex' ? dialect : 'auto',
    targetBib: str('targetBib'),
    catalogueSources: strings('catalogueSources').map((p) => resolvePath(p, ctx)),
    keyPattern: str('keyPattern'),
    // The server resolves these against the root document's folder, as LaTeX looks for files.
    bibFolders: strings('bibFolders').map((p) => expandHome(p, ctx.home)),
    catalogueUrl: str('catalogueUrl'),
    catalogueUser: str('catalogueUser'),
    cataloguePassword: typeof get('cataloguePassword') === 'string' ? (get('cataloguePassword') as string) : '',
    catalogueApiKey: str('catalogueApiKey'),
    catalogueCaCertificate: str('catalogueCaCertificate') ? resolvePath(str('catalogueCaCertificate'), ctx) : '',
    catalogueTimeoutMillis: typeof timeout === 'number' && Number.isFinite(timeout) ? Math.max(50, Math.min(60000, Math.round(timeout))) : 2000,
  };
  const cache = str('cacheDir');
  if (cache) {
    out.cacheDir = resolvePath(cache, ctx);
  }
  return out;
}

/** `~` expanded; a relative path resolved against the workspace folder (or left as is without one). */
export function resolvePath(p: string, ctx: PathContext): string {
  const s = expandHome(p, ctx.home);
  if (!path.isAbsolute(s) && ctx.workspaceFolder) {
    return path.resolve(ctx.workspaceFolder, s);
  }
  return s;
}

/** A leading `~` replaced by the home folder. */
export function expandHome(p: string, home: string): string {
  const s = p.trim();
  return s === '~' || s.startsWith('~/') || s.startsWith('~\\') ? path.join(home, s.slice(1)) : s;
}
