/**
 * Store operations of an import and of deleting retired cards, kept apart so the review path does not load them
 * (as store-backup.ts). Same rules as store.ts: one transaction each, nothing else awaited inside.
 */
import type { CardBody, CardRef } from '../core/deck-content.ts';
import { hidingSection } from '../core/hidden-sections.ts';
import { deckAfterImport, type ImportPlan } from '../core/merge.ts';
import { deckRevision } from '../core/records.ts';
import { contentHash } from '../core/text.ts';
import { mediaKey } from './db-schema.ts';
import { countCardEvents, dropCardEvents } from './log-history.ts';
import type { IDBPTransaction } from 'idb';
import { hideWithSection, moveTo, newRecord, retire } from '../core/card-record.ts';
import type { RepasoSchema } from './db-schema.ts';
import { checkBasis, type WriteBasis } from './write-basis.ts';
import { atomically, guarded, StoreError, reportedByTransaction } from './store-error.ts';
import { HIDDEN_SECTIONS_SETTING, REMOVED_BUNDLED_SETTING } from './settings-repository.ts';
import { readHiddenSections } from './hidden-repository.ts';
import type { Store } from './store.ts';

/**
 * Applies an import plan in one transaction: decks, their cards (retired ones kept), states of cards that moved
 * between decks, retired or came back, and the images. A failure or a closed tab leaves everything as it was.
 * `contents` holds each planned deck's cards as they will be (deckContentAfter); `bundled` names the decks that
 * come with the app, with their index hashes. The plan applies only to the decks it was planned on: if any deck
 * was added, removed or changed since `basis`, it throws `stale` and the caller plans again.
 */
export function applyImport(
  store: Store,
  plan: ImportPlan,
  contents: ReadonlyMap<string, { refs: CardRef[]; bodies: CardBody[] }>,
  media: ReadonlyMap<string, ReadonlyMap<string, Uint8Array>>,
  now: number,
  basis: WriteBasis,
  bundled?: ReadonlyMap<string, string>,
): Promise<void> {
  return store.writing(async () => {
    const tx = store.db.transaction(['decks', 'cardRefs', 'cardBodies', 'states', 'media', 'meta', 'settings'], 'readwrite', { durability: 'strict' });
    return atomically(tx, async () => {
      const decks = tx.objectStore('decks');
      const states = tx.objectStore('states');
      const [stored, , sections] = await Promise.all([
        decks.getAll(),
        checkBasis({ meta: tx.objectStore('meta'), decks }, basis, []),
        readHiddenSections(tx.objectStore('settings')),
      ]);
      const unchanged = stored.length === basis.revisions.size && stored.every((d) => basis.revisions.get(d.id) === deckRevision(d));
      if (!unchanged) throw new StoreError('stale', new Error('decks changed in another window since the import was planned'));
      const tracked = new Set(await states.getAllKeys());
      for (const deck of plan.decks) {
        const content = contents.get(deck.deckId)!;
        const previous = deck.matched ? await decks.get(deck.matched) : undefined;
        const live = content.refs.filter((r) => !r.retired);
        // Cards of a section the user hid, new ones included, are hidden as they arrive; each will have a state.
        const liveIds = new Set(live.map((r) => r.id));
        const hiding = content.bodies.flatMap((body) => {
          const section = liveIds.has(body.id) ? hidingSection(sections, deck.deckId, body) : undefined;
          return section ? [{ id: body.id, section }] : [];
        });
        for (const { id } of hiding) tracked.add(id);
        const { cards: _cards, ...meta } = deck.file;
        const hash = bundled?.get(deck.deckId) ?? contentHash(JSON.stringify(deck.file));
        // Cross-note matching only takes cards from decks in the plan, so every state below belongs to one of them.
        decks
          .put(deckAfterImport({ meta, deckId: deck.deckId, previous, refs: content.refs, tracked, hash, bundled: bundled?.has(deck.deckId) ?? false, root: plan.root, now }))
          .catch(reportedByTransaction);
        tx.objectStore('cardRefs').put({ deckId: deck.deckId, refs: content.refs }).catch(reportedByTransaction);
        tx.objectStore('cardBodies').put({ deckId: deck.deckId, bodies: content.bodies }).catch(reportedByTransaction);
        for (const [path, bytes] of media.get(deck.deckId) ?? [])
          tx.objectStore('media')
            .put({ key: mediaKey(deck.deckId, path), deckId: deck.deckId, bytes })
            .catch(reportedByTransaction);
        for (const card of deck.cards) {
          if (!card.fromDeck && card.change !== 'revived') continue;
          const state = await states.get(card.id);
          if (state) states.put(moveTo(state, deck.deckId)).catch(reportedByTransaction);
        }
        for (const { id } of deck.retired) {
          const state = await states.get(id);
          if (state) states.put(retire(state)).catch(reportedByTransaction);
        }
        for (const { id, section } of hiding) {
          const state = await states.get(id);
          if (state?.hiddenOf) continue;
          states.put(hideWithSection(state ?? newRecord(id, deck.deckId, now), section.id)).catch(reportedByTransaction);
        }
      }
    });
  });
}

type PurgeTx = IDBPTransaction<RepasoSchema, ('decks' | 'cardRefs' | 'cardBodies' | 'states' | 'logPages' | 'settings' | 'media' | 'meta')[], 'readwrite'>;

/** Deletes cards' states and every review-log event of them, inside `tx`. */
async function dropHistory(tx: PurgeTx, cardIds: readonly string[] | ReadonlySet<string>): Promise<void> {
  for (const id of cardIds) tx.objectStore('states').delete(id).catch(reportedByTransaction);
  await dropCardEvents(tx.objectStore('logPages'), cardIds);
}

/** Deletes a deck's own records (the deck, its cards' text and references, its images), inside `tx`. */
async function dropDeck(tx: PurgeTx, deckId: string): Promise<void> {
  tx.objectStore('decks').delete(deckId).catch(reportedByTransaction);
  tx.objectStore('cardRefs').delete(deckId).catch(reportedByTransaction);
  tx.objectStore('cardBodies').delete(deckId).catch(reportedByTransaction);
  for (const key of await tx.objectStore('media').index('deck').getAllKeys(deckId)) tx.objectStore('media').delete(key).catch(reportedByTransaction);
}

const PURGE_STORES = ['decks', 'cardRefs', 'cardBodies', 'states', 'logPages', 'settings', 'media', 'meta'] as const;

/**
 * Deletes retired cards for good, with their states and review-log entries: the one operation that removes
 * history, and only on the user's explicit request; a deck left with no card at all goes too. Returns how many
 * cards were deleted.
 */
export function purgeRetired(store: Store): Promise<number> {
  return store.writing(async () => {
    const tx = store.db.transaction([...PURGE_STORES], 'readwrite', { durability: 'strict' });
    return atomically(tx, async () => {
      let purged = 0;
      for (const deck of await tx.objectStore('decks').getAll()) {
        if (!deck.retired) continue;
        const refs = (await tx.objectStore('cardRefs').get(deck.id))?.refs ?? [];
        const gone = new Set(refs.filter((r) => r.retired).map((r) => r.id));
        const bodies = (await tx.objectStore('cardBodies').get(deck.id))?.bodies ?? [];
        const kept = refs.filter((r) => !gone.has(r.id));
        await dropHistory(tx, gone);
        // A deck whose note left the notes, now with no card at all: it goes, with its images.
        if (kept.length === 0) await dropDeck(tx, deck.id);
        else {
          tx.objectStore('cardRefs').put({ deckId: deck.id, refs: kept }).catch(reportedByTransaction);
          tx.objectStore('cardBodies')
            .put({ deckId: deck.id, bodies: bodies.filter((b) => !gone.has(b.id)) })
            .catch(reportedByTransaction);
          tx.objectStore('decks')
            .put({ ...deck, retired: 0, revision: deckRevision(deck)! + 1 })
            .catch(reportedByTransaction);
        }
        purged += gone.size;
      }
      return purged;
    });
  });
}

/** What deleting decks would remove, for the warning before it: cards and the reviews logged on them. */
export function deckHistorySize(store: Store, deckIds: readonly string[]): Promise<{ cards: number; reviews: number }> {
  return guarded(async () => {
    const tx = store.db.transaction(['cardRefs', 'logPages']);
    const lists = await Promise.all(deckIds.map((deckId) => tx.objectStore('cardRefs').get(deckId)));
    const cardIds = lists.flatMap((list) => list?.refs.map((r) => r.id) ?? []);
    return { cards: cardIds.length, reviews: await countCardEvents(tx.objectStore('logPages'), cardIds) };
  });
}

/**
 * Removes decks from the collection, in one transaction, if none changed since `basis`. With `keepHistory` their
 * cards retire as when their notes are deleted: out of sight and out of the reviews, history kept (listed with the
 * retired cards, which can be deleted later; importing the notes again brings them back). Without it, the decks
 * go with every card, state, review and image of theirs, and their hidden sections. A deck that comes with the app
 * is never loaded again either way.
 */
export function removeDecks(store: Store, deckIds: readonly string[], keepHistory: boolean, basis: WriteBasis): Promise<void> {
  return store.writing(async () => {
    const tx = store.db.transaction([...PURGE_STORES], 'readwrite', { durability: 'strict' });
    return atomically(tx, async () => {
      const decks = tx.objectStore('decks');
      const settings = tx.objectStore('settings');
      const [, records, hidden, removed] = await Promise.all([
        checkBasis({ meta: tx.objectStore('meta'), decks }, basis, deckIds),
        Promise.all(deckIds.map((id) => decks.get(id))),
        readHiddenSections(settings),
        settings.get(REMOVED_BUNDLED_SETTING),
      ]);
      for (const deck of records) {
        if (!deck) continue;
        const refs = (await tx.objectStore('cardRefs').get(deck.id))?.refs ?? [];
        if (keepHistory) {
          tx.objectStore('cardRefs')
            .put({ deckId: deck.id, refs: refs.map((r) => ({ ...r, retired: true })) })
            .catch(reportedByTransaction);
          for (const ref of refs) {
            const state = await tx.objectStore('states').get(ref.id);
            if (state && !state.retired) tx.objectStore('states').put(retire(state)).catch(reportedByTransaction);
          }
          decks.put({ ...deck, cardCount: 0, tracked: 0, retired: refs.length, revision: deckRevision(deck)! + 1 }).catch(reportedByTransaction);
        } else {
          await dropHistory(
            tx,
            refs.map((r) => r.id),
          );
          await dropDeck(tx, deck.id);
        }
      }
      const gone = new Set(deckIds);
      if (!keepHistory) {
        settings.put({ key: HIDDEN_SECTIONS_SETTING, value: hidden.filter((section) => !gone.has(section.deckId)) }).catch(reportedByTransaction);
      }
      const bundled = records.filter((d) => d?.origin === 'bundled').map((d) => d!.id);
      if (bundled.length > 0) {
        const before = Array.isArray(removed?.value) ? (removed.value as string[]) : [];
        settings.put({ key: REMOVED_BUNDLED_SETTING, value: [...new Set([...before, ...bundled])] }).catch(reportedByTransaction);
      }
    });
  });
}
