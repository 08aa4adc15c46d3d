/** An import (import-session.ts) in a module worker: the page only sends the files and sanitizes HTML strings. */
import type { DeckFile } from '../core/types.ts';
import type { ApplyOutcome, ImportBackend, PreviewView } from './import-session.ts';
import type { PickedBlob } from './picked-files.ts';
import { workerCalls } from './worker-calls.ts';

export type ImportRequest =
  | { call: 'read'; database: string; files: PickedBlob[] }
  | { call: 'bundled'; database: string; files: DeckFile[]; hashes: Map<string, string> }
  | { call: 'html'; start: number; count: number }
  | { call: 'sanitized'; start: number; clean: string[] }
  | { call: 'apply'; now: number };

/** One worker per import screen, stopped when the screen closes: its memory goes back at once. */
export function workerImports(database: string): ImportBackend {
  const worker = workerCalls<ImportRequest>(new Worker(new URL('../workers/import.worker.ts', import.meta.url), { type: 'module' }));
  return {
    read: (files, onProgress) => worker.call<PreviewView>({ call: 'read', database, files }, onProgress),
    bundled: (files, hashes) => worker.call<PreviewView>({ call: 'bundled', database, files, hashes }),
    html: (start, count) => worker.call<string[]>({ call: 'html', start, count }),
    sanitized: (start, clean) => worker.call<void>({ call: 'sanitized', start, clean }),
    apply: (now) => worker.call<ApplyOutcome>({ call: 'apply', now }),
    dispose: () => worker.terminate(),
  };
}
