/**
 * Where the cursor is relative to LaTeX citation commands, on plain text and offsets (UTF-16, as
 * in VS Code and LSP): no dependency on the vscode API. A citation command is one whose name
 * contains "cite" (\cite, \citep, \textcite, \autocite, \nocite, …), \bibentry, or one of the
 * extra names from the settings; it may have a star and up to two [optional] arguments.
 */

/** The brace group of a citation command. */
export interface CiteGroup {
  command: string;
  /** Offset just after the `{`. */
  keysStart: number;
  /** Offset of the closing `}`, or of the end of what was typed when it is not closed yet. */
  keysEnd: number;
}

export interface KeyAt {
  key: string;
  start: number;
  end: number;
}

/** Text insertion that puts a key into the document. */
export interface Insertion {
  /** Offset to insert at. */
  at: number;
  /** Text to insert (empty when the key is already cited there). */
  text: string;
  /** Offset of the key in the document after the insertion. */
  keyStart: number;
}

const MAX_BACK = 2000;
const KEY_CHAR = /[^,{}\s\\%]/;

export function isCiteCommand(name: string, extra: readonly string[] = []): boolean {
  return /cite/i.test(name) || name === 'bibentry' || extra.some((e) => e.replace(/^\\/, '') === name);
}

/** The citation brace group the offset is inside (between `{` and `}`), if any. */
export function citeGroupAt(text: string, offset: number, extra: readonly string[] = []): CiteGroup | undefined {
  // Back to the opening brace, not crossing a closing brace or a paragraph break.
  let i = offset - 1;
  const stop = Math.max(0, offset - MAX_BACK);
  for (; i >= stop; i--) {
    const c = text[i];
    if (c === '{') {
      break;
    }
    if (c === '}' || c === '\\' || (c === '\n' && text[i - 1] === '\n')) {
      return undefined;
    }
  }
  if (i < stop || text[i] !== '{') {
    return undefined;
  }
  const open = i;
  // Before the brace: optional arguments, star, then \name.
  let j = open - 1;
  for (let optional = 0; optional < 3; optional++) {
    while (j >= 0 && /\s/.test(text[j])) j--;
    if (text[j] !== ']') {
      break;
    }
    const o = text.lastIndexOf('[', j);
    if (o < 0 || open - o > MAX_BACK) {
      return undefined;
    }
    j = o - 1;
  }
  while (j >= 0 && /\s/.test(text[j])) j--;
  if (text[j] === '*') j--;
  let k = j;
  while (k >= 0 && /[A-Za-z@]/.test(text[k])) k--;
  if (k < 0 || text[k] !== '\\' || k === j) {
    return undefined;
  }
  const command = text.slice(k + 1, j + 1);
  if (!isCiteCommand(command, extra)) {
    return undefined;
  }
  // Forward to the closing brace, or to where the typed keys end.
  let end = offset;
  while (end < text.length && text[end] !== '}' && text[end] !== '{' && text[end] !== '\\' && !(text[end] === '\n' && text[end + 1] === '\n')) {
    end++;
  }
  if (text[end] !== '}') {
    // Unclosed: the keys end at the end of the line.
    end = offset;
    while (end < text.length && text[end] !== '\n' && text[end] !== '}' && text[end] !== '{' && text[end] !== '\\') end++;
  }
  return { command, keysStart: open + 1, keysEnd: end };
}

/** The cite key the offset is on or just after, inside a citation command. */
export function citeKeyAt(text: string, offset: number, extra: readonly string[] = []): KeyAt | undefined {
  const g = citeGroupAt(text, offset, extra);
  if (!g) {
    return undefined;
  }
  let s = offset;
  while (s > g.keysStart && KEY_CHAR.test(text[s - 1])) s--;
  let e = offset;
  while (e < g.keysEnd && KEY_CHAR.test(text[e])) e++;
  return e > s ? { key: text.slice(s, e), start: s, end: e } : undefined;
}

/** The keys already cited in a group, in order. */
export function keysIn(text: string, g: CiteGroup): string[] {
  return text
    .slice(g.keysStart, g.keysEnd)
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k.length > 0);
}

/**
 * How to cite `key` at `offset`: inside a citation's braces the key joins the list (after the key
 * the cursor is on, with a comma; nothing when it is already cited there); elsewhere a new
 * `\cite{key}` is inserted. A cursor just before a key inserts in front of it.
 */
export function citationInsertion(text: string, offset: number, key: string, extra: readonly string[] = [], command = 'cite'): Insertion {
  const g = citeGroupAt(text, offset, extra);
  if (!g) {
    const prefix = `\\${command}{`;
    return { at: offset, text: `${prefix}${key}}`, keyStart: offset + prefix.length };
  }
  // Already there: point at it.
  const re = /[^,\s]+/g;
  const inner = text.slice(g.keysStart, g.keysEnd);
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    if (m[0] === key) {
      return { at: offset, text: '', keyStart: g.keysStart + m.index };
    }
  }
  const on = citeKeyAt(text, offset, extra);
  if (on && on.start < offset) {
    return { at: on.end, text: `,${key}`, keyStart: on.end + 1 };
  }
  // Between separators: add a comma where the next non-space character starts another key.
  let n = offset;
  while (n < g.keysEnd && /\s/.test(text[n])) n++;
  const needsComma = n < g.keysEnd && text[n] !== ',';
  let p = offset - 1;
  while (p >= g.keysStart && /\s/.test(text[p])) p--;
  const needsLeadingComma = p >= g.keysStart && text[p] !== ',';
  const before = needsLeadingComma ? ',' : '';
  return { at: offset, text: `${before}${key}${needsComma ? ',' : ''}`, keyStart: offset + before.length };
}
