/**
 * IndexedDB through idb: the one place that opens the database. Each concern is a repository of its own (decks,
 * schedule, log, settings, hidden cards); every write passes the one gate here, refused while another window
 * writes. Every write that belongs together is one short readwrite transaction with nothing else awaited inside it,
 * run through `atomically` (store-error.ts): a write that throws half-way aborts, and so changes nothing.
 */
import { openDB, type IDBPDatabase, type OpenDBCallbacks } from 'idb';
import { createSchema, migrationHelpers, DB_NAME, DB_VERSION, type RepasoSchema } from './db-schema.ts';
import { DeckRepository } from './deck-repository.ts';
import { HiddenRepository } from './hidden-repository.ts';
import { LogRepository } from './log-repository.ts';
import { ScheduleRepository } from './schedule-repository.ts';
import { SettingsRepository } from './settings-repository.ts';
import { classifyStorageError, guarded, StoreError } from './store-error.ts';
import { readBasis, type WriteBasis } from './write-basis.ts';

/** The open database and its write gate: what the storage adapters (repositories, imports, backups) work through. */
export interface Connection {
  readonly db: IDBPDatabase<RepasoSchema>;
  /** Runs a write: refused while another window writes, and its failures classified. */
  writing<T>(work: () => Promise<T>): Promise<T>;
}

export class Store implements Connection {
  /** Set while another window is the one that writes (see SingleWriter): every write refuses. */
  private writesStopped = false;
  readonly decks: DeckRepository;
  readonly schedule: ScheduleRepository;
  readonly log: LogRepository;
  readonly settings: SettingsRepository;
  readonly hidden: HiddenRepository;

  private constructor(
    /** The open database, for the storage adapters only (repositories, store-import.ts, store-backup.ts). */
    readonly db: IDBPDatabase<RepasoSchema>,
  ) {
    this.decks = new DeckRepository(db);
    this.schedule = new ScheduleRepository(this);
    this.log = new LogRepository(this);
    this.settings = new SettingsRepository(this);
    this.hidden = new HiddenRepository(this);
  }

  /** The database's name: workers open the same one. */
  get name(): string {
    return this.db.name;
  }

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
    return guarded(() => {
      const tx = this.db.transaction(['meta', 'decks']);
      return readBasis({ meta: tx.objectStore('meta'), decks: tx.objectStore('decks') });
    });
  }
}
