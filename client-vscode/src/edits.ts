/** What a protocol (LSP) workspace edit touches; no dependency on the vscode API. */

interface ProtocolWorkspaceEdit {
  changes?: Record<string, unknown>;
  documentChanges?: ReadonlyArray<{ textDocument?: { uri?: string }; kind?: string; uri?: string }>;
}

/** URIs of the .bib files an edit changes or creates, each once, in order of appearance. */
export function bibUris(edit: ProtocolWorkspaceEdit | undefined): string[] {
  const out = new Set<string>();
  for (const u of Object.keys(edit?.changes ?? {})) out.add(u);
  for (const c of edit?.documentChanges ?? []) {
    if (c?.textDocument?.uri) out.add(c.textDocument.uri);
    else if (c?.kind === 'create' && c.uri) out.add(c.uri);
  }
  return [...out].filter((u) => /\.bib$/i.test(u));
}
