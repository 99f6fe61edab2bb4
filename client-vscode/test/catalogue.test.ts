import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseSearchOutput, pickItem, shortAuthors } from '../src/catalogue';

describe('parseSearchOutput', () => {
  test('reads the search --json array, authors as strings, objects or one "and" string', () => {
    const json = JSON.stringify([
      { key: 'ziyin2024remove', title: 'Remove Symmetries to Control Model Expressivity and Improve Optimization', authors: ['Liu Ziyin', 'Yizhou Xu', 'Isaac Chuang'], year: 2024, venue: 'ICLR' },
      { key: 'knuth1984', title: '{Literate} Programming', authors: 'Donald E. Knuth', year: '1984' },
      { key: 'obj2020', title: 'T', authors: [{ given: 'Ada', family: 'Lovelace' }, { name: 'Team X' }] },
      { title: 'no key' },
    ]);
    assert.deepEqual(parseSearchOutput(json), [
      { key: 'ziyin2024remove', title: 'Remove Symmetries to Control Model Expressivity and Improve Optimization', authors: ['Liu Ziyin', 'Yizhou Xu', 'Isaac Chuang'], year: '2024', venue: 'ICLR' },
      { key: 'knuth1984', title: 'Literate Programming', authors: ['Donald E. Knuth'], year: '1984', venue: '' },
      { key: 'obj2020', title: 'T', authors: ['Ada Lovelace', 'Team X'], year: '', venue: '' },
    ]);
  });
  test('rejects an answer that is not an array', () => {
    assert.throws(() => parseSearchOutput('{"error":"x"}'), /did not answer a JSON array/);
  });
});

describe('pickItem', () => {
  test('shows the title, and under it authors, year, key and venue', () => {
    assert.deepEqual(pickItem({ key: 'k', title: 'A Title', authors: ['A', 'B', 'C', 'D'], year: '2024', venue: 'ICLR' }), {
      label: 'A Title',
      description: '',
      detail: 'A, B, C et al. · 2024 · k · ICLR',
    });
    assert.equal(pickItem({ key: 'k', title: '', authors: [], year: '', venue: '' }).label, 'k');
    assert.equal(shortAuthors(['A', 'B']), 'A and B');
    assert.equal(shortAuthors(['A', 'B', 'C']), 'A, B and C');
  });
});
