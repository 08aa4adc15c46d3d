import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/core/deck.ts';
import { extractNote } from '../../src/core/extract/index.ts';
import { deckContentAfter, keyTail, planImport, summarize, type ImportPlan, type StoredDeckSnapshot } from '../../src/core/merge.ts';
import type { DeckFile } from '../../src/core/types.ts';
import { seededRandom } from '../../src/core/random.ts';
import { cardIdFor } from '../../src/adapters/ids.ts';

let counter = 0;
const newId = () => `id${++counter}`;

function deckOf(markdown: string, source = 'notes/page.md'): DeckFile {
  const result = extractNote(markdown, source);
  if (!result.ok || result.skipped) throw new Error('not built');
  return buildDeck(result, { hasImage: () => false, sanitizeAll: (html) => html }).file;
}

/** What the store holds after a plan is applied. */
function applied(plan: ImportPlan, before: StoredDeckSnapshot[]): StoredDeckSnapshot[] {
  const bodies = new Map(before.flatMap((d) => d.bodies.map((b) => [b.id, b] as const)));
  const touched = new Set(plan.decks.map((d) => d.deckId));
  const after = before.filter((d) => !touched.has(d.id));
  for (const deck of plan.decks) after.push({ id: deck.deckId, source: deck.file.source, ...deckContentAfter(deck, bodies, 0) });
  return after;
}

function importNotes(stored: StoredDeckSnapshot[], files: DeckFile[]) {
  const plan = planImport(stored, files, newId);
  return { plan, stored: applied(plan, stored) };
}

const NOTE = `---
title: Redes
---
# Redes

## Capas

- **Física:** cables y señales eléctricas u ópticas.
- **Enlace:** tramas entre equipos vecinos de la misma red.

## ¿Qué es TCP?

Un protocolo de transporte orientado a conexión que garantiza orden y entrega.

## Puertos

- Un puerto identifica un proceso dentro de un equipo.
- HTTP usa el 80 y HTTPS el 443.
`;

describe('planning a re-import', () => {
  it('keeps ids for the same keys, marks edited answers, adds new cards and retires missing ones', () => {
    const first = importNotes([], [deckOf(NOTE)]);
    const ids = new Map(first.plan.decks[0]!.cards.map((c) => [c.card.question, c.id]));
    const edited = NOTE.replace('cables y señales eléctricas u ópticas.', 'cables, fibra y radio.').replace(
      /## Puertos[\s\S]*$/,
      '## ¿Qué es UDP?\n\nUn protocolo sin conexión.\n',
    );
    const second = planImport(first.stored, [deckOf(edited)], newId);
    const deck = second.decks[0]!;
    const byQuestion = new Map(deck.cards.map((c) => [c.card.question, c]));
    expect(byQuestion.get('Física')).toMatchObject({ id: ids.get('Física'), change: 'changed' });
    expect(byQuestion.get('Enlace')).toMatchObject({ id: ids.get('Enlace'), change: 'unchanged' });
    expect(byQuestion.get('¿Qué es UDP?')!.change).toBe('new');
    expect(deck.retired.map((r) => r.question)).toEqual(['Puertos']);
    // "Capas" itself changed too: its answer lists the edited bullet.
    expect(summarize(deck)).toMatchObject({ fresh: 1, changed: 2, retired: 1 });
    expect(byQuestion.get('Capas')!.change).toBe('changed');
  });

  it('matches a renamed heading by its content and keeps the card', () => {
    const first = importNotes([], [deckOf(NOTE)]);
    const id = first.plan.decks[0]!.cards.find((c) => c.card.question === '¿Qué es TCP?')!.id;
    const renamed = NOTE.replace('## ¿Qué es TCP?', '## ¿Qué es el protocolo TCP?');
    const deck = planImport(first.stored, [deckOf(renamed)], newId).decks[0]!;
    expect(deck.cards.find((c) => c.card.question === '¿Qué es el protocolo TCP?')).toMatchObject({ id, change: 'moved' });
    expect(deck.retired).toEqual([]);
  });

  it('follows a section moved to another note, and a renamed file without an id', () => {
    const other = '---\ntitle: Transporte\n---\n# Transporte\n\n## Intro\n\nCapa 4.\n';
    const first = importNotes([], [deckOf(NOTE, 'redes.md'), deckOf(other, 'transporte.md')]);
    const tcpId = first.plan.decks[0]!.cards.find((c) => c.card.question === '¿Qué es TCP?')!.id;
    const tcp = '## ¿Qué es TCP?\n\nUn protocolo de transporte orientado a conexión que garantiza orden y entrega.\n';
    const without = NOTE.replace(tcp, '');
    const second = planImport(first.stored, [deckOf(without, 'redes-renamed.md'), deckOf(other + '\n' + tcp, 'transporte.md')], newId);
    const redes = second.decks[0]!;
    expect(redes.matched).toBe(first.plan.decks[0]!.deckId);
    expect(summarize(redes)).toMatchObject({ fresh: 0, retired: 0 });
    const moved = second.decks[1]!.cards.find((c) => c.card.question === '¿Qué es TCP?')!;
    expect(moved).toMatchObject({ id: tcpId, change: 'moved', fromDeck: first.plan.decks[0]!.deckId });
  });

  it('revives a retired card when it comes back', () => {
    const first = importNotes([], [deckOf(NOTE)]);
    const id = first.plan.decks[0]!.cards.find((c) => c.card.question === 'Puertos')!.id;
    const gone = importNotes(first.stored, [deckOf(NOTE.replace(/## Puertos[\s\S]*$/, ''))]);
    expect(gone.plan.decks[0]!.retired.map((r) => r.id)).toEqual([id]);
    const back = planImport(gone.stored, [deckOf(NOTE)], newId).decks[0]!;
    expect(back.cards.find((c) => c.card.question === 'Puertos')).toMatchObject({ id, change: 'revived' });
  });
});

describe('random edits', () => {
  it('never lose a card id that a review log could point at, and never give two live cards one key', () => {
    const rand = seededRandom(11);
    const topics = Array.from({ length: 12 }, (_, i) => ({
      heading: `Tema ${i} ${['redes', 'células', 'commits', 'protocolos'][i % 4]}`,
      terms: Array.from({ length: 3 }, (_, k) => [`Término ${i}-${k}`, `definición número ${k} del tema ${i} con detalle`]),
    }));
    const render = (list: typeof topics) =>
      `---\ntitle: Azar\n---\n# Azar\n\n` + list.map((t) => `## ${t.heading}\n\n${t.terms.map(([q, a]) => `- **${q}:** ${a}`).join('\n')}\n`).join('\n');
    let stored: StoredDeckSnapshot[] = [];
    const everSeen = new Set<string>();
    for (let round = 0; round < 60; round++) {
      const edit = rand();
      const t = topics[Math.floor(rand() * topics.length)]!;
      if (edit < 0.25) t.terms[0]![1] += ' corregido';
      else if (edit < 0.45) t.heading += ' (ampliado)';
      else if (edit < 0.6) topics.push(topics.splice(topics.indexOf(t), 1)[0]!);
      else if (edit < 0.75 && topics.length > 3) topics.splice(topics.indexOf(t), 1);
      else if (edit < 0.9) t.terms.push([`Nuevo ${round}`, `definición añadida en la ronda ${round}`]);
      else t.terms.reverse();
      const result = importNotes(stored, [deckOf(render(topics), 'azar.md')]);
      stored = result.stored;
      const ids = new Set(stored.flatMap((d) => d.refs.map((r) => r.id)));
      for (const id of everSeen) expect(ids.has(id), `card ${id} disappeared in round ${round}`).toBe(true);
      for (const id of ids) everSeen.add(id);
      const liveKeys = stored.flatMap((d) => d.refs.filter((r) => !r.retired).map((r) => r.key));
      expect(new Set(liveKeys).size).toBe(liveKeys.length);
      expect(new Set(stored.flatMap((d) => d.refs.map((r) => r.id))).size).toBe(stored.flatMap((d) => d.refs).length);
    }
  });
});

const SEED = new URL('../../../shared/notes/llm/introduccion-llm.md', import.meta.url);

describe.skipIf(!existsSync(SEED))('acceptance on the user page in ../shared/notes', () => {
  it('keeps every card through renames, answer edits, a moved and a deleted section, and new terms', () => {
    const original = readFileSync(SEED, 'utf8');
    const first = importNotes([], [deckOf(original, 'llm/introduccion-llm.md')]);
    const before = new Map(first.plan.decks[0]!.cards.map((c) => [c.id, c.card.question]));
    let edited = original
      .replace('### Tamaño del modelo:', '### Tamaño de un modelo:')
      .replace('### **Desafíos y Limitaciones:**', '### **Desafíos y limitaciones de los LLMs:**')
      .replace('Los LLMs contienen miles de millones de parámetros.', 'Los LLMs contienen miles de millones (a veces billones) de parámetros.')
      .replace('Entrenar un LLM requiere recursos computacionales masivos', 'Entrenar un LLM requiere recursos de cómputo enormes');
    // Move "Entrenamiento con grandes volúmenes de datos" under "Pre-entrenamiento y ajuste fino".
    const training = edited.slice(edited.indexOf('### **Entrenamiento con grandes'), edited.indexOf('### **Como funcionan'));
    edited = edited.replace(training, '');
    edited = edited.replace('### **¿Cuál es la Diferencia', training.replace('### ', '#### ') + '### **¿Cuál es la Diferencia');
    // Delete "Aplicaciones de los LLMs" up to "Pre-entrenamiento".
    edited = edited.slice(0, edited.indexOf('### **Aplicaciones de los LLMs:**')) + edited.slice(edited.indexOf('### **Pre-entrenamiento y ajuste fino:**'));
    edited = edited.replace(
      '- **Bias y equidad:**',
      '- **Tokenización:** Cómo se parte el texto en unidades.\n- **Embeddings:** Vectores que representan el significado.\n- **Bias y equidad:**',
    );

    const second = planImport(first.stored, [deckOf(edited, 'llm/introduccion-llm.md')], newId);
    const deck = second.decks[0]!;
    const after = new Map(deck.cards.map((c) => [c.card.question, c]));
    for (const question of [
      'Tamaño de un modelo',
      'Desafíos y limitaciones de los LLMs',
      'Entrenamiento con grandes volúmenes de datos',
      'Costos de entrenamiento',
      'Bias y equidad',
    ]) {
      const card = after.get(question)!;
      expect(card.change, question).not.toBe('new');
      expect(before.has(card.id), question).toBe(true);
    }
    expect(
      deck.cards
        .filter((c) => c.change === 'new')
        .map((c) => c.card.question)
        .sort(),
    ).toEqual(['Embeddings', 'Tokenización']);
    expect(deck.retired.map((r) => r.question)).toEqual(expect.arrayContaining(['Aplicaciones de los LLMs']));
    const live = deck.cards.map((c) => c.id);
    expect(new Set(live).size).toBe(live.length);
    const accounted = new Set([...live, ...deck.retired.map((r) => r.id)]);
    for (const id of before.keys()) expect(accounted.has(id)).toBe(true);
  });
});

describe('the tail of a key (the part that does not name the note)', () => {
  it('is the key without its first item, read directly or parsed, with the same result for any text', () => {
    const random = seededRandom(3);
    const pieces = ['nota.md', 'a "quoted" word', 'back\\slash', 'comma, "and" quote",', '¿Qué es?', '', 'x'];
    for (let n = 0; n < 300; n++) {
      const parts = Array.from({ length: 2 + Math.floor(random() * 3) }, () => pieces[Math.floor(random() * pieces.length)]!);
      const key = JSON.stringify(parts) + (random() < 0.3 ? `#${1 + Math.floor(random() * 9)}` : '');
      const [, suffix = ''] = key.split(/(?=#\d+$)/);
      expect(keyTail(key)).toBe(JSON.stringify(parts.slice(1)) + suffix);
    }
    expect(keyTail('not a json key')).toBe('not a json key');
  });
});

describe('card ids two devices agree on', () => {
  const NOTE_A = '# Redes\n\n## ¿Qué es TCP?\n\nUn protocolo fiable.\n\n## ¿Qué es UDP?\n\nUn protocolo sin conexión.\n';

  it('the same notes imported into two empty collections give the same card ids, and two cards never share one', () => {
    const phone = planImport([], [deckOf(NOTE_A)], cardIdFor);
    const laptop = planImport([], [deckOf(NOTE_A)], cardIdFor);
    const ids = (plan: ImportPlan) => plan.decks.flatMap((d) => d.cards.map((c) => c.id));
    expect(ids(phone)).toEqual(ids(laptop));
    expect(new Set(ids(phone)).size).toBe(ids(phone).length);
  });

  it('an id already taken in the collection is never given again: the new card gets a random one', () => {
    const first = planImport([], [deckOf(NOTE_A)], cardIdFor);
    const taken = first.decks[0]!.cards[0]!.id;
    // A stored deck (another note) already holds a card with that id.
    const stored: StoredDeckSnapshot[] = [{ id: 'other', source: 'other.md', refs: [{ id: taken, key: 'x', section: 'x' }], bodies: [] }];
    const again = planImport(stored, [deckOf(NOTE_A)], cardIdFor);
    expect(again.decks.find((d) => d.deckId !== 'other')!.cards.map((c) => c.id)).not.toContain(taken);
  });
});
