import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bibToSave, parseAddEntryAnswer } from '../src/addEntry';

describe('parseAddEntryAnswer', () => {
  test('reads the key, the .bib URI and whether an entry was appended', () => {
    assert.deepEqual(parseAddEntryAnswer({ key: 'xu2025a', bib: 'file:///p/refs.bib', appended: true, extra: 1 }), {
      key: 'xu2025a',
      bib: 'file:///p/refs.bib',
      appended: true,
    });
  });
  test('anything else (a failed command answers null) is no answer', () => {
    assert.equal(parseAddEntryAnswer(null), undefined);
    assert.equal(parseAddEntryAnswer('done'), undefined);
    assert.equal(parseAddEntryAnswer({ key: 'k', bib: 'file:///p/refs.bib' }), undefined);
    assert.equal(parseAddEntryAnswer({ key: 'k', bib: 3, appended: true }), undefined);
  });
});

describe('bibToSave', () => {
  const same = (u: string) => u.replace('%3A', ':');
  const added = { key: 'k', bib: 'file:///c%3A/p/refs.bib', appended: true };
  test('the .bib an entry went to, as the editor spells its URI', () => {
    assert.equal(bibToSave(added, new Set(), true, same), 'file:///c:/p/refs.bib');
  });
  test('not when it had unsaved changes before, saving is off, or nothing was appended', () => {
    assert.equal(bibToSave(added, new Set(['file:///c:/p/refs.bib']), true, same), undefined);
    assert.equal(bibToSave(added, new Set(), false, same), undefined);
    assert.equal(bibToSave({ ...added, appended: false }, new Set(), true, same), undefined);
    assert.equal(bibToSave(undefined, new Set(), true, same), undefined);
  });
});
