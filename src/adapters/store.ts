/**
 * IndexedDB through idb: the one place that reads and writes the user's decks, states and review log.
 * Every write that belongs together is one short readwrite transaction with nothing else awaited inside it.
 */
import { openDB, type IDBPDatabase, type OpenDBCallbacks } from 'idb';
import type { CardBody, CardRef } from '../core/deck-content.ts';
import { isHiddenSectionList, type HiddenSection } from '../core/hidden-sections.ts';
import { deckRevision, sameRecord } from '../core/records.ts';
import type { LogRef, PageTotals } from '../core/log-pages.ts';
import type { SettingKey, SettingValues } from '../core/settings-schema.ts';
import {
  createSchema,
  migrationHelpers,
  DB_NAME,
  DB_VERSION,
  GENERATION_KEY,
  type DeckRecord,
  type RepasoSchema,
  type ReviewLogEntry,
  type ReviewLogRecord,
  type StateRecord,
} from './db-schema.ts';
import { appendEvents, eventsBetween, type LogTx } from './log-store.ts';

/**
 * `stale`: what a write was planned on changed since it was read (another window reviewed the card or imported
 * the deck); `replaced`: another window restored a backup over everything; `elsewhere`: another window of Repaso
 * is the one that writes now.
 */
export type StoreErrorKind = 'quota' | 'blocked' | 'unavailable' | 'closed' | 'stale' | 'replaced' | 'elsewhere' | 'unknown';

/** A storage failure the app can explain: what happened, in words a user understands (see i18n `storage.*`). */
export class StoreError extends Error {
  constructor(
    readonly kind: StoreErrorKind,
    cause: unknown,
  ) {
    super(`storage ${kind}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'StoreError';
  }
}

export function classifyStorageError(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return new StoreError('quota', error);
  if (name === 'InvalidStateError' || name === 'TransactionInactiveError') return new StoreError('closed', error);
  if (name === 'SecurityError' || name === 'UnknownError' || name === 'NotFoundError') return new StoreError('unavailable', error);
  return new StoreError('unknown', error);
}

export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw classifyStorageError(error);
  }
}

export interface ReviewWrite {
  state: StateRecord;
  /** The card's record the rating was computed from (null: it had none). */
  before: StateRecord | null;
  log: ReviewLogEntry;
}

/**
 * What a write was planned on: the database's generation and each deck's revision when it was read. Writes that
 * depend on what they read take it and check it inside their own transaction (see checkBasis).
 */
export interface WriteBasis {
  generation: string;
  revisions: ReadonlyMap<string, number>;
}

interface BasisStores {
  meta: { get(key: string): Promise<{ value: string } | undefined> };
  decks: { get(id: string): Promise<DeckRecord | undefined>; getAll(): Promise<DeckRecord[]> };
}

/** Throws `replaced` when a restore replaced the data since `basis` was read, `stale` when one of `deckIds` changed. */
export async function checkBasis(stores: BasisStores, basis: WriteBasis, deckIds: readonly string[]): Promise<void> {
  const [generation, decks] = await Promise.all([stores.meta.get(GENERATION_KEY), Promise.all(deckIds.map((id) => stores.decks.get(id)))]);
  if ((generation?.value ?? '') !== basis.generation) throw new StoreError('replaced', new Error('the data was restored from a backup in another window'));
  deckIds.forEach((id, i) => {
    if (deckRevision(decks[i]) !== (basis.revisions.get(id) ?? null)) throw new StoreError('stale', new Error(`deck ${id} changed in another window`));
  });
}

const staleCard = (cardId: string) => new StoreError('stale', new Error(`card ${cardId} changed in another window`));

/** The setting that remembers when the user last saved a backup (epoch ms). */
export const LAST_BACKUP_SETTING = 'lastBackupAt' satisfies SettingKey;
/** Until when the user asked not to be reminded of backups (epoch ms). */
export const BACKUP_SNOOZE_SETTING = 'backupSnoozedUntil' satisfies SettingKey;
export const HIDDEN_SECTIONS_SETTING = 'hiddenSections' satisfies SettingKey;
/** Decks that come with the app which the user removed: never loaded again (see syncBundledDecks). */
export const REMOVED_BUNDLED_SETTING = 'removedBundledDecks' satisfies SettingKey;
/** Folders of the deck tree the user folded, by DeckNode key. */
export const COLLAPSED_DECKS_SETTING = 'collapsedDecks' satisfies SettingKey;

/** The hidden sections as stored; a value that fails its check counts as none (it cannot hide a card). */
export async function readHiddenSections(settings: { get(key: string): Promise<{ value: unknown } | undefined> }): Promise<HiddenSection[]> {
  const value = (await settings.get(HIDDEN_SECTIONS_SETTING))?.value;
  return isHiddenSectionList(value) ? value : [];
}

export class Store {
  /** Set while another window is the one that writes (see SingleWriter): every write refuses. */
  private writesStopped = false;

  private constructor(
    /** The open database, for the adapters that add operations only some screens load (store-backup.ts). */
    readonly db: IDBPDatabase<RepasoSchema>,
  ) {}

  static async open(name = DB_NAME, onVersionChange?: () => void): Promise<Store> {
    if (typeof indexedDB === 'undefined') throw new StoreError('unavailable', new Error('IndexedDB is not available'));
    let blocked = false;
    /** The connection this store keeps, once chosen: a first one of an older version is closed anyway. */
    let kept: IDBPDatabase<RepasoSchema> | undefined;
    const blocking = () => {
      // Another tab wants a newer schema: let it, and tell the user to reload this one.
      if (!kept) return;
      kept.close();
      onVersionChange?.();
    };
    const timeout = new Promise<never>((_, reject) => {
      setTimeout(() => {
        if (blocked) reject(new StoreError('blocked', new Error('an older version of Repaso is open in another tab')));
      }, 3000);
    });
    try {
      // Opened as it is first: nearly always it is this code's version, and the migrations need not load. A database
      // that did not exist is now an empty one of version 1, made at this version in one step.
      const current = await openDB<RepasoSchema>(name, undefined, { blocking });
      if (current.version === DB_VERSION) kept = current;
      else {
        const empty = current.objectStoreNames.length === 0;
        current.close();
        const upgrade: OpenDBCallbacks<RepasoSchema>['upgrade'] = empty
          ? (database, _old, _new, tx) => {
              // Another tab of an older Repaso made the first schema meanwhile: this open fails, and a reload migrates.
              if (database.objectStoreNames.length > 0) tx.abort();
              else createSchema(database);
            }
          : (await import('./db-migrations.ts')).ladder(migrationHelpers).upgrade;
        const opening = openDB<RepasoSchema>(name, DB_VERSION, {
          upgrade,
          blocked() {
            blocked = true;
          },
          blocking,
        });
        kept = await Promise.race([opening, timeout]);
      }
    } catch (error) {
      throw classifyStorageError(error);
    }
    return new Store(kept);
  }

  close(): void {
    this.db.close();
  }

  /** Another window took over: from now on every write is refused with `elsewhere`, until resumeWrites(). */
  stopWrites(): void {
    this.writesStopped = true;
  }

  resumeWrites(): void {
    this.writesStopped = false;
  }

  /** For every write, before its transaction opens. */
  assertWritable(): void {
    if (this.writesStopped) throw new StoreError('elsewhere', new Error('Repaso is open in another window'));
  }

  /** Runs a write: refused while another window writes, and its failures classified. */
  writing<T>(work: () => Promise<T>): Promise<T> {
    return guarded(async () => {
      this.assertWritable();
      return work();
    });
  }

  /** The generation and every deck's revision, now: read it before what the write will be planned on. */
  writeBasis(): Promise<WriteBasis> {
    return guarded(async () => {
      const tx = this.db.transaction(['meta', 'decks']);
      const [generation, decks] = await Promise.all([tx.objectStore('meta').get(GENERATION_KEY), tx.objectStore('decks').getAll()]);
      return { generation: generation?.value ?? '', revisions: new Map(decks.map((d) => [d.id, deckRevision(d)!])) };
    });
  }

  listDecks(): Promise<DeckRecord[]> {
    return guarded(() => this.db.getAll('decks'));
  }

  async hasDecks(): Promise<boolean> {
    return guarded(async () => (await this.db.getAllKeys('decks', undefined, 1)).length > 0);
  }

  getDeck(id: string): Promise<DeckRecord | undefined> {
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

  /** Schedulable cards due before `until`, most overdue first, from the index: never a scan of the whole store. */
  dueStates(until: number, limit?: number): Promise<StateRecord[]> {
    return guarded(() => this.db.getAllFromIndex('states', 'due', IDBKeyRange.upperBound(until, true), limit));
  }

  /** The same for one deck, through the [deckId, queueDue] index. */
  deckDueStates(deckId: string, until: number, limit?: number): Promise<StateRecord[]> {
    return guarded(() => this.db.getAllFromIndex('states', 'deckDue', IDBKeyRange.bound([deckId, -Infinity], [deckId, until], false, true), limit));
  }

  /** Ids of the cards that have a state record (so are not new): of some decks, or of all. Keys only. */
  trackedCardIds(deckIds: string[] | null): Promise<string[]> {
    return guarded(async () => {
      if (deckIds === null) return this.db.getAllKeys('states');
      const tx = this.db.transaction('states');
      const lists = await Promise.all(deckIds.map((id) => tx.store.index('deck').getAllKeys(id)));
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

  /** Cards the user chose never to see again, from the sparse index. */
  hiddenStates(): Promise<StateRecord[]> {
    return guarded(() => this.db.getAllFromIndex('states', 'hidden'));
  }

  /** "Show again": hidden cards become ordinary ones, due when they were due. Resolves to how many changed. */
  async unhide(cardIds: string[]): Promise<number> {
    return (await import('./store-hidden.ts')).unhide(this, cardIds);
  }

  /** The sections whose cards the user chose never to see. */
  hiddenSections(): Promise<HiddenSection[]> {
    return guarded(() => readHiddenSections(this.db.transaction('settings').store));
  }

  /**
   * "Never show cards from this section": the section is kept (every later import hides its new cards too) and
   * every live card of it and of its subsections is hidden now, within one transaction, if its deck is unchanged
   * since `basis`. Cards hidden already stay as they are. Resolves to how many cards it hid.
   */
  async hideSection(section: HiddenSection, now: number, basis: WriteBasis): Promise<number> {
    return (await import('./store-hidden.ts')).hideSection(this, section, now, basis);
  }

  /** Shows a hidden section again: it is forgotten, and the cards it hid come back, due when they were due. */
  async showSection(sectionId: string): Promise<number> {
    return (await import('./store-hidden.ts')).showSection(this, sectionId);
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

  reviewsSince(time: number): Promise<ReviewLogRecord[]> {
    return guarded(() => eventsBetween(this.db.transaction('logPages').store, time, Infinity));
  }

  /**
   * Reviews logged in [from, to): one study day's. Never "since": reviews a clock running ahead dated in the future
   * would otherwise count as today's on every day until then.
   */
  reviewsBetween(from: number, to: number): Promise<ReviewLogRecord[]> {
    return guarded(() => eventsBetween(this.db.transaction('logPages').store, from, to));
  }

  /** The totals of every page of study day `day` and after, each device's apart (see core/log-pages PageTotals). */
  dayTotalsFrom(day: number): Promise<PageTotals[]> {
    return guarded(async () => (await import('./log-history.ts')).totalsFrom(this.db.transaction('logPages').store, day));
  }

  /** A card's history, in replay order. */
  logFor(cardId: string): Promise<ReviewLogRecord[]> {
    // The card browser's and the tests' question, never the review's: its code loads with its first call.
    return guarded(async () => (await import('./log-history.ts')).cardHistory(this.db.transaction('logPages').store, cardId));
  }

  /**
   * One rating: the new state and its log event in one transaction, committed before this resolves. It applies only
   * to what the rating was computed from: the card's record must still be `before` and its deck unchanged since
   * `basis`, else it throws `stale` (or `replaced`) and writes nothing. A card's first state record also counts it
   * as tracked in its deck. Resolves to where the event is kept (for undo).
   */
  recordReview({ state, before, log }: ReviewWrite, basis: WriteBasis): Promise<LogRef> {
    return this.writing(async () => {
      const tx = this.db.transaction(['states', 'logPages', 'decks', 'meta'], 'readwrite', { durability: 'strict' });
      const states = tx.objectStore('states');
      const [current] = await Promise.all([states.get(state.cardId), checkBasis({ meta: tx.objectStore('meta'), decks: tx.objectStore('decks') }, basis, [state.deckId])]);
      if (!sameRecord(current ?? null, before)) throw staleCard(state.cardId);
      states.put(state);
      const [ref] = await appendEvents(tx as unknown as LogTx, [log]);
      if (before === null) await this.bumpTracked(tx.objectStore('decks'), state.deckId, +1);
      await tx.done;
      return ref!;
    });
  }

  /**
   * Undo: the card's record becomes exactly what it was (null: it had none), and the review's log event, if the
   * undone action was a review, goes away. Only while the card's record is still `written` (what the undone action
   * wrote) and that event is still there: else `stale`, nothing changed.
   */
  async restoreState(undo: { cardId: string; deckId: string; before: StateRecord | null; written: StateRecord; log: LogRef | null }, basis: WriteBasis): Promise<void> {
    // Loaded before its transaction opens: awaiting it inside would let the transaction commit.
    return (await import('./log-history.ts')).restoreState(this, undo, basis);
  }

  /**
   * Suspend, unsuspend, bury or hide: a state change with no review, applied only while the card's record is still
   * `before` (null: it had none) and its deck unchanged since `basis`.
   */
  putFlags(state: StateRecord, before: StateRecord | null, basis: WriteBasis): Promise<void> {
    return this.writing(async () => {
      const tx = this.db.transaction(['states', 'decks', 'meta'], 'readwrite', { durability: 'strict' });
      const states = tx.objectStore('states');
      const [current] = await Promise.all([states.get(state.cardId), checkBasis({ meta: tx.objectStore('meta'), decks: tx.objectStore('decks') }, basis, [state.deckId])]);
      if (!sameRecord(current ?? null, before)) throw staleCard(state.cardId);
      states.put(state);
      if (before === null) await this.bumpTracked(tx.objectStore('decks'), state.deckId, +1);
      await tx.done;
    });
  }

  /** Raises (or lowers) how many of a deck's cards have a state record, inside the caller's transaction. */
  async bumpTracked(decks: { get(id: string): Promise<DeckRecord | undefined>; put(d: DeckRecord): unknown }, deckId: string, by: number) {
    const deck = await decks.get(deckId);
    if (deck) decks.put({ ...deck, tracked: Math.max(0, deck.tracked + by) });
  }

  /**
   * Several settings in one transaction, by key. Typed as written: every write goes through putSetting(s) or a
   * restore that checked each value (core/settings-schema); the review path still checks what it cannot do without.
   */
  getSettings<K extends SettingKey>(keys: readonly K[]): Promise<Partial<Pick<SettingValues, K>>> {
    return guarded(async () => {
      const tx = this.db.transaction('settings');
      const found = await Promise.all(keys.map((key) => tx.store.get(key)));
      return Object.fromEntries(found.filter((f) => f !== undefined).map((f) => [f.key, f.value])) as Partial<Pick<SettingValues, K>>;
    });
  }

  /** An imported deck's images as blobs, by media path. */
  deckMedia(deckId: string): Promise<Map<string, Uint8Array>> {
    return guarded(async () => {
      const records = await this.db.getAllFromIndex('media', 'deck', deckId);
      return new Map(records.map((r) => [r.key.slice(deckId.length + 1), r.bytes]));
    });
  }

  getSetting<K extends SettingKey>(key: K): Promise<SettingValues[K] | undefined> {
    return guarded(async () => (await this.db.get('settings', key))?.value as SettingValues[K] | undefined);
  }

  /** Several settings that belong together, in one transaction. */
  putSettings(entries: Partial<SettingValues>): Promise<void> {
    return this.writing(async () => {
      const tx = this.db.transaction('settings', 'readwrite', { durability: 'strict' });
      for (const [key, value] of Object.entries(entries)) void tx.store.put({ key, value });
      await tx.done;
    });
  }

  putSetting<K extends SettingKey>(key: K, value: SettingValues[K]): Promise<void> {
    return this.writing(async () => {
      await this.db.put('settings', { key, value });
    });
  }

  /**
   * Study days in a row with at least one log event, ending with study day `today` — or with the day before, while
   * today has none yet. Keys of the day index only; no event is read.
   */
  async reviewStreak(today: number): Promise<number> {
    return (await import('./log-history.ts')).reviewStreak(this, today);
  }

  /** Time of the oldest review in the log, or null when there is none. */
  firstReviewAt(): Promise<number | null> {
    return guarded(async () => (await import('./log-history.ts')).firstEventTime(this.db.transaction('logPages').store));
  }
}
