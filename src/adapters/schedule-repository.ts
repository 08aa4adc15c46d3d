/**
 * The cards' records (states) and the writes that change them: ratings, flags, undo. A rating is one short
 * readwrite transaction (state + its log page), awaited before the next card.
 */
import type { LogRef } from '../core/log-pages.ts';
import { sameRecord } from '../core/records.ts';
import type { Phase } from '../core/scheduler.ts';
import type { StateCounts } from '../core/stats.ts';
import type { DeckRecord, ReviewLogEntry, StateRecord } from './db-schema.ts';
import { appendEvents, type LogTx } from './log-store.ts';
import type { Connection } from './store.ts';
import { atomically, guarded, reportedByTransaction } from './store-error.ts';
import { checkBasis, staleCard, type WriteBasis } from './write-basis.ts';

export interface ReviewWrite {
  state: StateRecord;
  /** The card's record the rating was computed from (null: it had none). */
  before: StateRecord | null;
  log: ReviewLogEntry;
}

/** What undo puts back: the record before (null: none), while the card's record is still `written`. */
export interface UndoWrite {
  cardId: string;
  deckId: string;
  before: StateRecord | null;
  written: StateRecord;
  log: LogRef | null;
}

type DeckWrites = { get(id: string): Promise<DeckRecord | undefined>; put(d: DeckRecord): Promise<unknown> };

/** Raises (or lowers) how many of a deck's cards have a state record, inside the caller's transaction. */
export async function bumpTracked(decks: DeckWrites, deckId: string, by: number) {
  putTracked(decks, await decks.get(deckId), by);
}

/** bumpTracked on a deck record already read in the same transaction (checkBasis reads it). */
function putTracked(decks: DeckWrites, deck: DeckRecord | undefined, by: number): void {
  if (deck) decks.put({ ...deck, tracked: Math.max(0, deck.tracked + by) }).catch(reportedByTransaction);
}

const PHASES: readonly Phase[] = ['new', 'learning', 'review', 'relearning'];

export class ScheduleRepository {
  constructor(private readonly connection: Connection) {}

  private get db() {
    return this.connection.db;
  }

  /** Schedulable cards due before `until`, most overdue first, from the index: never a scan of the whole store. */
  due(until: number, limit?: number): Promise<StateRecord[]> {
    return guarded(() => this.db.getAllFromIndex('states', 'due', IDBKeyRange.upperBound(until, true), limit));
  }

  /** The same for one deck, through the [deckId, queueDue] index. */
  deckDue(deckId: string, until: number, limit?: number): Promise<StateRecord[]> {
    return guarded(() => this.db.getAllFromIndex('states', 'deckDue', IDBKeyRange.bound([deckId, -Infinity], [deckId, until], false, true), limit));
  }

  /** Ids of the cards that have a state record (so are not new): of some decks, or of all. Keys only. */
  trackedCardIds(deckIds: string[] | null): Promise<string[]> {
    return guarded(async () => {
      if (deckIds === null) return this.db.getAllKeys('states');
      const tx = this.db.transaction('states');
      const index = tx.store.index('phaseDeck');
      const lists = await Promise.all(deckIds.flatMap((id) => PHASES.map((phase) => index.getAllKeys([phase, id]))));
      return lists.flat();
    });
  }

  /** The states of the given cards (suspended and buried ones included). */
  states(cardIds: string[]): Promise<Map<string, StateRecord>> {
    return guarded(async () => {
      const tx = this.db.transaction('states');
      const found = await Promise.all(cardIds.map((id) => tx.store.get(id)));
      return new Map(found.filter((s) => s !== undefined).map((s) => [s.cardId, s]));
    });
  }

  leeches(): Promise<StateRecord[]> {
    return guarded(() => this.db.getAllFromIndex('states', 'leech'));
  }

  /** The earliest time a schedulable card is due at or after `time`, or null. */
  nextDueAt(time: number): Promise<number | null> {
    return guarded(async () => {
      const [first] = await this.db.getAllFromIndex('states', 'due', IDBKeyRange.lowerBound(time), 1);
      return first?.queueDue ?? null;
    });
  }

  /** How many schedulable cards fall due in [from, to): keys only. */
  async dueCountBetween(from: number, to: number): Promise<number> {
    return guarded(async () => (await this.db.getAllKeysFromIndex('states', 'due', IDBKeyRange.bound(from, to, false, true))).length);
  }

  /**
   * What the statistics count of the states (see core/stats StateCounts), and how many queued cards fall due in each
   * of `windows`, in one snapshot: index counts, and the records out of the queue from their sparse index. The other
   * 20,000 records are never read (reading them all took most of the screen's time).
   */
  counts(windows: readonly { from: number; until: number }[]): Promise<{ states: StateCounts; due: number[] }> {
    return guarded(async () => {
      const tx = this.db.transaction('states');
      const byPhase = tx.store.index('phaseDeck');
      const dueIndex = tx.store.index('due');
      const [perPhase, due, parked] = await Promise.all([
        Promise.all(PHASES.map((phase) => byPhase.count(IDBKeyRange.bound([phase], [phase, []])))),
        Promise.all(windows.map(({ from, until }) => dueIndex.count(IDBKeyRange.bound(from, until, false, true)))),
        tx.store.index('parked').getAll(),
      ]);
      return {
        states: {
          byPhase: Object.fromEntries(PHASES.map((phase, i) => [phase, perPhase[i]!])) as Record<Phase, number>,
          parked: parked.map((s) => ({ phase: s.fsrs.phase, suspended: s.suspended, retired: s.retired === true })),
        },
        due,
      };
    });
  }

  /**
   * One rating: the new state and its log event in one transaction, committed before this resolves. It applies only
   * to what the rating was computed from: the card's record must still be `before` and its deck unchanged since
   * `basis`, else it throws `stale` (or `replaced`) and writes nothing. A card's first state record also counts it
   * as tracked in its deck. Resolves to where the event is kept (for undo).
   */
  recordReview({ state, before, log }: ReviewWrite, basis: WriteBasis): Promise<LogRef> {
    return this.connection.writing(async () => {
      const tx = this.db.transaction(['states', 'logPages', 'decks', 'meta'], 'readwrite', { durability: 'strict' });
      return atomically(tx, async () => {
        const states = tx.objectStore('states');
        const decks = tx.objectStore('decks');
        // Every read at once, the event's page write included: a check that fails aborts the transaction, which
        // takes that write back. One round trip to the database instead of three, on every rating.
        const [current, [deck], [ref]] = await Promise.all([
          states.get(state.cardId),
          checkBasis({ meta: tx.objectStore('meta'), decks }, basis, [state.deckId]),
          appendEvents(tx as unknown as LogTx, [log]),
        ]);
        if (!sameRecord(current ?? null, before)) throw staleCard(state.cardId);
        states.put(state).catch(reportedByTransaction);
        if (before === null) putTracked(decks, deck, +1);
        return ref!;
      });
    });
  }

  /**
   * Undo: the card's record becomes exactly what it was (null: it had none), and the review's log event, if the
   * undone action was a review, goes away. Only while the card's record is still `written` (what the undone action
   * wrote) and that event is still there: else `stale`, nothing changed.
   */
  async restoreState(undo: UndoWrite, basis: WriteBasis): Promise<void> {
    // Loaded before its transaction opens: awaiting it inside would let the transaction commit.
    return (await import('./log-history.ts')).restoreState(this.connection, undo, basis);
  }

  /**
   * Suspend, unsuspend, bury or hide: a state change with no review, applied only while the card's record is still
   * `before` (null: it had none) and its deck unchanged since `basis`.
   */
  putFlags(state: StateRecord, before: StateRecord | null, basis: WriteBasis): Promise<void> {
    return this.connection.writing(async () => {
      const tx = this.db.transaction(['states', 'decks', 'meta'], 'readwrite', { durability: 'strict' });
      return atomically(tx, async () => {
        const states = tx.objectStore('states');
        const decks = tx.objectStore('decks');
        const [current, [deck]] = await Promise.all([states.get(state.cardId), checkBasis({ meta: tx.objectStore('meta'), decks }, basis, [state.deckId])]);
        if (!sameRecord(current ?? null, before)) throw staleCard(state.cardId);
        states.put(state).catch(reportedByTransaction);
        if (before === null) putTracked(decks, deck, +1);
      });
    });
  }
}
