/**
 * Importing notes in this thread, start to finish: what the unit tests use, having no workers. The app does the
 * same through an ImportSession in the import worker (import-session.ts).
 */
import { htmlToSanitize, planNotes, useSanitized, type ImportPreview } from './import-plan.ts';
import { sanitizeInSlices } from './page-sanitizer.ts';
import type { SelectedFile } from './picked-files.ts';
import { readNotes, type Progress } from './read-notes.ts';
import type { Store } from './store.ts';

export { applyImport, prepareBundledUpdate, type ImportPreview } from './import-plan.ts';

export async function prepareImport(store: Store, files: SelectedFile[], onProgress?: Progress): Promise<ImportPreview> {
  const preview = await planNotes(store, await readNotes(files, onProgress));
  useSanitized(preview, await sanitizeInSlices(htmlToSanitize(preview)));
  return preview;
}
