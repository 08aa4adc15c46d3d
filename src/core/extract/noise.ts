/**
 * What is never a card, nor part of an answer: sections of links and to-dos, chat leftovers, sentences about the
 * notes themselves, dates alone, checklists and personal to-do lists.
 */
import type { Block } from '../blocks.ts';
import { foldText } from '../text.ts';
import { matchTerm } from './terms.ts';
import { cleanTitle, firstWordsOf, letterWords, stripDecoration } from './titles.ts';

// prettier-ignore
const SKIPPED_SECTIONS = [
  'recursos', 'recurso', 'referencias', 'referencia', 'bibliografia', 'enlaces', 'ver tambien', 'fuentes', 'fuente',
  'resources', 'references', 'see also', 'further reading',
  // personal plans, not study material
  'pendientes', 'tareas', 'por hacer', 'proximos pasos', 'to do', 'todo', 'tasks', 'next steps',
];

const SKIPPED_FIRST_WORDS = firstWordsOf(SKIPPED_SECTIONS);
const FIRST_WORD = /^[^a-z0-9&]*([a-z0-9&]+)/;

/** Words that may follow a skipped title without making it a topic: "Recursos útiles", "Links and references". */
// prettier-ignore
const SKIP_QUALIFIERS = new Set(
  ('utiles util de interes adicionales recomendados recomendadas externos externas relacionados relacionadas otros otras ' +
    'y e and & useful additional recommended external related other more mas links enlaces referencias recursos fuentes ' +
    'bibliografia resources references sources reading lectura lecturas extra extras oficial oficiales official').split(' '),
);

/**
 * Takes an accent-folded title (foldText). "Recursos", "Recursos útiles" or "References and links" are skipped;
 * "Enlaces químicos" (chemical bonds) is a topic, not a list of links.
 */
export function isSkippedTitle(folded: string): boolean {
  // Most titles are refused on their first word, before the whole title is cleaned.
  const first = FIRST_WORD.exec(folded)?.[1];
  if (first === undefined || !SKIPPED_FIRST_WORDS.has(first)) return false;
  const title = folded
    .replace(/[^a-z0-9& ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const phrase = SKIPPED_SECTIONS.find((p) => title === p || title.startsWith(p + ' '));
  if (!phrase) return false;
  return title
    .slice(phrase.length)
    .trim()
    .split(' ')
    .every((word) => word === '' || SKIP_QUALIFIERS.has(word));
}

// Matched on the raw text (case-insensitive, accents optional) so that no paragraph needs accent folding.
const CHAT_OPENER =
  /^(entonces,? tu (?:definici[oó]n|respuesta|resumen|explicaci[oó]n) podr[ií]a quedar|tu (?:definici[oó]n|respuesta|resumen) podr[ií]a quedar|podr[ií]a quedar (?:as[ií]|como)|quedar[ií]a (?:as[ií]|como)|una versi[oó]n mejorada|aqu[ií] tienes una versi[oó]n|claro|por supuesto|con gusto|desde luego|perfecto|excelente pregunta|buena pregunta|gran pregunta|genial|aqu[ií] tienes|aqu[ií] te dejo|aqu[ií] va|te explico|vamos a verlo|sure|certainly|of course|absolutely|great question|good question|here is|here['’]?s|here are|happy to help|glad you asked)(?![\p{L}\p{N}])/iu;
const CHAT_CLOSER =
  /^(te qued[oó]|te queda|te gustar[ií]a|quieres que|quieres saber|necesitas|tienes alguna|tienes otra|tienes m[aá]s|si tienes|si quieres|si necesitas|espero que|dime si|av[ií]same|hazme saber|cualquier duda|would you like|do you want|want me to|shall i|should i|let me know|if you have|if you want|if you['’]?d like|hope this|i hope|feel free|any other questions|any questions|do you have any|do you have other)(?![\p{L}\p{N}])/iu;

/**
 * A sentence left over from a chat assistant: "¡Claro! Con gusto te explico…", "¿Te quedó más claro? 😊",
 * "Sure! Here is…". Only short paragraphs: a long one that starts with "Claro" may still hold the explanation.
 */
export function isChatLeftover(text: string): boolean {
  if (text.length > 300) return false;
  const plain = stripDecoration(
    text
      .trim()
      .replace(/^(\*\*|__)(.*)\1$/s, '$2')
      .replace(/^[¡¿"“*_\s]+/, ''),
  );
  if (CHAT_CLOSER.test(plain)) return true;
  if (CHAT_OPENER.test(plain)) return text.length <= 160 || /:\s*$/.test(text.trim());
  return false;
}

const ABOUT_THE_NOTES =
  /^(check (?:out )?my|see my|mira mi|revisa mi|puedes ver mi|aqu[ií] puedes ver|my full project|mi proyecto completo|esta secci[oó]n|este apartado|esta p[aá]gina|en esta p[aá]gina|este documento|los objetivos de este documento|this document|en esta secci[oó]n|estos apuntes|mis apuntes|apuntes personales|apuntes sobre|aqu[ií] encontrar[aá]s|aqu[ií] re[uú]no|this section|this page|on this page|these notes|my notes|personal notes|notes on|here you will find|here you['’]?ll find)(?![\p{L}\p{N}])/iu;

/**
 * A pasted article narrating itself, in the first person: "We will look into three methods in this post.", "Veremos
 * tres métodos en este artículo." ("The only measure in this post with a range of 0 to 1" is content.)
 */
const ABOUT_THE_POST =
  /(?:^|[\s,])(?:we|we'll|we're|i|i'll|let's|you)\s.*(?:in|on) this (?:post|article|blog post|tutorial|series)(?![\p{L}\p{N}])|(?:veremos|vamos a|revisaremos|hablaremos|aprenderemos|aprender[aá]s|ver[aá]s)\s.*en (?:este|esta) (?:art[ií]culo|post|entrada|tutorial|serie)(?![\p{L}\p{N}])/iu;

/** A sentence about the notes themselves ("Esta sección reúne…", "These notes cover…") or the post they copy: nothing to learn. */
export function isAboutTheNotes(text: string): boolean {
  return text.length <= 200 && (ABOUT_THE_NOTES.test(text.trim()) || ABOUT_THE_POST.test(text));
}

const ABOUT_THE_REPOSITORY =
  /^(este es (?:un|mi) repositorio|este repositorio|en este repositorio|este repo|this is (?:a|my) repository|this repository|in this repository|this repo|estas notas|notas personales|these are my notes)(?![\p{L}\p{N}])/iu;

/** The opening of a page that presents the notes, at any length: "Este es un repositorio en el que iré subiendo…". */
export function introducesTheNotes(text: string): boolean {
  const opening = text.trim();
  return ABOUT_THE_NOTES.test(opening) || ABOUT_THE_REPOSITORY.test(opening);
}

const MONTHS =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';
const DATE = new RegExp(`^(?:(?:${MONTHS}) \\d{1,2},? \\d{4}|\\d{1,2} (?:de )?(?:${MONTHS})(?: (?:de )?\\d{4})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})$`);

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
  const folded = foldText(
    text
      .trim()
      .replace(/^\[[ xX]\]\s*/, '')
      .slice(0, 120),
  ).replace(/\s+/g, ' ');
  return TASK_START.test(folded) || isDateLine(text);
}

/** `- [ ] task` / `- [x] done`: a checklist item. */
export function isChecklistItem(text: string): boolean {
  return /^\[[ xX]\]\s/.test(text.trim());
}

/**
 * A personal to-do list: short one-line items with no terms, most of them tasks or dates ("El curso de DataCamp",
 * "Continuar con el libro…", "April 9, 2025").
 */
export function isTodoList(list: Block): boolean {
  const items = list.children;
  if (items.length < 2) return false;
  let tasks = 0;
  for (const item of items) {
    const first = item.children[0];
    if (item.children.length !== 1 || first?.type !== 'paragraph') return false;
    const text = first.inline.trim();
    if (text.includes('\n') || text.split(/\s+/).length > 10 || /[.:;]$/.test(text) || matchTerm(text)) return false;
    if (isTaskLine(text)) tasks++;
  }
  return tasks * 2 >= items.length;
}

/** A line of Obsidian tags only ("#biología #célula"): tags of the note, not content. */
export function isTagLine(text: string): boolean {
  return /^(?:#[\p{L}\p{N}_/-]+\s*)+$/u.test(text.trim());
}

/** "Here are 8 variants:", "Aquí tienes tres ejemplos:": chat-like words that introduce the list after them. */
export function isListIntro(text: string): boolean {
  return /^(?:here are|here's|these are|aqu[ií] (?:tienes|est[aá]n|van)|estas son|estos son)\b[^\n]*:\s*$/iu.test(text.trim());
}

/** "Temas a estudiar", "Temas clave", "Índice", "Contenidos", "Topics", "Table of contents", "Plan de estudio". */
const SYLLABUS_TITLE =
  /^(?:temas|temario|indice|contenidos?|tabla de contenidos?|plan de estudios?|programa(?: de estudios?)?|objetivos(?: del curso| de aprendizaje| de la materia)?|syllabus|topics|table of contents|contents|outline|roadmap|agenda|study plan|course goals|learning objectives|goals)(?: (?:a estudiar|clave|principales|del curso|de la materia|to study|covered|key))*$|^plan$/;

/** A syllabus or a study plan: it names the topics to study, and teaches none of them. */
export function isSyllabusTitle(title: string): boolean {
  if (title.length > 60) return false;
  return SYLLABUS_TITLE.test(letterWords(title));
}

/**
 * The properties a Notion export writes under a page's title ("#: 515", "Tags: BFS, Tree", "Created time: …"): lines
 * of a short key and its value. They describe the page; they teach nothing.
 */
const PROPERTY_KEY =
  /^(?:#|tags|etiquetas|created|created time|created at|last edited time|last edited|updated|status|estado|link|url|priority|prioridad|difficult|difficulty|dificultad|source|fuente|date|fecha|type|tipo|category|categoria|assignee|owner):/;
export function isPropertyBlock(text: string): boolean {
  const lines = text.split('\n');
  if (lines.length < 2 || !lines.every((line) => /^[#\p{L}][\p{L}\p{N} _#-]{0,24}:\s+\S/u.test(line.trim()) && line.length <= 200)) return false;
  // A glossary written as "Term: definition" lines has the same shape: properties have the keys of a database. Two
  // lines are properties only when both are ("Created time: …", "Last edited time: …").
  const keyed = lines.filter((line) => PROPERTY_KEY.test(foldText(line.trim()))).length;
  return lines.length === 2 ? keyed === 2 : keyed >= 2;
}

/**
 * "Todo", "TBD", "Pendiente", "…": where the author meant to write the answer later. It is no answer yet, so no card
 * until the notes hold one. ("..." alone is a divider, dropped before any answer is made: see isDecorativeLine.)
 */
const PLACEHOLDER = /^(?:todo|to do|tbd|tba|wip|pendiente|por completar|completar|falta|coming soon|proximamente|n\/a|…|\?+)$/;

export function isPlaceholderAnswer(answer: string): boolean {
  const text = answer.trim();
  if (text.length > 24) return false;
  const bare = foldText(text)
    .replace(/^[\s>*_#[\]()—–-]+|[\s*_:.!\])—–-]+$/g, '')
    .trim();
  // "...", "-", "**": punctuation alone says nothing either.
  return bare === '' || PLACEHOLDER.test(bare);
}
