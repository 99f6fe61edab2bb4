import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cacheDir, debugOption, searchArgs, serverArgs, serverSettings } from '../src/launch';

describe('serverArgs', () => {
  test('puts the default and user JVM options before -jar JAR serve', () => {
    assert.deepEqual(serverArgs({ java: '/j/bin/java', jar: '/ext/server/citeassist.jar', jvmOptions: ['-Xmx1g', '  ', ' -Dx=y '], debugPort: 0, debugSuspend: false }), [
      '-XX:+UseSerialGC',
      '-Xmx1g',
      '-Dx=y',
      '-jar',
      '/ext/server/citeassist.jar',
      'serve',
    ]);
  });
  test('a debug port adds the JDWP agent on 127.0.0.1, suspended only when asked', () => {
    const args = serverArgs({ java: 'java', jar: 'c.jar', jvmOptions: [], debugPort: 5005, debugSuspend: true });
    assert.deepEqual(args, ['-XX:+UseSerialGC', '-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=127.0.0.1:5005', '-jar', 'c.jar', 'serve']);
    assert.equal(debugOption(8000, false), '-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:8000');
  });
  test('the search command line asks for JSON with a limit', () => {
    assert.deepEqual(searchArgs({ jar: 'c.jar', jvmOptions: ['-Xmx512m'] }, 'remove symmetries', 30), [
      '-XX:+UseSerialGC', '-Xmx512m', '-jar', 'c.jar', 'search', 'remove symmetries', '--limit', '30', '--json',
    ]);
  });
});

describe('serverSettings', () => {
  const ctx = { workspaceFolder: '/ws/paper', home: '/home/u' };
  test('sends the defaults when nothing is set', () => {
    assert.deepEqual(serverSettings(() => undefined, ctx), {
      completionLimit: 50,
      citeCommands: [],
      dialect: 'auto',
      targetBib: '',
      catalogueSources: [],
      keyPattern: '',
    });
  });
  test('normalises what the user wrote: limit clamped, backslashes dropped, paths resolved', () => {
    const values: Record<string, unknown> = {
      completionLimit: 5000,
      citeCommands: ['\\mycite', 'othercite', ''],
      dialect: 'BibLaTeX',
      targetBib: ' refs/main.bib ',
      catalogueSources: ['~/papers/zotero.json', 'lib/extra.bib', '/data/arxiv.jsonl'],
      keyPattern: '[auth][year]',
      cacheDir: '~/.cache/ca',
      'java.home': '/jdk',
    };
    assert.deepEqual(serverSettings((n) => values[n], ctx), {
      completionLimit: 1000,
      citeCommands: ['mycite', 'othercite'],
      dialect: 'biblatex',
      targetBib: 'refs/main.bib',
      catalogueSources: ['/home/u/papers/zotero.json', '/ws/paper/lib/extra.bib', '/data/arxiv.jsonl'],
      keyPattern: '[auth][year]',
      cacheDir: '/home/u/.cache/ca',
    });
  });
});

describe('cacheDir', () => {
  test('the setting, then CITEASSIST_CACHE, then XDG_CACHE_HOME, then ~/.cache', () => {
    assert.equal(cacheDir({ cacheDir: '/c' }, { CITEASSIST_CACHE: '/e' }, '/home/u'), '/c');
    assert.equal(cacheDir({}, { CITEASSIST_CACHE: '/e', XDG_CACHE_HOME: '/x' }, '/home/u'), '/e');
    assert.equal(cacheDir({}, { XDG_CACHE_HOME: '/x' }, '/home/u'), '/x/citeassist');
    assert.equal(cacheDir({}, {}, '/home/u'), '/home/u/.cache/citeassist');
  });
});
