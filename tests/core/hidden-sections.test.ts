import { describe, expect, it } from 'vitest';
import { hidingSection, isHiddenSectionList, sectionOf, type HiddenSection } from '../../src/core/hidden-sections.ts';

const hidden: HiddenSection = { id: 'h1', deckId: 'redes', path: ['Transporte', 'TCP'], createdAt: 1 };

describe('hidden sections', () => {
  it('a card is in the section its breadcrumb ends on, the deck title aside; a card at the top of its note is its own section', () => {
    expect(sectionOf({ kind: 'section', question: 'Control de flujo', context: ['Redes', 'Transporte', 'TCP'] })).toEqual(['Transporte', 'TCP']);
    expect(sectionOf({ kind: 'question', question: '¿Quién creó TCP?', context: ['Redes', 'Transporte', 'TCP'] })).toEqual(['Transporte', 'TCP']);
    expect(sectionOf({ kind: 'term', question: 'SYN', context: ['Redes', 'Transporte', 'TCP'] })).toEqual(['Transporte', 'TCP']);
    expect(sectionOf({ kind: 'section', question: 'Transporte', context: ['Redes'] })).toEqual(['Transporte']);
  });

  it('hide the section and its subsections in their deck, and nothing that only shares a prefix of a title', () => {
    const at = (kind: 'section' | 'term', question: string, ...context: string[]) => hidingSection([hidden], 'redes', { kind, question, context: ['Redes', ...context] });
    expect(at('section', 'TCP', 'Transporte')?.id).toBe('h1');
    expect(at('section', 'Control de flujo', 'Transporte', 'TCP')?.id).toBe('h1');
    expect(at('term', 'SYN', 'Transporte', 'TCP', 'Saludo')?.id).toBe('h1');
    expect(at('section', 'TCP/IP', 'Transporte')).toBeUndefined();
    expect(at('section', 'UDP', 'Transporte')).toBeUndefined();
    expect(at('section', 'Transporte')).toBeUndefined();
    // The deck's title may change with its note: the breadcrumb below it still names the section.
    expect(hidingSection([hidden], 'redes', { kind: 'section', question: 'TCP', context: ['Redes de computadoras', 'Transporte'] })?.id).toBe('h1');
    expect(hidingSection([hidden], 'otro', { kind: 'section', question: 'TCP', context: ['Redes', 'Transporte'] })).toBeUndefined();
  });

  it('a stored list is used only when every entry has its fields', () => {
    expect(isHiddenSectionList([hidden])).toBe(true);
    expect(isHiddenSectionList([{ ...hidden, path: [] }])).toBe(false);
    expect(isHiddenSectionList([{ ...hidden, createdAt: 'ayer' }])).toBe(false);
    expect(isHiddenSectionList({})).toBe(false);
  });
});
