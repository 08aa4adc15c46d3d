// Cards from real, messy notes (issue 12): each pattern found on real study sites, with a fixture of our own in
// Spanish and in English. The numbers follow the list.
import { describe, expect, it } from 'vitest';
import { buildDeck, imageFinder } from '../../src/core/deck.ts';
import { extractNote } from '../../src/core/extract/index.ts';
import { card, extract, qa, questions } from './helpers.ts';

describe('1. styled Unicode letters used as bold', () => {
  it('read as plain letters: a styled line alone is a label (es)', () => {
    const md = '# Apuntes\n\n𝗘𝗺𝗯𝗲𝗱𝗱𝗶𝗻𝗴𝘀\n\nVectores que representan el significado de un texto.\n';
    expect(qa(md)).toEqual([['Embeddings', 'Vectores que representan el significado de un texto.']]);
  });

  it('a styled term before a dash or colon is a term, numbered or not (en)', () => {
    const md = '# Notes\n\n## Techniques\n\n- 𝟯. 𝗙𝗶𝗻𝗲-𝗧𝘂𝗻𝗶𝗻𝗴 — training a model further on your own data.\n- 𝐓𝐨𝐤𝐞𝐧𝐬: the units a model reads.\n';
    const terms = extract(md)
      .cards.filter((c) => c.kind === 'term')
      .map((c) => [c.question, c.answer]);
    expect(terms).toEqual([
      ['Fine-Tuning', 'training a model further on your own data.'],
      ['Tokens', 'the units a model reads.'],
    ]);
  });
});

describe('2. term lists without bold', () => {
  it('regression: a number alone in bold ("**6:** TCP") made a card asking "6" (es, en)', () => {
    const terms = (md: string) =>
      extract(md)
        .cards.filter((c) => c.kind === 'term')
        .map((c) => c.question);
    expect(terms('# IP\n\n## Campo Protocolo\n\n- **6:** TCP, el transporte fiable.\n- **17:** UDP, sin conexión.\n- **ICMP:** mensajes de control.\n')).toEqual(['ICMP']);
    expect(terms('# IP\n\n## Protocol field\n\n- **6:** TCP.\n- **17:** UDP.\n')).toEqual([]);
  });

  it('regression: a number alone before an arrow ("17 → UDP") made a card asking "17" (es, en)', () => {
    const es = '# Redes\n\n## Protocolos por número\n\n- 6 → TCP, el transporte fiable.\n- 17 → UDP, sin conexión.\n- ICMP → mensajes de control.\n';
    expect(
      extract(es)
        .cards.filter((c) => c.kind === 'term')
        .map((c) => c.question),
    ).toEqual([]);
    const en = '# Networks\n\n## Ports\n\n- 22 -> SSH, remote shells.\n- 443 -> HTTPS, the web.\n- DNS -> names to addresses.\n';
    expect(
      extract(en)
        .cards.filter((c) => c.kind === 'term')
        .map((c) => c.question),
    ).toEqual([]);
  });

  it('regression: implications between formulas ("p -> q", "¬p -> (r ^ ¬q)") made term cards asking "p" (es, en)', () => {
    const terms = (md: string) =>
      extract(md)
        .cards.filter((c) => c.kind === 'term')
        .map((c) => [c.question, c.answer]);
    expect(terms('# Lógica\n\n## Premisas\n\nSimbolizamos el enunciado:\n\n- p -> q\n- ¬p -> (r ^ ¬q)\n- (q v r) -> s\n')).toEqual([]);
    expect(terms('# Logic\n\n## Premises\n\n- p → q\n- q → r\n- r → s\n')).toEqual([]);
    // A value with no word is still a definition of a term in words.
    expect(terms('# Procesos\n\n## Prioridad nice\n\n- Rango -> de -20 a 19.\n- Valor por defecto -> 0\n')).toEqual([
      ['Rango', 'de -20 a 19.'],
      ['Valor por defecto', '0'],
    ]);
  });

  it('make term cards when most items are `Term: definition` or `Term — definition` (es)', () => {
    const md =
      '# RAG\n\n## Variantes de RAG\n\n- Multi-query: genera varias consultas a partir de una.\n- Branched RAG — consulta varias fuentes a la vez.\n- HyDE -> escribe una respuesta hipotética y busca con ella.\n';
    expect(
      extract(md)
        .cards.filter((c) => c.kind === 'term')
        .map((c) => c.question),
    ).toEqual(['Multi-query', 'Branched RAG', 'HyDE']);
  });

  it('regression: a predicate item ("Es semipermeable: …") in a term list made a card asking "Es semipermeable" (es, en)', () => {
    const es =
      '# Célula\n\n## Membrana\n\n- Es flexible: cambia de forma sin romperse.\n- Difusión: paso de moléculas a favor del gradiente.\n- Endocitosis: entrada de partículas en vesículas.\n';
    expect(
      extract(es)
        .cards.filter((c) => c.kind === 'term')
        .map((c) => c.question),
    ).toEqual(['Difusión', 'Endocitosis']);
    const en =
      '# Cell\n\n## Membrane\n\n- Is flexible: changes shape without breaking.\n- Diffusion: movement down the gradient.\n- Endocytosis: intake of particles in vesicles.\n';
    expect(
      extract(en)
        .cards.filter((c) => c.kind === 'term')
        .map((c) => c.question),
    ).toEqual(['Diffusion', 'Endocytosis']);
  });

  it('but not in a list of sentences where a colon is only punctuation (en)', () => {
    const md =
      '# Tips\n\n## Before an exam\n\n- Sleep well: it matters more than one more hour of reading.\n- Review the summary sheets of every unit again.\n- Eat something light before you go.\n';
    expect(questions(md)).toEqual(['Before an exam']);
  });
});

describe('3. plain labels, question paragraphs and exercise statements', () => {
  it('a line of up to six words ending in ":" followed by content is a label (es)', () => {
    expect(card('# Automatización\n\nQue es un RPA:\n\nUn robot de software que repite tareas de oficina.\n', 'Que es un RPA').answer).toBe(
      'Un robot de software que repite tareas de oficina.',
    );
  });

  it('a line that is a predicate about the heading above ("Son únicos para cada objeto:") is part of its answer, not a label (es, en)', () => {
    const es = '# Clases\n\n## Atributos de instancia\n\nSon únicos para cada objeto:\n\n```python\nself.marca = marca\n```\n';
    expect(qa(es)).toEqual([['Atributos de instancia', 'Son únicos para cada objeto:\n\n```python\nself.marca = marca\n```']]);
    const en = '# Classes\n\n## Class attributes\n\nAre shared by every instance:\n\n```python\nwheels = 4\n```\n';
    expect(questions(en)).toEqual(['Class attributes']);
  });

  it('a line that states a condition ("Si hay **grupos**:", "If the key is missing:") is part of the answer above it, not a label (es, en)', () => {
    const es = '# Regex\n\n## Objetos Match\n\nsearch() devuelve un objeto con la posición.\n\nSi hay **grupos** (entre paréntesis):\n\n```python\nm.groups()\n```\n';
    expect(qa(es)).toEqual([['Objetos Match', 'search() devuelve un objeto con la posición.\n\nSi hay **grupos** (entre paréntesis):\n\n```python\nm.groups()\n```']]);
    const en = '# Maps\n\n## Lookup\n\nget() returns the value for a key.\n\nIf the key is missing:\n\n```js\nmap.get(k) ?? fallback\n```\n';
    expect(questions(en)).toEqual(['Lookup']);
  });

  it('a field repeated under every item of a list ("**Rol:**" under each process) is no card (es)', () => {
    const md = [
      '# Práctica 5',
      '',
      '## Procesos de la salida de ss',
      '',
      '- **`sshd`:** el servicio de SSH.',
      '    - **Rol:** servidor, escucha en el puerto 22.',
      '- **`nginx`:** el servidor web.',
      '    - **Rol:** servidor, escucha en el puerto 80.',
      '- **`firefox`:** el navegador.',
      '    - **Rol:** cliente, se conecta al puerto 443.',
      '',
    ].join('\n');
    expect(questions(md)).toEqual(['Procesos de la salida de ss', '`sshd`', '`nginx`', '`firefox`']);
  });

  it('a paragraph that is a question, followed by its answer, is a label (es, en)', () => {
    expect(card('# Agentes\n\nEntonces, ¿qué sí es un agente?\n\nUn modelo que decide qué herramienta usar y cuándo parar.\n', 'Entonces, ¿qué sí es un agente?').answer).toMatch(
      /^Un modelo/,
    );
    expect(card('# Agents\n\nSo what is an agent, then?\n\nA model that picks its tools and knows when to stop.\n', 'So what is an agent, then?').answer).toMatch(/^A model/);
  });

  it('an exercise statement is the question and what follows is its answer; an exercise with nothing below gives no card (es)', () => {
    const md =
      '# Parcial\n\nEjercicio 1. ¿Qué dice la ley de Ohm?\n\nQue la corriente es proporcional a la tensión.\n\nEjercicio 2. ¿Qué es un fusible?\n\nEjercicio 3.\nExplique qué es la resistencia interna de una pila.\n\nLa resistencia que la propia pila opone a la corriente.\n';
    expect(qa(md)).toEqual([
      ['¿Qué dice la ley de Ohm?', 'Que la corriente es proporcional a la tensión.'],
      ['Explique qué es la resistencia interna de una pila.', 'La resistencia que la propia pila opone a la corriente.'],
    ]);
  });

  it('an exercise named by its topic asks the statement below it, even with its answer on the next line (es)', () => {
    const md =
      '# Práctica 4\n\n## Ej 1 - virtualización\n\nDefina virtualización. Investigue cuál fue su primera implementación.\n\nUna capa que reparte el hardware entre máquinas virtuales.\n\n## Ej 2 - hipervisores\n\n¿Qué es un hipervisor?\nEl software que crea y ejecuta las máquinas virtuales.\n';
    expect(qa(md)).toEqual([
      ['Defina virtualización. Investigue cuál fue su primera implementación.', 'Una capa que reparte el hardware entre máquinas virtuales.'],
      ['¿Qué es un hipervisor?', 'El software que crea y ejecuta las máquinas virtuales.'],
    ]);
  });

  it('a statement pasted with hard line breaks stays one question; the lines after its end are the answer (en)', () => {
    const md =
      '# Sheet 3\n\n## Exercise 6\n\nA function f is total computable when some machine computes it for\nevery element of its domain. Prove that the function g defined above\nis not total computable.\nSuppose it were: then we could decide the halting problem.\n';
    expect(qa(md)).toEqual([
      [
        'A function f is total computable when some machine computes it for every element of its domain. Prove that the function g defined above is not total computable.',
        'Suppose it were: then we could decide the halting problem.',
      ],
    ]);
  });

  it('under a question, terms that only name a facet of its answer ("Comando", "Funcionalidad") are no cards of their own (es, en)', () => {
    const es =
      '# Kernel\n\n## ¿Qué es un parche del kernel? ¿Con qué comando se aplica?\n\nUn archivo de diferencias entre dos versiones.\n\n- **Comando:** `patch -p1 < cambio.patch`.\n- **SYN cookies:** una defensa que el parche puede traer.\n';
    expect(questions(es)).toEqual(['¿Qué es un parche del kernel? ¿Con qué comando se aplica?', 'SYN cookies']);
    const en =
      '# Boot\n\n## What is an initramfs, and when is it not needed?\n\nA temporary root file system loaded into memory.\n\n- **Purpose:** to hold the drivers needed to mount the real root.\n';
    expect(questions(en)).toEqual(['What is an initramfs, and when is it not needed?']);
  });

  it('a numbered task of a practice sheet is the question, its nested text or the text after it the answer (en)', () => {
    const md = [
      '# Practice 3',
      '',
      '## Routing',
      '',
      '1. Describe what a routing table holds.',
      '   The destination networks, the next hop and the interface for each.',
      '2. Why does a router decrement the TTL?',
      '',
      '- So that a packet caught in a loop dies instead of circling forever.',
      '',
      '3. What is a default route?',
      '',
    ].join('\n');
    expect(qa(md).filter(([q]) => q !== 'Routing')).toEqual([
      ['Describe what a routing table holds.', 'The destination networks, the next hop and the interface for each.'],
      ['Why does a router decrement the TTL?', '- So that a packet caught in a loop dies instead of circling forever.'],
    ]);
  });
  it('a statement on the first line of a paragraph is the question, the lines under it its answer (es)', () => {
    const md = [
      'Investigue qué es el MTU. ¿Quién lo fija?',
      'El **MTU** es el tamaño máximo de trama que admite un enlace.',
      'Lo fija la tecnología de la capa de enlace (1500 bytes en Ethernet).',
      '',
      'a. ¿Qué pasa si un paquete lo supera?',
      '\tSe fragmenta o se descarta, según la cabecera IP.',
      '',
    ].join('\n');
    expect(qa(md)).toEqual([
      [
        'Investigue qué es el MTU. ¿Quién lo fija?',
        'El **MTU** es el tamaño máximo de trama que admite un enlace.\nLo fija la tecnología de la capa de enlace (1500 bytes en Ethernet).',
      ],
      ['¿Qué pasa si un paquete lo supera?', 'Se fragmenta o se descarta, según la cabecera IP.'],
    ]);
  });

  it('a statement on the first line of a paragraph is the question (en); "Exercise 4." before it is dropped', () => {
    const md = '# Sheet 2\n\nExercise 4. Why does TCP need a three-way handshake?\nBoth sides must agree on their initial sequence numbers.\n';
    expect(qa(md)).toEqual([['Why does TCP need a three-way handshake?', 'Both sides must agree on their initial sequence numbers.']]);
  });

  it('a first line that only ends in "?" is an aside, not a question: the paragraph stays in the answer above it (es, en)', () => {
    const es = '# Pila\n\n## Desbordamiento\n\nEl programa escribe más allá del búfer.\n\nme avisó el compilador, tipo: en serio?\nY aun así lo ejecuté.\n';
    expect(questions(es)).toEqual(['Desbordamiento']);
    const en = '# Stack\n\n## Overflow\n\nThe program writes past the buffer.\n\nthe compiler warned me, seriously?\nI ran it anyway.\n';
    expect(questions(en)).toEqual(['Overflow']);
  });
  it('lettered questions answered on the indented lines under them, with no blank line between, are a card each (es)', () => {
    const md = [
      '# Práctica 3',
      '',
      '## Ejercicio 2',
      'Procesos',
      'a. ¿Para qué sirve ejecutar fork() sin',
      'exec()?',
      '\tPara repartir trabajo entre copias del mismo programa.',
      'b. ¿Qué devuelve fork() al hijo?',
      '\t**Cero:** así el hijo sabe que es el hijo.',
      '\tEl padre recibe el PID del hijo.',
      '',
    ].join('\n');
    expect(qa(md)).toEqual([
      ['¿Para qué sirve ejecutar fork() sin exec()?', 'Para repartir trabajo entre copias del mismo programa.'],
      ['¿Qué devuelve fork() al hijo?', '**Cero:** así el hijo sabe que es el hijo.\nEl padre recibe el PID del hijo.'],
    ]);
  });

  it('lettered questions answered in place are a card each (en); a lettered line with no indented answer stays text', () => {
    const md =
      '# Sheet 1\n\n## Flow control\n\nAnswer about flow control.\na) Who turns it on?\n    The receiver, through its window.\nb) What does it prevent?\n    A fast sender flooding a slow receiver.\n';
    expect(qa(md).map(([q]) => q)).toEqual(['Flow control', 'Who turns it on?', 'What does it prevent?']);
    const plain = '# Sheet 1\n\n## Ports\n\nPick one:\na) the first\nb) the second\n';
    expect(questions(plain)).toEqual(['Ports']);
  });
  it('bulleted questions pasted from a sheet ("● ¿…?") are a card each, answered under them or on their line (es)', () => {
    const md = [
      '# Práctica 2',
      '',
      'Mirando el código anterior, responda lo siguiente?',
      '● ¿Para qué sirve la macro SYSCALL_DEFINE?',
      '\tDeclara el punto de entrada de una llamada al sistema.',
      '● ¿Para qué se usa copy_to_user?',
      '\tCopia datos del kernel al espacio de usuario, tras validar el puntero.',
      '',
      '● ¿Cuántos contenedores se instancian? Dos: db y web',
      '● ¿Qué servicio se publica hacia afuera y en qué',
      'puerto?',
      '',
      'El servicio web, en el puerto 8000.',
      '',
    ].join('\n');
    expect(qa(md)).toEqual([
      ['¿Para qué sirve la macro SYSCALL_DEFINE?', 'Declara el punto de entrada de una llamada al sistema.'],
      ['¿Para qué se usa copy_to_user?', 'Copia datos del kernel al espacio de usuario, tras validar el puntero.'],
      ['¿Cuántos contenedores se instancian?', 'Dos: db y web'],
      ['¿Qué servicio se publica hacia afuera y en qué puerto?', 'El servicio web, en el puerto 8000.'],
    ]);
  });

  it('a question under "•" opens its card as one under "●" does, while "• …" lines that ask nothing stay the list of the label above them (regression: "•" read only as a bullet line) (es, en)', () => {
    const es = '# Hoja 2\n\n## Docker\n\n• ¿Qué comando lista los contenedores?\ndocker ps muestra los que corren.\n• ¿Qué comando los detiene?\ndocker stop, con el id.\n';
    expect(qa(es)).toEqual([
      ['¿Qué comando lista los contenedores?', 'docker ps muestra los que corren.'],
      ['¿Qué comando los detiene?', 'docker stop, con el id.'],
    ]);
    const en = '# Sheet 2\n\nImage layers:\n\n• each instruction adds one\n• layers are cached\n';
    expect(qa(en)).toEqual([['Image layers', '• each instruction adds one\n• layers are cached']]);
  });

  it('the instruction of a sheet after a clause ("Mirando el código anterior, responda lo siguiente:") is no answer of the section above its questions (es, en)', () => {
    const es = '# Retos\n\n## Procesos\n\nMirando el código anterior, responda lo siguiente:\n● ¿Para qué sirve fork()?\n\tCrea un proceso hijo.\n';
    expect(questions(es)).toEqual(['¿Para qué sirve fork()?']);
    const en = '# Sheet\n\n## Processes\n\nLooking at the code above, answer the following:\n● What does fork() return to the child?\n\tZero.\n';
    expect(questions(en)).toEqual(['What does fork() return to the child?']);
  });

  it('a bulleted question carried into the last item of the list above it opens its own card; bulleted items that ask nothing stay a list (en)', () => {
    const md = [
      '# Compose lab',
      '',
      '## Ports',
      '',
      '● Which port does each image expose?',
      '',
      '- **MySQL:** port 3306.',
      '- **WordPress:** port 80.',
      '● Which service is published, and why not the other?',
      'Only WordPress: the database stays on the internal network.',
      '',
      '## Tools',
      '',
      'Three tools you will meet:',
      '• nmap',
      '• netcat',
      '',
    ].join('\n');
    const cards = qa(md);
    expect(cards.map(([q]) => q)).toEqual(['Which port does each image expose?', 'MySQL', 'WordPress', 'Which service is published, and why not the other?', 'Tools']);
    expect(cards.find(([q]) => q === 'WordPress')![1]).toBe('port 80.');
    expect(cards.at(-2)![1]).toBe('Only WordPress: the database stays on the internal network.');
  });

  it('a lettered question carried into the last item of a nested list opens its own card (es, en)', () => {
    const es = [
      '# Práctica 3',
      '',
      '## DNS',
      '',
      'a. ¿Qué registros devuelve la consulta?',
      '',
      '- A',
      '    - La dirección IPv4 del nombre.',
      'b. ¿Es una respuesta autoritativa?',
      'No: la dio un servidor recursivo.',
      '',
    ].join('\n');
    expect(qa(es).map(([q]) => q)).toEqual(['¿Qué registros devuelve la consulta?', '¿Es una respuesta autoritativa?']);
    expect(qa(es)[1]![1]).toBe('No: la dio un servidor recursivo.');
    expect(qa(es)[0]![1]).toBe('- A\n    - La dirección IPv4 del nombre.');
    const en =
      '# Sheet 6\n\n## NP\n\na) Which languages are in NP?\n\n- SAT\n- CLIQUE\nb) Why is an NP-complete language not in P if P ≠ NP?\nBecause every NP language would reduce to it.\n';
    expect(qa(en).map(([q]) => q)).toEqual(['Which languages are in NP?', 'Why is an NP-complete language not in P if P ≠ NP?']);
  });

  it('the bold points of an answer to "¿Qué sucede…?" or "Why…?" are that one card, not terms; the kinds asked by "¿Qué versiones hay? ¿Por qué?" are terms (es, en)', () => {
    const es =
      '# Namespaces\n\n## PID\n\n¿Qué sucede al ejecutar ps dentro del namespace?\n\n- **Aislamiento:** solo se ven dos procesos.\n- **PID 1:** el shell pasa a ser el PID 1.\n';
    expect(qa(es)).toEqual([['¿Qué sucede al ejecutar ps dentro del namespace?', '- **Aislamiento:** solo se ven dos procesos.\n- **PID 1:** el shell pasa a ser el PID 1.']]);
    const en = '# DNS\n\n## Why does a domain have more than one name server?\n\n- **Redundancy:** if one fails, another answers.\n- **Latency:** a nearer one answers sooner.\n';
    expect(questions(en)).toEqual(['Why does a domain have more than one name server?']);
    const kinds = '# Compose\n\n## ¿Qué versiones del archivo existen? ¿Por qué cambiaron?\n\n- **Versión 2:** agregó redes y volúmenes.\n- **Versión 3:** pensada para Swarm.\n';
    expect(questions(kinds)).toEqual(['¿Qué versiones del archivo existen? ¿Por qué cambiaron?', 'Versión 2', 'Versión 3']);
  });

  it('numbered hints toward a task are part of its answer, even the one that asks (en, es)', () => {
    const en =
      '# Largest variance\n\n## Solution\n\nKadane over every pair of letters.\n\nhints:\n\n1. Think about only two distinct letters.\n2. If one letter counts +1 and the other -1, can Kadane find the best run?\n3. Now try every pair.\n';
    expect(questions(en)).toEqual(['Largest variance — solution']);
    expect(card(en, 'Largest variance — solution').answer).toContain('2. If one letter counts +1');
    const es =
      '# Subcadenas\n\n## Ejercicio de varianza\n\nSe recorre cada par de letras.\n\n**Pistas:**\n\n1. ¿Qué pasa si solo hay dos letras?\n2. ¿Sirve Kadane para la mejor racha?\n';
    expect(questions(es)).toEqual(['Ejercicio de varianza']);
    // Numbered questions with no hint label above them are still a card each.
    expect(questions('# Hoja 1\n\n1. ¿Qué es un proceso?\n   Un programa en ejecución.\n2. ¿Qué es un hilo?\n   Una traza dentro de un proceso.\n')).toEqual([
      '¿Qué es un proceso?',
      '¿Qué es un hilo?',
    ]);
  });

  it('a question answered only by options, none of them marked, is a poll and makes no card; a marked one does (es, en)', () => {
    const es = '# Decisiones\n\n## Sesgos\n\n1. ¿Qué prefieres?\n  a) 100 hoy\n  b) 120 dentro de un mes\n2. ¿Cuál es la capital de Ecuador?\n  a) Lima\n  b) **Quito**\n';
    expect(questions(es)).toEqual(['¿Cuál es la capital de Ecuador?']);
    const en = '# Choices\n\n## Framing\n\n1. Which would you pick?\n   a) $100 now\n   b) $120 next month\n2. Which planet is largest?\n   a) Mars\n   b) Jupiter ✓\n';
    expect(questions(en)).toEqual(['Which planet is largest?']);
  });

  it('a step heading that only names its statement ("### 11. uso cpu") asks the statement, wrapped over lines as pasted from a sheet (es, en)', () => {
    const es =
      '# Práctica 4\n\n### 11. uso cpu\nDesde otra terminal mire cómo se reparte la CPU entre los dos\nprocesos. ¿Qué porcentaje recibe cada uno?\n\nEl de cpualta recibe cerca del 70%.\n';
    expect(qa(es)).toEqual([['Desde otra terminal mire cómo se reparte la CPU entre los dos procesos. ¿Qué porcentaje recibe cada uno?', 'El de cpualta recibe cerca del 70%.']]);
    const en =
      '# Lab 4\n\n### 12. kill it\nIn the first terminal, kill the job you started (use jobs and kill %1).\nWhat happens to the CPU use now?\n\nThe other process takes the whole core.\n';
    expect(qa(en)).toEqual([
      ['In the first terminal, kill the job you started (use jobs and kill %1). What happens to the CPU use now?', 'The other process takes the whole core.'],
    ]);
    // Prose that only ends on a question mark, with no question in its last sentence, stays the heading's answer.
    const prose = '# Lab 4\n\n### 13. quotas\nThe quota holds for the group as a whole, so two processes\nshare the 30% of one core between them, right?\n\nEach gets about 15%.\n';
    expect(questions(prose)).toEqual(['quotas']);
  });

  it('"Compare X y Y en cuanto a:" with lettered aspects carried into the items of its list asks one card per aspect, the two sides its answer (es, en)', () => {
    const es = [
      '# Práctica 5',
      '',
      'Compare IPv4 e IPv6 en cuanto a:',
      'a. Tamaño de dirección',
      '- **IPv4:** 32 bits.',
      '- **IPv6:** 128 bits.',
      'b. Configuración.',
      '- **IPv4:** manual o por DHCP.',
      '    - **DHCP:** un servidor asigna la dirección.',
      '- **IPv6:** también sin estado, con SLAAC.',
      '',
    ].join('\n');
    expect(qa(es)).toEqual([
      ['Compare IPv4 e IPv6 en cuanto a: a. Tamaño de dirección', '- **IPv4:** 32 bits.\n- **IPv6:** 128 bits.'],
      [
        'Compare IPv4 e IPv6 en cuanto a: b. Configuración.',
        '- **IPv4:** manual o por DHCP.\n    - **DHCP:** un servidor asigna la dirección.\n- **IPv6:** también sin estado, con SLAAC.',
      ],
      // A term nested under a side names a topic of its own.
      ['DHCP', 'un servidor asigna la dirección.'],
    ]);
    const en = [
      '# Sheet 5',
      '',
      'Compare TCP and UDP in terms of:',
      'a. Reliability',
      '- **TCP:** acknowledges every segment.',
      '- **UDP:** sends and forgets.',
      'b. Ordering',
      '- **TCP:** delivers bytes in order.',
      '- **UDP:** in any order.',
      '',
    ].join('\n');
    expect(questions(en)).toEqual(['Compare TCP and UDP in terms of: a. Reliability', 'Compare TCP and UDP in terms of: b. Ordering']);
  });

  it('an instruction followed by lettered "name: answer" lines asks the instruction; the lines are its answer (es, en)', () => {
    const es = '# Práctica 5\n\n## Ejercicio SystemD\n\n1. Investigue los comandos:\na. systemctl enable: activa el servicio al arrancar.\nb. systemctl start: lo inicia ahora.\n';
    expect(qa(es)).toEqual([['Investigue los comandos', 'a. systemctl enable: activa el servicio al arrancar.\nb. systemctl start: lo inicia ahora.']]);
    // A lettered question after the instruction is still the question asked.
    const en = '# Sheet 7\n\n## Exercise 2\n\n1. Answer briefly:\na. Why is the input tape read-only?\n   So that it does not count as work space.\n';
    expect(qa(en).map(([q]) => q)).toEqual(['Why is the input tape read-only?']);
  });
});

describe('4. arrow and bullet-character lines', () => {
  it('under a label are its list, never labels of their own (es, en)', () => {
    const es = '# Redes\n\nTipos de red:\n\n→ LAN: una casa o una oficina.\n→ WAN: ciudades o países.\n';
    expect(qa(es)).toEqual([['Tipos de red', '→ LAN: una casa o una oficina.\n→ WAN: ciudades o países.']]);
    const en = '# Networks\n\nKinds of cables:\n\n• Twisted pair: phones and Ethernet.\n• Fibre: light, long distances.\n';
    expect(questions(en)).toEqual(['Kinds of cables']);
  });
});

describe('5. decorative lines', () => {
  it('are dividers, never questions; a heading framed by two banners keeps its content (es)', () => {
    const md = '# Química\n\n## ===============\n\n## Enlace iónico\n\n## ===============\n\nUn átomo cede electrones a otro.\n\n═══════════\n\nOtra línea de texto del enlace.\n';
    expect(qa(md)).toEqual([['Enlace iónico', 'Un átomo cede electrones a otro.\n\nOtra línea de texto del enlace.']]);
  });

  it('in English notes too, with asterisks and box drawing', () => {
    expect(questions('# Notes\n\n## ~~~~~~~~~~\n\n## Photosynthesis\n\nPlants make sugar from light.\n\n## ─────────\n')).toEqual(['Photosynthesis']);
  });
});

describe('6. tutorial walkthroughs', () => {
  it('a step named by a gerund, with the code to type, makes no card; one that explains, with no code, does (es)', () => {
    const md = [
      '# Curso de React',
      '',
      '## Configurando el linter',
      '',
      'Instalamos el paquete y creamos su archivo:',
      '',
      '```bash',
      'npm i -D eslint',
      '```',
      '',
      '## Evaluando nuestro progreso',
      '',
      'Consiste en comparar lo aprendido con los objetivos del curso.',
      '',
    ].join('\n');
    expect(questions(md)).toEqual(['Evaluando nuestro progreso']);
    // "Cuando…" only ends like a gerund.
    expect(questions('# Git\n\n## Cuando usar rebase\n\nAl integrar una rama local sin historia compartida:\n\n```bash\ngit rebase main\n```\n')).toEqual(['Cuando usar rebase']);
  });

  it('a section that goes on with the tutorial ("Para continuar con…", "To continue…") makes no card (es, en)', () => {
    expect(questions('# Curso\n\n## Estilos del menú\n\nPara continuar con la pantalla de inicio, le damos color al menú.\n')).toEqual([]);
    expect(questions('# Course\n\n## Menu styles\n\nTo continue with the home screen, we colour the menu.\n')).toEqual([]);
  });

  it('a step named by the part of the app it builds, with its code, makes no card; a kind of thing, or no code, does (es, en)', () => {
    const es = [
      '# App de recetas',
      '## Barra de búsqueda',
      'Para la barra de búsqueda, implementaremos un `HStack` con un campo de texto:',
      '```swift\nHStack { TextField("Buscar", text: $texto) }\n```',
      '## Tarjeta de receta',
      'Para esta tarjeta, vamos a generar un `ZStack` con la foto:',
      '```swift\nZStack { Image(receta.foto) }\n```',
      '## Decimales',
      'Para los números con decimales, usaremos `Float` o `Double`, de 32 y 64 bits:',
      '```swift\nlet pi: Double = 3.14159\n```',
      '## Presupuesto',
      'Para este punto, evaluaremos la tasa de ahorro: ahorro mensual dividido por el ingreso neto.',
    ].join('\n\n');
    expect(questions(es)).toEqual(['Decimales', 'Presupuesto']);
    const en = [
      '# Recipe app',
      '## Search bar',
      "For the search bar, we'll add an `HStack` with a text field:",
      '```swift\nHStack { TextField("Search", text: $text) }\n```',
      '## Optionals',
      'For the values that may be missing, Swift has optionals:',
      '```swift\nvar name: String? = nil\n```',
    ].join('\n\n');
    expect(questions(en)).toEqual(['Optionals']);
  });

  it('a section that opens by narrating the next step makes no card; one that explains first does (es)', () => {
    const md = [
      '# React',
      '## Añadiendo componentes',
      'Generemos un componente llamado Header en `src/components`:',
      '```jsx\nexport const Header = () => <h1>Hola</h1>;\n```',
      '## Agregar el estado',
      'Ahora, dentro del componente, guardaremos el valor con `useState`.',
      '## JSX',
      'Una sintaxis que mezcla HTML con JavaScript. Creemos un ejemplo:',
      '## Props',
      'Podemos pasar datos a un componente mediante sus props.',
    ].join('\n\n');
    expect(questions(md)).toEqual(['JSX', 'Props']);
  });

  it('"Hagamos…" and "Escribamos…" narrate too (es)', () => {
    expect(questions('# JavaScript\n\n## Fechas\n\nHagamos un programa que cuente los días desde que nacimos:\n\n```js\nnew Date()\n```\n')).toEqual([]);
  });

  it('in English too, and "Now that…" only links back (en)', () => {
    const md = [
      '# Statistics',
      '## Implementation',
      "Let's look at how to compute it with pandas:",
      '```python\ndf.corr()\n```',
      '## Sources of uncertainty',
      'Now that we know what noise is, uncertainty comes from the data and from the model.',
    ].join('\n\n');
    expect(questions(md)).toEqual(['Sources of uncertainty']);
  });
});

describe('6. tutorial steps and callout words are not questions', () => {
  it('"Ahora ejecutamos", "Comenzaremos instalando X", "Paso 3", "Pista", "Advertencia" join the answer around them (es)', () => {
    const md = [
      '# Docker',
      '',
      '## Crear una imagen',
      '',
      'Una imagen se construye desde un Dockerfile.',
      '',
      'Comenzaremos instalando `docker`:',
      '',
      '```bash',
      'apt install docker.io',
      '```',
      '',
      'Ahora ejecutamos:',
      '',
      '```bash',
      'docker build -t app .',
      '```',
      '',
      '### Paso 3',
      '',
      'Etiquetar la imagen.',
      '',
      '**Pista:** usa `docker tag`.',
      '',
      '**Advertencia:** no subas secretos a la imagen.',
      '',
    ].join('\n');
    expect(questions(md)).toEqual(['Crear una imagen']);
    expect(card(md, 'Crear una imagen').answer).toMatch(/Comenzaremos instalando[\s\S]*Ahora ejecutamos[\s\S]*Paso 3[\s\S]*Pista[\s\S]*Advertencia/);
  });

  it('"Now run", "Let\'s install", "Note", "Tip", "Warning" likewise (en)', () => {
    const md =
      '# Git\n\n## Undo a commit\n\nUse `git revert` to undo it with a new commit.\n\nNow run:\n\n```\ngit revert HEAD\n```\n\n## Note\n\nNever rewrite a shared history.\n\n- **Tip:** `git log --oneline` first.\n';
    expect(questions(md)).toEqual(['Undo a commit']);
  });

  it('an Obsidian callout with a specific title is a label; a generic one or a quoted source is not (es, en)', () => {
    const es = '# Estadística\n\n> [!info] Función de densidad\n> Describe cuán probable es cada valor.\n\n> [!note]\n> Recuerda normalizarla.\n';
    expect(qa(es)).toEqual([['Función de densidad', 'Describe cuán probable es cada valor.\n\n> [!note]\n> Recuerda normalizarla.']]);
    expect(extractNote(es, 'e.md').ok && buildDeck(extractNote(es, 'e.md') as never, { hasImage: () => false, sanitizeAll: (h) => h }).file.cards[0]!.answerHtml).not.toMatch(
      /\[!note\]/,
    );
    const en = '# Ecology\n\nWhat is a trophic level?\n\n> [!quote] Gemini\n> The position an organism occupies in a food chain.\n';
    expect(qa(en)).toEqual([['What is a trophic level?', '> [!quote] Gemini\n> The position an organism occupies in a food chain.']]);
  });
});

describe('7. examples and templates are illustrations', () => {
  it('sub-sections and term bullets under an example belong to its card; a document-shaped prompt gives one card (es)', () => {
    const md = [
      '# Prompting',
      '',
      '## Rol',
      '',
      'Decirle al modelo qué papel juega.',
      '',
      '## Ejemplo de prompt completo',
      '',
      '### Rol',
      '',
      'Eres un profesor de física.',
      '',
      '### Requisitos',
      '',
      '- **Formato:** tabla.',
      '- **Extensión:** media página.',
      '',
      '### Público',
      '',
      'Estudiantes de secundaria.',
      '',
      '**Para generar ideas:** "Dame 10 ideas de experimentos."',
      '',
    ].join('\n');
    expect(questions(md)).toEqual(['Rol', 'Ejemplo de prompt completo']);
    expect(card(md, 'Ejemplo de prompt completo').answer).toMatch(/### Requisitos[\s\S]*Extensión[\s\S]*Dame 10 ideas/);
  });

  it('examples under a problem are part of its statement (en)', () => {
    const md =
      '# Two Sum\n\nReturn the indices of the two numbers that add up to the target.\n\n**Example 1:**\n\n```\nInput: [2,7], 9\nOutput: [0,1]\n```\n\n**Constraints:**\n\n- 2 <= n <= 10^4\n';
    expect(questions(md)).toEqual(['Two Sum']);
    expect(card(md, 'Two Sum').answer).toMatch(/Example 1[\s\S]*Constraints/);
  });
});

describe('8. syllabi and study plans', () => {
  it('give no cards: bullets that only name topics (es, en)', () => {
    expect(questions('# Física\n\n## Temas a estudiar\n\n- Cinemática\n- Dinámica\n- Energía\n\n## Cinemática\n\nEstudia el movimiento sin sus causas.\n')).toEqual(['Cinemática']);
    expect(questions('# Biology\n\n## Topics\n\n- Cells\n- Genetics\n\n## Cells\n\nThe smallest unit of life.\n')).toEqual(['Cells']);
  });
});

describe('9. project furniture and landing pages', () => {
  it('README, CHANGELOG and LICENSE at the root of the notes give no cards, and say why', () => {
    for (const name of ['README.md', 'CHANGELOG.md', 'LICENSE.md', 'CONTRIBUTING.md']) {
      const result = extractNote('# Mis apuntes\n\n## Cómo usar\n\nAbre una página.\n', name);
      expect(result).toMatchObject({ ok: true, skipped: true, why: 'project-file' });
    }
    // Deeper in the notes, a README is a note like any other.
    expect(extractNote('# Redes\n\n## Capas\n\nSiete.\n', 'redes/README.md')).toMatchObject({ skipped: false });
  });

  it('the properties a Notion export writes under the title are not part of the answer; a glossary of the same shape is (en, es)', () => {
    const en =
      '# Two Sum\n\n#: 1\nDifficulty: Easy\nTags: Array, Hash Table\nCreated time: March 3, 2024 9:10 PM\n\nReturn the indices of the two numbers that add up to the target.\n';
    expect(qa(en)).toEqual([['Two Sum', 'Return the indices of the two numbers that add up to the target.']]);
    const es = '# Química\n\n## Glosario\n\nÁtomo: la unidad más pequeña de un elemento.\nIón: un átomo con carga eléctrica.\nMolécula: dos o más átomos unidos.\n';
    expect(questions(es)).toEqual(['Átomo', 'Ión', 'Molécula']);
  });

  it('regression: a page holding only two property lines ("Created time", "Last edited time") made a card of them (en, es)', () => {
    expect(questions('# Untitled\n\nCreated time: December 3, 2023 4:35 PM\nLast edited time: December 3, 2023 4:35 PM\n')).toEqual([]);
    // Two lines of "Término: definición" are content, not properties.
    expect(questions('# Redes\n\n## Capas\n\nEnlace: tramas entre vecinos.\nRed: paquetes entre redes.\n')).toEqual(['Capas']);
  });

  it("a folder's README or index that opens by introducing the notes gives no cards; one that teaches stays a note (es, en)", () => {
    const es = '# 📝 Mis apuntes\n\nEste es un repositorio en el que iré subiendo apuntes de los cursos que tomé.\n\n# Colaboraciones\n\nSiéntete libre de proponer cambios.\n';
    expect(extractNote(es, 'apuntes/README.md')).toMatchObject({ skipped: true, why: 'project-file' });
    const en = '---\ntitle: Security notes\n---\n\n# Welcome\n\n:::caution[Legal use]\nPractise only on machines you own.\n:::\n\n## Tracks\n\nStart with Linux, then networks.\n';
    expect(extractNote(en, 'site/docs/index.md')).toMatchObject({ skipped: true, why: 'landing-page' });
    const teaches = '# README\n\n## What are fleeting notes?\n\nQuick notes that capture an idea before it is lost.\n';
    expect(extractNote(teaches, 'vault/Fleeting/README.md')).toMatchObject({ skipped: false, cards: [{ question: 'What are fleeting notes?' }] });
  });

  it('a welcome and lists of links make a landing page (es, en)', () => {
    const es = '# Inicio\n\nBienvenido a mis apuntes de la carrera.\n\n## Materias\n\n- [Redes](redes.md)\n- [Sistemas operativos](so.md)\n';
    expect(extractNote(es, 'index.md')).toMatchObject({ skipped: true, why: 'landing-page' });
    const en = '# Topology\n\n- [[Open Set]]\n- [[Compact Topological Space]]\n- [[Hausdorff Space]]\n';
    expect(extractNote(en, 'MOC - Topology.md')).toMatchObject({ skipped: true, why: 'landing-page' });
  });
});

describe('10. no answer swallows the page', () => {
  it('a section over 1,500 characters is split at its inner structure, each part asked with its title (es)', () => {
    const long = (n: number) => `Un párrafo largo sobre el tema ${n}. `.repeat(16);
    const md = `# Biología\n\n## La célula\n\n${long(1)}\n\n**Membrana plasmática**\n\n${long(2)}\n\n![Esquema](celula.png)\n\n**Núcleo**\n\n${long(3)}\n`;
    const cards = extract(md).cards;
    expect(cards.map((c) => c.question)).toEqual(['La célula', 'La célula — membrana plasmática', 'La célula — núcleo']);
    expect(cards.every((c) => c.answer.length <= 1500)).toBe(true);
    // The image stays with the part it is in.
    expect(cards[1]!.answer).toMatch(/Esquema/);
  });

  it('a single block longer than the limit stays whole, with a warning (en)', () => {
    const { cards, warnings } = extract(`# Notes\n\n## History\n\n${'A sentence about history. '.repeat(80)}\n`);
    expect(cards).toHaveLength(1);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/over 1500/)]);
  });

  it('a lesson of paragraphs with nothing to split it at keeps its first paragraphs, and a warning says so (es)', () => {
    const paragraph = (n: number) => `La fotosíntesis, parte ${n}, ocurre en los cloroplastos de la hoja. `.repeat(5);
    const md = `# Biología\n\n## Fotosíntesis\n\n${[1, 2, 3, 4, 5, 6].map(paragraph).join('\n\n')}\n`;
    const { cards, warnings } = extract(md);
    expect(cards.map((c) => c.question)).toEqual(['Fotosíntesis']);
    expect(cards[0]!.answer.length).toBeLessThanOrEqual(1500);
    expect(cards[0]!.answer).toMatch(/^La fotosíntesis, parte 1/);
    expect(cards[0]!.answer).not.toMatch(/parte 6/);
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/nothing to split it at; its card holds its first \d+/)]);
  });
});

describe('11. repeated questions keep their identity', () => {
  it('regression: a generic title repeated under one topic was qualified twice ("Mochila — Mochila — explicación") (es, en)', () => {
    const es = '# Mochila\n\n## Mochila 0/1\n\nExplicación:\n\nSe cargan 4 y 5.\n\nExplicación:\n\nSe cargan 5 y 7.\n';
    expect(questions(es)).toEqual(['Mochila 0/1 — explicación', 'Mochila 0/1 — explicación']);
    const en = '# Knapsack\n\nExplanation:\n\nLoad 4 and 5.\n\nExplanation:\n\nLoad 5 and 7.\n';
    expect(questions(en)).toEqual(['Knapsack — explanation', 'Knapsack — explanation']);
  });

  it('a question that names nothing ("Cómo se interpreta", "How does it work?") is asked with the title above it (es, en)', () => {
    expect(questions('# Redes\n\n## La máscara de red\n\n### Cómo se interpreta\n\nLos bits en uno marcan la parte de red.\n')).toEqual(['La máscara de red — cómo se interpreta']);
    expect(questions('# Storage\n\n## Write-ahead log\n\n### How does it work?\n\nEvery change is appended before it is applied.\n')).toEqual([
      'Write-ahead log — how does it work?',
    ]);
    // A question that names its subject stands alone.
    expect(questions('# Redes\n\n## Máscaras\n\n### Cómo se calcula la máscara\n\nSe ponen en uno los bits de red.\n')).toEqual(['Cómo se calcula la máscara']);
  });

  const page = (first: boolean) =>
    [
      '# Prompting',
      ...(first ? ['', '## Prompting de formato', '', 'Pedir la salida en una forma.', '', '### Uso típico', '', 'Tablas y JSON.'] : []),
      '',
      '## Prompting de rol',
      '',
      'Dar un papel al modelo.',
      '',
      '### Uso típico',
      '',
      'Tutores y entrevistas.',
      '',
    ].join('\n');

  it('are qualified by their nearest specific parent, never numbered by position (es)', () => {
    expect(questions(page(true))).toEqual(['Prompting de formato', 'Prompting de formato — uso típico', 'Prompting de rol', 'Prompting de rol — uso típico']);
    expect(extract(page(true)).warnings).toEqual([]);
  });

  it('and keep their keys when the other one is deleted (en terms as well)', () => {
    const key = (md: string, q: string) => extract(md).cards.find((c) => c.question.endsWith(q))!.key;
    const before = extract(page(true)).cards.find((c) => c.question === 'Prompting de rol — uso típico')!.key;
    // With one "Uso típico" left, it is asked plainly, but it keeps its anchor on "Prompting de rol".
    expect(key(page(false), 'Uso típico')).toContain('prompting de rol');
    expect(before).toContain('prompting de rol');
    const en = '# Tools\n\n## Hammer\n\n- **Typical use:** nails.\n\n## Saw\n\n- **Typical use:** cutting wood.\n';
    expect(questions(en)).toEqual(['Hammer', 'Hammer — typical use', 'Saw', 'Saw — typical use']);
  });
});

describe('12. Obsidian', () => {
  it('`Term::Definition` without spaces is a card; `std::vector` in prose or code is not (es, en)', () => {
    expect(qa('Homeostasis::Equilibrio interno de un organismo\n')).toEqual([['Homeostasis', 'Equilibrio interno de un organismo']]);
    expect(qa('Presión arterial::La fuerza de la sangre contra las arterias\n')).toEqual([['Presión arterial', 'La fuerza de la sangre contra las arterias']]);
    expect(questions('# C++\n\n## Containers\n\nUse std::vector for arrays that grow.\n\n`std::map<K, V>` keeps keys sorted.\n\nstd::vector<int> v;\n')).toEqual(['Containers']);
  });

  it('wikilinks read as text, embeds are images found anywhere in the vault, a #tag line is tags (en)', () => {
    const md = "#biology #cells\n\n# Cells\n\n## Mitochondria\n\nThe [[Cell|cell]]'s power plant, see [[ATP]].\n\n![[mitochondria.png]]\n";
    const result = extractNote(md, 'notes/cells.md');
    if (!result.ok || result.skipped) throw new Error('no cards');
    expect(result.deck.tags).toEqual(['biology', 'cells']);
    const built = buildDeck(result, {
      hasImage: (path) => path === 'attachments/mitochondria.png',
      findImage: imageFinder(['attachments/mitochondria.png']),
      sanitizeAll: (h) => h,
    });
    expect(built.file.cards[0]!.answerHtml).toContain("The cell's power plant, see ATP.");
    expect(built.images).toEqual(['attachments/mitochondria.png']);
    expect(built.warnings).toEqual([]);
  });
});

describe('13. plain text in questions and breadcrumbs', () => {
  it('regression: "[[ ]]" (bash\'s test) read as an empty wikilink and vanished from the question (en, es)', () => {
    expect(questions('# Bash\n\n## if / test / [[ ]]\n\nUse `[[ ]]` for safer tests.\n')).toEqual(['if / test / [[ ]]']);
    expect(questions('# Bash\n\n## Condiciones con [[ ]]\n\nMás seguras que `[ ]`.\n')).toEqual(['Condiciones con [[ ]]']);
  });

  it('never raw Markdown links or emphasis (es, en)', () => {
    const c = card('# Lenguajes\n\n## Otros ([aquí](https://example.org))\n\n### *Rust* y __Go__\n\nLenguajes de sistemas.\n', 'Rust y Go');
    expect(c.context).toEqual(['Lenguajes', 'Otros (aquí)']);
    expect(questions('# Stats\n\n## 9\\. Kendall’s [Tau](https://example.org/tau)\n\nA rank correlation.\n')).toEqual(['Kendall’s Tau']);
  });
  it('regression: "__" inside a code span was taken for emphasis and cut from the question (es, en)', () => {
    expect(questions('# Clases\n\n## Doble guion `__`\n\nEvita choques de nombres en la herencia.\n')).toEqual(['Doble guion `__`']);
    const en = '# Python\n\n## Special methods\n\n- **`__init__`:** runs when an object is made.\n- **`__repr__`:** the text that `repr()` prints.\n';
    expect(questions(en)).toEqual(['Special methods', '`__init__`', '`__repr__`']);
  });
});

describe('14. chat leftovers', () => {
  it('openers such as "Entonces, tu definición podría quedar como:" go (es)', () => {
    expect(card('# Química\n\n## Mol\n\nEntonces, tu definición podría quedar como:\n\nLa cantidad de sustancia con 6,022·10²³ partículas.\n', 'Mol').answer).toBe(
      'La cantidad de sustancia con 6,022·10²³ partículas.',
    );
  });

  it('a content line that only sounds like chat stays when a list follows it (en)', () => {
    expect(card('# Writing\n\n## Hooks\n\nHere are 3 kinds of hooks:\n\n- A question.\n- A surprising fact.\n- A story.\n', 'Hooks').answer).toMatch(/^Here are 3 kinds of hooks:/);
  });
});

describe('notes of a single topic, with no headings (index cards)', () => {
  const one = (md: string, source: string) => extract(md, source).cards.map((c) => [c.question, c.answer]);

  it('are one card, asked by the file name, answered by the whole note (en)', () => {
    const md = 'How far predictions fall from the true values, on average.\n\n$$E[\\hat{f}(x)] - f(x)$$\n';
    expect(one(md, 'vault/index_cards/bias.md')).toEqual([['Bias', md.trim()]]);
    expect(one('A cheap model, barely better than chance.\n', 'vault/weak_learner.md')).toEqual([['Weak learner', 'A cheap model, barely better than chance.']]);
  });

  it('are asked by the front-matter title, or the file name less the course numbering (es)', () => {
    const md = '---\ntitle: tabla de páginas\n---\nEstructura que traduce páginas virtuales a marcos físicos.\n';
    expect(one(md, 'so/teoria/apunte.md')).toEqual([['Tabla de páginas', 'Estructura que traduce páginas virtuales a marcos físicos.']]);
    expect(one('Pedido de un proceso al núcleo.\n', 'so/teoria/03- Llamadas al sistema.md')[0]?.[0]).toBe('Llamadas al sistema');
    expect(one('Traduce nombres a direcciones.\n', 'redes/teoria/Clase 4 - DNS.md')[0]?.[0]).toBe('DNS');
  });

  it('give no card when the name only places the note, or the note is a project file or only images (es, en)', () => {
    for (const source of ['redes/practica 6/ej 4.md', 'redes/Clase 1.md', 'ftc/Parcial 2023.md', 'notion/Untitled.md', 'so/otro p3.md', 'vault/CHANGELOG.md', 'vault/nota.md'])
      expect(one('Texto suelto sobre el tema.\n', source), source).toEqual([]);
    expect(one('![[diagrama.png]]\n', 'vault/kernel trick.md')).toEqual([]);
  });

  it('are left to the other rules when the note has a heading or makes cards of its own (es)', () => {
    expect(one('# Paginación\n\nDivide la memoria en páginas.\n', 'so/memoria.md').map(([q]) => q)).toEqual(['Paginación']);
    expect(one('TLB::caché de traducciones\n\nOtra línea suelta.\n', 'so/memoria.md').map(([q]) => q)).toEqual(['TLB']);
  });
});
