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

/** Arguments of `java` for the command-line search, which prints a JSON array. */
export function searchArgs(o: Pick<LaunchOptions, 'jar' | 'jvmOptions'>, query: string, limit: number): string[] {
  return [
    ...DEFAULT_JVM_OPTIONS,
    ...o.jvmOptions.map((s) => s.trim()).filter((s) => s.length > 0),
    '-jar',
    o.jar,
    'search',
    query,
    '--limit',
    String(limit),
    '--json',
  ];
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
 * settings (java, server, trace) are left out.
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
  const dialect = str('dialect').toLowerCase();
  const out: Record<string, unknown> = {
    completionLimit: typeof limit === 'number' && Number.isFinite(limit) ? Math.max(1, Math.min(1000, Math.round(limit))) : 50,
    citeCommands: strings('citeCommands').map((c) => c.replace(/^\\/, '')),
    dialect: dialect === 'biblatex' || dialect === 'bibtex' ? dialect : 'auto',
    targetBib: str('targetBib'),
    catalogueSources: strings('catalogueSources').map((p) => resolvePath(p, ctx)),
    keyPattern: str('keyPattern'),
  };
  const cache = str('cacheDir');
  if (cache) {
    out.cacheDir = resolvePath(cache, ctx);
  }
  return out;
}

/** `~` expanded; a relative path resolved against the workspace folder (or left as is without one). */
export function resolvePath(p: string, ctx: PathContext): string {
  let s = p.trim();
  if (s === '~' || s.startsWith('~/') || s.startsWith('~\\')) {
    s = path.join(ctx.home, s.slice(1));
  }
  if (!path.isAbsolute(s) && ctx.workspaceFolder) {
    s = path.resolve(ctx.workspaceFolder, s);
  }
  return s;
}

/** The folder holding the catalogue index: the setting, else $XDG_CACHE_HOME/citeassist, else ~/.cache/citeassist. */
export function cacheDir(settings: Record<string, unknown>, env: NodeJS.ProcessEnv, home: string): string {
  if (typeof settings.cacheDir === 'string' && settings.cacheDir) {
    return settings.cacheDir;
  }
  if (env.CITEASSIST_CACHE && env.CITEASSIST_CACHE.trim()) {
    return env.CITEASSIST_CACHE;
  }
  const xdg = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.trim() ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(xdg, 'citeassist');
}
