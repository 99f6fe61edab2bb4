/**
 * Every command id and setting name the extension uses, defined once. The client's commands are
 * contributed in package.json under the same ids; the server's commands are the ones the language
 * client registers from the server's executeCommandProvider, called through
 * vscode.commands.executeCommand so that the middleware sees each call. test/contract.test.ts ties
 * these lists to package.json and the README; the server's ClientContractTest ties them to the
 * server.
 */

/** Commands the extension contributes (package.json "contributes.commands"). */
export const ClientCommands = {
  searchCatalogue: 'citeassist.searchCatalogue',
  addEntryForKeyUnderCursor: 'citeassist.addEntryForKeyUnderCursor',
  rebuildCatalogueIndex: 'citeassist.rebuildCatalogueIndex',
  showServerLog: 'citeassist.showServerLog',
} as const;

/** Commands the server offers through workspace/executeCommand (its executeCommandProvider). */
export const ServerCommands = {
  /**
   * Arguments: the .tex URI, the key in the text, the catalogue key, line and UTF-16 column of the
   * key. Answers {key, bib, appended} (see addEntry.ts), or null when nothing could be done.
   */
  addEntry: 'citeassist.addEntry',
  /** Arguments: the query and a limit; answers the JSON array of `search --json`. */
  search: 'citeassist.search',
  /** Reopens the catalogue, rebuilding its index where a source changed. */
  rebuildCatalogue: 'citeassist.rebuildCatalogue',
} as const;

/** The configuration section; the server reads the same name. */
export const SECTION = 'citeassist';

/** Settings the server reads (the wire names of its SettingsParser); serverSettings() sends each. */
export const SERVER_SETTINGS = [
  'completionLimit',
  'citeCommands',
  'dialect',
  'targetBib',
  'catalogueSources',
  'keyPattern',
  'cacheDir',
  'bibFolders',
  'catalogueUrl',
  'catalogueUser',
  'cataloguePassword',
  'catalogueApiKey',
  'catalogueCaCertificate',
  'catalogueTimeoutMillis',
] as const;

/** Settings that only the client uses to start the server: changing one restarts it. */
export const LAUNCH_SETTINGS = [
  'java.home',
  'java.options',
  'server.debugPort',
  'server.debugSuspend',
  'server.jar',
] as const;

/** Every setting that only the client reads (never sent to the server). */
export const CLIENT_SETTINGS = [...LAUNCH_SETTINGS, 'trace.server', 'saveBibAfterEdit'] as const;
