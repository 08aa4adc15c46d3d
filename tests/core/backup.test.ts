import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, backupReminderDue, backupSnoozedUntil, countedDecks, logTable, tableEvents, type Backup } from '../../src/core/backup.ts';
import { checkBackupDocument } from '../../src/core/backup-check.ts';
import { numberedLog, simulatedHistory } from '../support/history.ts';

const NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;
/** A fresh, valid backup as JSON would give it back, its log beside the document as in an archive. */
const valid = (): Backup & { version: number } => JSON.parse(JSON.stringify(simulatedHistory({ now: NOW, days: 30, cards: 40 })));

/** The document, then its log, as the archive reader checks them (a version 1 document holds its log). */
function check(backup: unknown, files: ReadonlySet<string> = new Set()) {
  const whole = backup as { version?: unknown; log?: unknown };
  const inline = whole?.version === 1 || !Array.isArray(whole?.log);
  const log = inline ? [] : (whole.log as unknown[]);
  const checked = checkBackupDocument(inline ? backup : { ...whole, log: { files: [], count: log.length } }, files);
  if (!checked.ok) return checked;
  const problem = checked.log.next(checked.inlineLog ?? log, 'log') ?? checked.log.finish(checked.document.log.count);
  return problem ? { ok: false, problem } : { ok: true };
}

/** A version 1 document (its log inside it, numbered by the database it came from). */
const version1 = () => {
  const backup = valid();
  return { ...backup, version: 1, log: numberedLog(backup.log) };
};

describe('a log file as a table', () => {
  it('gives back the events it was made of: practice answers, Forget, a new card’s null phase and last review', () => {
    const { log } = valid();
    const odd = [{ ...log[0]!, practice: true as const }, { ...log[1]!, rating: 0 as const, phaseBefore: null, after: { ...log[1]!.after, lastReview: null } }, ...log.slice(2)];
    expect(tableEvents(JSON.parse(JSON.stringify(logTable(odd))))).toEqual(odd);
  });

  it('is refused when its columns are not the known ones, and passes odd rows on to the check', () => {
    const table = logTable(valid().log.slice(0, 2));
    expect(tableEvents({ ...table, columns: table.columns.slice(1) })).toBeNull();
    expect(tableEvents([table])).toBeNull();
    expect(tableEvents({ ...table, rows: ['x', table.rows[0]!.slice(0, 3)] })![0]).toBe('x');
    const checked = checkBackupDocument({ ...valid(), log: { files: [], count: 1 } }, new Set());
    if (!checked.ok) throw new Error('expected a good document');
    expect(checked.log.next(tableEvents({ ...table, rows: [table.rows[0]!.slice(0, 3)] }), 'log/0000.json')).toMatchObject({ code: 'bad-record', index: 0 });
  });
});

describe('checking a backup', () => {
  it('accepts a whole, consistent backup', () => {
    expect(check(valid())).toEqual({ ok: true });
  });

  it('accepts a version 1 backup, its log numbered, and refuses a log number the key generator could not reach', () => {
    expect(check(version1())).toEqual({ ok: true });
    const huge = version1();
    huge.log[0]!.id = 2 ** 53;
    expect(check(huge)).toMatchObject({ ok: false, problem: { code: 'bad-record', part: 'log', index: 0, field: 'id' } });
  });

  it('refuses what is not a backup', () => {
    for (const document of [null, [], 'text', { format: 'anki' }, { cards: [] }, { ...valid(), version: 0 }]) {
      expect(check(document)).toEqual({ ok: false, problem: { code: 'not-a-backup' } });
    }
  });

  it('refuses a backup from a newer version, naming it', () => {
    expect(check({ ...valid(), version: BACKUP_VERSION + 1 })).toEqual({ ok: false, problem: { code: 'newer-version', version: BACKUP_VERSION + 1 } });
  });

  it('names the record and field that is wrong', () => {
    const backup = valid();
    (backup.log[3] as { rating: number }).rating = 5;
    expect(check(backup)).toEqual({ ok: false, problem: { code: 'bad-record', part: 'log', index: 3, field: 'rating' } });
    const other = valid();
    (other.states[0]!.fsrs as { stability: unknown }).stability = 'high';
    expect(check(other)).toMatchObject({ ok: false, problem: { code: 'bad-record', part: 'states', index: 0, field: 'fsrs' } });
    const missing = valid() as Partial<Backup>;
    delete missing.log;
    expect(check(missing)).toMatchObject({ ok: false, problem: { code: 'bad-record', part: 'file', field: 'log' } });
  });

  it('refuses records that point at records the file does not hold', () => {
    const state = valid();
    state.states[2]!.deckId = 'elsewhere';
    expect(check(state)).toMatchObject({ ok: false, problem: { code: 'dangling', part: 'states', index: 2 } });
    const log = valid();
    log.log[0]!.cardId = 'ghost';
    expect(check(log)).toEqual({ ok: false, problem: { code: 'dangling', part: 'log', index: 0, missing: 'ghost' } });
    const refs = valid();
    refs.cardRefs[0]!.deckId = 'nowhere';
    expect(check(refs)).toMatchObject({ ok: false, problem: { code: 'dangling', part: 'cardRefs' } });
  });

  it('refuses duplicates and missing images', () => {
    const twice = valid();
    twice.log[1] = { ...twice.log[1]!, id: twice.log[0]!.id, seq: twice.log[0]!.seq };
    expect(check(twice)).toMatchObject({ ok: false, problem: { code: 'duplicate', part: 'log' } });
    const card = valid();
    card.cardRefs[0]!.refs.push({ ...card.cardRefs[0]!.refs[0]! });
    expect(check(card)).toMatchObject({ ok: false, problem: { code: 'duplicate', part: 'cards' } });
    const image = valid();
    image.media.push({ deckId: 'vocabulario', path: 'img/a.png', file: 'media/0' });
    expect(check(image)).toEqual({ ok: false, problem: { code: 'missing-file', file: 'media/0' } });
    expect(check(image, new Set(['media/0'])).ok).toBe(true);
  });
});

describe('values out of range are refused with a reason (regression: they were accepted and broke the app later)', () => {
  const refused = (change: (backup: ReturnType<typeof valid>) => void) => {
    const backup = valid();
    change(backup);
    return check(backup);
  };

  it('an event id that is not its device and counter (two events could then share one)', () => {
    expect(refused((b) => (b.log[0]!.id = 'simulated:999999'))).toMatchObject({ ok: false, problem: { code: 'bad-record', part: 'log', index: 0, field: 'id' } });
    expect(refused((b) => (b.log[0]!.device = 'Not A Device'))).toMatchObject({ ok: false, problem: { code: 'bad-record', part: 'log', index: 0, field: 'device' } });
    expect(refused((b) => (b.log[0]!.seq = 0))).toMatchObject({ ok: false, problem: { code: 'bad-record', part: 'log', index: 0, field: 'seq' } });
  });

  it('negative stability ("Invalid memory state"), and difficulty outside FSRS’s 1–10', () => {
    expect(refused((b) => (b.states[0]!.fsrs.stability = -1))).toMatchObject({ ok: false, problem: { part: 'states', field: 'fsrs' } });
    expect(refused((b) => (b.log[2]!.after.difficulty = 11))).toMatchObject({ ok: false, problem: { part: 'log', field: 'after' } });
  });

  it('negative, fractional or huge daily limits, and settings of unknown keys or shapes', () => {
    expect(refused((b) => b.settings.push({ key: 'limits', value: { newPerDay: -5 } }))).toMatchObject({
      ok: false,
      problem: { code: 'bad-record', part: 'settings', field: 'limits' },
    });
    expect(refused((b) => b.settings.push({ key: 'deckLimits', value: { vocabulario: { reviewsPerDay: 2.5 } } }))).toMatchObject({ ok: false, problem: { field: 'deckLimits' } });
    expect(refused((b) => b.settings.push({ key: 'scheduler', value: { desiredRetention: 1.5 } }))).toMatchObject({ ok: false, problem: { field: 'scheduler' } });
    expect(refused((b) => b.settings.push({ key: 'theme', value: 'neon' }))).toMatchObject({ ok: false, problem: { field: 'theme' } });
    expect(refused((b) => b.settings.push({ key: 'debug', value: true }))).toEqual({ ok: false, problem: { code: 'unknown-setting', key: 'debug' } });
    expect(refused((b) => b.settings.push({ key: 'limits', value: { newPerDay: 30 } }, { key: 'theme', value: 'dark' }))).toEqual({ ok: true });
  });

  it('an export time no date can hold (1e308: nothing happened), and times before 1970 or past 2300', () => {
    expect(refused((b) => (b.exportedAt = 1e308))).toMatchObject({ ok: false, problem: { field: 'exportedAt' } });
    expect(refused((b) => (b.log[0]!.time = -1))).toMatchObject({ ok: false, problem: { part: 'log', field: 'time' } });
    expect(refused((b) => (b.states[0]!.fsrs.due = Date.UTC(2400, 0, 1)))).toMatchObject({ ok: false, problem: { part: 'states' } });
  });

  it('a rating that does not exist, and fields the app never writes', () => {
    expect(refused((b) => ((b.log[1] as { rating: number }).rating = 9))).toMatchObject({ ok: false, problem: { part: 'log', index: 1, field: 'rating' } });
    expect(refused((b) => ((b.log[1] as unknown as Record<string, unknown>).injected = '<script>'))).toMatchObject({ ok: false, problem: { field: 'injected' } });
  });

  it('a card that can be shown but has no place in the queue, or one filed under another deck', () => {
    const state = (b: ReturnType<typeof valid>) => b.states.find((s) => !s.suspended && s.queueDue !== undefined)!;
    expect(refused((b) => delete state(b).queueDue)).toMatchObject({ ok: false, problem: { part: 'states', field: 'queueDue' } });
    expect(refused((b) => (state(b).leechOf = 'elsewhere'))).toMatchObject({ ok: false, problem: { part: 'states', field: 'leechOf' } });
  });
});

describe('restored decks', () => {
  it('count their cards, studied cards and retired cards from what the backup holds', () => {
    const backup = valid();
    const counted = countedDecks(backup);
    expect(counted).toEqual(backup.decks);
    const broken = { ...backup, decks: backup.decks.map((d) => ({ ...d, cardCount: 0, tracked: 999, retired: 7 })) };
    expect(countedDecks(broken)).toEqual(backup.decks);
  });
});

describe('the backup reminder', () => {
  it('waits until there are reviews, then until the last backup is over 14 days old', () => {
    expect(backupReminderDue({ now: NOW, firstReviewAt: null })).toBe(false);
    expect(backupReminderDue({ now: NOW, firstReviewAt: NOW - 3 * DAY })).toBe(false);
    expect(backupReminderDue({ now: NOW, firstReviewAt: NOW - 15 * DAY })).toBe(true);
    expect(backupReminderDue({ now: NOW, firstReviewAt: NOW - 90 * DAY, lastBackupAt: NOW - 14 * DAY })).toBe(false);
    expect(backupReminderDue({ now: NOW, firstReviewAt: NOW - 90 * DAY, lastBackupAt: NOW - 15 * DAY })).toBe(true);
  });

  it('stays quiet while snoozed', () => {
    expect(backupReminderDue({ now: NOW, firstReviewAt: NOW - 90 * DAY, snoozedUntil: NOW + DAY })).toBe(false);
    expect(backupReminderDue({ now: NOW, firstReviewAt: NOW - 90 * DAY, snoozedUntil: NOW - 1 })).toBe(true);
  });

  it('"Later" keeps it away for three days', () => {
    const until = backupSnoozedUntil(NOW);
    expect(backupReminderDue({ now: NOW + 3 * DAY - 1, firstReviewAt: NOW - 90 * DAY, snoozedUntil: until })).toBe(false);
    expect(backupReminderDue({ now: NOW + 3 * DAY, firstReviewAt: NOW - 90 * DAY, snoozedUntil: until })).toBe(true);
  });
});
