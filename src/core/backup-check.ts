/**
 * The checks a backup document must pass before it may replace the user's data: format and version, every
 * record's fields, and that records point only at records the file holds. Pure: the archive is an adapter's job.
 */
import { BACKUP_FORMAT, BACKUP_LIMITS, BACKUP_VERSION, type Backup, type BackupCheck, type BackupProblem } from './backup.ts';

// A field check answers with the name of the first bad field, or null.
type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isNumber: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isCount: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const isBoolean: Check = (v) => typeof v === 'boolean';
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const nullable = (check: Check): Check => (v) => v === null || check(v);
const oneOf = (...values: unknown[]): Check => (v) => values.includes(v);
const listOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const record = (spec: Record<string, Check>): Check => (v) => isObject(v) && badField(v, spec) === null;

function badField(value: unknown, spec: Record<string, Check>): string | null {
  if (!isObject(value)) return '(not an object)';
  for (const [field, check] of Object.entries(spec)) if (!check(value[field])) return field;
  return null;
}

const PHASES = ['new', 'learning', 'review', 'relearning'];
const CARD_KINDS = ['explicit', 'explicit-reverse', 'question', 'section', 'term', 'glossary'];

const FSRS_STATE = record({
  phase: oneOf(...PHASES),
  due: isNumber,
  stability: isNumber,
  difficulty: isNumber,
  elapsedDays: isNumber,
  scheduledDays: isNumber,
  learningSteps: isCount,
  reps: isCount,
  lapses: isCount,
  lastReview: nullable(isNumber),
});

const DECK: Record<string, Check> = {
  id: isString,
  title: isString,
  path: listOf(isString),
  source: isString,
  navOrder: optional(isNumber),
  tags: listOf(isString),
  lang: optional(isString),
  hash: isString,
  origin: oneOf('bundled', 'imported'),
  cardCount: isCount,
  tracked: isCount,
  retired: optional(isCount),
  updatedAt: isNumber,
};

const CARD_REF = record({ id: isString, key: isString, section: isString, retired: optional(isBoolean) });
const CARD_BODY = record({
  id: isString,
  kind: oneOf(...CARD_KINDS),
  question: isString,
  answer: isString,
  questionHtml: isString,
  answerHtml: isString,
  context: listOf(isString),
  line: isCount,
});

const STATE_FIELDS: Record<string, Check> = {
  cardId: isString,
  deckId: isString,
  fsrs: FSRS_STATE,
  suspended: isBoolean,
  buriedUntil: isNumber,
  leech: isBoolean,
  queueDue: optional(isNumber),
  leechOf: optional(isString),
  hiddenOf: optional(isString),
  retired: optional(isBoolean),
};
const STATE = record(STATE_FIELDS);

const LOG: Record<string, Check> = {
  id: (v) => Number.isInteger(v) && (v as number) > 0,
  cardId: isString,
  deckId: isString,
  rating: oneOf(1, 2, 3, 4),
  time: isNumber,
  durationMs: isNumber,
  before: nullable(STATE),
  after: FSRS_STATE,
  elapsedDays: isNumber,
  shift: isNumber,
};

const PARTS: Record<string, Record<string, Check>> = {
  decks: DECK,
  cardRefs: { deckId: isString, refs: listOf(CARD_REF) },
  cardBodies: { deckId: isString, bodies: listOf(CARD_BODY) },
  states: STATE_FIELDS,
  log: LOG,
  settings: { key: isString, value: () => true },
  media: { deckId: isString, path: isString, file: isString },
};

/**
 * Checks a parsed backup document: its format and version, every record's fields, and that records point only at
 * records the file holds. `archiveFiles` names the files beside the document in the archive.
 */
export function checkBackup(document: unknown, archiveFiles: ReadonlySet<string>): BackupCheck {
  if (!isObject(document) || document.format !== BACKUP_FORMAT) return fail({ code: 'not-a-backup' });
  if (!Number.isInteger(document.version) || (document.version as number) < 1) return fail({ code: 'not-a-backup' });
  if ((document.version as number) > BACKUP_VERSION) return fail({ code: 'newer-version', version: document.version as number });
  if (!isNumber(document.exportedAt)) return fail({ code: 'bad-record', part: 'file', index: 0, field: 'exportedAt' });

  for (const [part, spec] of Object.entries(PARTS)) {
    const list = document[part];
    if (!Array.isArray(list)) return fail({ code: 'bad-record', part, index: 0, field: '(not a list)' });
    for (let index = 0; index < list.length; index++) {
      const field = badField(list[index], spec);
      if (field !== null) return fail({ code: 'bad-record', part, index, field });
    }
  }
  const backup = document as unknown as Backup;
  const cards = backup.cardRefs.reduce((sum, entry) => sum + entry.refs.length, 0);
  if (cards > BACKUP_LIMITS.cards || backup.log.length > BACKUP_LIMITS.reviews) return fail({ code: 'too-large' });
  const problem = referenceProblem(backup, archiveFiles);
  return problem ? fail(problem) : { ok: true, backup };
}

function fail(problem: BackupProblem): BackupCheck {
  return { ok: false, problem };
}

function firstDuplicate(ids: Iterable<string>): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

function referenceProblem(backup: Backup, archiveFiles: ReadonlySet<string>): BackupProblem | null {
  const deckIds = new Set(backup.decks.map((d) => d.id));
  const checks: [string, Iterable<string>][] = [
    ['decks', backup.decks.map((d) => d.id)],
    ['cardRefs', backup.cardRefs.map((c) => c.deckId)],
    ['cardBodies', backup.cardBodies.map((c) => c.deckId)],
    ['states', backup.states.map((s) => s.cardId)],
    ['log', backup.log.map((l) => String(l.id))],
    ['settings', backup.settings.map((s) => s.key)],
    ['media', backup.media.map((m) => `${m.deckId}\n${m.path}`)],
  ];
  for (const [part, ids] of checks) {
    const id = firstDuplicate(ids);
    if (id !== null) return { code: 'duplicate', part, id };
  }

  // Each card belongs to one deck, and has its body there.
  const deckOfCard = new Map<string, string>();
  for (const [index, entry] of backup.cardRefs.entries()) {
    if (!deckIds.has(entry.deckId)) return { code: 'dangling', part: 'cardRefs', index, missing: entry.deckId };
    for (const ref of entry.refs) {
      if (deckOfCard.has(ref.id)) return { code: 'duplicate', part: 'cards', id: ref.id };
      deckOfCard.set(ref.id, entry.deckId);
    }
  }
  for (const [index, entry] of backup.cardBodies.entries()) {
    if (!deckIds.has(entry.deckId)) return { code: 'dangling', part: 'cardBodies', index, missing: entry.deckId };
    for (const body of entry.bodies) {
      if (deckOfCard.get(body.id) !== entry.deckId) return { code: 'dangling', part: 'cardBodies', index, missing: body.id };
    }
  }
  for (const [index, deck] of backup.decks.entries()) {
    if (!backup.cardRefs.some((c) => c.deckId === deck.id)) return { code: 'dangling', part: 'decks', index, missing: `cards of ${deck.id}` };
  }
  for (const [index, state] of backup.states.entries()) {
    if (deckOfCard.get(state.cardId) !== state.deckId) return { code: 'dangling', part: 'states', index, missing: state.cardId };
  }
  for (const [index, entry] of backup.log.entries()) {
    if (!deckOfCard.has(entry.cardId)) return { code: 'dangling', part: 'log', index, missing: entry.cardId };
  }
  for (const [index, image] of backup.media.entries()) {
    if (!deckIds.has(image.deckId)) return { code: 'dangling', part: 'media', index, missing: image.deckId };
    if (!archiveFiles.has(image.file)) return { code: 'missing-media', file: image.file };
  }
  return null;
}
