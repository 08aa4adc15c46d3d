/** What the user picked, read lazily; kept apart from note-files.ts so the zip reader loads only when needed. */
export interface SelectedFile {
  name: string;
  /** A folder pick's relative path (webkitRelativePath), or the name. */
  path: string;
  bytes(): Promise<Uint8Array>;
}

export function fromBrowserFiles(files: Iterable<File>): SelectedFile[] {
  return [...files].map((file) => ({
    name: file.name,
    path: file.webkitRelativePath || file.name,
    bytes: async () => new Uint8Array(await file.arrayBuffer()),
  }));
}
