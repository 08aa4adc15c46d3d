/**
 * R2 and R3 — what a heading or label says: a question, a topic, or a generic word that needs its topic; and the
 * decoration around it (emoji, numbering, emphasis). Matching is on accent-folded, lower-case text.
 */
import { remembered } from '../memo.ts';
import { foldText, isAscii } from '../text.ts';

// prettier-ignore
const QUESTION_WORDS = [
  'que', 'como', 'por que', 'porque', 'cual', 'cuales', 'cuando', 'donde', 'quien', 'quienes', 'para que',
  'what', 'how', 'why', 'when', 'where', 'who', 'which',
];

/** Longer than any callout word or statement part ("salida esperada"). */
const SHORT_TITLE = 40;
/** Enough characters for the first six words of a line, which are all that rules on how a line opens look at. */
const OPENING_WORDS = 120;

/** One of the words opens the text, alone or followed by a space or a comma. */
function openingWords(words: readonly string[]): RegExp {
  return new RegExp(`^(?:${words.join('|')})(?=$|[ ,])`);
}

const OPENS_AS_QUESTION = openingWords(QUESTION_WORDS);

export function isQuestionTitle(title: string): boolean {
  const trimmed = title.trim();
  if (trimmed.endsWith('?')) return true;
  const folded = foldText(trimmed.replace(/^[¿¡"'“«(*_\s]+/, '').slice(0, OPENING_WORDS));
  return OPENS_AS_QUESTION.test(folded);
}

const BOLD_LABEL = /^(\*\*|__)([^*_\n][^\n]*?)\1\s*(:?)$/;
const PLAIN_LABEL = /^[^\s*_#>`[\]()!][^\n]*:$/;

/** A paragraph that is a label: wholly bold and ending in `:`, or plain text of at most three words ending in `:`. */
export function isLabel(inline: string): boolean {
  const text = stripDecoration(inline.trim());
  const bold = BOLD_LABEL.exec(text);
  if (bold) return (bold[3] === ':' || bold[2]!.trim().endsWith(':')) && !leadsOn(bold[2]!);
  return PLAIN_LABEL.test(text) && text.split(/\s+/).length <= 6 && !text.includes('::') && !readsAsSentence(text);
}

/** Words a label never ends with (it would go on in the text after it): "Asociado con:", "The output of:". */
// prettier-ignore
const DANGLING = new Set('a al con de del el en la las los para por que un una y o with of to the a an in for on as by and or from es son serian seran incluye incluyen is are include includes were was'.split(' '));

/**
 * A line ending in ":" that leads into the text after it rather than naming a topic: it starts in lower case
 * ("verificar:"), holds code ("Para definir `x` usamos:"), or ends on a word that needs what follows.
 */
export function readsAsSentence(text: string): boolean {
  // "Para definir un objeto usamos:": a purpose clause leads into what follows it.
  const purpose = /^(?:para|to) \p{L}+(?:ar|er|ir|ize|ise)?\b/iu.test(text) && !/^para qu[eé]/iu.test(text);
  if (/^\p{Ll}/u.test(text) || text.includes('`') || purpose) return true;
  const folded = foldText(text.slice(0, OPENING_WORDS));
  return PREDICATE_START.test(folded) || CONDITION_START.test(folded) || addressesReader(folded) || leadsOn(text);
}

/** "Si hay **grupos**:", "If the key is missing:": a condition leads into what happens then, shown below it. */
const CONDITION_START = /^(?:si|if|en caso de|in case)\s/;

/**
 * "Specifically, you learned:", "Before you begin:", "En resumen, vimos:": the text speaks to the reader about the
 * page (a tutorial's summary, a chat answer's lead-in), not a topic. A question ("What you need to know") stays one.
 */
const TO_THE_READER = /(?:^|[\s,])(?:you|we)\s+\p{L}{2,}|,\s*(?:(?:tu|usted|ustedes|nosotros|vosotros)\s+)?\p{L}+(?:aste|iste|asteis|isteis|amos|imos)\s*:?$/u;

function addressesReader(folded: string): boolean {
  return TO_THE_READER.test(folded) && !OPENS_AS_QUESTION.test(folded);
}

/** "Son únicos para cada objeto:", "Is shared by every instance:": a predicate about the title above, not a title. */
export const PREDICATE_START =
  /^(?:es|son|esta|estan|era|eran|fue|fueron|tiene|tienen|hay|permite|permiten|sirve|sirven|se usa|se usan|is|are|was|were|has|have|can|it|they)(?![\p{L}\p{N}])/u;

/**
 * "Aquí:", "Por ejemplo:", "In other words:": a line that only points at the text after it, naming nothing of its
 * own. (Folded, without the colon.) Words that can be terms too ("SO", "this", "Esto") are not among them.
 */
// prettier-ignore
const POINTERS = new Set([
  'aqui', 'aca', 'es decir', 'o sea', 'por ejemplo', 'p ej', 'por ej', 'de esta forma', 'de esta manera', 'de este modo',
  'en este caso', 'en otras palabras', 'como esto', 'algo asi', 'asi',
  'here', 'that is', 'i e', 'e g', 'for example', 'for instance', 'in other words', 'like this', 'like so', 'this way',
  'in this way', 'in this case', 'here it is',
]);

/** "… con:", "… lo siguiente:", "… as follows:", or a step of a tutorial: it leads on into the text after it. */
export function leadsOn(text: string): boolean {
  const folded = foldText(
    text
      .replace(/[:*_\s]+$/, '')
      .trim()
      .slice(-OPENING_WORDS),
  );
  // foldText leaves single spaces between words.
  const last = folded.slice(folded.lastIndexOf(' ') + 1);
  if (folded.length <= 20 && POINTERS.has(folded.replace(/[^a-z ]+/g, ' ').trim())) return true;
  return DANGLING.has(last) || /(?:lo siguiente|los siguientes|las siguientes|siguiente|the following|as follows|follows|asi|como sigue)$/.test(folded) || isTutorialStep(text);
}

/** A paragraph wholly in bold (after any leading emoji), without the markers; null otherwise. */
export function boldText(inline: string): string | null {
  const bold = BOLD_LABEL.exec(stripDecoration(inline.trim()));
  return bold ? `${bold[2]!}${bold[3]!}`.trim() : null;
}

/** Leading emoji, bullets, arrows and keycaps ("🔹", "📌", "➤", "1️⃣") decorate a title; they are not its topic. */
const DECORATION = /^(?:(?:\d\ufe0f?\u20e3|[\p{Extended_Pictographic}\p{So}•·▪▫►▶→➤➔✓✔✗✘★☆※]|\u200d|\ufe0f)\s*)+/u;
/** "5.", "2.3.", "1)", "IV.", "a)" before a title. A bare number ("2024 en cifras", "3D") is part of it. */
const NUMBERING = /^(?:\d+(?:\.\d+)*[.)]|[IVXLC]+\.|[a-z]\)|\([a-z0-9]{1,3}\)|[a-z]\.(?=\s+[¿¡"“\p{Lu}]))\s+/u;

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
// Every rule asks for the title of the same lines: each is cleaned once.
export const cleanTitle = remembered((raw: string): string => {
  let text = plainText(raw.trim());
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
  return outsideCode(text, (prose) => prose.replace(/(\*\*|__)/g, ''))
    .replace(/\s*:$/, '')
    .trim();
});

// prettier-ignore
const GENERIC_TITLES = new Set(
  [
    // Spanish
    'ejemplo', 'ejemplos', 'ejemplo practico', 'ejemplos practicos', 'ejemplo ampliado', 'ejemplos adicionales',
    'otro ejemplo', 'otros ejemplos', 'ejemplo real', 'ejemplos reales', 'ejemplo sencillo', 'ejemplo simple',
    'ejemplo de uso', 'ejemplos de uso', 'caso de uso', 'casos de uso', 'caso practico', 'explicacion',
    'explicacion sencilla', 'explicacion simple', 'explicacion breve', 'en pocas palabras', 'definicion',
    'que significa', 'que es', 'para que sirve', 'como funciona', 'por que es importante', 'por que importa',
    'en resumen', 'resumen', 'resumen final', 'resumen visual', 'resumen general', 'conclusion', 'conclusiones', 'contexto', 'caracteristicas',
    'caracteristicas principales', 'ventajas', 'desventajas', 'ventajas y desventajas', 'pros y contras',
    'limitaciones', 'nota', 'notas', 'observaciones', 'importante', 'detalles', 'descripcion', 'introduccion',
    'puntos clave', 'idea clave', 'ideas clave', 'consejos', 'tips', 'analogia', 'uso', 'usos', 'aplicaciones',
    'beneficios', 'objetivo', 'objetivos', 'paso a paso', 'pasos', 'variantes', 'tipos', 'opciones',
    'opciones populares', 'alternativas', 'componentes', 'componentes principales', 'partes', 'versiones',
    'versiones principales', 'clasico', 'otros', 'otras', 'otros metodos', 'otras opciones', 'diferencia principal',
    'diferencias', 'diferencia', 'diferencias principales', 'verificacion', 'comprobacion', 'implementacion', 'solucion',
    'soluciones', 'codigo', 'el codigo', 'para que se utiliza', 'para que se usa', 'para que se utilizan', 'para que sirven',
    'uso basico', 'usos basicos', 'sintaxis', 'sintaxis basica', 'opciones utiles', 'funciones principales', 'conceptos clave',
    'conceptos importantes', 'conceptos basicos', 'conceptos fundamentales', 'interpretacion', 'beneficio', 'ventaja', 'desventaja',
    'limitacion', 'repaso', 'requisitos', 'prerequisitos', 'prerrequisitos', 'requisitos previos',
    'buenas practicas', 'resumen rapido', 'cuando usarlo', 'cuando', 'tipo', 'tipos principales', 'diferencia clave',
    'estructura inicial', 'estructura basica', 'configuracion', 'configuracion inicial', 'instalacion', 'primeros pasos',
    'proyecto completo', 'hola mundo', 'que son', 'cuales son', 'para que sirven', 'como se usa', 'como se usan', 'demostracion', 'prueba', 'teorema', 'propiedades', 'definiciones',
    // English
    'example', 'examples', 'practical example', 'extended example', 'more examples', 'another example',
    'real world example', 'use case', 'use cases', 'explanation', 'simple explanation', 'in simple terms',
    'definition', 'what it means', 'what is it', 'what does it mean', 'how it works', 'how does it work',
    'why it matters', 'why is it important', 'summary', 'visual summary', 'in summary', 'in short', 'overview', 'conclusion',
    'context', 'features', 'key features', 'characteristics', 'advantages', 'disadvantages', 'pros and cons',
    'limitations', 'note', 'notes', 'details', 'description', 'introduction', 'key points', 'key ideas',
    'tips', 'analogy', 'usage', 'uses', 'applications', 'benefits', 'goal', 'goals', 'steps', 'step by step',
    'variants', 'types', 'options', 'popular options', 'alternatives', 'components', 'core components',
    'main components', 'parts', 'versions', 'implementation', 'solution', 'solutions', 'code', 'the code', 'proof',
    'theorem', 'properties', 'definitions', 'verification', 'other methods', 'others', 'main difference', 'differences',
    'what is it used for', 'what it is used for', 'basic usage', 'syntax', 'basic syntax', 'useful options', 'best practices',
    'when to use it', 'quick summary', 'moments', 'parameters', 'intuition', 'remark', 'remarks', 'motivation',
    'installation', 'setup', 'getting started', 'hello world', 'complete project', 'initial structure', 'key difference',
    'what are they', 'how to use it', 'key concepts', 'basic concepts', 'important concepts', 'core concepts', 'interpretation', 'benefit', 'advantage',
    'disadvantage', 'limitation', 'recap', 'review', 'requirements', 'prerequisites',
  ],
);

/** First words of the generic titles: most titles are refused on their first word, before any folding. */
const GENERIC_FIRST_WORDS = firstWordsOf(GENERIC_TITLES);

/** A title that names no topic on its own ("Ejemplo", "Explicación sencilla", "Summary", "¿Cómo funciona?"). */
export function isGenericTitle(title: string): boolean {
  // Generic titles are a few words long; anything longer names its topic.
  if (title.length > 40) return false;
  if (isSubjectlessQuestion(title)) return true;
  const first = /^[\s¿¡"“'(*_]*([^\s:?!.,)"”*_]+)/.exec(title)?.[1];
  if (!first || !GENERIC_FIRST_WORDS.has(foldText(first))) return false;
  // "Para qué sirve (rápido)", "Summary (short)": a word or two in brackets leaves a generic title generic.
  const folded = foldText(title.replace(/\s*\([^()]{1,20}\)\s*$/, ''))
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return (
    GENERIC_TITLES.has(folded) ||
    /^(ejemplos?|examples?|solutions?|solucion(es)?|soluciones|tipo|type|caso|case|parte|part|nivel|level|fase|phase|etapa|stage|paso|step) ?\d+$/.test(folded)
  );
}

/**
 * "Cómo se interpreta", "¿Para qué sirve?", "How does it work?": a question that names nothing, asked of the title
 * above it — every word is a question word, a pronoun or a common verb.
 */
// prettier-ignore
const SUBJECTLESS_WORDS = new Set(
  ('como que cual cuales para por donde cuando se lo la le es son sirve sirven usa usan utiliza interpreta interpretan funciona funcionan hace hacen ' +
    'calcula aplica lee leer usar funcionar significa hacer how what why when where which does do is are it they work works used use mean means read for')
    .split(' '),
);

function isSubjectlessQuestion(title: string): boolean {
  if (!isQuestionTitle(title)) return false;
  const words = letterWords(title).split(' ').filter(Boolean);
  return words.length > 0 && words.length <= 4 && words.every((word) => SUBJECTLESS_WORDS.has(word));
}

/** "Embedding model — explicación sencilla": a generic title made to stand on its own. */
export function qualifiedTitle(owner: string, generic: string): string {
  const lower = generic.replace(/^([¿¡]?)(\p{Lu})(?!\p{Lu})/u, (_m, mark: string, letter: string) => mark + letter.toLowerCase());
  return `${owner} — ${lower}`;
}

// ——— Plain text in questions, and titles that are not topics.

/** Letters styled with Unicode (𝗘𝗺𝗯𝗲𝗱, 𝐓𝐨𝐤𝐞𝐧𝐬, 𝟯): Mathematical Alphanumeric Symbols, which NFKC turns into plain ones. */
const STYLED = /[\u{1D400}-\u{1D7FF}]/u;

export function hasStyledLetters(text: string): boolean {
  return STYLED.test(text);
}

/**
 * What a reader sees of a title's inline Markdown: links and wikilinks as their text (`[[Page|alias]]` → alias),
 * no emphasis markers, no backslash escapes, styled letters as plain ones.
 */
export function plainText(inline: string): string {
  const text = STYLED.test(inline) ? inline.normalize('NFKC') : inline;
  if (!/[[\\*_`]/.test(text)) return text;
  return outsideCode(text, (prose) =>
    prose
      .replace(/!\[\[[^\]]*\]\]/g, '')
      .replace(/\[\[([^\]|]*?)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]/g, (link, page: string, alias?: string) => (alias ?? page).trim() || link)
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
      .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
      .replace(/(?<![*\w])([*_])(?=\S)([^*_\n]+?)(?<=\S)\1(?![*\w])/g, '$2'),
  );
}

/** A code span: its text is code ("`__init__`", "`a * b`"), never emphasis or links. */
const CODE_SPAN = /(`+)[^`][\s\S]*?\1/g;

/**
 * `edit` applied to the text around code spans, which are kept as they are. Each span stands in as a mark of its
 * own while `edit` runs, so that emphasis around a span ("**uso de `x`**") is still seen whole.
 */
export function outsideCode(text: string, edit: (prose: string) => string): string {
  if (!text.includes('`') || text.includes('\uE000')) return edit(text);
  const spans: string[] = [];
  const masked = text.replace(CODE_SPAN, (span) => `\uE000${spans.push(span) - 1}\uE000`);
  return edit(masked).replace(/\uE000(\d+)\uE000/g, (_, i: string) => spans[Number(i)]!);
}

/** Made only of punctuation or box drawing (`=====`, `-----`, `═══`, `***`, `~ ~ ~`): a divider, never a question. */
export function isDecorativeLine(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length >= 3 && /^[\p{P}\p{S}\u2500-\u257F\s]+$/u.test(trimmed) && !/[\p{L}\p{N}]/u.test(trimmed);
}

/** Callout words and notes to the reader: they introduce a remark inside an answer, never a topic of their own. */
// prettier-ignore
const CALLOUT_WORDS = new Set(
  ('pista pistas nota notas advertencia advertencias aviso cuidado atencion ojo tip tips consejo truco recuerda recordatorio observacion importante ' +
    'hint hints note notes warning warnings caution careful attention tip tips reminder remember important info information danger abstract quote ' +
    // pasted chat answers, titled with their source
    'gemini chatgpt gpt claude copilot bard ia ai assistant asistente respuesta answer').split(' '),
);

/** A title as its folded words of letters only ("💡 Nota 1:" → "nota"): how word lists are looked up. */
export const letterWords = remembered((title: string): string =>
  foldText(title)
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim(),
);

const FIRST_ASCII_WORD = /[A-Za-z]+/;

/**
 * A short title that reads (as letterWords) as one of the phrases. These lists are asked about every line and term,
 * so a plain ASCII title is refused on its first word, which needs no folding.
 */
function isListedPhrase(title: string, phrases: ReadonlySet<string>, firstWords: ReadonlySet<string>): boolean {
  // Listed phrases are a word or two; folding a whole paragraph to find out would be most of the extractor's time.
  if (title.length > SHORT_TITLE) return false;
  if (isAscii(title)) {
    const first = FIRST_ASCII_WORD.exec(title)?.[0].toLowerCase();
    if (first === undefined || !firstWords.has(first)) return false;
  }
  return phrases.has(letterWords(title));
}

/** The words that open the phrases: a title that opens with none of them is none of the phrases. */
export function firstWordsOf(phrases: Iterable<string>): Set<string> {
  return new Set([...phrases].map((phrase) => phrase.split(' ')[0]!));
}

const CALLOUT_FIRST_WORDS = firstWordsOf(CALLOUT_WORDS);

export function isCalloutWord(title: string): boolean {
  return isListedPhrase(title, CALLOUT_WORDS, CALLOUT_FIRST_WORDS);
}

/**
 * A step of a tutorial ("Ahora ejecutamos:", "Comenzaremos instalando X", "Paso 3", "Now run:", "Let's install"):
 * the text around it is the answer; the step is not a question.
 */
const STEP_START =
  /^(?:(?:ahora|luego|despues|a continuacion|seguidamente|finalmente|por ultimo|primero|primeramente|entonces|vamos a|veamos|now|then|next|finally|first|let'?s|we)[ ,]+\S|(?:paso|step) \d+(?![\p{L}\p{N}]))/u;
/** Spanish verbs in the first person plural, present or future (ejecutamos, creamos, comenzaremos, veremos). */
const WE_VERB = /^[a-z]{3,}(amos|emos|imos|aremos|eremos|iremos)(?![\p{L}\p{N}])/u;

/** Words that end like a first-person plural verb but are not one. */
const NOT_VERBS = new Set('ultimos minimos maximos primos proximos mismos intimos ramos animos optimos legitimos sistemas temas'.split(' '));

/**
 * "Agregando el html de nuestro proyecto", "Configurando ESLint": a section named by a Spanish gerund narrates a
 * step of a tutorial. ("Cuando…" and "Comando" only end like one.)
 */
const GERUND = /^\p{L}{3,}(?:ando|iendo|yendo)$/u;
const NOT_GERUNDS = new Set(['cuando', 'comando', 'comandos', 'mando', 'bando', 'blando', 'segundo', 'fernando', 'orlando']);

export function opensWithGerund(title: string): boolean {
  const first = foldText(title.trim().slice(0, OPENING_WORDS)).split(/[\s:,]+/)[0] ?? '';
  return GERUND.test(first) && !NOT_GERUNDS.has(first);
}

export function isTutorialStep(title: string): boolean {
  // Only the first words tell a step: fold no more than they can take.
  const folded = foldText(title.trim().slice(0, OPENING_WORDS)).replace(/^[^a-z0-9]+/, '');
  if (STEP_START.test(folded)) return true;
  // Every first-person plural verb ends in -mos.
  if (!folded.includes('mos')) return false;
  return folded
    .split(/\s+/)
    .slice(0, 6)
    .some((word) => WE_VERB.test(word) && !NOT_VERBS.has(word.replace(/[^a-z]/g, '')));
}

/**
 * The first words of a tutorial's walkthrough ("Generemos un componente…", "Implementaremos un método…", "Ahora,
 * dentro del VStack…", "Let's look at an example…"): a section that opens like this narrates what to type next, and
 * a card of it asks nothing a reader can recall. "Ahora que…", "Now that…" only link to what came before, and
 * "Podemos…", "Tenemos que…", "Consideremos…", "Imaginemos…" (we can, we must, let us consider) open explanations.
 */
const WALKTHROUGH_START =
  /^(?:ahora(?! que| bien)|a continuacion|vamos a|veamos|para continuar|continuando|siguiendo con|now(?! that)|let['’]?s|we will|we['’]ll|next,? we|to continue|continuing)(?![\p{L}\p{N}])/u;
/** "Generemos", "Practiquemos", "Implementaremos", "Crearemos", "Veremos": let us, or we will. */
const LET_US_VERB = /^[a-z]{2,}(?:emos|aremos|eremos|iremos)$/;
/** Verbs in -emos that state what we can, must or know: an explanation, not a step. */
const WE_STATE = new Set(
  'tenemos podemos debemos hemos sabemos queremos vemos hacemos leemos conocemos entendemos obtenemos mantenemos ponemos solemos volvemos consideremos tomemos tomaremos imaginemos recordemos pensemos supongamos notemos observemos temas sistemas problemas esquemas extremos supremos'.split(
    ' ',
  ),
);

/** "Hagamos", "Escribamos": let us, in verbs whose form is not the present's. */
const LET_US_AMOS = new Set('hagamos escribamos pongamos construyamos abramos leamos'.split(' '));

export function opensWalkthrough(paragraph: string): boolean {
  const folded = foldText(stripDecoration(paragraph.trim()).slice(0, OPENING_WORDS)).replace(/^[^a-z0-9]+/, '');
  if (WALKTHROUGH_START.test(folded)) return true;
  const first = /^[a-z]+/.exec(folded)?.[0] ?? '';
  return (LET_US_VERB.test(first) && !WE_STATE.has(first)) || LET_US_AMOS.has(first);
}

/**
 * "Para la vista de registro, importaremos…", "For the search bar, we'll add…": a step of a build-along tutorial,
 * named by the part of the app it builds (one: "Para los números con decimales, usaremos Float" explains a kind of
 * thing). Only a step when code follows it (see CardBuilder.isWalkthrough).
 */
const PURPOSE_STEP =
  /^(?:para (?:el|la|este|esta|nuestro|nuestra)|for (?:the|this|our)) [^,.:;]{1,60}, (?:(?:primero|primeramente|ahora|first|now) )?(vamos a|we will|we['’]ll|let['’]?s|we are going to|[a-z]+)(?![\p{L}\p{N}])/u;

export function opensBuildStep(paragraph: string): boolean {
  const folded = foldText(stripDecoration(paragraph.trim()).slice(0, OPENING_WORDS));
  const verb = PURPOSE_STEP.exec(folded)?.[1];
  if (!verb) return false;
  return !/^[a-z]+$/.test(verb) || (LET_US_VERB.test(verb) && !WE_STATE.has(verb));
}

/**
 * An exercise statement of a practice sheet: "Ejercicio 6. ¿Qué establece…?", "Exercise 2: …", "Problema 3) …".
 * Returns the statement without its number, or null.
 */
const EXERCISE = /^(?:ejercicio|ejercicios|ej|exercise|problema|problem|pregunta|question|actividad|activity|consigna)\s*\d+[a-z]?\s*[.):\-–]?\s*(.*)$/is;

export function exerciseStatement(text: string): string | null {
  const match = EXERCISE.exec(cleanTitle(text.trim()));
  return match ? askedPart(match[1]!.trim()) : null;
}

/**
 * The question of a statement that opens with an instruction and a first item: "Responda lo siguiente: a. ¿Para qué
 * sirve X?" → "¿Para qué sirve X?". Other statements stay whole.
 */
export function askedPart(statement: string): string {
  const split = /^(.{3,200}?)(?::|\s)\s*(?:\(?[a-z]\)|[a-z]\.)\s+(\S.*)$/s.exec(statement);
  return split && isInstruction(split[1]!) ? split[2]!.trim() : statement;
}

/** Words that open the tasks of a practice sheet: "Investigue y describa…", "Explain why…". */
const INSTRUCTION =
  /^(responda|responder|responde|conteste|contestar|considerando|investigue|investiga|describa|describe|explique|explica|indique|indica|defina|define|compare|compara|mencione|menciona|responda|responde|calcule|calcula|justifique|justifica|enumere|enumera|de un ejemplo|d[eé] un ejemplo|analice|analiza|demuestre|demuestra|resuelva|resuelve|complete|completa|determine|determina|identifique|identifica|answer|explain|describe|define|compare|list|give|show|prove|compute|calculate|justify|state|name|identify|determine|solve|discuss)(?![\p{L}\p{N}])/u;

/** A line that tells the student what to do ("Investigue el concepto y responda:", "Explain why:"). */
export function isInstruction(text: string): boolean {
  return INSTRUCTION.test(foldText(cleanTitle(text).slice(0, OPENING_WORDS)));
}

/** An item of a numbered task list that asks something: a question, or an instruction to answer. */
export function isTaskStatement(text: string): boolean {
  const plain = cleanTitle(text);
  if (plain.length > 400) return false;
  return plain.includes('?') || INSTRUCTION.test(foldText(plain.slice(0, OPENING_WORDS)));
}

/**
 * Parts of a statement or of a worked example (LeetCode's "Constraints:", "Input:", a listing's "Results:", a
 * formula's "Where:"): they belong to the card of what they are part of.
 */
// prettier-ignore
const STATEMENT_PARTS = new Set(
  'constraints constraint restricciones restriccion input output entrada salida seguimiento results result resultados resultado where donde'
    .split(' ')
    .concat(['follow up', 'follow-up', 'input format', 'output format', 'la salida', 'el resultado', 'salida esperada', 'expected output']),
);

const STATEMENT_FIRST_WORDS = firstWordsOf(STATEMENT_PARTS);

export function isStatementPart(title: string): boolean {
  return isListedPhrase(title, STATEMENT_PARTS, STATEMENT_FIRST_WORDS);
}

/** "Ejemplo", "Ejemplo 2", "Example: sorting", "Plantilla", "Template", "Prompt de ejemplo": an illustration. */
const EXAMPLE_START = /^(ejemplo|ejemplos|example|examples|plantilla|plantillas|template|templates|prompt|prompts|muestra|sample|samples|caso practico)(?![\p{L}])/u;

export function isExampleTitle(title: string): boolean {
  return EXAMPLE_START.test(foldText(title.trim().slice(0, OPENING_WORDS)).replace(/^[^a-z0-9]+/, ''));
}

/**
 * An example's title that says only whose example it is: a short one ("Ejemplos concretos", "Example 2") or a
 * numbered one, whatever follows its number ("Ejemplo 1: Lista de elementos"). It is asked with what it belongs to.
 */
export function isVagueExampleTitle(title: string): boolean {
  if (!isExampleTitle(title)) return false;
  return title.split(/\s+/).length <= 3 || /^\P{L}*\p{L}+\s*\d+\s*[:.)\-–—]/u.test(title.trim());
}

/** "03- Syscall", "5 - P = NP", "Clase 4 - DNS": a course's numbering before the name of what a note teaches. */
const NOTE_NUMBERING =
  /^(?:(?:clase|class|lecture|lesson|leccion|lección|tema|topic|unidad|unit|capitulo|capítulo|chapter|semana|week|modulo|módulo|module)\s+)?\d+(?:\.\d+)*[a-z]?\s*(?:[-–—.:)_]+\s*|\s+)(?=\S)/iu;
/** Names that say where a note sits, not what it teaches: "ej 3", "Practica 1 - B", "Untitled", "otro p3". */
const PLACE_NAME =
  /^(?:ej|ejercicio|ejercicios|exercise|exercises|practica|practicas|practice|tp|lab|laboratorio|clase|class|lecture|otro|otra|other|untitled|sin titulo|borrador|draft|p\d)(?![a-z])/;
/** A file's name that names no topic: "page.md", "nota.md", "index.md". */
const BLANK_NAME = /^(?:page|pagina|nota|note|notas|notes|apuntes|documento|document|doc|file|archivo|nueva nota|new note|index|indice|readme|changelog|todo)$/;
/** Exams and parts, named by their date or number: "Parcial 2023", "Final 2", "Quiz". */
const NUMBERED_PLACE = /^(?:parcial|final|examen|exam|quiz|test|parte|part|semana|week)(?:\s*\d.*)?$/;

/**
 * The topic a note of one topic is named after (its front-matter title or file name), asked as the question of a
 * note with no headings: "Gini coefficient", "03- Syscall" → "Syscall". Null for a name that only places the note
 * ("ej 3", "Clase 1", "Parcial 2023", "Untitled") or names nothing. "adjusted_r2" reads "Adjusted r2".
 */
export function noteTopic(name: string): string | null {
  const spaced = name.includes(' ') ? name : name.replace(/_/g, ' ');
  const topic = spaced.trim().replace(NOTE_NUMBERING, '').trim();
  const folded = foldText(topic);
  if (topic.length > 80 || !/\p{L}{2}/u.test(topic) || PLACE_NAME.test(folded) || NUMBERED_PLACE.test(folded) || BLANK_NAME.test(folded) || isGenericTitle(topic)) return null;
  // "naive Bayes" → "Naive Bayes": a file name in lower case, asked as a title ("iPhone" keeps its case).
  return /^\p{Ll}+(?=[\s-]|$)/u.test(topic) ? topic[0]!.toUpperCase() + topic.slice(1) : topic;
}
