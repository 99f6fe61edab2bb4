/**
 * Catalogue papers as the server's `search --json` prints them, and how the Search catalogue
 * QuickPick shows them. No dependency on the vscode API.
 */

export interface CataloguePaper {
  key: string;
  title: string;
  authors: string[];
  year: string;
  venue: string;
}

/** Reads the JSON array `search --json` prints; entries without a key are dropped. */
export function parseSearchOutput(json: string | unknown): CataloguePaper[] {
  const data = typeof json === 'string' ? JSON.parse(json) : json;
  if (!Array.isArray(data)) {
    throw new Error('the search did not answer a JSON array');
  }
  const out: CataloguePaper[] = [];
  for (const r of data) {
    if (!r || typeof r !== 'object' || typeof r.key !== 'string' || !r.key) {
      continue;
    }
    out.push({
      key: r.key,
      title: text(r.title),
      authors: authors(r.authors),
      year: r.year === undefined || r.year === null ? '' : String(r.year),
      venue: text(r.venue),
    });
  }
  return out;
}

/** "Liu Ziyin", "Ziyin, Liu", {given, family} or {name}; TeX braces dropped. */
function authors(a: unknown): string[] {
  const list = Array.isArray(a) ? a : typeof a === 'string' ? a.split(/\s+and\s+/) : [];
  return list
    .map((x) => {
      if (typeof x === 'string') return x;
      if (x && typeof x === 'object') {
        const o = x as Record<string, unknown>;
        if (typeof o.name === 'string') return o.name;
        return [o.given, o.family].filter((p) => typeof p === 'string' && p).join(' ');
      }
      return '';
    })
    .map((s) => s.replace(/[{}]/g, '').trim())
    .filter((s) => s.length > 0);
}

function text(v: unknown): string {
  return typeof v === 'string' ? v.replace(/[{}]/g, '').replace(/\s+/g, ' ').trim() : '';
}

/** "A", "A and B", "A, B and C", "A, B, C et al." (more than three). */
export function shortAuthors(authors: readonly string[]): string {
  if (authors.length === 0) return '';
  if (authors.length === 1) return authors[0];
  if (authors.length === 2) return `${authors[0]} and ${authors[1]}`;
  if (authors.length === 3) return `${authors[0]}, ${authors[1]} and ${authors[2]}`;
  return `${authors.slice(0, 3).join(', ')} et al.`;
}

/**
 * What one QuickPick row shows: the title, and under it authors · year · key · venue (on their
 * own line, because a long title would cut off a description beside it).
 */
export function pickItem(p: CataloguePaper): { label: string; description: string; detail: string } {
  return {
    label: p.title || p.key,
    description: '',
    detail: [shortAuthors(p.authors), p.year, p.key, p.venue].filter((s) => s).join(' · '),
  };
}
