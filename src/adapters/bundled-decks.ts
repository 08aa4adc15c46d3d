/**
 * Loads the decks the app ships (public/decks, written by `npm run cards`) into the store: only decks whose
 * hash changed, all in one transaction, with progress for large sets.
 */
import type { DeckFile, DeckIndex } from '../core/types.ts';
import { newCardId } from './ids.ts';
import { StoreError, type Store } from './store.ts';

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

export const DECKS_BASE = `${import.meta.env.BASE_URL}decks/`;

export async function fetchDeckIndex(fetcher: typeof fetch = fetch): Promise<DeckIndex> {
  const response = await fetcher(`${DECKS_BASE}index.json`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`the deck list could not be loaded (HTTP ${response.status})`);
  const index = (await response.json()) as DeckIndex;
  if (index.version !== 1 || !Array.isArray(index.decks)) throw new Error('the deck list has an unknown format');
  return index;
}

export interface SyncResult {
  /** Decks the store did not have, loaded now. */
  loaded: number;
  /** Bundled decks that changed since they were loaded: the import preview offers them to the user. */
  pending: DeckFile[];
  /** Their index hashes, recorded when the update is applied. */
  hashes: Map<string, string>;
}

export async function syncBundledDecks(
  store: Store,
  now: number,
  onProgress: (progress: SyncProgress) => void = () => {},
  fetcher: typeof fetch = fetch,
): Promise<SyncResult> {
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
  const stored = new Map((await store.listDecks()).map((deck) => [deck.id, deck]));
  const changed = index.decks.filter((entry) => stored.get(entry.id)?.hash !== entry.hash);
  const hashes = new Map(index.decks.map((entry) => [entry.id, entry.hash]));
  if (changed.length === 0) return { loaded: 0, pending: [], hashes };

  let fetched = 0;
  onProgress({ done: 0, total: changed.length });
  const files = await inParallel(changed, FETCHES_AT_ONCE, async (entry) => {
    const response = await fetcher(`${DECKS_BASE}${entry.file}`);
    if (!response.ok) throw new Error(`deck "${entry.title}" could not be loaded (HTTP ${response.status})`);
    const file = (await response.json()) as DeckFile;
    onProgress({ done: ++fetched, total: changed.length });
    return { ...file, id: entry.id };
  });

  // Bundled deck files were sanitized by the build script and come from the app's own origin (see sanitize.ts).
  const fresh = files.filter((file) => !stored.has(file.id));
  if (fresh.length > 0) {
    // Only a first run (or a deck new in this release) needs the planner; returning visits never load it.
    const { planImport, planContents } = await import('../core/merge.ts');
    const plan = planImport([], fresh, newCardId);
    await store.applyImport(plan, planContents(plan, new Map()), new Map(), now, basis, hashes);
  }
  return { loaded: fresh.length, pending: files.filter((file) => stored.has(file.id)), hashes };
}
