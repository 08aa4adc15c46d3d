/** Decks, their cards' references and bodies, and their images: what imports write and every screen reads. */
import type { IDBPDatabase } from 'idb';
import type { CardBody, CardRef } from '../core/deck-content.ts';
import type { DeckRecord, RepasoSchema } from './db-schema.ts';
import { guarded } from './store-error.ts';

export class DeckRepository {
  constructor(private readonly db: IDBPDatabase<RepasoSchema>) {}

  list(): Promise<DeckRecord[]> {
    return guarded(() => this.db.getAll('decks'));
  }

  async any(): Promise<boolean> {
    return guarded(async () => (await this.db.getAllKeys('decks', undefined, 1)).length > 0);
  }

  get(id: string): Promise<DeckRecord | undefined> {
    return guarded(() => this.db.get('decks', id));
  }

  /** Card references of the given decks, in the order asked. */
  cardRefs(deckIds: string[]): Promise<{ deckId: string; refs: CardRef[] }[]> {
    return guarded(async () => {
      const tx = this.db.transaction('cardRefs');
      const found = await Promise.all(deckIds.map((id) => tx.store.get(id)));
      return found.filter((entry) => entry !== undefined);
    });
  }

  cardBodies(deckId: string): Promise<CardBody[]> {
    return guarded(async () => (await this.db.get('cardBodies', deckId))?.bodies ?? []);
  }

  /** An imported deck's images as blobs, by media path. */
  media(deckId: string): Promise<Map<string, Uint8Array>> {
    return guarded(async () => {
      const records = await this.db.getAllFromIndex('media', 'deck', deckId);
      return new Map(records.map((r) => [r.key.slice(deckId.length + 1), r.bytes]));
    });
  }
}
