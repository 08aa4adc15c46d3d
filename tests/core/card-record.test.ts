import { describe, expect, it } from 'vitest';
import { canApply, planAction, undoEdits } from '../../src/core/card-actions.ts';
import * as cardRecord from '../../src/core/card-record.ts';
import { browseRows, EMPTY_QUERY, plainText, searchRows, type CollectionCard } from '../../src/core/card-search.ts';
import { deckAfterImport } from '../../src/core/merge.ts';
import type { StateRecord } from '../../src/core/records.ts';
import { createScheduler, FORGET, replay, type CardState } from '../../src/core/scheduler.ts';

const NOW = Date.UTC(2026, 4, 1, 10);
const DAY_END = NOW + 10 * 3_600_000;
const scheduler = createScheduler({ ...createScheduler().settings, fuzz: false });

function reviewed(cardId: string, ratings: (1 | 2 | 3 | 4)[]): { record: StateRecord; log: { rating: 0 | 1 | 2 | 3 | 4; time: number; shift: number }[] } {
  let fsrs: CardState | null = null;
  const log: { rating: 0 | 1 | 2 | 3 | 4; time: number; shift: number }[] = [];
  ratings.forEach((rating, i) => {
    const time = NOW - (ratings.length - i) * 86_400_000;
    fsrs = scheduler.next(fsrs, rating, time, 0);
    log.push({ rating, time, shift: 0 });
  });
  return { record: cardRecord.queued({ cardId, deckId: 'd', fsrs: fsrs!, suspended: false, buriedUntil: 0, leech: false }), log };
}

function card(id: string, question: string, state?: StateRecord, extra: Partial<CollectionCard['ref']> = {}): CollectionCard {
  return {
    ref: { id, key: id, section: id, ...extra },
    deckId: 'd',
    body: { id, kind: 'section', question, answer: `answer of ${question}`, questionHtml: '', answerHtml: '', context: ['Deck', 'Sección'], line: 1 },
    state,
  };
}

describe('card records', () => {
  it('every flag keeps the one rule: in the queue unless suspended or retired, due when FSRS or the burial says', () => {
    const { record } = reviewed('a', [3, 3]);
    expect(cardRecord.suspend(record).queueDue).toBeUndefined();
    expect(cardRecord.unsuspend(cardRecord.suspend(record)).queueDue).toBe(record.fsrs.due);
    expect(cardRecord.bury(record, record.fsrs.due + 1000).queueDue).toBe(record.fsrs.due + 1000);
    expect(cardRecord.unbury(cardRecord.bury(record, record.fsrs.due + 1000))).toEqual(record);
    expect(cardRecord.showAgain(cardRecord.hide(record))).toEqual(record);
    // A hidden card is not brought back by unsuspend: "Show again" is the way back.
    expect(cardRecord.unsuspend(cardRecord.hide(record)).suspended).toBe(true);
    expect(cardRecord.queued({ ...record, retired: true }).queueDue).toBeUndefined();
  });

  it('forget: new and due now, the leech mark gone, suspension kept; the log with its forget entry replays to it', () => {
    const { record, log } = reviewed('a', [3, 1, 3]);
    const leech = { ...cardRecord.suspend(record), leech: true, leechOf: 'd' };
    const forgotten = cardRecord.forget(leech, NOW);
    expect(forgotten).toMatchObject({ suspended: true, leech: false, fsrs: { phase: 'new', reps: 0, lapses: 0, due: NOW } });
    expect(forgotten.leechOf).toBeUndefined();
    expect(replay(scheduler, [...log, { rating: FORGET, time: NOW, shift: 0 }])).toEqual(forgotten.fsrs);
    const next = scheduler.next(forgotten.fsrs, 3, NOW + 60_000, 0);
    expect(replay(scheduler, [...log, { rating: FORGET, time: NOW, shift: 0 }, { rating: 3, time: NOW + 60_000, shift: 0 }])).toEqual(next);
  });

  it('move: a card found in another note, or back in the notes, keeps its history and flags in its new deck', () => {
    const { record } = reviewed('a', [3, 1, 3]);
    const back = cardRecord.moveTo(cardRecord.retire(record), 'e');
    expect(back).toEqual({ ...record, deckId: 'e' });
    const buried = cardRecord.moveTo(cardRecord.retire(cardRecord.bury(record, record.fsrs.due + 1000)), 'e');
    expect(buried.queueDue).toBe(record.fsrs.due + 1000);
    const leech = cardRecord.moveTo({ ...cardRecord.suspend(record), leech: true, leechOf: 'd' }, 'e');
    expect(leech).toMatchObject({ deckId: 'e', leechOf: 'e', suspended: true });
    expect(leech.queueDue).toBeUndefined();
    const hidden = cardRecord.moveTo(cardRecord.retire(cardRecord.hideWithSection(record, 's')), 'e');
    expect(hidden).toMatchObject({ deckId: 'e', hiddenOf: 'e', hiddenSection: 's', suspended: true });
    expect(hidden.queueDue).toBeUndefined();
    expect(hidden.retired).toBeUndefined();
  });
});

describe('deck records after an import', () => {
  const meta = { id: 'n', title: 'Redes', path: ['Redes'], source: 'redes.md', tags: [] };
  const refs = [
    { id: 'a', key: 'a', section: 'a' },
    { id: 'b', key: 'b', section: 'b' },
    { id: 'c', key: 'c', section: 'c', retired: true },
  ];
  const base = { meta, deckId: 'n', refs, tracked: new Set(['a', 'c']), hash: 'h', now: NOW };

  it('counts live, tracked and retired cards from the references, and raises the revision', () => {
    const previous = { ...meta, hash: 'old', origin: 'imported', cardCount: 9, tracked: 9, updatedAt: 0, revision: 4, importRoot: 'Apuntes' } as const;
    expect(deckAfterImport({ ...base, previous, bundled: false, root: undefined })).toEqual({
      ...meta,
      hash: 'h',
      origin: 'imported',
      cardCount: 2,
      tracked: 1,
      retired: 1,
      importRoot: 'Apuntes',
      updatedAt: NOW,
      revision: 5,
    });
  });

  it('a new deck starts at revision 1; a bundled one says so; this import’s folder replaces the one before', () => {
    expect(deckAfterImport({ ...base, previous: undefined, bundled: false, root: undefined })).toMatchObject({ origin: 'imported', revision: 1 });
    expect(deckAfterImport({ ...base, previous: undefined, bundled: false, root: undefined }).importRoot).toBeUndefined();
    expect(deckAfterImport({ ...base, previous: undefined, bundled: true, root: undefined }).origin).toBe('bundled');
    const previous = { ...meta, hash: 'old', origin: 'imported', cardCount: 0, tracked: 0, updatedAt: 0, importRoot: 'Viejo' } as const;
    expect(deckAfterImport({ ...base, previous, bundled: false, root: 'Nuevo' })).toMatchObject({ importRoot: 'Nuevo', revision: 1 });
  });
});

describe('card actions', () => {
  it('leave out the cards an action would not change, and undo exactly what they did', () => {
    const { record } = reviewed('b', [3]);
    const cards = [card('a', 'A'), card('b', 'B', record), card('c', 'C', cardRecord.suspend(reviewed('c', [3]).record))];
    const time = { now: NOW, dayEnd: DAY_END, shift: 0 };
    const edits = planAction('suspend', cards, time);
    expect(edits.map((e) => e.cardId)).toEqual(['a', 'b']);
    expect(edits[0]!.before).toBeNull();
    expect(canApply('forget', cards[0]!, NOW)).toBe(false);
    const forget = planAction('forget', cards, time);
    expect(forget.map((e) => [e.cardId, e.addLog?.rating])).toEqual([
      ['b', FORGET],
      ['c', FORGET],
    ]);
    const refs = [
      { page: 'dev:1', id: 'dev:41' },
      { page: 'dev:1', id: 'dev:42' },
    ];
    const undo = undoEdits(forget, refs);
    expect(undo.map((e) => [e.before, e.after, e.removeLog])).toEqual([
      [forget[0]!.after, record, refs[0]],
      [forget[1]!.after, cards[2]!.state, refs[1]],
    ]);
  });
});

describe('card search', () => {
  const cards = [
    card('a', '¿Qué es una **célula**?', reviewed('a', [4, 1, 3]).record),
    card('b', 'Núcleo', reviewed('b', [3, 3]).record),
    card('c', 'Retired one', undefined, { retired: true, added: 5 }),
  ];
  const rows = browseRows(cards, NOW);
  const day = { dayStart: NOW - 6 * 3_600_000, dayEnd: DAY_END };
  const ids = (query: Partial<typeof EMPTY_QUERY>) => searchRows(rows, { ...EMPTY_QUERY, ...query }, day).map((r) => r.card.ref.id);

  it('finds words in any order, without accents or case, in question, answer or breadcrumb', () => {
    expect(ids({ text: 'CELULA que' })).toEqual(['a']);
    expect(ids({ text: 'seccion' })).toEqual(['a', 'b', 'c']);
    expect(ids({ text: 'answer nucleo' })).toEqual(['b']);
    expect(ids({ text: 'nothing like it' })).toEqual([]);
  });

  it('filters by state and lapses, sorts by lapses, difficulty and added, and keeps note order on ties', () => {
    expect(ids({ state: 'retired' })).toEqual(['c']);
    expect(ids({ state: 'review' })).toEqual(['a', 'b']);
    expect(ids({ lapses: 1 })).toEqual(['a']);
    expect(ids({ sort: 'lapses' })[0]).toBe('a');
    expect(ids({ sort: 'difficulty' })[0]).toBe('a');
    expect(ids({ sort: 'added' })).toEqual(['c', 'a', 'b']);
    // Soonest due first, and a card with no due date last.
    expect(ids({ sort: 'due' }).at(-1)).toBe('c');
  });

  it('lists a question as plain text', () => {
    expect(plainText('¿Qué es una **célula**? [ver](https://x.org) `code`')).toBe('¿Qué es una célula? ver code');
  });
});
