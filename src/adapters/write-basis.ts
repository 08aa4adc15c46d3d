/**
 * What a write was planned on, checked inside the write's own transaction: a write planned on data another window
 * changed since (a review, an import, a restore) is refused rather than applied to what it never saw.
 */
import { deckRevision } from '../core/records.ts';
import { GENERATION_KEY, type DeckRecord } from './db-schema.ts';
import { StoreError } from './store-error.ts';

/**
 * The database's generation and each deck's revision when they were read. Writes that depend on what they read
 * take it and check it inside their own transaction (see checkBasis).
 */
export interface WriteBasis {
  generation: string;
  revisions: ReadonlyMap<string, number>;
}

interface BasisStores {
  meta: { get(key: string): Promise<{ value: string } | undefined> };
  decks: { get(id: string): Promise<DeckRecord | undefined>; getAll(): Promise<DeckRecord[]> };
}

/** The generation and every deck's revision, read together: read it before what a write will be planned on. */
export async function readBasis(stores: BasisStores): Promise<WriteBasis> {
  const [generation, decks] = await Promise.all([stores.meta.get(GENERATION_KEY), stores.decks.getAll()]);
  return { generation: generation?.value ?? '', revisions: new Map(decks.map((d) => [d.id, deckRevision(d)!])) };
}

/** Throws `replaced` when a restore replaced the data since `basis` was read, `stale` when one of `deckIds` changed. */
export async function checkBasis(stores: BasisStores, basis: WriteBasis, deckIds: readonly string[]): Promise<(DeckRecord | undefined)[]> {
  const [generation, decks] = await Promise.all([stores.meta.get(GENERATION_KEY), Promise.all(deckIds.map((id) => stores.decks.get(id)))]);
  if ((generation?.value ?? '') !== basis.generation) throw new StoreError('replaced', new Error('the data was restored from a backup in another window'));
  deckIds.forEach((id, i) => {
    if (deckRevision(decks[i]) !== (basis.revisions.get(id) ?? null)) throw new StoreError('stale', new Error(`deck ${id} changed in another window`));
  });
  // As read inside the caller's transaction: what it writes of them next needs no second read.
  return decks;
}

/** A card's record is no longer what the write was computed from. */
export const staleCard = (cardId: string) => new StoreError('stale', new Error(`card ${cardId} changed in another window`));
