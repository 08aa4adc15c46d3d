/**
 * Hiding and showing cards and sections again ("Never show…", "Show again"): rare writes, loaded with their first
 * use rather than with the first card. Same rules as store.ts: one transaction each, nothing else awaited inside.
 */
import { hideWithSection, newRecord, showAgain } from '../core/card-record.ts';
import { hidingSection, type HiddenSection } from '../core/hidden-sections.ts';
import { bumpTracked } from './schedule-repository.ts';
import { checkBasis, type WriteBasis } from './write-basis.ts';
import { HIDDEN_SECTIONS_SETTING } from './settings-repository.ts';
import { readHiddenSections } from './hidden-repository.ts';
import { atomically, reportedByTransaction } from './store-error.ts';
import type { Connection } from './store.ts';

/** "Show again": hidden cards become ordinary ones, due when they were due. Resolves to how many changed. */
export function unhide(store: Connection, cardIds: string[]): Promise<number> {
  return store.writing(async () => {
    const tx = store.db.transaction('states', 'readwrite', { durability: 'strict' });
    return atomically(tx, async () => {
      let changed = 0;
      for (const id of cardIds) {
        const state = await tx.store.get(id);
        if (!state?.hiddenOf) continue;
        tx.store.put(showAgain(state)).catch(reportedByTransaction);
        changed++;
      }
      return changed;
    });
  });
}

/**
 * "Never show cards from this section": the section is kept (every later import hides its new cards too) and
 * every live card of it and of its subsections is hidden now, within one transaction, if its deck is unchanged
 * since `basis`. Cards hidden already stay as they are. Resolves to how many cards it hid.
 */
export function hideSection(store: Connection, section: HiddenSection, now: number, basis: WriteBasis): Promise<number> {
  return store.writing(async () => {
    const tx = store.db.transaction(['settings', 'states', 'cardRefs', 'cardBodies', 'decks', 'meta'], 'readwrite', { durability: 'strict' });
    return atomically(tx, async () => {
      const decks = tx.objectStore('decks');
      const [, sections, refs, bodies] = await Promise.all([
        checkBasis({ meta: tx.objectStore('meta'), decks }, basis, [section.deckId]),
        readHiddenSections(tx.objectStore('settings')),
        tx.objectStore('cardRefs').get(section.deckId),
        tx.objectStore('cardBodies').get(section.deckId),
      ]);
      tx.objectStore('settings')
        .put({ key: HIDDEN_SECTIONS_SETTING, value: [...sections, section] })
        .catch(reportedByTransaction);
      const live = new Set((refs?.refs ?? []).filter((r) => !r.retired).map((r) => r.id));
      const states = tx.objectStore('states');
      let hidden = 0;
      let added = 0;
      for (const body of bodies?.bodies ?? []) {
        if (!live.has(body.id) || !hidingSection([section], section.deckId, body)) continue;
        const state = await states.get(body.id);
        if (state?.hiddenOf) continue;
        states.put(hideWithSection(state ?? newRecord(body.id, section.deckId, now), section.id)).catch(reportedByTransaction);
        hidden++;
        if (!state) added++;
      }
      if (added > 0) await bumpTracked(decks, section.deckId, added);
      return hidden;
    });
  });
}

/** Shows a hidden section again: it is forgotten, and the cards it hid come back, due when they were due. */
export function showSection(store: Connection, sectionId: string): Promise<number> {
  return store.writing(async () => {
    const tx = store.db.transaction(['settings', 'states'], 'readwrite', { durability: 'strict' });
    return atomically(tx, async () => {
      const sections = await readHiddenSections(tx.objectStore('settings'));
      tx.objectStore('settings')
        .put({ key: HIDDEN_SECTIONS_SETTING, value: sections.filter((s) => s.id !== sectionId) })
        .catch(reportedByTransaction);
      let shown = 0;
      for (const state of await tx.objectStore('states').index('hidden').getAll()) {
        if (state.hiddenSection !== sectionId) continue;
        tx.objectStore('states').put(showAgain(state)).catch(reportedByTransaction);
        shown++;
      }
      return shown;
    });
  });
}
