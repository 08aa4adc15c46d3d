import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import CardView from '../../src/components/CardView.svelte';
import type { CardBody } from '../../src/core/deck-content.ts';

const body: CardBody = {
  id: 'c1',
  kind: 'section',
  question: 'Capas',
  answer: '- Física',
  questionHtml: '<p>Capas</p>',
  answerHtml: '<ul><li>Física</li></ul><p><img alt="diagrama" data-media="media/redes/capas.svg"></p>',
  context: ['Redes', 'Modelo OSI'],
  line: 3,
};

describe('CardView', () => {
  it('shows the breadcrumb and the question, and reveals on a tap anywhere on the card', async () => {
    const onreveal = vi.fn();
    render(CardView, { body, revealed: false, onreveal });
    expect(screen.getByText('Redes › Modelo OSI')).toBeTruthy();
    expect(screen.getByTestId('question').textContent).toBe('Capas');
    expect(screen.queryByTestId('answer')).toBeNull();
    await fireEvent.click(screen.getByText('Capas'));
    expect(onreveal).toHaveBeenCalledOnce();
  });

  it('shows the answer below the question, with deck images served from the decks folder', () => {
    render(CardView, { body, revealed: true, onreveal: vi.fn() });
    expect(screen.getByTestId('answer').querySelector('li')?.textContent).toBe('Física');
    const img = screen.getByAltText('diagrama') as HTMLImageElement;
    expect(img.getAttribute('src')).toBe('/decks/media/redes/capas.svg');
  });
});
