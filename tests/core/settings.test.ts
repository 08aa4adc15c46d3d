import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/core/queue.ts';
import { DEFAULT_SCHEDULER_SETTINGS, validateSettings } from '../../src/core/scheduler.ts';
import { parseDeckLimit, parseRetention, parseSteps, parseStudySettings, toForm } from '../../src/core/settings.ts';

describe('study settings as typed', () => {
  it('round-trips the defaults', () => {
    const parsed = parseStudySettings(toForm(DEFAULT_SCHEDULER_SETTINGS, DEFAULT_LIMITS));
    expect(parsed).toEqual({ ok: true, scheduler: DEFAULT_SCHEDULER_SETTINGS, limits: DEFAULT_LIMITS });
  });

  it('names each wrong field, and saves nothing', () => {
    const form = { ...toForm(DEFAULT_SCHEDULER_SETTINGS, DEFAULT_LIMITS), desiredRetention: '0.5', maximumInterval: '0', learningSteps: '1x', newPerDay: '-1', dayStartHour: '24' };
    expect(parseStudySettings(form)).toEqual({
      ok: false,
      problems: { desiredRetention: 'retention', maximumInterval: 'interval', learningSteps: 'steps', newPerDay: 'limit', dayStartHour: 'hour' },
    });
  });

  it('reads retention as a fraction or a percentage', () => {
    expect([parseRetention('0.85'), parseRetention('85'), parseRetention('85%'), parseRetention('0,92')]).toEqual([0.85, 0.85, 0.85, 0.92]);
    expect([parseRetention(''), parseRetention('1'), parseRetention('0.69'), parseRetention('abc')]).toEqual([null, null, null, null]);
  });

  it('reads steps separated by spaces or commas; no steps is allowed', () => {
    expect(parseSteps('1m 10m, 1h')).toEqual(['1m', '10m', '1h']);
    expect(parseSteps('')).toEqual([]);
    expect(parseSteps('10')).toBeNull();
    expect(parseSteps('0m')).toBeNull();
  });

  it('gives settings the scheduler accepts', () => {
    const parsed = parseStudySettings({ ...toForm(DEFAULT_SCHEDULER_SETTINGS, DEFAULT_LIMITS), desiredRetention: '97', learningSteps: '2m 15m 1h' });
    expect(parsed.ok && validateSettings(parsed.scheduler)).toEqual([]);
  });

  it('reads a deck limit: empty uses the general one', () => {
    expect([parseDeckLimit(''), parseDeckLimit(' 5 '), parseDeckLimit('x'), parseDeckLimit('10000')]).toEqual([null, 5, 'invalid', 'invalid']);
  });
});
