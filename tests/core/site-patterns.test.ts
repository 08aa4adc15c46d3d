/**
 * The patterns of a real study site exported from a notes app, turned into docs and pasted from chat assistants
 * (issue "Cards a reader finds fair on a whole real study site"). One fixture per pattern, in Spanish and English.
 */
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/core/deck.ts';
import { extractNote } from '../../src/core/extract/index.ts';
import { card, extract, qa, questions } from './helpers.ts';

describe('1. bold-term paragraphs', () => {
  it('make a term card, as term bullets do (es)', () => {
    const md =
      '# RAG\n\n## Fases\n\n**Indexación:** Los documentos externos se dividen en fragmentos y se guardan como vectores.\n\n**Recuperación:** Se buscan los fragmentos más parecidos a la pregunta.\n';
    expect(card(md, 'Indexación')).toMatchObject({
      kind: 'term',
      answer: 'Los documentos externos se dividen en fragmentos y se guardan como vectores.',
      context: ['RAG', 'Fases'],
    });
    expect(card(md, 'Recuperación').answer).toBe('Se buscan los fragmentos más parecidos a la pregunta.');
    // The section keeps them in its own answer too.
    expect(card(md, 'Fases').answer).toContain('**Indexación:**');
  });

  it('make a term card (en)', () => {
    const md = '# RAG\n\n**Indexing:** The external data is ingested, split into chunks and embedded.\n';
    expect(card(md, 'Indexing').answer).toBe('The external data is ingested, split into chunks and embedded.');
  });
});

describe('2. bold question paragraphs', () => {
  it('ask a question answered by what follows, up to the next heading or label (es)', () => {
    const md =
      '# Prompting\n\n**¿Qué es Prompting?**\n\nEs el arte de escribir instrucciones para un modelo.\n\n- Claras\n- Específicas\n\n**Tipos de prompts:**\n\n- Zero-shot\n\n## Otra sección\n\nTexto.\n';
    expect(card(md, '¿Qué es Prompting?')).toMatchObject({
      kind: 'question',
      answer: 'Es el arte de escribir instrucciones para un modelo.\n\n- Claras\n- Específicas',
    });
    expect(card(md, 'Tipos de prompts').answer).toBe('- Zero-shot');
  });

  it('ask a question (en)', () => {
    const md = '# Embeddings\n\n**What is an embedding?**\n\nA list of numbers that places a text in a space where similar texts are close.\n';
    expect(card(md, 'What is an embedding?').answer).toBe('A list of numbers that places a text in a space where similar texts are close.');
  });
});

describe('3. bold labels without a colon', () => {
  it('open a pseudo-section when a list follows them (es)', () => {
    const md = '# Prompting\n\n**Los 5 Principios de Prompting**\n\n1. Ser específico\n2. Dar contexto\n3. Pedir un formato\n';
    expect(card(md, 'Los 5 Principios de Prompting').answer).toBe('1. Ser específico\n2. Dar contexto\n3. Pedir un formato');
  });

  it('open a pseudo-section (en), but a bold sentence followed by text stays text', () => {
    const md = '# Agents\n\n**Agent building blocks**\n\n- Planner\n- Tools\n- Memory\n\n## Risks\n\n**This matters a lot**\n\nAgents can loop forever.\n';
    expect(card(md, 'Agent building blocks').answer).toBe('- Planner\n- Tools\n- Memory');
    expect(card(md, 'Risks').answer).toBe('**This matters a lot**\n\nAgents can loop forever.');
  });
});

describe('4. decorated headings', () => {
  it('drop leading emoji and numbering from the question (es)', () => {
    const md =
      '# LLM\n\n## **1. Según su Arquitectura**\n\nEncoder, decoder o ambos.\n\n### 🔹 5. Ejemplos de modelos decoder\n\nGPT, Llama.\n\n## 2️⃣ Según su tamaño\n\nGrandes y pequeños.\n';
    expect(questions(md)).toEqual(['Según su Arquitectura', 'Ejemplos de modelos decoder', 'Según su tamaño']);
  });

  it('drop them (en), keeping numbers that belong to the title', () => {
    const md = '# Notes\n\n## ➤ 3) Tokenization\n\nSplitting text.\n\n## 2024 in review\n\nA year of models.\n\n## 📌 **Key idea:**\n\nAttention.\n';
    expect(questions(md)).toEqual(['Tokenization', '2024 in review', 'Key idea']);
  });
});

describe('5. generic headings and terms', () => {
  it('name what they belong to (es)', () => {
    const md = [
      '# Embeddings',
      '',
      '## Embedding model',
      '',
      'Un modelo que convierte texto en vectores.',
      '',
      '### 📌 **Explicación sencilla:**',
      '',
      'Es como darle coordenadas a cada frase.',
      '',
      '### 🔹 5. Ejemplo ampliado',
      '',
      '"perro" y "gato" quedan cerca.',
      '',
      '## En resumen',
      '',
      'Los embeddings miden parecido.',
    ].join('\n');
    expect(questions(md)).toEqual(['Embedding model', 'Embedding model — explicación sencilla', 'Embedding model — ejemplo ampliado', 'Embeddings — en resumen']);
  });

  it('name what they belong to (en), for terms too', () => {
    const md =
      '# Prompting\n\n## Few-shot prompting\n\nGive examples in the prompt.\n\n- **Example:** Translate: cat → gato, dog → perro, bird → ?\n\n## Summary\n\nShow, do not only tell.\n';
    expect(questions(md)).toEqual(['Few-shot prompting', 'Few-shot prompting — example', 'Prompting — summary']);
  });

  it('leave no question generic on its own', () => {
    const md = '# Tokens\n\n## Definición\n\nUnidad de texto.\n\n## ¿Cómo funciona?\n\nSe parte el texto.\n\n## Overview\n\nTokens everywhere.\n';
    expect(questions(md)).toEqual(['Tokens — definición', 'Tokens — ¿cómo funciona?', 'Tokens — overview']);
  });

  it('stay generic with a word or two in brackets after them, or as a visual summary (es, en)', () => {
    const es = '# Subnetting\n\n## Para qué sirve (rápido)\n\n- Menos broadcasts.\n\n## Resumen visual\n\n| Máscara | Hosts |\n| --- | --- |\n| /24 | 254 |\n';
    expect(questions(es)).toEqual(['Subnetting — para qué sirve (rápido)', 'Subnetting — resumen visual']);
    expect(questions('# Git\n\n## Summary (short)\n\nCommit often.\n')).toEqual(['Git — summary (short)']);
  });

  it('include a numbered example, whatever follows its number, but not an example named in full (es, en)', () => {
    const es =
      '# Bash\n\n## Bucle for\n\nRepite comandos.\n\n### Ejemplo 1: Lista de elementos\n\n```bash\nfor f in a b; do echo $f; done\n```\n\n### Ejemplos de grep en registros reales\n\n```bash\ngrep ERROR app.log\n```\n';
    expect(questions(es)).toEqual(['Bucle for', 'Bucle for — ejemplo 1: Lista de elementos', 'Ejemplos de grep en registros reales']);
    const en = '# Pandas\n\n## Window functions\n\nRolling statistics.\n\n### Example 2 — Rolling mean\n\n```python\ndf.rolling(3).mean()\n```\n';
    expect(questions(en)).toEqual(['Window functions', 'Window functions — example 2 — Rolling mean']);
  });

  it('include the important or key concepts of a topic, its interpretation and its one benefit (es, en)', () => {
    expect(questions('# Asincronismo\n\n## Conceptos importantes\n\nLa pila de ejecución y la cola de tareas.\n')).toEqual(['Asincronismo — conceptos importantes']);
    expect(questions('# cgroups v2\n\n## Beneficio\n\nUna sola jerarquía, más fácil de administrar.\n')).toEqual(['cgroups v2 — beneficio']);
    expect(questions('# Caching\n\n## Advantage\n\nFewer trips to the database.\n')).toEqual(['Caching — advantage']);
    expect(questions('# P-value\n\n## Interpretation\n\nHow likely a result this extreme is by chance.\n\n## Key concepts\n\nNull hypothesis, significance level.\n')).toEqual([
      'P-value — interpretation',
      'P-value — key concepts',
    ]);
  });

  it('include the prerequisites of a lab and a review of what came before (es, en)', () => {
    expect(questions('# Lab — escaneo con nmap\n\n## Prerrequisitos\n\n- nmap instalado\n- Una red propia\n')).toEqual(['Lab — escaneo con nmap — prerrequisitos']);
    expect(questions('# Computabilidad\n\n## Repaso\n\nUna función es inyectiva si no repite imágenes.\n')).toEqual(['Computabilidad — repaso']);
    expect(questions('# Netcat lab\n\n## Prerequisites\n\n- Two terminals\n\n## Recap\n\nA listener waits; a client connects.\n')).toEqual([
      'Netcat lab — prerequisites',
      'Netcat lab — recap',
    ]);
  });
});

describe('6. nested term bullets', () => {
  const md = [
    '# Prompting',
    '',
    '## Principios',
    '',
    '1. **Ser Específico:**',
    '    - **Qué significa:** Decir exactamente qué quieres.',
    '    - **Ejemplo:** "Resume en 3 viñetas" en vez de "resume".',
    '2. **Dar contexto:** Explica para quién es la respuesta.',
    '    - **Few-shot:** Incluye ejemplos resueltos en el prompt.',
  ].join('\n');

  it('make the parent the card, with the sub-bullets as its answer (es)', () => {
    expect(card(md, 'Ser Específico').answer).toBe('- **Qué significa:** Decir exactamente qué quieres.\n- **Ejemplo:** "Resume en 3 viñetas" en vez de "resume".');
    expect(questions(md)).not.toContain('Qué significa');
    expect(questions(md).some((q) => q.includes('Ejemplo') || q.includes('ejemplo'))).toBe(false);
  });

  it('make a nested term that names a topic a card, with its parent in the context (en)', () => {
    const nested = card(md, 'Few-shot');
    expect(nested.context).toEqual(['Prompting', 'Principios', 'Dar contexto']);
    const english =
      '# Agents\n\n## Tool use\n\n- **Tools:**\n    - **Definition:** Functions the model can call.\n    - **Function calling:** The model writes the arguments as JSON.\n';
    expect(questions(english)).toEqual(['Tool use', 'Tools', 'Function calling']);
    expect(card(english, 'Function calling').context).toEqual(['Agents', 'Tool use', 'Tools']);
  });
});

describe('7. chat leftovers', () => {
  it('are never a card, and are left out of answers (es)', () => {
    const md =
      '# RAG\n\n¡Claro! Con gusto te explico qué es RAG de forma sencilla.\n\n## Qué es RAG\n\nRAG combina búsqueda y generación.\n\n¿Te quedó más claro? 😊\n\n### ¿Te gustaría probar un ejemplo?\n\nPuedo darte código.\n';
    expect(questions(md)).toEqual(['Qué es RAG']);
    expect(card(md, 'Qué es RAG').answer).toBe('RAG combina búsqueda y generación.');
  });

  it('are never a card (en)', () => {
    const md =
      '# Vectors\n\nSure! Here is a short explanation of vector databases:\n\n## Vector database\n\nA store that finds the nearest vectors fast.\n\nDo you have any other questions? Let me know!\n\nWould you like me to compare Pinecone and Chroma?\n';
    expect(questions(md)).toEqual(['Vector database']);
    expect(card(md, 'Vector database').answer).toBe('A store that finds the nearest vectors fast.');
  });

  it('leave out sentences about the notes themselves (es, en)', () => {
    expect(questions('# Mis apuntes de IA\n\nApuntes personales sobre modelos de lenguaje.\n')).toEqual([]);
    expect(questions('# Agents\n\nThis section collects what I learned about agents.\n\n## Planner\n\nBreaks a goal into steps.\n')).toEqual(['Planner']);
  });

  it('leave out a pasted article narrating itself ("we will compare them in this post"), but keep what it says of its content (en, es)', () => {
    const en =
      '# Correlation\n\n## Overview of the methods\n\nThe table below compares the methods we will discuss in this post.\n\n| Method | Data |\n| --- | --- |\n| Pearson | continuous |\n';
    expect(card(en, 'Overview of the methods').answer).toBe('| Method | Data |\n| --- | --- |\n| Pearson | continuous |');
    const kept = "# Correlation\n\n## Cramér's V\n\nAssociation between two nominal variables.\n\nIt is the only measure in this post that goes from 0 to 1.\n";
    expect(card(kept, "Cramér's V").answer).toContain('the only measure in this post');
    const es = '# Índices\n\n## Tipos de índices\n\nVeremos los tres tipos más comunes en este artículo.\n\n- B-tree: ordenado.\n- Hash: igualdad.\n';
    expect(card(es, 'Tipos de índices').answer).toBe('- B-tree: ordenado.\n- Hash: igualdad.');
  });

  it('a line that speaks to the reader is no label: its list stays in the answer above it (es, en)', () => {
    const es =
      '# Potencia estadística\n\n## Resumen\n\nEn esta guía viste cómo estimar el tamaño de muestra.\n\nEn concreto, aprendiste:\n\n- Qué es la potencia.\n- Cómo calcularla.\n';
    expect(questions(es)).toEqual(['Potencia estadística — resumen']);
    expect(card(es, 'Potencia estadística — resumen').answer).toContain('- Cómo calcularla.');
    const en =
      '# Statistical power\n\n## Summary\n\nIn this tutorial, you saw how to size an experiment.\n\nSpecifically, you learned:\n\n- What power is.\n- How to compute it.\n';
    expect(questions(en)).toEqual(['Statistical power — summary']);
    expect(card(en, 'Statistical power — summary').answer).toContain('- How to compute it.');
    // A question that mentions the reader is still a question, and a plain label still a label.
    const label = '# Git\n\n## Ramas\n\nWhat you need to know:\n\n- A branch is a pointer.\n\nComandos útiles:\n\n- git switch\n';
    expect(questions(label)).toEqual(['What you need to know', 'Comandos útiles']);
  });

  it('a line that only points at what follows ("Aquí:", "**For example:**") is no label: its list stays in the answer (es, en)', () => {
    const es = '# Subprocesos\n\n## Encadenar procesos\n\nLa salida de uno es la entrada del otro.\n\nAquí:\n\n- Popen() crea cada proceso.\n- communicate() espera la salida.\n';
    expect(questions(es)).toEqual(['Encadenar procesos']);
    expect(card(es, 'Encadenar procesos').answer).toContain('- communicate() espera la salida.');
    const en = '# Pipes\n\n## Chaining processes\n\nOne process feeds the next.\n\n**For example:**\n\n- Popen() starts each process.\n- communicate() waits for the output.\n';
    expect(questions(en)).toEqual(['Chaining processes']);
    expect(card(en, 'Chaining processes').answer).toContain('- communicate() waits for the output.');
    // A short label that names something keeps its list.
    expect(questions('# Git\n\n## Ramas\n\nUna rama es un puntero.\n\n**Comandos:**\n\n- git switch\n')).toEqual(['Ramas', 'Comandos']);
  });

  it('keep a long paragraph that happens to start with "Claro"', () => {
    const long = `Claro que los modelos grandes ${'aprenden patrones del lenguaje a partir de muchos textos, '.repeat(4)}y eso explica su fluidez.`;
    expect(card(`# LLM\n\n## Fluidez\n\n${long}\n`, 'Fluidez').answer).toBe(long);
  });
});

describe('8. pages without front matter, exported from a notes app', () => {
  const page =
    '# Context LLM\n\n## Ventana de contexto\n\nLos tokens que el modelo ve a la vez.\n\n[Tipos de LLM](Tipos%20de%20LLM%20178c2187ea128090861bfd47a8252702.md)\n\n[GPT (Generative Pre-trained Transformer)](GPT (Generative Pre-trained Transformer) 105c2187ea12808199faedf07041ecf3.md)\n';

  it('take the title from the first H1 and the stable id from the file name (es)', () => {
    const result = extractNote(page, 'LLM – Modelos 1a2b3c4d5e6f708192a3b4c5d6e7f809/Context LLM 28ec2187ea128012ae25cb0107a010a7.md');
    if (!result.ok) throw new Error('refused');
    expect(result.deck).toMatchObject({ id: '28ec2187ea128012ae25cb0107a010a7', title: 'Context LLM', path: ['LLM – Modelos', 'Context LLM'] });
    expect(result.cards.map((c) => [c.question, c.answer])).toEqual([['Ventana de contexto', 'Los tokens que el modelo ve a la vez.']]);
    // A renamed or moved file keeps its id, so its cards keep their keys and history.
    const moved = extractNote(page, 'otra carpeta/Contexto de los LLM 28ec2187ea128012ae25cb0107a010a7.md');
    if (!moved.ok) throw new Error('refused');
    expect(moved.cards[0]!.key).toBe(result.cards[0]!.key);
  });

  it('take the title from the file name when there is no H1 (en)', () => {
    const result = extractNote('## Context window\n\nHow many tokens fit.\n', 'Context Window 0123456789abcdef0123456789abcdef.md');
    expect(result.ok && result.deck).toMatchObject({ id: '0123456789abcdef0123456789abcdef', title: 'Context Window' });
  });

  it('take the title from the file name less the number that orders the files, which orders the decks instead (es, en)', () => {
    const deckOf = (md: string, source: string) => {
      const result = extractNote(md, source);
      if (!result.ok) throw new Error('refused');
      return { title: result.deck.title, navOrder: result.deck.navOrder, last: result.deck.path.at(-1) };
    };
    const body = '## Hipervisores\n\nTipo 1 y tipo 2.\n';
    expect(deckOf(body, 'so/teoria/03 - Virtualización.md')).toEqual({ title: 'Virtualización', navOrder: 3, last: 'Virtualización' });
    expect(deckOf(body, 'so/teoria/1- Máquinas de Turing.md')).toMatchObject({ title: 'Máquinas de Turing', navOrder: 1 });
    expect(deckOf('## Sets\n\nCollections.\n', 'logic/10_Predicate logic.md')).toMatchObject({ title: 'Predicate logic', navOrder: 10 });
    // A number in the note's own name stays, and a nav_order of the front matter wins.
    expect(deckOf(body, 'leetcode/01 Matrix.md')).toMatchObject({ title: '01 Matrix', navOrder: undefined });
    expect(deckOf(body, 'blog/3.5 Release notes.md')).toMatchObject({ title: '3.5 Release notes', navOrder: undefined });
    expect(deckOf(body, 'casa/2024-presupuesto.md')).toMatchObject({ title: '2024-presupuesto', navOrder: undefined });
    expect(deckOf(`---\nnav_order: 7\n---\n${body}`, 'so/05 - Memoria.md')).toMatchObject({ title: 'Memoria', navOrder: 7 });
    // An H1 still names the deck; the file's number still orders it.
    expect(deckOf(`# Llamadas al sistema\n\n${body}`, 'so/04- Syscall.md')).toMatchObject({ title: 'Llamadas al sistema', navOrder: 4 });
  });

  it('leave out a part\'s name alone on a line ("Description", "Ejemplo"), which the answer shows anyway (en, es)', () => {
    const en = '# Two Sum\n\nDescription\n\nGiven an array of integers, return the indices of the two numbers that add up to a target.\n';
    expect(extract(en, 'LeetCode/Two Sum 0123456789abcdef0123456789abcdef.md').cards.map((c) => c.answer)).toEqual([
      'Given an array of integers, return the indices of the two numbers that add up to a target.',
    ]);
    const es = '# Recetas\n\n## Tortilla\n\nEjemplo\n\nPatatas, huevos y sal.\n';
    expect(card(es, 'Tortilla').answer).toBe('Patatas, huevos y sal.');
  });
});

describe('9. images', () => {
  it('with spaces or %20 in relative paths, and site-absolute paths, are shown; junk alt text is not (see deck tests)', () => {
    const md =
      '# Visión\n\n## Capas\n\n![{2566ACAA-7A1B-4C1E-9F0B-1234567890AB}.png](image%2025.png)\n\nSiete capas.\n\n## Diagram\n\n![image.png](assets/images/llm/image 7.png)\n\nThe layers.\n';
    expect(card(md, 'Capas').answer).toContain('image%2025.png');
    expect(card(md, 'Diagram').answer).toContain('assets/images/llm/image 7.png');
  });
});

describe('10. author control', () => {
  it('skips the section after <!-- no-cards --> or <!-- repaso: skip --> (es, en)', () => {
    const md =
      '# Notas\n\n## Capas\n\nSiete.\n\n<!-- no-cards -->\n## Borrador\n\nIdeas sueltas.\n\n### Subidea\n\nMás.\n\n## Protocols\n\nTCP.\n\n<!-- repaso: skip -->\n\n## Scratch\n\nTodo.\n';
    expect(questions(md)).toEqual(['Capas', 'Protocols']);
  });

  it('skips a page with flashcards: false', () => {
    const result = extractNote('---\nflashcards: false\n---\n# Hoja\n\n## Algo\n\nTexto.\n', 'hoja.md');
    expect(result.ok && result.skipped).toBe(true);
  });
});

describe('11. speaker notes and to-do lists', () => {
  it('make no cards from a personal to-do list (es)', () => {
    const md =
      '# Plan de estudio\n\nApril 9, 2025\n\n- El curso de DataCamp\n- Continuar con el libro de LLMs\n- Ver el vídeo de Karpathy\n\n## Pendientes\n\n- Terminar el resumen\n';
    expect(questions(md)).toEqual([]);
  });

  it('make no cards from checklists, ever (en)', () => {
    const md =
      '# Week 3\n\n## Reading\n\n- [ ] Attention is all you need\n- [x] The illustrated transformer\n\n## Self-attention\n\n- [ ] Re-derive the softmax\n\nEach token looks at every other token.\n';
    expect(questions(md)).toEqual(['Self-attention']);
    expect(card(md, 'Self-attention').answer).toBe('Each token looks at every other token.');
  });

  it('keep a real list of short items that are not tasks', () => {
    expect(card('# LLM\n\n## Modelos\n\n- GPT-4\n- Llama 3\n- Mistral\n', 'Modelos').answer).toBe('- GPT-4\n- Llama 3\n- Mistral');
  });
});

describe('13. answers the author left for later', () => {
  it('a placeholder ("Todo", "TBD", "Pendiente.", "...") is no answer, so no card (en, es)', () => {
    const en = '# Geometric distribution\n\n## Definition\n\nTrials until the first success.\n\n> [!info] Uncertainty estimation\n> Todo\n\n## Variance\n\nTBD\n';
    expect(questions(en)).toEqual(['Geometric distribution — definition']);
    const es = '# Distribución geométrica\n\n## Varianza\n\nPendiente.\n\n## Media\n\n...\n\n## Moda\n\nEl 1: el primer intento es el más probable.\n';
    expect(questions(es)).toEqual(['Moda']);
  });

  it('a term whose definition is only "..." or "—" is no card (regression: the stripped "..." was empty, and an empty text matched no placeholder) (es, en)', () => {
    const es = '# Redes\n\n## Protocolos\n\n- **TCP:** orientado a conexión.\n- **UDP:** ...\n- **ICMP:** —\n';
    expect(questions(es)).toEqual(['Protocolos', 'TCP']);
    const en = '# Networks\n\n## Ports\n\n- **SSH:** port 22.\n- **SMTP:** ...\n';
    expect(questions(en)).toEqual(['Ports', 'SSH']);
  });
});

describe('12. collapsed HTML of docs sites (<details>)', () => {
  it('a collapsed solution is part of the answer, as Markdown: its summary a label, its <pre><code> a fence (es)', () => {
    const md = [
      '# Bandit',
      '',
      '## Nivel 1',
      '',
      '**Pista:** hay que leer un archivo llamado `-`.',
      '',
      '<details>',
      '<summary>',
      'Posible solución',
      '</summary>',
      '<pre><code class="language-bash">cat ./- &amp;&amp; echo listo</code></pre>',
      '',
      'El `./` evita que `-` se lea como la entrada estándar.',
      '',
      '</details>',
      '',
      '<div class="ad">Publicidad</div>',
      '',
    ].join('\n');
    expect(card(md, 'Nivel 1').answer).toBe(
      '**Pista:** hay que leer un archivo llamado `-`.\n\n**Posible solución:**\n\n```bash\ncat ./- && echo listo\n```\n\nEl `./` evita que `-` se lea como la entrada estándar.',
    );
  });

  it('a summary that asks a question is a card, answered by what it hides (en)', () => {
    const md = [
      '# OS interview questions',
      '',
      '<details>',
      '<summary><b>What is a process?</b></summary>',
      '',
      'A program in execution, with its own address space.',
      '',
      '</details>',
      '<details>',
      '<summary>What does fork() return to the child?</summary>',
      '<pre><code class="language-c">pid_t pid = fork(); /* 0 in the child */</code></pre>',
      '</details>',
      '',
    ].join('\n');
    expect(qa(md)).toEqual([
      ['What is a process?', 'A program in execution, with its own address space.'],
      ['What does fork() return to the child?', '```c\npid_t pid = fork(); /* 0 in the child */\n```'],
    ]);
  });
});

describe('every question makes sense on its own', () => {
  it('is neither empty nor generic across all the patterns above', () => {
    // An example's fields and notes are part of the example's card (issue 12, patterns 6 and 7).
    const all = extract('# P\n\n## Ejemplo\n\nA.\n\n**Ejemplo:** B.\n\n- **Nota:** C.\n').cards.map((c) => [c.question, c.answer]);
    expect(all).toEqual([['P — ejemplo', 'A.\n\n**Ejemplo:** B.\n\n- **Nota:** C.']]);
  });
});

describe('9. images in built decks', () => {
  const md = [
    '# Visión',
    '',
    '## Capas del modelo',
    '',
    '![{2566ACAA-7A1B-4C1E-9F0B-1234567890AB}.png](image%2025.png)',
    '',
    'Siete capas.',
    '',
    '## Diagram of attention',
    '',
    '![image.png](assets/images/llm/image 7.png)',
    '',
    '![Heads](/assets/images/heads.png)',
    '',
    'Every head looks at every token.',
    '',
    '## Lost picture',
    '',
    '![Screenshot 2024.png](gone.png)',
    '',
    'The text still stands.',
  ].join('\n');
  const result = extractNote(md, 'llm/vision.md');
  if (!result.ok) throw new Error('refused');
  const present = new Set(['llm/image 25.png', 'llm/assets/images/llm/image 7.png', 'assets/images/heads.png']);
  const built = buildDeck(result, { hasImage: (path) => present.has(path), sanitizeAll: (html) => html });
  const answer = (question: string) => built.file.cards.find((c) => c.question === question)!.answerHtml;

  it('resolve %20, spaces and site-absolute paths, and copy the images (es, en)', () => {
    expect(built.images).toEqual(['assets/images/heads.png', 'llm/assets/images/llm/image 7.png', 'llm/image 25.png']);
    expect(answer('Capas del modelo')).toContain('<img src="media/llm/image%2025.png" alt="">');
    expect(answer('Diagram of attention')).toContain('<img src="media/llm/assets/images/llm/image%207.png" alt="">');
    expect(answer('Diagram of attention')).toContain('alt="Heads"');
  });

  it('warn about a missing image and keep the card whole, without a file-name caption', () => {
    expect(built.warnings.map((w) => w.message)).toEqual(['image not found: gone.png']);
    expect(answer('Lost picture')).toBe('<p>The text still stands.</p>');
  });
});
