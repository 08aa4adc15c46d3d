import { describe, expect, it } from 'vitest';
import { BACKUP_VERSION, backupReminderDue, type Backup } from '../../src/core/backup.ts';
import { checkBackup } from '../../src/core/backup-check.ts';
import { simulatedHistory } from '../support/history.ts';

const NOW = Date.UTC(2026, 10, 28, 12);
const DAY = 86_400_000;
/** A fresh, valid backup document as JSON would give it back. */
const valid = (): Backup => JSON.parse(JSON.stringify(simulatedHistory({ now: NOW, days: 30, cards: 40 })));

describe('checking a backup', () => {
  it('accepts a whole, consistent backup', () => {
    const result = checkBackup(valid(), new Set());
    expect(result.ok).toBe(true);
  });

  it('refuses what is not a backup', () => {
    for (const document of [null, [], 'text', { format: 'anki' }, { cards: [] }, { ...valid(), version: 0 }]) {
      expect(checkBackup(document, new Set())).toEqual({ ok: false, problem: { code: 'not-a-backup' } });
    }
  });

  it('refuses a backup from a newer version, naming it', () => {
    expect(checkBackup({ ...valid(), version: BACKUP_VERSION + 1 }, new Set())).toEqual({ ok: false, problem: { code: 'newer-version', version: BACKUP_VERSION + 1 } });
  });

  it('names the record and field that is wrong', () => {
    const backup = valid();
    (backup.log[3] as { rating: number }).rating = 5;
    expect(checkBackup(backup, new Set())).toEqual({ ok: false, problem: { code: 'bad-record', part: 'log', index: 3, field: 'rating' } });
    const other = valid();
    (other.states[0]!.fsrs as { stability: unknown }).stability = 'high';
    expect(checkBackup(other, new Set())).toMatchObject({ ok: false, problem: { code: 'bad-record', part: 'states', index: 0, field: 'fsrs' } });
    const missing = valid() as Partial<Backup>;
    delete missing.log;
    expect(checkBackup(missing, new Set())).toMatchObject({ ok: false, problem: { code: 'bad-record', part: 'log' } });
  });

  it('refuses records that point at records the file does not hold', () => {
    const state = valid();
    state.states[2]!.deckId = 'elsewhere';
    expect(checkBackup(state, new Set())).toMatchObject({ ok: false, problem: { code: 'dangling', part: 'states', index: 2 } });
    const log = valid();
    log.log[0]!.cardId = 'ghost';
    expect(checkBackup(log, new Set())).toEqual({ ok: false, problem: { code: 'dangling', part: 'log', index: 0, missing: 'ghost' } });
    const refs = valid();
    refs.cardRefs[0]!.deckId = 'nowhere';
    expect(checkBackup(refs, new Set())).toMatchObject({ ok: false, problem: { code: 'dangling', part: 'cardRefs' } });
  });

  it('refuses duplicates and missing images', () => {
    const twice = valid();
    twice.log[1]!.id = twice.log[0]!.id;
    expect(checkBackup(twice, new Set())).toMatchObject({ ok: false, problem: { code: 'duplicate', part: 'log' } });
    const card = valid();
    card.cardRefs[0]!.refs.push({ ...card.cardRefs[0]!.refs[0]! });
    expect(checkBackup(card, new Set())).toMatchObject({ ok: false, problem: { code: 'duplicate', part: 'cards' } });
    const image = valid();
    image.media.push({ deckId: 'vocabulario', path: 'img/a.png', file: 'media/0' });
    expect(checkBackup(image, new Set())).toEqual({ ok: false, problem: { code: 'missing-media', file: 'media/0' } });
    expect(checkBackup(image, new Set(['media/0'])).ok).toBe(true);
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
});
