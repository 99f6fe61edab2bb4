import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { debugOption, serverArgs, serverSettings } from '../src/launch';

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
      bibFolders: [],
      catalogueUrl: '',
      catalogueUser: '',
      cataloguePassword: '',
      catalogueApiKey: '',
      catalogueCaCertificate: '',
      catalogueTimeoutMillis: 2000,
    });
  });
  test('normalises what the user wrote: limit clamped, backslashes dropped, paths resolved (bib folders only ~, the server resolves them against the root)', () => {
    const values: Record<string, unknown> = {
      completionLimit: 5000,
      citeCommands: ['\\mycite', 'othercite', ''],
      dialect: 'BibLaTeX',
      targetBib: ' refs/main.bib ',
      catalogueSources: ['~/papers/zotero.json', 'lib/extra.bib', '/data/arxiv.jsonl'],
      keyPattern: '[auth][year]',
      cacheDir: '~/.cache/ca',
      bibFolders: ['~/texmf/bib', 'bib', ''],
      catalogueUrl: ' http://os1:9200/lab,http://os2:9200 ',
      catalogueCaCertificate: '~/lab-ca.pem',
      catalogueTimeoutMillis: 10,
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
      bibFolders: ['/home/u/texmf/bib', 'bib'],
      catalogueUrl: 'http://os1:9200/lab,http://os2:9200',
      catalogueUser: '',
      cataloguePassword: '',
      catalogueApiKey: '',
      catalogueCaCertificate: '/home/u/lab-ca.pem',
      catalogueTimeoutMillis: 50,
    });
  });
});
