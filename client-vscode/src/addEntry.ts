/**
 * What the server's citeassist.addEntry command answers, and which .bib the client saves after
 * it; no dependency on the vscode API.
 */

/** The answer: the key now in the text, the URI of the .bib, whether an entry was appended to it. */
export interface AddEntryAnswer {
  key: string;
  bib: string;
  appended: boolean;
}

/** The answer, or undefined when the server answered nothing usable (it failed, or is older). */
export function parseAddEntryAnswer(answer: unknown): AddEntryAnswer | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const a = answer as Record<string, unknown>;
  if (typeof a.key !== 'string' || typeof a.bib !== 'string' || typeof a.appended !== 'boolean') return undefined;
  return { key: a.key, bib: a.bib, appended: a.appended };
}

/**
 * The .bib to save after the command: the one an entry was appended to, when saving is on and it
 * had no unsaved changes before the command (the user saves those, not us). URIs are compared
 * after `normalise` (VS Code's spelling of a URI).
 */
export function bibToSave(
  answer: AddEntryAnswer | undefined,
  dirtyBefore: ReadonlySet<string>,
  saveAfterEdit: boolean,
  normalise: (uri: string) => string,
): string | undefined {
  if (!answer?.appended || !saveAfterEdit) return undefined;
  const uri = normalise(answer.bib);
  return dirtyBefore.has(uri) ? undefined : uri;
}
