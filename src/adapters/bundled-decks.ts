/**
 * Loads the decks the app ships (public/decks, written by `npm run cards`) into the store: only decks whose
 * hash changed, all in one transaction, with progress for large sets.
 */
import { mergeDeckVersion } from '../core/deck-content.ts';
import type { DeckFile, DeckIndex, DeckIndexEntry } from '../core/types.ts';
import type { DeckRecord } from './db-schema.ts';
import { newCardId } from './ids.ts';
import type { Store, StoredDeck } from './store.ts';

export interface SyncProgress {
  done: number;
  total: number;
}

export interface SyncResult {
  loaded: number;
  added: number;
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

export async function syncBundledDecks(
  store: Store,
  now: number,
  onProgress: (progress: SyncProgress) => void = () => {},
  fetcher: typeof fetch = fetch,
): Promise<SyncResult> {
  const index = await fetchDeckIndex(fetcher);
  const stored = new Map((await store.listDecks()).map((deck) => [deck.id, deck]));
  const changed = index.decks.filter((entry) => stored.get(entry.id)?.hash !== entry.hash);
  if (changed.length === 0) return { loaded: 0, added: 0 };

  let fetched = 0;
  onProgress({ done: 0, total: changed.length });
  const files = await inParallel(changed, FETCHES_AT_ONCE, async (entry) => {
    const response = await fetcher(`${DECKS_BASE}${entry.file}`);
    if (!response.ok) throw new Error(`deck "${entry.title}" could not be loaded (HTTP ${response.status})`);
    const file = (await response.json()) as DeckFile;
    onProgress({ done: ++fetched, total: changed.length });
    return { entry, file };
  });

  // Bundled deck files were sanitized by the build script and come from the app's own origin (see sanitize.ts).
  const writes: StoredDeck[] = [];
  let added = 0;
  for (const { entry, file } of files) {
    const previous = stored.has(entry.id) ? await store.storedDeck(entry.id) : null;
    const merged = mergeDeckVersion(previous, file.cards, newCardId);
    added += merged.added;
    const record: DeckRecord = {
      id: entry.id,
      title: file.title,
      path: file.path,
      source: file.source,
      ...(file.navOrder !== undefined ? { navOrder: file.navOrder } : {}),
      tags: file.tags ?? [],
      ...(file.lang ? { lang: file.lang } : {}),
      hash: entry.hash,
      origin: 'bundled',
      cardCount: merged.refs.length,
      tracked: previous?.record.tracked ?? 0,
      updatedAt: now,
    };
    writes.push({ record, refs: merged.refs, bodies: merged.bodies });
  }
  await store.putDecks(writes);
  return { loaded: writes.length, added };
}
