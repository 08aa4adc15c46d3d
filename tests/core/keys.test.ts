import { describe, expect, it } from 'vitest';
import { extract } from './helpers.ts';

const NOTE = '---\ntitle: Redes\n---\n## Capas\n\n- **Física:** cables y señales.\n- **Enlace:** tramas.\n\n## ¿Qué es TCP?\n\nUn protocolo fiable.\n';

function keysByQuestion(markdown: string): Map<string, string> {
  return new Map(extract(markdown, 'redes.md').cards.map((c) => [c.question, c.key]));
}

describe('card keys', () => {
  it('are identical when the same note is extracted again', () => {
    expect([...keysByQuestion(NOTE)]).toEqual([...keysByQuestion(NOTE)]);
  });

  it('stay the same when an answer is edited', () => {
    const edited = NOTE.replace('cables y señales.', 'cables, fibra y radio.').replace('Un protocolo fiable.', 'Protocolo orientado a conexión.');
    expect([...keysByQuestion(edited)]).toEqual([...keysByQuestion(NOTE)]);
  });

  it('change when a question is edited', () => {
    const before = keysByQuestion(NOTE);
    const after = keysByQuestion(NOTE.replace('**Física:**', '**Capa física:**'));
    expect(after.get('Capa física')).toBeDefined();
    expect([...after.values()]).not.toContain(before.get('Física'));
    expect(after.get('Enlace')).toBe(before.get('Enlace'));
  });

  it('ignore case, ¿?¡!:*_ marks and spacing, but keep accents', () => {
    const a = keysByQuestion('## ¿Qué es TCP?\n\nX.\n').get('¿Qué es TCP?');
    const b = keysByQuestion('## **que  es tcp**:\n\nX.\n').get('que  es tcp');
    const c = keysByQuestion('## **qué  es tcp**:\n\nX.\n').get('qué  es tcp');
    expect(a).not.toBe(b);
    expect(a).toBe(c);
  });

  it('use the front-matter id instead of the path when present, so a moved file keeps its keys', () => {
    const withId = (path: string) => extract('---\nid: redes-101\n---\n## A\n\nB.\n', path).cards[0]!.key;
    expect(withId('a/redes.md')).toBe(withId('b/otra.md'));
  });

  it('disambiguate duplicates deterministically and warn', () => {
    const { cards, warnings } = extract('## Dup\n\n- **X:** uno\n- **X:** dos\n');
    const keys = cards.filter((c) => c.kind === 'term').map((c) => c.key);
    expect(keys[1]).toBe(`${keys[0]}#2`);
    expect(warnings.map((w) => w.line)).toEqual([4]);
    expect(warnings[0]!.message).toMatch(/duplicate/);
  });

  it('warn about an answer over 1,500 characters', () => {
    const { warnings } = extract(`## Largo\n\n${'palabra '.repeat(250)}\n`);
    expect(warnings[0]!.message).toMatch(/over 1500/);
  });
});
