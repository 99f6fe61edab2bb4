import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { citationInsertion, citeGroupAt, citeKeyAt, keysIn } from '../src/latexText';

/** Text with a `|` marking the cursor → [text, offset]. */
function at(marked: string): [string, number] {
  const i = marked.indexOf('|');
  return [marked.slice(0, i) + marked.slice(i + 1), i];
}

function apply(text: string, ins: { at: number; text: string }): string {
  return text.slice(0, ins.at) + ins.text + text.slice(ins.at);
}

describe('citeGroupAt', () => {
  test('finds an unclosed group being typed', () => {
    const [t, o] = at('See \\citep{symm|\nmore');
    assert.deepEqual(citeGroupAt(t, o), { command: 'citep', keysStart: 11, keysEnd: 15 });
  });
  test('skips optional arguments and a star', () => {
    const [t, o] = at('\\textcite*[see][p.~3]{a, b|, c} x');
    const g = citeGroupAt(t, o)!;
    assert.equal(g.command, 'textcite');
    assert.deepEqual(keysIn(t, g), ['a', 'b', 'c']);
  });
  test('ignores braces of other commands, and the text after a closed cite', () => {
    assert.equal(citeGroupAt(...at('\\ref{fig|}')), undefined);
    assert.equal(citeGroupAt(...at('\\cite{a} and |')), undefined);
    assert.equal(citeGroupAt(...at('\\cite{a}|')), undefined);
  });
  test('knows the extra commands from the settings', () => {
    assert.equal(citeGroupAt(...at('\\mybib{x|}')), undefined);
    assert.equal(citeGroupAt(...at('\\mybib{x|}'), ['\\mybib'])?.command, 'mybib');
  });
});

describe('citeKeyAt', () => {
  test('gives the key the cursor is in or just after', () => {
    assert.deepEqual(citeKeyAt(...at('\\cite{knuth1984, ziyin20|24remove}')), { key: 'ziyin2024remove', start: 17, end: 32 });
    assert.deepEqual(citeKeyAt(...at('\\cite{knuth1984|}')), { key: 'knuth1984', start: 6, end: 15 });
  });
  test('gives nothing between keys or outside a cite', () => {
    assert.equal(citeKeyAt(...at('\\cite{a,| b}')), undefined);
    assert.equal(citeKeyAt(...at('knuth1984| is cited')), undefined);
  });
});

describe('citationInsertion', () => {
  test('outside a citation inserts a new \\cite{key}', () => {
    const [t, o] = at('As shown |, symmetry');
    const ins = citationInsertion(t, o, 'ziyin2024remove');
    assert.equal(apply(t, ins), 'As shown \\cite{ziyin2024remove}, symmetry');
    assert.equal(t.length + ins.text.length > ins.keyStart && apply(t, ins).slice(ins.keyStart, ins.keyStart + 15), 'ziyin2024remove');
  });
  test('in empty braces inserts the bare key', () => {
    const [t, o] = at('\\citep{|}');
    const ins = citationInsertion(t, o, 'k2020');
    assert.equal(apply(t, ins), '\\citep{k2020}');
    assert.equal(ins.keyStart, 7);
  });
  test('on an existing key appends after it with a comma', () => {
    const [t, o] = at('\\cite{knu|th1984}');
    const ins = citationInsertion(t, o, 'k2020');
    assert.equal(apply(t, ins), '\\cite{knuth1984,k2020}');
    assert.equal(apply(t, ins).slice(ins.keyStart, ins.keyStart + 5), 'k2020');
  });
  test('between keys adds the commas it needs', () => {
    const [t1, o1] = at('\\cite{a, |b}');
    assert.equal(apply(t1, citationInsertion(t1, o1, 'k')), '\\cite{a, k,b}');
    const [t2, o2] = at('\\cite{a |}');
    assert.equal(apply(t2, citationInsertion(t2, o2, 'k')), '\\cite{a ,k}');
  });
  test('a key already in the group is not inserted twice', () => {
    const [t, o] = at('\\cite{a, k|}');
    const [t2, o2] = at('\\cite{k, a|}');
    assert.deepEqual(citationInsertion(t2, o2, 'k'), { at: o2, text: '', keyStart: 6 });
    assert.equal(citationInsertion(t, o, 'k').text, '');
  });
});
