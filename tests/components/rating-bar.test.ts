import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import RatingBar from '../../src/components/RatingBar.svelte';
import { i18n } from '../../src/i18n/i18n.svelte.ts';

afterEach(() => {
  i18n.language = 'en';
});

describe('RatingBar', () => {
  it('offers "Show answer" until the answer is revealed', async () => {
    const onreveal = vi.fn();
    render(RatingBar, { revealed: false, intervals: null, disabled: false, onreveal, onrate: vi.fn() });
    await fireEvent.click(screen.getByRole('button', { name: 'Show answer' }));
    expect(onreveal).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Good' })).toBeNull();
  });

  it('shows four ratings with the interval each would give, and reports the one tapped', async () => {
    const onrate = vi.fn();
    render(RatingBar, { revealed: true, intervals: { 1: '1m', 2: '6m', 3: '10m', 4: '3d' }, disabled: false, onreveal: vi.fn(), onrate });
    const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual(['Again', 'Hard', 'Good', 'Easy']);
    expect(screen.getByRole('button', { name: 'Easy' }).textContent).toContain('3d');
    await fireEvent.click(screen.getByRole('button', { name: 'Hard' }));
    expect(onrate).toHaveBeenCalledWith(2);
  });

  it("says each interval in words in the buttons' accessible names (screen readers heard none)", () => {
    render(RatingBar, {
      revealed: true,
      intervals: { 1: '1m', 2: '6m', 3: '10m', 4: '3d' },
      spoken: { 1: '1 minute', 2: '6 minutes', 3: '10 minutes', 4: '3 days' },
      disabled: false,
      onreveal: vi.fn(),
      onrate: vi.fn(),
    });
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Again, 1 minute', 'Hard, 6 minutes', 'Good, 10 minutes', 'Easy, 3 days']);
  });

  it('speaks Spanish when the UI is in Spanish', () => {
    i18n.language = 'es';
    render(RatingBar, { revealed: true, intervals: null, disabled: false, onreveal: vi.fn(), onrate: vi.fn() });
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Otra vez', 'Difícil', 'Bien', 'Fácil']);
  });
});
