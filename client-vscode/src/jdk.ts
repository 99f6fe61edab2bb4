import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Finds a JDK new enough to run the server. Order: the `citeassist.java.home` setting,
 * `JAVA_HOME`, the `java` on `PATH` (the first of these that is new enough wins), then the usual
 * install locations (the newest wins). A JDK's version is read from its `release` file, else
 * from `java -version`. No dependency on the vscode API, so it is unit-tested on real folders.
 */

export const MIN_JAVA = 21;

/** Where a candidate came from, for messages. */
export type JdkSource = 'setting' | 'JAVA_HOME' | 'PATH' | 'install location';

export interface JdkCandidate {
  home: string;
  source: JdkSource;
}

export interface ProbedJdk extends JdkCandidate {
  /** Feature version (8, 17, 21, 25), or undefined when it could not be read. */
  version: number | undefined;
}

export interface JdkSearch {
  found: ProbedJdk | undefined;
  /** Every candidate looked at, in order, with its version. */
  looked: ProbedJdk[];
}

export interface JdkEnvironment {
  setting: string | undefined;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  /** Replaces the usual install locations (tests). */
  installRoots?: InstallRoot[];
}

/** A folder whose subfolders (starting with prefix) are JDKs, each with its home at `inside`. */
export interface InstallRoot {
  parent: string;
  prefix?: string;
  inside?: string;
}

/**
 * The feature version of a Java version string: "21.0.2" → 21, "1.8.0_292" → 8, "25" → 25,
 * "17-ea" → 17, "21.0.1+12-LTS" → 21; undefined when there is no number.
 */
export function parseJavaVersion(version: string): number | undefined {
  const m = /^\s*"?(\d+)(?:\.(\d+))?/.exec(version);
  if (!m) {
    return undefined;
  }
  const major = Number(m[1]);
  if (major === 1 && m[2] !== undefined) {
    return Number(m[2]);
  }
  return major;
}

/** The version in a JDK `release` file (`JAVA_VERSION="21.0.2"`). */
export function versionFromRelease(release: string): number | undefined {
  const m = /^JAVA_VERSION="([^"]*)"/m.exec(release);
  return m ? parseJavaVersion(m[1]) : undefined;
}

/** The version in what `java -version` prints (`openjdk version "21.0.2" 2024-01-16`). */
export function versionFromJavaDashVersion(output: string): number | undefined {
  const m = /version "([^"]*)"/.exec(output);
  return m ? parseJavaVersion(m[1]) : undefined;
}

export function javaExecutable(home: string, platform: NodeJS.Platform): string {
  return path.join(home, 'bin', platform === 'win32' ? 'java.exe' : 'java');
}

/** The explicit choices, in order: setting, JAVA_HOME, the JDK that holds the `java` on PATH. */
export function explicitCandidates(e: JdkEnvironment): JdkCandidate[] {
  const out: JdkCandidate[] = [];
  if (e.setting && e.setting.trim()) {
    out.push({ home: expandHome(e.setting.trim(), e.home), source: 'setting' });
  }
  if (e.env.JAVA_HOME && e.env.JAVA_HOME.trim()) {
    out.push({ home: e.env.JAVA_HOME.trim(), source: 'JAVA_HOME' });
  }
  const onPath = javaOnPath(e.env, e.platform);
  if (onPath) {
    out.push({ home: path.dirname(path.dirname(onPath)), source: 'PATH' });
  }
  return out;
}

/** The first `java` on PATH, symlinks resolved (Debian's /usr/bin/java → /usr/lib/jvm/…/bin/java). */
export function javaOnPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const pathVar = env.PATH ?? env.Path ?? '';
  const exe = platform === 'win32' ? 'java.exe' : 'java';
  for (const dir of pathVar.split(platform === 'win32' ? ';' : ':')) {
    if (!dir) {
      continue;
    }
    const candidate = path.join(dir, exe);
    if (isExecutableFile(candidate)) {
      try {
        return fs.realpathSync(candidate);
      } catch {
        return candidate;
      }
    }
  }
  return undefined;
}

/** Folders whose subfolders are JDKs, with the path inside each subfolder to the JDK home. */
export function installLocations(e: JdkEnvironment): InstallRoot[] {
  if (e.installRoots) {
    return e.installRoots;
  }
  const h = e.home;
  if (e.platform === 'win32') {
    const pf = [e.env.ProgramFiles, e.env['ProgramFiles(x86)'], 'C:\\Program Files'].filter(
      (p): p is string => !!p,
    );
    const out: InstallRoot[] = [];
    for (const p of [...new Set(pf)]) {
      for (const vendor of ['Java', 'Eclipse Adoptium', 'Microsoft', 'Zulu', 'Amazon Corretto', 'BellSoft', 'OpenJDK']) {
        out.push({ parent: path.join(p, vendor) });
      }
    }
    out.push({ parent: path.join(h, '.jdks') });
    return out;
  }
  const mac = '/Contents/Home';
  return [
    { parent: '/usr/lib/jvm' },
    { parent: '/usr/java' },
    { parent: '/opt/java' },
    { parent: '/opt', prefix: 'jdk' },
    { parent: '/opt', prefix: 'openjdk' },
    { parent: '/opt', prefix: 'temurin' },
    { parent: path.join(h, '.sdkman/candidates/java') },
    { parent: path.join(h, '.jdks') },
    { parent: path.join(h, '.asdf/installs/java') },
    { parent: path.join(h, '.local/share/mise/installs/java') },
    { parent: '/Library/Java/JavaVirtualMachines', inside: mac },
    { parent: path.join(h, 'Library/Java/JavaVirtualMachines'), inside: mac },
    { parent: '/opt/homebrew/opt', prefix: 'openjdk', inside: '/libexec/openjdk.jdk/Contents/Home' },
    { parent: '/usr/local/opt', prefix: 'openjdk', inside: '/libexec/openjdk.jdk/Contents/Home' },
  ];
}

/** JDK homes in the usual install locations that hold a java executable, sorted by path. */
export function installedCandidates(e: JdkEnvironment): JdkCandidate[] {
  const out: JdkCandidate[] = [];
  const seen = new Set<string>();
  for (const loc of installLocations(e)) {
    let names: string[];
    try {
      names = fs.readdirSync(loc.parent).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (loc.prefix && !name.startsWith(loc.prefix)) {
        continue;
      }
      const home = path.join(loc.parent, name) + (loc.inside ?? '');
      if (isExecutableFile(javaExecutable(home, e.platform))) {
        const real = realOr(home);
        if (!seen.has(real)) {
          seen.add(real);
          out.push({ home, source: 'install location' });
        }
      }
    }
  }
  return out;
}

/** The version of the JDK at `home`: its release file, else `java -version`; undefined if no java. */
export function probeVersion(home: string, platform: NodeJS.Platform): number | undefined {
  const java = javaExecutable(home, platform);
  if (!isExecutableFile(java)) {
    return undefined;
  }
  try {
    const v = versionFromRelease(fs.readFileSync(path.join(home, 'release'), 'utf8'));
    if (v !== undefined) {
      return v;
    }
  } catch {
    // No release file: ask java itself.
  }
  const r = spawnSync(java, ['-version'], { encoding: 'utf8', timeout: 15000, windowsHide: true });
  return versionFromJavaDashVersion(`${r.stderr ?? ''}\n${r.stdout ?? ''}`);
}

export function findJdk(e: JdkEnvironment, min = MIN_JAVA): JdkSearch {
  const looked: ProbedJdk[] = [];
  for (const c of explicitCandidates(e)) {
    const p = { ...c, version: probeVersion(c.home, e.platform) };
    looked.push(p);
    if (p.version !== undefined && p.version >= min) {
      return { found: p, looked };
    }
  }
  let best: ProbedJdk | undefined;
  for (const c of installedCandidates(e)) {
    const p = { ...c, version: probeVersion(c.home, e.platform) };
    looked.push(p);
    if (p.version !== undefined && p.version >= min && (!best || p.version > (best.version ?? 0))) {
      best = p;
    }
  }
  return { found: best, looked };
}

/** One sentence for the user when no JDK was found: what was looked at and what to install. */
export function noJdkMessage(search: JdkSearch, platform: NodeJS.Platform, min = MIN_JAVA): string {
  const seen = search.looked.map(
    (p) => `${p.home} (${p.source}: ${p.version === undefined ? 'no java found' : `Java ${p.version}`})`,
  );
  const install =
    platform === 'darwin'
      ? "'brew install openjdk@21' or Temurin 21 from adoptium.net"
      : platform === 'win32'
        ? "'winget install EclipseAdoptium.Temurin.21.JDK' or Temurin 21 from adoptium.net"
        : "'sudo apt install openjdk-21-jdk' (or your distribution's JDK 21 package, or Temurin 21 from adoptium.net)";
  return (
    `CiteAssist needs a Java ${min} or newer to run its language server and found none` +
    (seen.length ? `; looked at ${seen.join(', ')}` : ' (no JAVA_HOME, no java on PATH, nothing in the usual JDK folders)') +
    `. Install a JDK ${min}+, e.g. ${install}, then reload the window, ` +
    `or set "citeassist.java.home" to the JDK's folder.`
  );
}

function expandHome(p: string, home: string): string {
  return p === '~' || p.startsWith('~/') ? path.join(home, p.slice(1)) : p;
}

function realOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function isExecutableFile(p: string): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) {
      return false;
    }
    if (process.platform === 'win32') {
      return true;
    }
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
