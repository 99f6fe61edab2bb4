import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  findJdk,
  installLocations,
  JdkEnvironment,
  noJdkMessage,
  parseJavaVersion,
  versionFromJavaDashVersion,
  versionFromRelease,
} from '../src/jdk';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'citeassist-jdk-test-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A folder shaped like a JDK: bin/java (a script printing `java -version`), and a release file unless version is in `scriptOnly`. */
function fakeJdk(dir: string, version: string, opts: { release?: boolean } = {}): string {
  const home = path.join(tmp, dir);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  const java = path.join(home, 'bin', 'java');
  fs.writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2024-01-16' >&2\n`);
  fs.chmodSync(java, 0o755);
  if (opts.release !== false) {
    fs.writeFileSync(path.join(home, 'release'), `IMPLEMENTOR="Eclipse Adoptium"\nJAVA_VERSION="${version}"\nOS_NAME="Linux"\n`);
  }
  return home;
}

function env(over: Partial<JdkEnvironment>): JdkEnvironment {
  return { setting: undefined, env: { PATH: '' }, platform: 'linux', home: tmp, installRoots: [], ...over };
}

describe('parseJavaVersion', () => {
  test('reads the feature version of modern and legacy version strings', () => {
    assert.equal(parseJavaVersion('21.0.2'), 21);
    assert.equal(parseJavaVersion('25'), 25);
    assert.equal(parseJavaVersion('17-ea'), 17);
    assert.equal(parseJavaVersion('21.0.1+12-LTS'), 21);
    assert.equal(parseJavaVersion('1.8.0_292'), 8);
    assert.equal(parseJavaVersion('"11.0.20"'), 11);
  });
  test('gives undefined when there is no number', () => {
    assert.equal(parseJavaVersion(''), undefined);
    assert.equal(parseJavaVersion('unknown'), undefined);
  });
  test('reads the release file and the java -version banner', () => {
    assert.equal(versionFromRelease('IMPLEMENTOR="Oracle"\nJAVA_VERSION="22.0.1"\n'), 22);
    assert.equal(versionFromRelease('JAVA_RUNTIME_VERSION="21"\n'), undefined);
    assert.equal(versionFromJavaDashVersion('openjdk version "17.0.9" 2023-10-17\nOpenJDK Runtime Environment'), 17);
    assert.equal(versionFromJavaDashVersion('java version "1.8.0_401"'), 8);
  });
});

describe('findJdk', () => {
  const jdk17 = fakeJdk('jdk-17', '17.0.9');
  const jdk21 = fakeJdk('jdk-21', '21.0.2');
  const jdk22NoRelease = fakeJdk('jdk-22', '22.0.1', { release: false });
  const roots = path.join(tmp, 'jvm');
  fs.mkdirSync(roots);
  fs.symlinkSync(jdk21, path.join(roots, 'temurin-21'));
  fs.symlinkSync(jdk17, path.join(roots, 'openjdk-17'));
  fs.symlinkSync(jdk22NoRelease, path.join(roots, 'zulu-22'));
  fs.mkdirSync(path.join(roots, 'not-a-jdk'));

  test('the setting wins over JAVA_HOME and PATH', () => {
    const r = findJdk(env({ setting: jdk21, env: { JAVA_HOME: jdk22NoRelease, PATH: path.join(jdk22NoRelease, 'bin') } }));
    assert.equal(r.found?.home, jdk21);
    assert.equal(r.found?.source, 'setting');
    assert.equal(r.found?.version, 21);
  });

  test('a setting that is too old falls through to JAVA_HOME', () => {
    const r = findJdk(env({ setting: jdk17, env: { JAVA_HOME: jdk21, PATH: '' } }));
    assert.equal(r.found?.home, jdk21);
    assert.equal(r.found?.source, 'JAVA_HOME');
    assert.deepEqual(r.looked.map((p) => [p.source, p.version]), [['setting', 17], ['JAVA_HOME', 21]]);
  });

  test('the java on PATH is followed through its symlink to its JDK, and asked its version when there is no release file', () => {
    const bin = path.join(tmp, 'usr-bin');
    fs.mkdirSync(bin);
    fs.symlinkSync(path.join(jdk22NoRelease, 'bin', 'java'), path.join(bin, 'java'));
    const r = findJdk(env({ env: { PATH: `/nonexistent:${bin}` } }));
    assert.equal(r.found?.home, jdk22NoRelease);
    assert.equal(r.found?.source, 'PATH');
    assert.equal(r.found?.version, 22);
  });

  test('with no explicit choice the newest JDK in the install locations wins', () => {
    const r = findJdk(env({ env: { JAVA_HOME: jdk17, PATH: '' }, installRoots: [{ parent: roots }] }));
    assert.equal(r.found?.home, path.join(roots, 'zulu-22'));
    assert.equal(r.found?.source, 'install location');
    assert.deepEqual(
      r.looked.map((p) => `${path.basename(p.home)}:${p.version}`),
      ['jdk-17:17', 'openjdk-17:17', 'temurin-21:21', 'zulu-22:22'],
    );
  });

  test('finds nothing when every JDK is older than 21, and says what it saw and what to install', () => {
    const r = findJdk(env({ setting: '/no/such/jdk', env: { JAVA_HOME: jdk17, PATH: '' } }));
    assert.equal(r.found, undefined);
    assert.equal(
      noJdkMessage(r, 'linux'),
      `CiteAssist needs a Java 21 or newer to run its language server and found none; looked at /no/such/jdk (setting: no java found), ${jdk17} (JAVA_HOME: Java 17). ` +
        "Install a JDK 21+, e.g. 'sudo apt install openjdk-21-jdk' (or your distribution's JDK 21 package, or Temurin 21 from adoptium.net), " +
        'then reload the window, or set "citeassist.java.home" to the JDK\'s folder.',
    );
  });

  test('the message without any candidate names the places looked at', () => {
    const r = findJdk(env({}));
    assert.match(noJdkMessage(r, 'darwin'), /found none \(no JAVA_HOME, no java on PATH, nothing in the usual JDK folders\)\. Install a JDK 21\+, e\.g\. 'brew install openjdk@21'/);
  });
});

describe('installLocations', () => {
  test('on Linux starts with /usr/lib/jvm and includes SDKMAN under the home folder', () => {
    const roots = installLocations({ setting: undefined, env: {}, platform: 'linux', home: '/home/u' });
    assert.equal(roots[0].parent, '/usr/lib/jvm');
    assert.ok(roots.some((r) => r.parent === '/home/u/.sdkman/candidates/java'));
  });
  test('on macOS looks inside Contents/Home of JavaVirtualMachines', () => {
    const roots = installLocations({ setting: undefined, env: {}, platform: 'darwin', home: '/Users/u' });
    assert.ok(roots.some((r) => r.parent === '/Library/Java/JavaVirtualMachines' && r.inside === '/Contents/Home'));
  });
});
