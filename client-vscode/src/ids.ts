/**
 * Every command id and setting name the extension uses, defined once. The client's commands are
 * contributed in package.json under the same ids; the server's commands are called through
 * workspace/executeCommand and never registered as VS Code commands by hand.
 */

/** Commands the extension contributes (package.json "contributes.commands"). */
export const ClientCommands = {
  searchCatalogue: 'citeassist.searchCatalogue',
  addEntryForKeyUnderCursor: 'citeassist.addEntryForKeyUnderCursor',
  rebuildCatalogueIndex: 'citeassist.rebuildCatalogueIndex',
  showServerLog: 'citeassist.showServerLog',
} as const;

/** Commands the server offers through workspace/executeCommand. */
export const ServerCommands = {
  /** Arguments: the .tex URI, the key in the text, the catalogue key, line and UTF-16 column of the key. */
  addEntry: 'citeassist.addEntry',
  /** Optional (used when the server lists it): argument the query and a limit; answers the JSON of `search --json`. */
  search: 'citeassist.search',
  /** Optional (used when the server lists it): rebuilds the catalogue index. */
  rebuildCatalogue: 'citeassist.rebuildCatalogue',
} as const;

/** The configuration section; the server reads the same name. */
export const SECTION = 'citeassist';

/** Settings that only the client uses: changing one restarts the server. */
export const LAUNCH_SETTINGS = [
  'java.home',
  'java.options',
  'server.debugPort',
  'server.debugSuspend',
  'server.jar',
] as const;
