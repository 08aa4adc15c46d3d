/** The word lists and patterns behind the card rules. Matching is on accent-folded, lower-case text. */
import { foldText } from './text.ts';

const QUESTION_WORDS = [
  'que', 'como', 'por que', 'porque', 'cual', 'cuales', 'cuando', 'donde', 'quien', 'quienes', 'para que',
  'what', 'how', 'why', 'when', 'where', 'who', 'which',
];

const SKIPPED_SECTIONS = [
  'recursos', 'referencias', 'bibliografia', 'enlaces', 'ver tambien', 'fuentes',
  'resources', 'references', 'see also', 'further reading',
  // personal plans, not study material
  'pendientes', 'tareas', 'por hacer', 'proximos pasos', 'to do', 'todo', 'tasks', 'next steps',
];

const GLOSSARY_SECTIONS = ['terminos', 'glosario', 'definiciones', 'vocabulario', 'glossary', 'terms'];

function startsWithWord(folded: string, words: readonly string[]): boolean {
  return words.some((word) => folded === word || folded.startsWith(word + ' ') || folded.startsWith(word + ','));
}

export function isQuestionTitle(title: string): boolean {
  const trimmed = title.trim();
  if (trimmed.endsWith('?')) return true;
  const folded = foldText(trimmed.replace(/^[¿¡"'“«(*_\s]+/, ''));
  return startsWithWord(folded, QUESTION_WORDS);
}

/** Words that may follow a skipped title without making it a topic: "Recursos útiles", "Links and references". */
const SKIP_QUALIFIERS = new Set(
  ('utiles util de interes adicionales recomendados recomendadas externos externas relacionados relacionadas otros otras ' +
    'y e and & useful additional recommended external related other more mas links enlaces referencias recursos fuentes ' +
    'bibliografia resources references sources reading lectura lecturas').split(' '),
);

/**
 * Takes an accent-folded title (foldText). "Recursos", "Recursos útiles" or "References and links" are skipped;
 * "Enlaces químicos" (chemical bonds) is a topic, not a list of links.
 */
export function isSkippedTitle(folded: string): boolean {
  const title = folded.replace(/[^a-z0-9& ]+/g, ' ').replace(/\s+/g, ' ').trim();
  const phrase = SKIPPED_SECTIONS.find((p) => title === p || title.startsWith(p + ' '));
  if (!phrase) return false;
  return title.slice(phrase.length).trim().split(' ').every((word) => word === '' || SKIP_QUALIFIERS.has(word));
}

/** Takes an accent-folded title (foldText). */
export function isGlossaryTitle(folded: string): boolean {
  return GLOSSARY_SECTIONS.includes(folded);
}

const BOLD_LABEL = /^(\*\*|__)([^*_\n][^\n]*?)\1\s*(:?)$/;
const PLAIN_LABEL = /^[^\s*_#>`[\]()!][^\n]*:$/;

/** A paragraph that is a label: wholly bold and ending in `:`, or plain text of at most three words ending in `:`. */
export function isLabel(inline: string): boolean {
  const text = stripDecoration(inline.trim());
  const bold = BOLD_LABEL.exec(text);
  if (bold) return bold[3] === ':' || bold[2]!.trim().endsWith(':');
  return PLAIN_LABEL.test(text) && text.split(/\s+/).length <= 3 && !text.includes('::');
}

export interface TermMatch {
  term: string;
  definition: string;
}

const TERM_PATTERNS = [
  /^\*\*([^*\n]{1,120}?)\s*:\s*\*\*[ \t]*(.*)$/s,
  /^\*\*([^*\n]{1,120}?)\*\*[ \t]*:[ \t]*(.*)$/s,
  /^__([^_\n]{1,120}?)\s*:\s*__[ \t]*(.*)$/s,
  /^__([^_\n]{1,120}?)__[ \t]*:[ \t]*(.*)$/s,
];

/** A paragraph wholly in bold (after any leading emoji), without the markers; null otherwise. */
export function boldText(inline: string): string | null {
  const bold = BOLD_LABEL.exec(stripDecoration(inline.trim()));
  return bold ? `${bold[2]!}${bold[3]!}`.trim() : null;
}

/** `**Term:** definition`, `**Term**: definition` or `__Term__: definition` (also after a leading emoji). */
export function matchTerm(inline: string): TermMatch | null {
  for (const pattern of TERM_PATTERNS) {
    const match = pattern.exec(stripDecoration(inline.trim()));
    if (match && match[1]!.trim()) return { term: match[1]!.trim(), definition: match[2]!.trim() };
  }
  return null;
}

const GLOSSARY_LINE = [/^\(([^()\n]{1,120})\)\s*:\s+(.+)$/, /^([^():\n[\]*_`]{1,80}?)\s*:\s+(.+)$/];

/** `Term: definition` or `(Term): definition`, one per line, under a glossary label. */
export function matchGlossaryLine(line: string): TermMatch | null {
  for (const pattern of GLOSSARY_LINE) {
    const match = pattern.exec(line.trim());
    if (match) return { term: match[1]!.trim(), definition: match[2]!.trim() };
  }
  return null;
}

export interface ExplicitMatch {
  question: string;
  answer: string;
  bothWays: boolean;
}

const IDENTIFIER = /[A-Za-z0-9_]/;

/**
 * `Question::Answer` or `Question:::Answer` on one line. Colons inside code spans, links or autolinks do not count,
 * nor a `::` with identifier characters on both sides (`std::vector`).
 */
export function matchExplicitLine(line: string): ExplicitMatch | null {
  const masked = maskCodeAndLinks(line);
  let from = 0;
  for (;;) {
    const at = masked.indexOf('::', from);
    if (at < 0) return null;
    let end = at;
    while (masked[end] === ':') end++;
    const run = end - at;
    const before = masked[at - 1] ?? ' ';
    const after = masked[end] ?? ' ';
    if ((run === 2 || run === 3) && !(IDENTIFIER.test(before) && IDENTIFIER.test(after))) {
      const question = line.slice(0, at).trim();
      const answer = line.slice(end).trim();
      if (question && answer) return { question, answer, bothWays: run === 3 };
    }
    from = end;
  }
}

function maskCodeAndLinks(line: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return line
    .replace(/(`+)[^`]*?\1/g, blank)
    .replace(/!?\[[^\]]*\]\([^)]*\)/g, blank)
    .replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, blank)
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, blank);
}

// ——— Decoration, generic titles, chat leftovers and to-do lists (notes exported from apps and pasted from chats).

/** Leading emoji, bullets, arrows and keycaps ("🔹", "📌", "➤", "1️⃣") decorate a title; they are not its topic. */
const DECORATION = /^(?:(?:\d\ufe0f?\u20e3|[\p{Extended_Pictographic}\p{So}\u200d\ufe0f•·▪▫►▶→➤➔✓✔✗✘★☆※])\s*)+/u;
/** "5.", "2.3.", "1)", "IV.", "a)" before a title. A bare number ("2024 en cifras", "3D") is part of it. */
const NUMBERING = /^(?:\d+(?:\.\d+)*[.)]|[IVXLC]+\.|[a-z]\))\s+/;

export function stripDecoration(text: string): string {
  // Decoration starts with a digit (a keycap) or a character beyond ASCII: most text is refused on its first one.
  const first = text.charCodeAt(0);
  if (first < 0x80 && !(first >= 0x30 && first <= 0x39)) return text;
  return text.replace(DECORATION, '');
}

/**
 * Heading or label text as a question: leading emoji and numbering, emphasis markers and a trailing colon
 * removed ("### 🔹 5. **Ejemplo ampliado:**" → "Ejemplo ampliado").
 */
export function cleanTitle(raw: string): string {
  let text = raw.trim();
  for (;;) {
    const next = stripDecoration(text)
      .replace(/^(\*\*|__)(.*)\1$/s, '$2')
      .trim()
      .replace(/:$/, '')
      .trim()
      .replace(NUMBERING, '')
      .trim();
    if (next === text) break;
    text = next;
  }
  return text.replace(/(\*\*|__)/g, '').replace(/\s*:$/, '').trim();
}

const GENERIC_TITLES = new Set(
  [
    // Spanish
    'ejemplo', 'ejemplos', 'ejemplo practico', 'ejemplos practicos', 'ejemplo ampliado', 'ejemplos adicionales',
    'otro ejemplo', 'otros ejemplos', 'ejemplo real', 'ejemplos reales', 'ejemplo sencillo', 'ejemplo simple',
    'ejemplo de uso', 'ejemplos de uso', 'caso de uso', 'casos de uso', 'caso practico', 'explicacion',
    'explicacion sencilla', 'explicacion simple', 'explicacion breve', 'en pocas palabras', 'definicion',
    'que significa', 'que es', 'para que sirve', 'como funciona', 'por que es importante', 'por que importa',
    'en resumen', 'resumen', 'resumen final', 'conclusion', 'conclusiones', 'contexto', 'caracteristicas',
    'caracteristicas principales', 'ventajas', 'desventajas', 'ventajas y desventajas', 'pros y contras',
    'limitaciones', 'nota', 'notas', 'observaciones', 'importante', 'detalles', 'descripcion', 'introduccion',
    'puntos clave', 'idea clave', 'ideas clave', 'consejos', 'tips', 'analogia', 'uso', 'usos', 'aplicaciones',
    'beneficios', 'objetivo', 'objetivos', 'paso a paso', 'pasos', 'variantes', 'tipos', 'opciones',
    'opciones populares', 'alternativas', 'componentes', 'componentes principales', 'partes', 'versiones',
    'versiones principales',
    // English
    'example', 'examples', 'practical example', 'extended example', 'more examples', 'another example',
    'real world example', 'use case', 'use cases', 'explanation', 'simple explanation', 'in simple terms',
    'definition', 'what it means', 'what is it', 'what does it mean', 'how it works', 'how does it work',
    'why it matters', 'why is it important', 'summary', 'in summary', 'in short', 'overview', 'conclusion',
    'context', 'features', 'key features', 'characteristics', 'advantages', 'disadvantages', 'pros and cons',
    'limitations', 'note', 'notes', 'details', 'description', 'introduction', 'key points', 'key ideas',
    'tips', 'analogy', 'usage', 'uses', 'applications', 'benefits', 'goal', 'goals', 'steps', 'step by step',
    'variants', 'types', 'options', 'popular options', 'alternatives', 'components', 'core components',
    'main components', 'parts', 'versions',
  ],
);

/** A title that names no topic on its own ("Ejemplo", "Explicación sencilla", "Summary", "¿Cómo funciona?"). */
/** First words of the generic titles: most titles are refused on their first word, before any folding. */
const GENERIC_FIRST_WORDS = new Set([...GENERIC_TITLES].map((title) => title.split(' ')[0]!));

export function isGenericTitle(title: string): boolean {
  // Generic titles are a few words long; anything longer names its topic.
  if (title.length > 40) return false;
  const first = /^[\s¿¡"“'(*_]*([^\s:?!.,)"”*_]+)/.exec(title)?.[1];
  if (!first || !GENERIC_FIRST_WORDS.has(foldText(first))) return false;
  const folded = foldText(title).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
  return GENERIC_TITLES.has(folded) || /^(ejemplos?|examples?) \d+$/.test(folded);
}


/** "Embedding model — explicación sencilla": a generic title made to stand on its own. */
export function qualifiedTitle(owner: string, generic: string): string {
  const lower = generic.replace(/^([¿¡]?)(\p{Lu})(?!\p{Lu})/u, (_m, mark: string, letter: string) => mark + letter.toLowerCase());
  return `${owner} — ${lower}`;
}

// Matched on the raw text (case-insensitive, accents optional) so that no paragraph needs accent folding.
const CHAT_OPENER =
  /^(claro|por supuesto|con gusto|desde luego|perfecto|excelente pregunta|buena pregunta|gran pregunta|genial|aqu[ií] tienes|aqu[ií] te dejo|aqu[ií] va|te explico|vamos a verlo|sure|certainly|of course|absolutely|great question|good question|here is|here['’]?s|here are|happy to help|glad you asked)(?![\p{L}\p{N}])/iu;
const CHAT_CLOSER =
  /^(te qued[oó]|te queda|te gustar[ií]a|quieres que|quieres saber|necesitas|tienes alguna|tienes otra|tienes m[aá]s|si tienes|si quieres|si necesitas|espero que|dime si|av[ií]same|hazme saber|cualquier duda|would you like|do you want|want me to|shall i|should i|let me know|if you have|if you want|if you['’]?d like|hope this|i hope|feel free|any other questions|any questions|do you have any|do you have other)(?![\p{L}\p{N}])/iu;

/**
 * A sentence left over from a chat assistant: "¡Claro! Con gusto te explico…", "¿Te quedó más claro? 😊",
 * "Sure! Here is…". Only short paragraphs: a long one that starts with "Claro" may still hold the explanation.
 */
export function isChatLeftover(text: string): boolean {
  if (text.length > 300) return false;
  const plain = stripDecoration(text.trim().replace(/^(\*\*|__)(.*)\1$/s, '$2').replace(/^[¡¿"“*_\s]+/, ''));
  if (CHAT_CLOSER.test(plain)) return true;
  if (CHAT_OPENER.test(plain)) return text.length <= 160 || /:\s*$/.test(text.trim());
  return false;
}

const ABOUT_THE_NOTES =
  /^(esta secci[oó]n|este apartado|esta p[aá]gina|en esta p[aá]gina|en esta secci[oó]n|estos apuntes|mis apuntes|apuntes personales|apuntes sobre|aqu[ií] encontrar[aá]s|aqu[ií] re[uú]no|this section|this page|on this page|these notes|my notes|personal notes|notes on|here you will find|here you['’]?ll find)(?![\p{L}\p{N}])/iu;

/** A sentence about the notes themselves ("Esta sección reúne…", "These notes cover…"): nothing to learn. */
export function isAboutTheNotes(text: string): boolean {
  return text.length <= 200 && ABOUT_THE_NOTES.test(text.trim());
}

const MONTHS =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE = new RegExp(
  `^(?:(?:${MONTHS}) \\d{1,2},? \\d{4}|\\d{1,2} (?:de )?(?:${MONTHS})(?: (?:de )?\\d{4})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})$`,
);

/** "April 9, 2025", "9 de abril de 2025", "2025-04-09", "09/04/2025" — a date alone, as in a diary or a to-do list. */
export function isDateLine(text: string): boolean {
  // Cheap refusals first: this runs on every paragraph of every note.
  if (text.length > 40 || !/\d{4}|\d\/\d/.test(text)) return false;
  return DATE.test(foldText(cleanTitle(text)).replace(/\s+/g, ' '));
}

const TASK_START =
  /^(continuar|seguir|terminar|acabar|empezar|comenzar|leer|ver|mirar|hacer|revisar|repasar|estudiar|practicar|completar|investigar|buscar|probar|instalar|preparar|escribir|llamar|comprar|enviar|apuntarme|inscribirme|pendiente|el curso|un curso|curso de|el libro|libro de|el video|finish|continue|keep|start|read|watch|do|review|study|practice|complete|research|look into|try|install|prepare|write|call|buy|send|sign up|the course|the book|course on|todo)\b/;

/** A line of a personal to-do list: a task ("Continuar con el libro…", "El curso de DataCamp") or a date. */
export function isTaskLine(text: string): boolean {
  const folded = foldText(text.trim().replace(/^\[[ xX]\]\s*/, '')).replace(/\s+/g, ' ');
  return TASK_START.test(folded) || isDateLine(text);
}

/** `- [ ] task` / `- [x] done`: a checklist item. */
export function isChecklistItem(text: string): boolean {
  return /^\[[ xX]\]\s/.test(text.trim());
}
