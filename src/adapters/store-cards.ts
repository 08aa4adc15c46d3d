/**
 * What the card browser reads and writes: the whole collection in one read, and actions on many cards in one
 * transaction. Loaded only with the browser.
 */
import type { CardEdit } from '../core/card-actions.ts';
import type { CollectionCard } from '../core/card-search.ts';
import { deckRevision, sameRecord } from '../core/records.ts';
import type { LogRef } from '../core/log-pages.ts';
import { GENERATION_KEY, type DeckRecord, type ReviewLogEntry } from './db-schema.ts';
import { findEvents, removeEvents } from './log-history.ts';
import { appendEvents, type LogTx } from './log-store.ts';
import { checkBasis, staleCard, type WriteBasis } from './write-basis.ts';
import { atomically, guarded, reportedByTransaction } from './store-error.ts';
import type { Store } from './store.ts';

export interface Collection {
  decks: DeckRecord[];
  cards: CollectionCard[];
  /** What the browser's writes are planned on (see Store.writeBasis), read in the same transaction. */
  basis: WriteBasis;
}

/** Every card of every deck with its body and state, in deck order then note order. */
export function readCollection(store: Store): Promise<Collection> {
  return guarded(async () => {
    const tx = store.db.transaction(['decks', 'cardRefs', 'cardBodies', 'states', 'meta']);
    const [decks, refLists, bodyLists, states, generation] = await Promise.all([
      tx.objectStore('decks').getAll(),
      tx.objectStore('cardRefs').getAll(),
      tx.objectStore('cardBodies').getAll(),
      tx.objectStore('states').getAll(),
      tx.objectStore('meta').get(GENERATION_KEY),
    ]);
    const stateOf = new Map(states.map((s) => [s.cardId, s]));
    const bodiesOf = new Map(bodyLists.map((b) => [b.deckId, new Map(b.bodies.map((body) => [body.id, body]))]));
    const cards: CollectionCard[] = [];
    for (const { deckId, refs } of refLists) {
      const bodies = bodiesOf.get(deckId);
      for (const ref of refs) {
        const body = bodies?.get(ref.id);
        if (body) cards.push({ ref, deckId, body, state: stateOf.get(ref.id) });
      }
    }
    return { decks, cards, basis: { generation: generation?.value ?? '', revisions: new Map(decks.map((d) => [d.id, deckRevision(d)!])) } };
  });
}

/**
 * Applies card edits together, in one transaction, or none of them: each card's record must still be `before`
 * (null: it had none), each log entry to remove must still be there, and every deck unchanged since `basis` — else
 * `stale` (or `replaced`) and nothing is written. Resolves to where each edit's new log event is kept (null: none).
 */
export function applyCardEdits(store: Store, edits: readonly CardEdit[], basis: WriteBasis): Promise<(LogRef | null)[]> {
  return store.writing(async () => {
    const tx = store.db.transaction(['states', 'logPages', 'decks', 'meta'], 'readwrite', { durability: 'strict' });
    return atomically(tx, async () => {
      const states = tx.objectStore('states');
      const pages = tx.objectStore('logPages');
      const decks = tx.objectStore('decks');
      const deckIds = [...new Set(edits.map((e) => e.deckId))];
      const removing = edits.filter((e) => e.removeLog !== undefined);
      const [current, removed] = await Promise.all([
        Promise.all(edits.map((e) => states.get(e.cardId))),
        findEvents(
          pages,
          removing.map((e) => e.removeLog!),
        ),
        checkBasis({ meta: tx.objectStore('meta'), decks }, basis, deckIds),
      ]);
      const gone = new Map(removing.map((e, i) => [e, removed.found[i]]));
      edits.forEach((edit, i) => {
        const missing = edit.removeLog !== undefined && gone.get(edit)?.cardId !== edit.cardId;
        if (missing || !sameRecord(current[i] ?? null, edit.before)) throw staleCard(edit.cardId);
      });
      removeEvents(pages, removed.pages, new Set(removing.map((e) => e.removeLog!.id)));
      const tracked = new Map<string, number>();
      const added: ReviewLogEntry[] = [];
      for (const edit of edits) {
        if (edit.after) states.put(edit.after).catch(reportedByTransaction);
        else states.delete(edit.cardId).catch(reportedByTransaction);
        const by = (edit.before ? 0 : 1) - (edit.after ? 0 : 1);
        if (by !== 0) tracked.set(edit.deckId, (tracked.get(edit.deckId) ?? 0) + by);
        if (edit.addLog) added.push(edit.addLog);
      }
      for (const [deckId, by] of tracked) {
        const deck = await decks.get(deckId);
        if (deck) decks.put({ ...deck, tracked: Math.max(0, deck.tracked + by) }).catch(reportedByTransaction);
      }
      const refs = await appendEvents(tx as unknown as LogTx, added);
      let next = 0;
      const logRefs = edits.map((edit) => (edit.addLog ? refs[next++]! : null));
      return logRefs;
    });
  });
}
