/**
 * The database's invariants, checked on a dump of every store (fake-indexeddb in unit tests, Chromium's IndexedDB
 * in browser tests). Each broken invariant is one line in the result; an empty list means the data is consistent.
 */
import { openDB } from 'idb';
import type { RepasoSchema } from '../../src/adapters/db-schema.ts';
import type { CardRef } from '../../src/core/deck-content.ts';
import type { DeckRecord, ReviewLogRecord, StateRecord } from '../../src/core/records.ts';
import { queued } from '../../src/core/queue-rule.ts';
import { sameRecord } from '../../src/core/records.ts';
import { createScheduler, replay, type Scheduler } from '../../src/core/scheduler.ts';
import { eventDay, withEvents, type LogPage } from '../../src/core/log-pages.ts';
import { inReplayOrder } from '../../src/core/log-replay.ts';

export interface DatabaseDump {
  decks: DeckRecord[];
  cardRefs: { deckId: string; refs: CardRef[] }[];
  states: StateRecord[];
  log: ReviewLogRecord[];
  /** The log as stored: when present, each page must be what its events make it, and `log` is read from them. */
  logPages?: LogPage[];
}

export function databaseProblems(dump: DatabaseDump, scheduler: Scheduler): string[] {
  const problems: string[] = [];
  const deckOfCard = new Map<string, string>();
  const retired = new Set<string>();
  for (const { deckId, refs } of dump.cardRefs) {
    for (const ref of refs) {
      if (deckOfCard.has(ref.id)) problems.push(`card ${ref.id} is in two decks`);
      deckOfCard.set(ref.id, deckId);
      if (ref.retired) retired.add(ref.id);
    }
  }
  const states = new Map(dump.states.map((s) => [s.cardId, s]));
  for (const state of dump.states) {
    const deck = deckOfCard.get(state.cardId);
    if (deck === undefined) problems.push(`state of ${state.cardId} points at no card`);
    else if (deck !== state.deckId) problems.push(`state of ${state.cardId} says deck ${state.deckId}, the card is in ${deck}`);
    if (retired.has(state.cardId) && state.queueDue !== undefined) problems.push(`retired card ${state.cardId} is still scheduled`);
    if (!retired.has(state.cardId) && state.retired) problems.push(`live card ${state.cardId} is marked retired`);
    if (!sameRecord(queued(state), state)) problems.push(`state of ${state.cardId} breaks the queue rule (queueDue ${state.queueDue}, parkedOf ${state.parkedOf})`);
  }

  const log = dump.logPages ? pageEvents(dump.logPages, problems) : dump.log;
  const logs = new Map<string, ReviewLogRecord[]>();
  const ids = new Set<string>();
  for (const entry of log) {
    if (!deckOfCard.has(entry.cardId)) problems.push(`log entry ${entry.id} points at no card (${entry.cardId})`);
    if (ids.has(entry.id)) problems.push(`log entry ${entry.id} is stored twice`);
    ids.add(entry.id);
    logs.set(entry.cardId, [...(logs.get(entry.cardId) ?? []), entry]);
  }
  for (const [cardId, logged] of logs) {
    const entries = inReplayOrder(logged);
    entries.forEach((entry, i) => {
      const previous = entries[i - 1];
      if (!previous) {
        if (entry.phaseBefore !== null && entry.phaseBefore !== 'new') problems.push(`card ${cardId}: its first log entry ${entry.id} starts from a reviewed state`);
      } else if (entry.phaseBefore !== previous.after.phase) {
        problems.push(`card ${cardId}: log entry ${entry.id} does not continue from entry ${previous.id} (a forked history)`);
      }
    });
    const state = states.get(cardId);
    if (!state) {
      problems.push(`card ${cardId} has ${entries.length} log entries but no state`);
      continue;
    }
    if (!sameRecord(replay(scheduler, entries), state.fsrs)) problems.push(`card ${cardId}: its log does not replay to its stored state`);
  }

  for (const deck of dump.decks) {
    const refs = dump.cardRefs.find((c) => c.deckId === deck.id)?.refs;
    if (!refs) {
      problems.push(`deck ${deck.id} has no card list`);
      continue;
    }
    const live = refs.filter((r) => !r.retired);
    const tracked = live.filter((r) => states.has(r.id)).length;
    if (deck.cardCount !== live.length) problems.push(`deck ${deck.id} counts ${deck.cardCount} cards, holds ${live.length}`);
    if ((deck.retired ?? 0) !== refs.length - live.length) problems.push(`deck ${deck.id} counts ${deck.retired ?? 0} retired, holds ${refs.length - live.length}`);
    if (deck.tracked !== tracked) problems.push(`deck ${deck.id} counts ${deck.tracked} studied cards, holds ${tracked}`);
  }
  return problems;
}

/** The events of the pages; a page that is not what its events make it (id, day, card index, totals) is a problem. */
function pageEvents(pages: LogPage[], problems: string[]): ReviewLogRecord[] {
  const events: ReviewLogRecord[] = [];
  for (const page of pages) {
    const expected = withEvents(undefined, page.device, page.day, page.events);
    const filed = page.events.every((e) => e.device === page.device && eventDay(e) === page.day);
    if (page.events.length === 0 || !filed || !sameRecord(expected, page)) problems.push(`log page ${page.id} does not match its events`);
    events.push(...page.events);
  }
  return events;
}

/** Every store of an IndexedDB database the invariants look at, read on a connection of its own. */
export async function dumpDatabase(name: string): Promise<DatabaseDump> {
  const db = await openDB<RepasoSchema>(name);
  const [decks, cardRefs, states, pages] = await Promise.all([db.getAll('decks'), db.getAll('cardRefs'), db.getAll('states'), db.getAll('logPages')]);
  db.close();
  return { decks, cardRefs, states, log: pages.flatMap((page) => page.events), logPages: pages };
}

/** The broken invariants of a database, with the default scheduler. */
export async function storedProblems(name: string): Promise<string[]> {
  return databaseProblems(await dumpDatabase(name), createScheduler());
}
