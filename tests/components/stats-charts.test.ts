import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { heatmapLayout, WEEKS_PER_BAND } from '../../src/components/stats/heatmap-layout.ts';
import Forecast from '../../src/components/stats/Forecast.svelte';
import Heatmap from '../../src/components/stats/Heatmap.svelte';
import { studyDay, weekdayOf } from '../../src/core/stats.ts';

// 365 days ending Saturday 28 Nov 2026, with reviews on some of them.
const TODAY = studyDay(Date.UTC(2026, 10, 28, 12), 0);
const year = Array.from({ length: 365 }, (_, i) => ({ day: TODAY - 364 + i, count: i % 5 === 0 ? 0 : i % 40 }));

describe('heatmap layout', () => {
  it('gives every day its own cell, Monday on top, in two half-year bands', () => {
    const layout = heatmapLayout(year);
    expect(new Set(layout.cells.map((c) => `${c.x},${c.y}`)).size).toBe(365);
    expect(layout.bands).toHaveLength(2);
    // Rows follow the weekday: the last day (a Saturday, 5) sits five rows below the Monday of its week.
    const last = layout.cells.at(-1)!;
    const monday = layout.cells[364 - weekdayOf(TODAY)]!;
    expect(weekdayOf(TODAY)).toBe(5);
    expect([last.x, last.y - monday.y]).toEqual([monday.x, 5 * 13]);
    expect(layout.width).toBeLessThanOrEqual(14 + WEEKS_PER_BAND * 13);
    // Twelve month starts in a year.
    expect(layout.months.length).toBeGreaterThanOrEqual(12);
  });
});

describe('heatmap', () => {
  it('is a slider over the days: today first, arrows move by week and by day, a tap picks a day', async () => {
    const { container } = render(Heatmap, { days: year });
    const slider = screen.getByRole('slider', { name: 'Reviews in the last year' });
    expect(slider.getAttribute('aria-valuetext')).toBe(`Sat, Nov 28, 2026: ${year[364]!.count} reviews`);
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuenow')).toBe('357');
    await fireEvent.keyDown(slider, { key: 'ArrowUp' });
    expect(slider.getAttribute('aria-valuenow')).toBe('356');
    await fireEvent.keyDown(slider, { key: 'Home' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Sat, Nov 29, 2025: 0 reviews');
    await fireEvent.click(container.querySelector('rect[data-index="41"]')!);
    expect(slider.getAttribute('aria-valuetext')).toBe('Fri, Jan 9, 2026: 1 review');
  });

  it('tells a screen reader the year in one sentence', () => {
    render(Heatmap, { days: year });
    const total = year.reduce((s, d) => s + d.count, 0).toLocaleString('en');
    expect(screen.getByText(new RegExp(`^Reviews per day for the last year: ${total} in all, on \\d+ days; the busiest day was .+ with 39\\.$`))).toBeTruthy();
  });

  it('says so when there are no reviews', () => {
    render(Heatmap, { days: year.map((d) => ({ ...d, count: 0 })) });
    expect(screen.getAllByText('No reviews in the last year yet.').length).toBeGreaterThan(0);
  });
});

describe('forecast', () => {
  it('draws a bar a day and names the picked one', async () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ day: TODAY + i, count: i === 3 ? 12 : 1 }));
    const { container } = render(Forecast, { days });
    expect(container.querySelectorAll('rect.bar')).toHaveLength(30);
    const slider = screen.getByRole('slider', { name: 'Due in the next 30 days' });
    await fireEvent.keyDown(slider, { key: 'ArrowRight' });
    await fireEvent.keyDown(slider, { key: 'ArrowRight' });
    await fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(slider.getAttribute('aria-valuetext')).toBe('Tue, Dec 1: 12 cards due');
  });
});

describe('an empty forecast', () => {
  it('says nothing is scheduled and draws no scale', () => {
    const days = Array.from({ length: 30 }, (_, i) => ({ day: TODAY + i, count: 0 }));
    const { container } = render(Forecast, { days });
    expect(screen.getAllByText('Nothing is scheduled for the next 30 days.').length).toBeGreaterThan(0);
    expect([...container.querySelectorAll('text')].map((t) => t.textContent)).not.toContain('1');
  });
});
