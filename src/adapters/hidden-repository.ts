/**
 * Cards and sections the user chose never to see. Reads are small indexes; the rare writes ("Never show…",
 * "Show again") load with their first use (store-hidden.ts), not with the first card.
 */
import { isHiddenSectionList, type HiddenSection } from '../core/hidden-sections.ts';
import type { StateRecord } from './db-schema.ts';
import { HIDDEN_SECTIONS_SETTING } from './settings-repository.ts';
import type { Connection } from './store.ts';
import { guarded } from './store-error.ts';
import type { WriteBasis } from './write-basis.ts';

/** The hidden sections as stored; a value that fails its check counts as none (it cannot hide a card). */
export async function readHiddenSections(settings: { get(key: string): Promise<{ value: unknown } | undefined> }): Promise<HiddenSection[]> {
  const value = (await settings.get(HIDDEN_SECTIONS_SETTING))?.value;
  return isHiddenSectionList(value) ? value : [];
}

export class HiddenRepository {
  constructor(private readonly connection: Connection) {}

  /** Cards the user chose never to see again, from the sparse index. */
  cards(): Promise<StateRecord[]> {
    return guarded(() => this.connection.db.getAllFromIndex('states', 'hidden'));
  }

  /** The sections whose cards the user chose never to see. */
  sections(): Promise<HiddenSection[]> {
    return guarded(() => readHiddenSections(this.connection.db.transaction('settings').store));
  }

  /** "Show again": hidden cards become ordinary ones, due when they were due. Resolves to how many changed. */
  async unhide(cardIds: string[]): Promise<number> {
    return (await import('./store-hidden.ts')).unhide(this.connection, cardIds);
  }

  /**
   * "Never show cards from this section": the section is kept (every later import hides its new cards too) and
   * every live card of it and of its subsections is hidden now, within one transaction, if its deck is unchanged
   * since `basis`. Cards hidden already stay as they are. Resolves to how many cards it hid.
   */
  async hideSection(section: HiddenSection, now: number, basis: WriteBasis): Promise<number> {
    return (await import('./store-hidden.ts')).hideSection(this.connection, section, now, basis);
  }

  /** Shows a hidden section again: it is forgotten, and the cards it hid come back, due when they were due. */
  async showSection(sectionId: string): Promise<number> {
    return (await import('./store-hidden.ts')).showSection(this.connection, sectionId);
  }
}
