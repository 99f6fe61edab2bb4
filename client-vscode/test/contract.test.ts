import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CLIENT_SETTINGS, ClientCommands, SECTION, SERVER_SETTINGS, ServerCommands } from '../src/ids';
import { serverSettings } from '../src/launch';

/**
 * The ids and setting names of src/ids.ts against package.json, launch.ts's serverSettings and
 * README.md. The server's side (its executeCommandProvider, its SettingsParser, the repository
 * README) is tied to ids.ts and package.json by the server's ClientContractTest.
 */

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const properties: Record<string, { default?: unknown }> = pkg.contributes.configuration.properties;
const settings = Object.keys(properties).map((k) => {
  assert.ok(k.startsWith(`${SECTION}.`), `${k} is outside the ${SECTION} section`);
  return k.slice(SECTION.length + 1);
});
const sorted = (xs: Iterable<string>) => [...xs].sort();

describe('commands', () => {
  test('package.json contributes exactly the client commands of ids.ts, each once', () => {
    const contributed: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);
    assert.equal(new Set(contributed).size, contributed.length, `duplicates in ${contributed}`);
    assert.deepEqual(sorted(contributed), sorted(Object.values(ClientCommands)));
  });
  test('menus name only contributed commands', () => {
    for (const entries of Object.values(pkg.contributes.menus) as { command: string }[][]) {
      for (const e of entries) assert.ok((Object.values(ClientCommands) as string[]).includes(e.command), e.command);
    }
  });
  test('the server\'s commands are not contributed (the language client registers them)', () => {
    const client = new Set<string>(Object.values(ClientCommands));
    for (const id of Object.values(ServerCommands)) assert.ok(!client.has(id), id);
  });
});

describe('settings', () => {
  test('package.json has exactly the server\'s and the client\'s settings', () => {
    const server = new Set<string>(SERVER_SETTINGS);
    for (const c of CLIENT_SETTINGS) assert.ok(!server.has(c), `${c} is both a client and a server setting`);
    assert.equal(new Set(settings).size, settings.length);
    assert.deepEqual(sorted(settings), sorted([...SERVER_SETTINGS, ...CLIENT_SETTINGS]));
  });
  test('serverSettings sends every server setting and nothing else', () => {
    const values: Record<string, unknown> = {
      completionLimit: 7,
      citeCommands: ['mycite'],
      dialect: 'biblatex',
      targetBib: 'refs.bib',
      catalogueSources: ['/data/zotero.json'],
      keyPattern: '[auth][year]',
      cacheDir: '/tmp/cache',
      bibFolders: ['bib'],
      catalogueUrl: 'http://os:9200',
      catalogueUser: 'u',
      cataloguePassword: 'p',
      catalogueApiKey: 'k',
      catalogueCaCertificate: '/ca.pem',
      catalogueTimeoutMillis: 900,
      'java.home': '/jdk',
      'java.options': ['-Xmx1g'],
      'server.debugPort': 5005,
      'server.debugSuspend': true,
      'server.jar': '/x.jar',
      'trace.server': 'verbose',
      saveBibAfterEdit: false,
    };
    assert.deepEqual(sorted(Object.keys(values)), sorted(settings), 'this test sets every setting');
    const sent = serverSettings((n) => values[n], { workspaceFolder: '/ws', home: '/home/u' });
    assert.deepEqual(sorted(Object.keys(sent)), sorted(SERVER_SETTINGS));
  });
  test('package.json\'s defaults are what serverSettings sends when nothing is set', () => {
    const ctx = { workspaceFolder: '/ws', home: '/home/u' };
    const defaults = serverSettings((n) => properties[`${SECTION}.${n}`]?.default, ctx);
    assert.deepEqual(defaults, serverSettings(() => undefined, ctx));
  });
  test('the README\'s settings table has each setting once, with package.json\'s default', () => {
    const rows = [...readme.matchAll(/^\| `citeassist\.([\w.]+)` \| `([^`]*)` \|/gm)].map((m) => ({ name: m[1], shown: m[2] }));
    assert.deepEqual(sorted(rows.map((r) => r.name)), sorted(settings));
    for (const r of rows) {
      const d = properties[`${SECTION}.${r.name}`].default;
      const expected = typeof d === 'string' ? (d === '' ? '""' : d) : JSON.stringify(d);
      assert.equal(r.shown, expected, `default of citeassist.${r.name}`);
    }
  });
  test('the README lists the settings the server reads, for other editors', () => {
    const m = /It reads these settings from the `citeassist` section[^:]*:([^.]*)\./.exec(readme);
    assert.ok(m, 'the sentence listing the server settings');
    const listed = [...m[1].matchAll(/`(\w+)`/g)].map((x) => x[1]);
    assert.deepEqual(sorted(listed), sorted(SERVER_SETTINGS));
  });
});
