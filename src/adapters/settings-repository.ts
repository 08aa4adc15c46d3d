/** The user's settings, typed by key (core/settings-schema SettingValues). */
import type { SettingKey, SettingValues } from '../core/settings-schema.ts';
import { atomically, guarded, reportedByTransaction } from './store-error.ts';
import type { Connection } from './store.ts';

/** The setting that remembers when the user last saved a backup (epoch ms). */
export const LAST_BACKUP_SETTING = 'lastBackupAt' satisfies SettingKey;
/** Until when the user asked not to be reminded of backups (epoch ms). */
export const BACKUP_SNOOZE_SETTING = 'backupSnoozedUntil' satisfies SettingKey;
export const HIDDEN_SECTIONS_SETTING = 'hiddenSections' satisfies SettingKey;
/** Decks that come with the app which the user removed: never loaded again (see syncBundledDecks). */
export const REMOVED_BUNDLED_SETTING = 'removedBundledDecks' satisfies SettingKey;
/** Folders of the deck tree the user folded, by DeckNode key. */
export const COLLAPSED_DECKS_SETTING = 'collapsedDecks' satisfies SettingKey;

export class SettingsRepository {
  constructor(private readonly connection: Connection) {}

  private get db() {
    return this.connection.db;
  }

  /**
   * Typed as written: every write goes through put/putMany or a restore that checked each value
   * (core/settings-schema); the review path still checks what it cannot do without.
   */
  get<K extends SettingKey>(key: K): Promise<SettingValues[K] | undefined> {
    return guarded(async () => (await this.db.get('settings', key))?.value as SettingValues[K] | undefined);
  }

  /** Several settings in one transaction, by key. */
  getMany<K extends SettingKey>(keys: readonly K[]): Promise<Partial<Pick<SettingValues, K>>> {
    return guarded(async () => {
      const tx = this.db.transaction('settings');
      const found = await Promise.all(keys.map((key) => tx.store.get(key)));
      return Object.fromEntries(found.filter((f) => f !== undefined).map((f) => [f.key, f.value])) as Partial<Pick<SettingValues, K>>;
    });
  }

  put<K extends SettingKey>(key: K, value: SettingValues[K]): Promise<void> {
    return this.connection.writing(async () => {
      await this.db.put('settings', { key, value });
    });
  }

  /** Several settings that belong together, in one transaction. */
  putMany(entries: Partial<SettingValues>): Promise<void> {
    return this.connection.writing(async () => {
      const tx = this.db.transaction('settings', 'readwrite', { durability: 'strict' });
      return atomically(tx, async () => {
        for (const [key, value] of Object.entries(entries)) tx.store.put({ key, value }).catch(reportedByTransaction);
      });
    });
  }
}
