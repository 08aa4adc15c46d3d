/** The deck list with today's counts, read from the store's indexes. */
import { buildDeckTree, countDecks, overallCounts, type Counts, type DeckNode } from '../core/deck-tree.ts';
import type { DeckRecord } from '../adapters/db-schema.ts';
import { backupReminderDue, backupSnoozedUntil } from '../core/backup.ts';
import { BACKUP_SNOOZE_SETTING, COLLAPSED_DECKS_SETTING, LAST_BACKUP_SETTING } from '../adapters/settings-repository.ts';
import { dayWindow, doneInLog, limitsToday, type StudyContext } from './study-context.ts';

export class Library {
  decks = $state.raw<DeckRecord[]>([]);
  tree = $state.raw<DeckNode[]>([]);
  /** What "Study all" will show: the sum over decks, within the overall daily limits. */
  totals = $state.raw<Counts>({ fresh: 0, learning: 0, reviews: 0, leeches: 0, total: 0 });
  loaded = $state(false);
  /** Cards that left the notes, kept with their history. */
  retired = $state(0);
  /** Cards the user chose never to see again ("Never show this card"), each on its own. */
  hidden = $state.raw<{ cardId: string; deckId: string }[]>([]);
  /** Sections the user chose never to see ("Never show cards from this section"), with how many cards each hides. */
  hiddenSections = $state.raw<{ id: string; deck: string; path: string[]; cards: number }[]>([]);
  /** The last backup is more than two weeks old (or there was none since reviews began). */
  backupDue = $state(false);
  /** Folders of the tree the user folded (DeckNode keys), remembered in the settings. */
  collapsed = $state.raw<ReadonlySet<string>>(new Set());
  /** The decks that come with the app still in the collection (the sample decks). */
  samples = $state.raw<DeckRecord[]>([]);

  constructor(private readonly context: StudyContext) {}

  async refresh(): Promise<void> {
    const { store } = this.context;
    const day = dayWindow(this.context);
    const [decks, due, todays, leeches, backup, firstReviewAt, hidden, sections, collapsed] = await Promise.all([
      store.decks.list(),
      store.schedule.due(day.dayEnd),
      store.log.between(day.dayStart, day.dayEnd),
      store.schedule.leeches(),
      store.settings.getMany([LAST_BACKUP_SETTING, BACKUP_SNOOZE_SETTING]),
      store.log.firstReviewAt(),
      store.hidden.cards(),
      store.hidden.sections(),
      store.settings.get(COLLAPSED_DECKS_SETTING),
    ]);
    this.hidden = hidden.filter((s) => !s.hiddenSection).map((s) => ({ cardId: s.cardId, deckId: s.deckId }));
    const bySection = new Map<string, number>();
    for (const state of hidden) if (state.hiddenSection) bySection.set(state.hiddenSection, (bySection.get(state.hiddenSection) ?? 0) + 1);
    const titles = new Map(decks.map((d) => [d.id, d.title]));
    this.hiddenSections = sections.map((s) => ({ id: s.id, deck: titles.get(s.deckId) ?? '', path: s.path, cards: bySection.get(s.id) ?? 0 }));
    const leechesByDeck = new Map<string, number>();
    for (const leech of leeches) leechesByDeck.set(leech.deckId, (leechesByDeck.get(leech.deckId) ?? 0) + 1);
    const doneByDeck = doneInLog(todays);
    const today = limitsToday(this.context, day.dayStart);
    const counts = countDecks({
      decks,
      due: due.map((s) => ({ deckId: s.deckId, phase: s.fsrs.phase })),
      doneByDeck,
      leechesByDeck,
      limitsFor: today.limitsFor,
    });
    this.decks = decks;
    this.collapsed = new Set(Array.isArray(collapsed) ? collapsed : []);
    this.samples = decks.filter((d) => d.origin === 'bundled' && d.cardCount > 0);
    this.retired = decks.reduce((sum, d) => sum + (d.retired ?? 0), 0);
    this.totals = overallCounts([...counts.values()], [...doneByDeck.values()], today.limits);
    // A deck whose note left the notes keeps its retired cards (and their history) out of sight.
    this.tree = buildDeckTree(
      decks.filter((d) => d.cardCount > 0),
      counts,
      this.totals,
    );
    this.backupDue = backupReminderDue({
      now: day.now,
      firstReviewAt,
      lastBackupAt: backup[LAST_BACKUP_SETTING],
      snoozedUntil: backup[BACKUP_SNOOZE_SETTING],
    });
    this.loaded = true;
  }

  /** The hidden cards' questions with their decks' titles, read when the user asks to see them. */
  async hiddenCards(): Promise<{ cardId: string; question: string; deck: string }[]> {
    const titles = new Map(this.decks.map((d) => [d.id, d.title]));
    const deckIds = [...new Set(this.hidden.map((h) => h.deckId))];
    const bodies = new Map((await Promise.all(deckIds.map((id) => this.context.store.decks.cardBodies(id)))).flat().map((b) => [b.id, b.question]));
    return this.hidden.map((h) => ({ cardId: h.cardId, question: bodies.get(h.cardId) ?? '', deck: titles.get(h.deckId) ?? '' }));
  }

  /** "Show again": the card comes back to its deck's reviews. */
  async unhide(cardId: string): Promise<void> {
    await this.context.store.hidden.unhide([cardId]);
    this.context.changes.announce('decks');
    await this.refresh();
  }

  /** "Show again" on a hidden section: its cards come back to their deck's reviews, and later imports leave them be. */
  async showSection(sectionId: string): Promise<void> {
    await this.context.store.hidden.showSection(sectionId);
    this.context.changes.announce('decks');
    await this.refresh();
  }

  /** "Later" on the backup reminder: ask again in three days. */
  async snoozeBackupReminder(): Promise<void> {
    this.backupDue = false;
    await this.context.store.settings.put(BACKUP_SNOOZE_SETTING, backupSnoozedUntil(this.context.clock.now()));
  }

  /** Folds or unfolds a folder of the tree; remembered for the next visit. */
  async toggleCollapsed(key: string): Promise<void> {
    const next = new Set(this.collapsed);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    this.collapsed = next;
    await this.context.store.settings.put(COLLAPSED_DECKS_SETTING, [...next]);
  }

  /** How many cards and reviews removing these decks would delete, for the warning before it. */
  async historyOf(deckIds: readonly string[]): Promise<{ cards: number; reviews: number }> {
    const { deckHistorySize } = await import('../adapters/store-import.ts');
    return deckHistorySize(this.context.store, deckIds);
  }

  /** Removes decks: with their history, or keeping it (their cards retire; see removeDecks). */
  async removeDecks(deckIds: readonly string[], keepHistory: boolean): Promise<void> {
    const { removeDecks } = await import('../adapters/store-import.ts');
    const basis = await this.context.store.writeBasis();
    await removeDecks(this.context.store, deckIds, keepHistory, basis);
    this.context.changes.announce('decks');
    await this.refresh();
  }

  async purgeRetired(): Promise<void> {
    const { purgeRetired } = await import('../adapters/store-import.ts');
    await purgeRetired(this.context.store);
    this.context.changes.announce('decks');
    await this.refresh();
  }
}
