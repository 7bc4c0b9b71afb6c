// Owns SourceDocument: one version of one file's text, the unit the analysis works on.
export interface SourceDocument {
  readonly uri: string;
  /** File-system path when the document is a file on disk, for go.mod lookup and glob settings. */
  readonly path: string | undefined;
  readonly text: string;
  readonly version: number;
  /** The editor's language id, or the one detected from the path. */
  readonly languageId: string;
}
