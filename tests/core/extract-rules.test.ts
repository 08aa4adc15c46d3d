import { describe, expect, it } from 'vitest';
import { card, extract, questions } from './helpers.ts';

describe('R1 explicit cards', () => {
  it('reads Question :: Answer on one line', () => {
    const c = card('Capital de Francia :: París\n', 'Capital de Francia');
    expect(c).toMatchObject({ kind: 'explicit', answer: 'París', line: 1 });
  });

  it('reads Question:::Answer as a card in each direction', () => {
    const { cards } = extract('¿Rojo?:::Red\n');
    expect(cards.map((c) => [c.kind, c.question, c.answer])).toEqual([
      ['explicit', '¿Rojo?', 'Red'],
      ['explicit-reverse', 'Red', '¿Rojo?'],
    ]);
  });

  it('reads a multi-line card split by a line holding only ?', () => {
    const c = card('# Page\n\nWhat are the\nthree primary colours\n?\nRed, yellow\nand blue\n', 'What are the\nthree primary colours');
    expect(c.answer).toBe('Red, yellow\nand blue');
    expect(c.line).toBe(3);
  });

  it('ignores :: between identifier characters, in code and in links', () => {
    expect(questions('Use std::vector for arrays.\n\nRun `a :: b` here.\n\nSee [x :: y](http://e.com/a::b).\n')).toEqual([]);
  });

  it('does not turn explicit-card paragraphs into the section answer', () => {
    expect(questions('## Colores\n\nRojo :: Red\n')).toEqual(['Rojo']);
  });
});

describe('R2 question headings', () => {
  it('takes a heading ending in ? with its own content, not its subsections', () => {
    const md = '## ¿Qué es un token?\n\nUna unidad de texto.\n\n### Ejemplo de tokens\n\n- hola\n';
    const c = card(md, '¿Qué es un token?');
    expect(c).toMatchObject({ kind: 'question', answer: 'Una unidad de texto.' });
  });

  it('takes a heading starting with a question word, in Spanish or English', () => {
    expect(card('### Como funciona la atención:\n\nPondera palabras.\n', 'Como funciona la atención').kind).toBe('question');
    expect(card('### Why attention matters\n\nIt weighs words.\n', 'Why attention matters').kind).toBe('question');
  });
});

describe('R3 headings and labels with their own content', () => {
  it('removes bold markers and the trailing colon and keeps list nesting', () => {
    const md = '### **Tamaño del modelo:**\n\n- Miles de millones\n    - de parámetros\n';
    const c = card(md, 'Tamaño del modelo');
    expect(c).toMatchObject({ kind: 'section', answer: '- Miles de millones\n    - de parámetros' });
  });

  it('opens a section at a heading that CommonMark nests inside a list item', () => {
    const md = ['## Usos en medicina', '', '- Tareas como:', '    - Traducción', '', '    ### Ejemplos concretos', '', '    - Analizar registros', ''].join('\n');
    expect(card(md, 'Usos en medicina').answer).toBe('- Tareas como:\n    - Traducción');
    expect(card(md, 'Usos en medicina — ejemplos concretos').answer).toBe('- Analizar registros');
  });

  it('opens a pseudo-section at a bold label and at a short plain label', () => {
    const md = '# Page\n\n**Partes del átomo:**\n\n- Protón\n- Neutrón\n\nCapas OSI:\n\n1. Física\n2. Enlace\n';
    expect(card(md, 'Partes del átomo').answer).toBe('- Protón\n- Neutrón');
    expect(card(md, 'Capas OSI').answer).toBe('1. Física\n2. Enlace');
    expect(card(md, 'Capas OSI').context).toEqual(['Page']);
  });

  it('does not treat a long sentence ending in a colon as a label', () => {
    expect(questions('## Modelo de lenguaje\n\nEntonces, tu definición podría quedar como:\n\nUn modelo.\n')).toEqual(['Modelo de lenguaje']);
  });

  it('keeps tables and code in answers', () => {
    const md = '## Tabla\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## Declarar una variable\n\n```js\nlet x = 1;\n```\n';
    expect(card(md, 'Tabla').answer).toContain('| 1 | 2 |');
    expect(card(md, 'Declarar una variable').answer).toBe('```js\nlet x = 1;\n```');
  });

  it('gives the breadcrumb of ancestor headings as context', () => {
    const md = '---\ntitle: Redes\n---\n# Redes\n\n## Capas\n\n### Física\n\nCables.\n';
    expect(card(md, 'Física').context).toEqual(['Redes', 'Capas']);
  });
});

describe('R4 term bullets', () => {
  it('accepts **Term:**, **Term**: and __Term__: item by item, with nested bullets in the answer', () => {
    const md = [
      '## Conceptos',
      '',
      '- **Token:** unidad de texto.',
      '- Una línea sin término.',
      '- **Embedding**: vector denso.',
      '    - de cientos de dimensiones',
      '- __Prompt__: la entrada.',
      '',
    ].join('\n');
    const terms = extract(md).cards.filter((c) => c.kind === 'term');
    expect(terms.map((c) => [c.question, c.answer])).toEqual([
      ['Token', 'unidad de texto.'],
      ['Embedding', 'vector denso.\n\n- de cientos de dimensiones'],
      ['Prompt', 'la entrada.'],
    ]);
    expect(terms[0]!.context).toEqual(['page', 'Conceptos']);
  });

  it('anchors term keys on their section, so equal terms in two sections differ', () => {
    const md = '## A\n\n- **Chatbots:** uno.\n\n## B\n\n- **Chatbots:** dos.\n';
    const keys = extract(md)
      .cards.filter((c) => c.kind === 'term')
      .map((c) => c.key);
    expect(new Set(keys).size).toBe(2);
  });
});

describe('R5 glossary lines', () => {
  it('reads Term: definition and (Term): definition under a glossary label', () => {
    const md = '# Page\n\nTerminos:\n\n(RLHF): Aprendizaje por refuerzo con retroalimentación humana\n\nGlosario:\n\nToken: unidad mínima\n';
    const cards = extract(md).cards;
    expect(cards.map((c) => [c.kind, c.question, c.answer])).toEqual([
      ['glossary', 'RLHF', 'Aprendizaje por refuerzo con retroalimentación humana'],
      ['glossary', 'Token', 'unidad mínima'],
    ]);
  });

  it('does not read Term: definition lines outside a glossary', () => {
    const { cards } = extract('# Page\n\nNota: esto no es un glosario\n');
    expect(cards.map((c) => [c.kind, c.question])).toEqual([['section', 'Page']]);
  });
});

describe('skips', () => {
  it('skips navigation: link-only paragraphs and lists', () => {
    expect(questions('## Ver\n\n[Uno](uno.md)\n\n[Dos **b**](dos.md)\n\n- [Tres](tres.md)\n- [Cuatro](cuatro.md)\n')).toEqual([]);
  });

  it('skips image-only content, also when CommonMark leaves the image as text', () => {
    expect(questions('## Figura\n\n![diagrama](img.png)\n\n![image.png](assets/images/image 7.png)\n')).toEqual([]);
  });

  it('skips HTML blocks and comments', () => {
    expect(questions('## Bloque\n\n<div>hola</div>\n\n<!-- nota -->\n')).toEqual([]);
  });

  it('skips empty sections and statement headings with no body', () => {
    expect(questions('# Título\n\n## Vacía\n\n### En resumen, todo es simple.\n\n## Otra\n')).toEqual([]);
  });

  it('skips resource sections and their subsections', () => {
    const md = '## Recursos útiles\n\n- **Cursos:** Coursera\n\n### Libros\n\n- Uno\n\n## References\n\nA paper.\n\n## Real\n\nContenido.\n';
    expect(questions(md)).toEqual(['Real']);
  });

  it('a study topic that starts with a skip word (Enlaces químicos) is not skipped', () => {
    const md = '## Enlaces químicos\n\n- **Iónico:** cede electrones.\n\n## Enlaces de interés\n\n- Uno\n\n## Further reading and references\n\n- Dos\n';
    expect(questions(md)).toEqual(['Enlaces químicos', 'Iónico']);
  });

  it('closes every section below the top heading at a thematic break', () => {
    const md = '# Top\n\n## A\n\nTexto A.\n\n---\n\n[Nav](x.md)\n\n**Conceptos:**\n\n- **Uno:** primero\n';
    const temas = card(md, 'Conceptos');
    expect(temas.context).toEqual(['Top']);
    expect(card(md, 'A').answer).toBe('Texto A.');
    expect(card(md, 'Uno').context).toEqual(['Top', 'Conceptos']);
  });
});
