import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bibUris } from '../src/edits';

test('bibUris lists the .bib files an edit changes or creates, not the .tex', () => {
  assert.deepEqual(
    bibUris({
      documentChanges: [
        { textDocument: { uri: 'file:///p/main.tex' } },
        { kind: 'create', uri: 'file:///p/new.bib' },
        { textDocument: { uri: 'file:///p/new.bib' } },
        { textDocument: { uri: 'file:///p/refs.BIB' } },
      ],
    }),
    ['file:///p/new.bib', 'file:///p/refs.BIB'],
  );
  assert.deepEqual(bibUris({ changes: { 'file:///p/refs.bib': [], 'file:///p/a.tex': [] } }), ['file:///p/refs.bib']);
  assert.deepEqual(bibUris(undefined), []);
});
