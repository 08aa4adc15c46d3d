/**
 * Loads the decks the app ships (public/decks, written by `npm run cards`) into the store: only decks whose
 * hash changed, all in one transaction, with progress for large sets.
 */
import { DECK_INDEX_FILE, isDeckFile, isDeckIndex } from '../core/deck-files.ts';
import type { DeckFile, DeckIndex } from '../core/types.ts';
import { DECKS_BASE } from './decks-base.ts';
import { cardIdFor } from './ids.ts';
import { REMOVED_BUNDLED_SETTING } from './settings-repository.ts';
import { StoreError } from './store-error.ts';
import type { Store } from './store.ts';

export interface SyncProgress {
  done: number;
  total: number;
}

/** Browsers open about six connections per host; more at once only queues. */
const FETCHES_AT_ONCE = 6;

async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Why the bundled decks could not be loaded: `offline` (no answer), `unavailable` (the host answered with an
 * error), `invalid` (what came is not a deck list or deck: a host's HTML page for a missing file, say). `deck`
 * names the deck, when it is about one.
 */
export class BundledDeckError extends Error {
  constructor(
    readonly reason: 'offline' | 'unavailable' | 'invalid',
    readonly deck: string | null,
    detail: string,
  ) {
    super(detail);
    this.name = 'BundledDeckError';
  }
}

/** A file of the decks folder as JSON of the expected shape, or a BundledDeckError. Nothing else gets through. */
async function fetchChecked<T>(fetcher: typeof fetch, file: string, deck: string | null, check: (value: unknown) => value is T, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetcher(`${DECKS_BASE}${file}`, init);
  } catch (error) {
    throw new BundledDeckError('offline', deck, String(error));
  }
  if (!response.ok) throw new BundledDeckError('unavailable', deck, `HTTP ${response.status}`);
  if (/html/i.test(response.headers.get('content-type') ?? '')) throw new BundledDeckError('invalid', deck, 'an HTML page instead of JSON');
  let value: unknown;
  try {
    value = await response.json();
  } catch {
    throw new BundledDeckError('invalid', deck, 'not JSON');
  }
  if (!check(value)) throw new BundledDeckError('invalid', deck, 'not the expected shape');
  return value;
}

export function fetchDeckIndex(fetcher: typeof fetch = fetch): Promise<DeckIndex> {
  return fetchChecked(fetcher, DECK_INDEX_FILE, null, isDeckIndex, { cache: 'no-cache' });
}

export interface SyncResult {
  /** Decks the store did not have, loaded now. */
  loaded: number;
  /** Bundled decks that changed since they were loaded: the import preview offers them to the user. */
  pending: DeckFile[];
  /** Their index hashes, recorded when the update is applied. */
  hashes: Map<string, string>;
}

export async function syncBundledDecks(store: Store, now: number, onProgress: (progress: SyncProgress) => void = () => {}, fetcher: typeof fetch = fetch): Promise<SyncResult> {
  // Another window may load the same decks at the same moment (two tabs opened at once on a first visit): its
  // write makes ours refuse, and the second pass finds those decks stored.
  for (let attempt = 1; ; attempt++) {
    try {
      return await syncOnce(store, now, onProgress, fetcher);
    } catch (error) {
      if (!(error instanceof StoreError && error.kind === 'stale') || attempt === 3) throw error;
    }
  }
}

async function syncOnce(store: Store, now: number, onProgress: (progress: SyncProgress) => void, fetcher: typeof fetch): Promise<SyncResult> {
  const index = await fetchDeckIndex(fetcher);
  const basis = await store.writeBasis();
  const [decks, removed] = await Promise.all([store.decks.list(), store.settings.get(REMOVED_BUNDLED_SETTING)]);
  const stored = new Map(decks.map((deck) => [deck.id, deck]));
  // A deck the user removed stays removed, through every later release.
  const gone = new Set(Array.isArray(removed) ? removed : []);
  const changed = index.decks.filter((entry) => !gone.has(entry.id) && stored.get(entry.id)?.hash !== entry.hash);
  const hashes = new Map(index.decks.map((entry) => [entry.id, entry.hash]));
  if (changed.length === 0) return { loaded: 0, pending: [], hashes };

  let fetched = 0;
  onProgress({ done: 0, total: changed.length });
  const files = await inParallel(changed, FETCHES_AT_ONCE, async (entry) => {
    const file = await fetchChecked(fetcher, entry.file, entry.title, isDeckFile);
    onProgress({ done: ++fetched, total: changed.length });
    return { ...file, id: entry.id };
  });

  // Bundled deck files were sanitized by the build script and come from the app's own origin (see sanitize.ts).
  const fresh = files.filter((file) => !stored.has(file.id));
  if (fresh.length > 0) {
    // Only a first run (or a deck new in this release) needs the planner; returning visits never load it.
    const [{ planImport, planContents }, { applyImport }] = await Promise.all([import('../core/merge.ts'), import('./store-import.ts')]);
    const plan = planImport([], fresh, cardIdFor);
    await applyImport(store, plan, planContents(plan, new Map(), now), new Map(), now, basis, hashes);
  }
  return { loaded: fresh.length, pending: files.filter((file) => stored.has(file.id)), hashes };
}
