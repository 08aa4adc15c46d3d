/**
 * One study session: picks cards from the day queue, saves every rating before the next card appears, and can
 * undo exactly. Takes its store and clock from the StudyContext, so tests hand it in-memory ones.
 */
import type { ReviewLogEntry, StateRecord } from '../adapters/db-schema.ts';
import { eventDay, type LogRef } from '../core/log-pages.ts';
import { mediaUrls } from '../adapters/media.ts';
import { StoreError } from '../adapters/store-error.ts';
import type { WriteBasis } from '../adapters/write-basis.ts';
import * as cardRecord from '../core/card-record.ts';
import { isReview } from '../core/records.ts';
import { randomId } from '../adapters/ids.ts';
import type { CardBody, CardRef } from '../core/deck-content.ts';
import { hidingSection, sectionOf, type HiddenSection } from '../core/hidden-sections.ts';
import { afterAnswer, becomesLeech, buildQueue, countQueue, pickNext, sumDone, type Queue, type QueueCounts, type Tracked } from '../core/queue.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { DAY, RATINGS, type CardState, type Rating } from '../core/scheduler.ts';
import { dayWindow, doneInLog, EXTRA_NEW_SETTING, limitsToday, type DayWindow, type StudyContext } from './study-context.ts';

/** Anki's default: an answer that took longer than this is logged as this long (the user walked away). */
const MAX_ANSWER_MS = 60_000;
/**
 * The session reads at most the day's review limit plus this many due cards (most overdue first): enough for the
 * learning cards of a day, and the query stays small however many cards are overdue.
 */
const LEARNING_HEADROOM = 300;

export interface SessionRef extends CardRef {
  deckId: string;
}

export interface SessionCard {
  ref: SessionRef;
  body: CardBody;
  record: StateRecord | null;
  /** Object URLs of the images of an imported deck, by media path (empty for bundled decks). */
  media: ReadonlyMap<string, string>;
}

export type CardAction = { kind: 'buried' | 'suspended' | 'hidden' } | { kind: 'section'; sectionId: string; title: string };

export interface DoneSummary {
  reviewed: number;
  nextDue: number | null;
  dueTomorrow: number;
  freshTomorrow: number;
  /**
   * Why no more cards came today although some wait: the overall new-card limit, a deck's own new-card limit, or
   * the review limit; null when nothing waits. `waitingNew`: new cards of these decks not yet seen.
   */
  limitReached: 'new' | 'deck-new' | 'reviews' | null;
  waitingNew: number;
  newPerDay: number;
  /** Today, over every deck: reviews and time spent answering. */
  today: { reviews: number; ms: number };
  /** Today's review cards (not new or learning ones) answered and remembered (not Again); null when none. */
  retention: { passed: number; total: number } | null;
  /** Study days in a row with reviews, today included. */
  streak: number;
  /** Whether these decks have studied cards to practise ahead of time. */
  practisable: boolean;
}

type UndoEntry = {
  card: SessionCard;
  before: StateRecord | null;
  /** What the undone action wrote: undo applies only while the card's record is still this. */
  written: StateRecord;
  /** Where the undone action's log event is kept (null: it logged none). */
  log: LogRef | null;
  queue: Queue<SessionRef>;
  lastSection: string | null;
};

export type SessionStatus = 'loading' | 'question' | 'answer' | 'waiting' | 'done';

export class ReviewSession {
  status = $state<SessionStatus>('loading');
  card = $state.raw<SessionCard | null>(null);
  intervals = $state.raw<Record<Rating, string> | null>(null);
  /** The same in words, for the buttons' accessible names: "10 minutes", "3 days". */
  spokenIntervals = $state.raw<Record<Rating, string> | null>(null);
  counts = $state.raw<QueueCounts>({ learning: 0, reviews: 0, fresh: 0 });
  reviewed = $state(0);
  canUndo = $state(false);
  busy = $state(false);
  waitUntil = $state<number | null>(null);
  /** Set when the card just answered became a leech: its lapse count. */
  leechNotice = $state<number | null>(null);
  /**
   * Set when a write found that another window had changed what this session read (and wrote nothing): 'session'
   * when the session was built again from the saved data, 'undo' when an undo was refused for that reason.
   */
  changedElsewhere = $state<'session' | 'undo' | null>(null);
  summary = $state.raw<DoneSummary | null>(null);
  /** The card action just taken, for a short notice with Undo; cleared by the next rating or undo. */
  lastAction = $state.raw<CardAction | null>(null);
  error = $state.raw<unknown>(null);

  private queue: Queue<SessionRef> = { learning: [], reviews: [], fresh: [] };
  private readonly bodies = new Map<string, Promise<{ bodies: Map<string, CardBody>; media: Map<string, string> }>>();
  private readonly revokers: (() => void)[] = [];
  private readonly records = new Map<string, StateRecord>();
  private undoStack: UndoEntry[] = [];
  private lastSection: string | null = null;
  private shownAt = 0;
  private day!: DayWindow;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private deckIds: string[] = [];
  /** What this session's writes were planned on (see Store.writeBasis). */
  private basis!: WriteBasis;

  constructor(
    private readonly context: StudyContext,
    private readonly requestedDecks: string[] | null,
    /**
     * `card`: "Study now" from the card browser — this card alone, due or not, then the session ends. `practice`:
     * every studied card of these decks, soonest due first, answered without moving the schedule (cram).
     */
    private readonly mode: { card?: string | null; practice?: boolean } = {},
  ) {}

  get practice(): boolean {
    return this.mode.practice === true;
  }

  async start(): Promise<void> {
    await this.run(() => this.load());
  }

  private async load(): Promise<void> {
    const { store } = this.context;
    // Read before everything else: a change made after it makes the session's writes refuse, never apply.
    this.basis = await store.writeBasis();
    this.day = dayWindow(this.context);
    this.deckIds = this.requestedDecks ?? (await store.decks.list()).map((d) => d.id);
    const wanted = new Set(this.deckIds);
    const dueLimit = (limits: { reviewsPerDay: number }) => limits.reviewsPerDay + LEARNING_HEADROOM;
    const [refLists, due, todays, trackedIds] = await Promise.all([
      store.decks.cardRefs(this.deckIds),
      this.requestedDecks
        ? Promise.all(this.requestedDecks.map((id) => store.schedule.deckDue(id, this.day.dayEnd, dueLimit(this.context.limitsFor(id))))).then((l) => l.flat())
        : store.schedule.due(this.day.dayEnd, dueLimit(this.context.limits)),
      store.log.between(this.day.dayStart, this.day.dayEnd),
      store.schedule.trackedCardIds(this.requestedDecks),
    ]);
    if (this.mode.card) return this.loadOne(this.mode.card, refLists);
    if (this.practice) return this.loadPractice(refLists);
    const today = limitsToday(this.context, this.day.dayStart);
    const tracked = new Map<string, Tracked>();
    for (const record of due) {
      if (!wanted.has(record.deckId)) continue;
      this.records.set(record.cardId, record);
      tracked.set(record.cardId, { state: record.fsrs, suspended: record.suspended, buriedUntil: record.buriedUntil });
    }
    this.queue = buildQueue({
      decks: refLists.map(({ deckId, refs }) => ({
        id: deckId,
        cards: refs.filter((ref) => !ref.retired).map((ref) => ({ ...ref, deckId })),
        limits: today.limitsFor(deckId),
      })),
      tracked,
      seen: new Set(trackedIds),
      doneByDeck: doneInLog(todays),
      limits: today.limits,
      now: this.day.now,
      dayEnd: this.day.dayEnd,
    });
    await this.showNext();
  }

  /**
   * A queue of one card, whatever its due date and the day's limits: the user asked for it by name. A suspended,
   * hidden or retired card is not studied (its page offers to bring it back first).
   */
  private async loadOne(cardId: string, refLists: { deckId: string; refs: CardRef[] }[]): Promise<void> {
    const found = refLists.flatMap(({ deckId, refs }) => refs.filter((r) => r.id === cardId && !r.retired).map((ref) => ({ ...ref, deckId })));
    const record = (await this.context.store.schedule.states([cardId])).get(cardId) ?? null;
    const ref = found[0];
    const entries = ref && !record?.suspended && !record?.retired ? [{ card: ref, state: record?.fsrs ?? null, due: this.day.now }] : [];
    if (record) this.records.set(cardId, record);
    const phase = record?.fsrs.phase ?? 'new';
    const learning = phase === 'learning' || phase === 'relearning';
    this.queue = { learning: learning ? entries : [], reviews: phase === 'review' ? entries : [], fresh: phase === 'new' ? entries : [] };
    await this.showNext();
  }

  /** Practice: the studied cards of these decks that are in the schedule, soonest due first, whatever the limits. */
  private async loadPractice(refLists: { deckId: string; refs: CardRef[] }[]): Promise<void> {
    const refs = refLists.flatMap(({ deckId, refs }) => refs.filter((r) => !r.retired).map((ref) => ({ ...ref, deckId })));
    const states = await this.context.store.schedule.states(refs.map((r) => r.id));
    const entries = refs
      .map((card) => ({ card, record: states.get(card.id) }))
      .filter(({ record }) => record && !record.suspended && !record.retired && record.fsrs.phase !== 'new')
      .map(({ card, record }) => {
        this.records.set(card.id, record!);
        return { card, state: record!.fsrs, due: record!.fsrs.due };
      })
      .sort((a, b) => a.due - b.due)
      .map((entry) => ({ ...entry, due: this.day.now }));
    this.queue = { learning: [], reviews: entries, fresh: [] };
    await this.showNext();
  }

  /**
   * Another window changed this session's cards since they were read (a review, an import): nothing was written.
   * Start again from what is saved now, without the undo history, which described the old data.
   */
  private async reload(reason: 'session' | 'undo'): Promise<void> {
    this.records.clear();
    this.bodies.clear();
    this.undoStack = [];
    this.canUndo = false;
    this.leechNotice = null;
    this.summary = null;
    this.lastSection = null;
    await this.load();
    this.changedElsewhere = reason;
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const revoke of this.revokers) revoke();
  }

  reveal(): void {
    if (this.status === 'question') this.status = 'answer';
  }

  async rate(rating: Rating): Promise<void> {
    const card = this.card;
    if (this.status !== 'answer' || this.busy || !card) return;
    this.lastAction = null;
    if (this.practice && card.record) return this.practise(card, card.record, rating);
    await this.run(async () => {
      const now = this.context.clock.now();
      const before = card.record;
      const after = this.context.scheduler.next(before?.fsrs ?? null, rating, now, this.day.shift);
      const leech = becomesLeech(before?.fsrs ?? null, after);
      const suspended = (before?.suspended ?? false) || leech;
      const isLeech = leech || (before?.leech ?? false);
      const record: StateRecord = cardRecord.queued({
        cardId: card.ref.id,
        deckId: card.ref.deckId,
        fsrs: after,
        suspended,
        buriedUntil: 0,
        leech: isLeech,
        ...(isLeech ? { leechOf: card.ref.deckId } : {}),
      });
      const log = this.answered(card, rating, now, before, after);
      const logged = await this.context.store.schedule.recordReview({ state: record, before, log }, this.basis);
      this.pushUndo(card, before, record, logged);
      this.records.set(card.ref.id, record);
      this.queue = suspended ? this.without(card.ref.id) : afterAnswer(this.queue, card.ref, after, this.day.dayEnd);
      this.reviewed++;
      this.leechNotice = leech ? after.lapses : null;
      await this.showNext();
    });
  }

  /** The log entry of an answer given now to the card on screen. */
  private answered(card: SessionCard, rating: Rating, now: number, before: StateRecord | null, after: CardState): ReviewLogEntry {
    return {
      cardId: card.ref.id,
      deckId: card.ref.deckId,
      rating,
      time: now,
      durationMs: Math.min(MAX_ANSWER_MS, Math.max(0, now - this.shownAt)),
      phaseBefore: before?.fsrs.phase ?? null,
      after,
      elapsedDays: after.elapsedDays,
      shift: this.day.shift,
    };
  }

  /**
   * A practice answer: logged as practice with the card's record unchanged, so its schedule does not move; a card
   * answered Again comes back once more at the end of the session.
   */
  private async practise(card: SessionCard, record: StateRecord, rating: Rating): Promise<void> {
    await this.run(async () => {
      const now = this.context.clock.now();
      const log: ReviewLogEntry = { ...this.answered(card, rating, now, record, record.fsrs), practice: true };
      const logged = await this.context.store.schedule.recordReview({ state: record, before: record, log }, this.basis);
      this.pushUndo(card, record, record, logged);
      const rest = this.without(card.ref.id);
      this.queue = rating === 1 ? { ...rest, reviews: [...rest.reviews, { card: card.ref, state: record.fsrs, due: now }] } : rest;
      this.reviewed++;
      await this.showNext();
    });
  }

  async suspend(): Promise<void> {
    await this.changeFlags('suspended', cardRecord.suspend);
  }

  /** "Never show this card": suspended for good, and listed on the decks screen where it can be shown again. */
  async hide(): Promise<void> {
    await this.changeFlags('hidden', cardRecord.hide);
  }

  /**
   * "Never show cards from this section": the card's section and its subsections leave the reviews for good — this
   * session's queue at once, every later import too (see Store.hideSection). The decks screen lists the section,
   * where "Show again" undoes it.
   */
  async hideSection(): Promise<void> {
    const card = this.card;
    if (!card || this.busy || (this.status !== 'question' && this.status !== 'answer')) return;
    await this.run(async () => {
      const now = this.context.clock.now();
      const section: HiddenSection = { id: randomId(), deckId: card.ref.deckId, path: sectionOf(card.body), createdAt: now };
      await this.context.store.hidden.hideSection(section, now, this.basis);
      const { bodies } = await this.bodiesOf(card.ref.deckId);
      const hidden = new Set([...bodies.values()].filter((body) => hidingSection([section], section.deckId, body)).map((body) => body.id));
      const keep = (list: Queue<SessionRef>['learning']) => list.filter((e) => !hidden.has(e.card.id));
      this.queue = { learning: keep(this.queue.learning), reviews: keep(this.queue.reviews), fresh: keep(this.queue.fresh) };
      for (const id of hidden) this.records.delete(id);
      // Undo restores earlier queues, which still hold the section's cards: its history ends here, and the
      // notice's Undo shows the section again instead (undoAction).
      this.undoStack = [];
      this.canUndo = false;
      await this.showNext();
      this.lastAction = { kind: 'section', sectionId: section.id, title: section.path.at(-1)! };
    });
  }

  /** The notice's Undo: a bury, suspend or hide is undone as any action; a hidden section is shown again. */
  async undoAction(): Promise<void> {
    const action = this.lastAction;
    if (!action || this.busy) return;
    if (action.kind !== 'section') return this.undo();
    await this.run(async () => {
      await this.context.store.hidden.showSection(action.sectionId);
      this.context.changes.announce('decks');
      this.lastAction = null;
      this.summary = null;
      this.records.clear();
      await this.load();
    });
  }

  /**
   * "Learn 10 more today": today's new-card limits (overall and each deck's) grow by `count` for this study day only,
   * and the session goes on with the new cards that makes room for.
   */
  async studyMore(count: number): Promise<void> {
    if (this.busy) return;
    await this.run(async () => {
      const dayStart = this.day.dayStart;
      const before = this.context.extraNew?.dayStart === dayStart ? this.context.extraNew.count : 0;
      const extraNew = { dayStart, count: before + count };
      await this.context.store.settings.put(EXTRA_NEW_SETTING, extraNew);
      this.context.extraNew = extraNew;
      this.context.changes.announce('settings');
      this.summary = null;
      await this.load();
    });
  }

  async bury(): Promise<void> {
    const until = this.day.dayEnd;
    await this.changeFlags('buried', (record) => cardRecord.bury(record, until));
  }

  async undo(): Promise<void> {
    const entry = this.undoStack.at(-1);
    if (!entry || this.busy) return;
    await this.run(async () => {
      const { id: cardId, deckId } = entry.card.ref;
      await this.context.store.schedule.restoreState({ cardId, deckId, before: entry.before, written: entry.written, log: entry.log }, this.basis);
      this.undoStack.pop();
      if (entry.before) this.records.set(entry.card.ref.id, entry.before);
      else this.records.delete(entry.card.ref.id);
      if (entry.log !== null) this.reviewed--;
      this.queue = entry.queue;
      this.lastSection = entry.lastSection;
      this.canUndo = this.undoStack.length > 0;
      this.leechNotice = null;
      this.lastAction = null;
      this.summary = null;
      this.show({ ...entry.card, record: entry.before });
    }, 'undo');
  }

  private async changeFlags(kind: 'buried' | 'suspended' | 'hidden', change: (record: StateRecord) => StateRecord): Promise<void> {
    const card = this.card;
    if (!card || this.busy || (this.status !== 'question' && this.status !== 'answer')) return;
    await this.run(async () => {
      const now = this.context.clock.now();
      const before = card.record;
      const base = before ?? cardRecord.newRecord(card.ref.id, card.ref.deckId, now);
      const record = change(base);
      await this.context.store.schedule.putFlags(record, before, this.basis);
      this.pushUndo(card, before, record, null);
      this.records.set(card.ref.id, record);
      this.queue = this.without(card.ref.id);
      await this.showNext();
      this.lastAction = { kind };
    });
  }

  private pushUndo(card: SessionCard, before: StateRecord | null, written: StateRecord, log: LogRef | null): void {
    this.undoStack.push({ card, before, written, log, queue: this.queue, lastSection: this.lastSection });
    this.canUndo = true;
  }

  private without(cardId: string): Queue<SessionRef> {
    const keep = (list: Queue<SessionRef>['learning']) => list.filter((e) => e.card.id !== cardId);
    return { learning: keep(this.queue.learning), reviews: keep(this.queue.reviews), fresh: keep(this.queue.fresh) };
  }

  private async showNext(): Promise<void> {
    clearTimeout(this.timer);
    const now = this.context.clock.now();
    this.counts = countQueue(this.queue);
    const pick = pickNext(this.queue, now, this.lastSection);
    if (pick === null) {
      this.card = null;
      this.summary = await this.summarize(now);
      this.status = 'done';
      return;
    }
    if ('waitUntil' in pick) {
      this.card = null;
      this.waitUntil = pick.waitUntil;
      this.status = 'waiting';
      this.timer = setTimeout(() => void this.run(() => this.showNext()), Math.max(0, pick.waitUntil - now - 20 * 60_000) + 1000);
      return;
    }
    const ref = pick.entry.card;
    const deck = await this.bodiesOf(ref.deckId);
    const body = deck.bodies.get(ref.id);
    if (!body) {
      // A card without a body cannot be shown; leave it for the next import to repair rather than stop the session.
      this.queue = this.without(ref.id);
      return this.showNext();
    }
    this.show({ ref, body, record: this.records.get(ref.id) ?? null, media: deck.media });
    const upcoming = pickNext(this.without(ref.id), now, ref.section);
    if (upcoming && 'entry' in upcoming) void this.bodiesOf(upcoming.entry.card.deckId);
  }

  private show(card: SessionCard): void {
    const now = this.context.clock.now();
    const outcomes = this.context.scheduler.preview(card.record?.fsrs ?? null, now, this.day.shift);
    const each = (format: (ms: number) => string) => Object.fromEntries(RATINGS.map((r) => [r, format(outcomes[r].due - now)])) as Record<Rating, string>;
    // Practice moves no due date: the buttons show none.
    this.intervals = this.practice ? null : each((ms) => i18n.interval(ms));
    this.spokenIntervals = this.practice ? null : each((ms) => i18n.interval(ms, 'long'));
    this.card = card;
    this.lastSection = card.ref.section;
    this.waitUntil = null;
    this.shownAt = now;
    this.status = 'question';
    this.counts = countQueue(this.queue);
  }

  private bodiesOf(deckId: string): Promise<{ bodies: Map<string, CardBody>; media: Map<string, string> }> {
    let loading = this.bodies.get(deckId);
    if (!loading) {
      const { store } = this.context;
      loading = Promise.all([store.decks.cardBodies(deckId), store.decks.media(deckId)]).then(([list, images]) => {
        const { urls, revoke } = mediaUrls(images);
        this.revokers.push(revoke);
        return { bodies: new Map(list.map((b) => [b.id, b])), media: urls };
      });
      loading.catch(() => this.bodies.delete(deckId));
      this.bodies.set(deckId, loading);
    }
    return loading;
  }

  private async summarize(now: number): Promise<DoneSummary> {
    const { store } = this.context;
    const tomorrowEnd = this.day.dayEnd + DAY;
    const [nextDue, dueTomorrow, decks, todays, streak] = await Promise.all([
      store.schedule.nextDueAt(now),
      store.schedule.dueCountBetween(this.day.dayEnd, tomorrowEnd),
      store.decks.list(),
      store.log.between(this.day.dayStart, this.day.dayEnd),
      store.log.streak(eventDay({ time: this.day.dayStart, shift: this.day.shift })),
    ]);
    const answered = todays.filter(isReview);
    const reviewCards = answered.filter((r) => r.phaseBefore === 'review');
    // This session's ratings count too: what was done is read again, not taken from when the session began.
    const doneByDeck = doneInLog(todays);
    const wanted = decks.filter((d) => this.deckIds.includes(d.id));
    const unseen = (d: { cardCount: number; tracked: number }) => Math.max(0, d.cardCount - d.tracked);
    const freshTomorrow = wanted.reduce((sum, d) => sum + Math.min(this.context.limitsFor(d.id).newPerDay, unseen(d)), 0);
    const today = limitsToday(this.context, this.day.dayStart);
    const done = sumDone(doneByDeck.values());
    const waitingNew = wanted.reduce((sum, d) => sum + unseen(d), 0);
    const deckFull = wanted.some((d) => unseen(d) > 0 && (doneByDeck.get(d.id)?.newCards ?? 0) >= today.limitsFor(d.id).newPerDay);
    const reviewsWaiting = done.reviews >= today.limits.reviewsPerDay && (await store.schedule.dueCountBetween(0, this.day.dayEnd)) > 0;
    const limitReached = waitingNew > 0 && done.newCards >= today.limits.newPerDay ? 'new' : waitingNew > 0 && deckFull ? 'deck-new' : reviewsWaiting ? 'reviews' : null;
    return {
      reviewed: this.reviewed,
      nextDue,
      dueTomorrow,
      freshTomorrow: Math.min(freshTomorrow, this.context.limits.newPerDay),
      limitReached,
      waitingNew,
      newPerDay: today.limits.newPerDay,
      today: { reviews: answered.length, ms: answered.reduce((sum, r) => sum + r.durationMs, 0) },
      retention: reviewCards.length > 0 ? { passed: reviewCards.filter((r) => r.rating > 1).length, total: reviewCards.length } : null,
      streak,
      practisable: wanted.some((d) => d.tracked > 0),
    };
  }

  private async run(work: () => Promise<void>, staleReason: 'session' | 'undo' = 'session'): Promise<void> {
    this.busy = true;
    this.error = null;
    this.changedElsewhere = null;
    try {
      try {
        await work();
      } catch (error) {
        if (!(error instanceof StoreError && error.kind === 'stale')) throw error;
        await this.reload(staleReason);
      }
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }
}
