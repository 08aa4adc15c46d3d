/**
 * The checks a backup must pass before it may replace the user's data: format and version, every record's fields
 * and their ranges, every setting, and that records point only at records the file holds. Pure: reading the
 * archive is an adapter's job. The document is checked whole; the review log file by file, so a log of a million
 * reviews is never in memory at once.
 */
import { BACKUP_FORMAT, BACKUP_LIMITS, BACKUP_VERSION, type BackupDocument, type BackupProblem } from './backup.ts';
import { DEVICE_ID, eventId } from './log-pages.ts';
import { isSettingKey, isTime, SETTING_CHECKS } from './settings-schema.ts';

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
/** Ids and keys: never empty, never huge. */
const isId: Check = (v) => typeof v === 'string' && v.length > 0 && v.length <= 2000;
const isCount: Check = (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 100_000_000;
const isBoolean: Check = (v) => typeof v === 'boolean';
const inRange =
  (min: number, max: number): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max;
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null || check(v);
const oneOf =
  (...values: unknown[]): Check =>
  (v) =>
    values.includes(v);
const listOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const record =
  (spec: Record<string, Check>): Check =>
  (v) =>
    badField(v, spec) === null;

/** The name of the first field that is missing, of the wrong type or out of range — or not in the spec at all. */
function badField(value: unknown, spec: Record<string, Check>): string | null {
  if (!isObject(value)) return '(not an object)';
  for (const [field, check] of Object.entries(spec)) if (!check(value[field])) return field;
  for (const field of Object.keys(value)) if (!(field in spec) && value[field] !== undefined) return field;
  return null;
}

const PHASES = ['new', 'learning', 'review', 'relearning'];
const CARD_KINDS = ['explicit', 'explicit-reverse', 'question', 'section', 'term', 'glossary'];
const DAYS = inRange(0, 100_000);
/** FSRS keeps difficulty in [1, 10]; a card never reviewed has 0. */
const DIFFICULTY: Check = (v) => v === 0 || inRange(1, 10)(v);
/** The day shift (see scheduler dayShift): a UTC offset of ±14 h less a day start of 0–23 h. */
const SHIFT = inRange(-48 * 3_600_000, 48 * 3_600_000);
/** Version 1 and 2 numbered the log: IndexedDB's key generator stops at 2^53, ids far below it leave room. */
const LEGACY_LOG_ID = (v: unknown) => Number.isInteger(v) && (v as number) > 0 && (v as number) <= 2 ** 48;
const SEQ = (v: unknown) => Number.isSafeInteger(v) && (v as number) > 0;
const DEVICE: Check = (v) => typeof v === 'string' && DEVICE_ID.test(v);

const FSRS_STATE = record({
  phase: oneOf(...PHASES),
  due: isTime,
  stability: inRange(0, 1_000_000),
  difficulty: DIFFICULTY,
  elapsedDays: DAYS,
  scheduledDays: DAYS,
  learningSteps: isCount,
  reps: isCount,
  lapses: isCount,
  lastReview: nullable(isTime),
});

const DECK: Record<string, Check> = {
  id: isId,
  title: isString,
  path: listOf(isString),
  source: isString,
  navOrder: optional(inRange(-1e9, 1e9)),
  tags: listOf(isString),
  lang: optional(isString),
  hash: isString,
  origin: oneOf('bundled', 'imported'),
  cardCount: isCount,
  tracked: isCount,
  retired: optional(isCount),
  importRoot: optional(isString),
  updatedAt: isTime,
  revision: optional(isCount),
};

const CARD_REF = record({ id: isId, key: isId, section: isString, retired: optional(isBoolean), added: optional(isTime) });
const CARD_BODY = record({
  id: isId,
  kind: oneOf(...CARD_KINDS),
  question: isString,
  answer: isString,
  questionHtml: isString,
  answerHtml: isString,
  context: listOf(isString),
  line: isCount,
});

const STATE_FIELDS: Record<string, Check> = {
  cardId: isId,
  deckId: isId,
  fsrs: FSRS_STATE,
  suspended: isBoolean,
  buriedUntil: isTime,
  leech: isBoolean,
  queueDue: optional(isTime),
  parkedOf: optional(isId),
  leechOf: optional(isId),
  hiddenOf: optional(isId),
  hiddenSection: optional(isId),
  retired: optional(isBoolean),
};
const STATE = record(STATE_FIELDS);

const LEGACY_LOG: Record<string, Check> = {
  id: LEGACY_LOG_ID,
  cardId: isId,
  deckId: isId,
  rating: oneOf(0, 1, 2, 3, 4),
  time: isTime,
  durationMs: inRange(0, 86_400_000),
  before: nullable(STATE),
  after: FSRS_STATE,
  elapsedDays: DAYS,
  shift: SHIFT,
  practice: optional(oneOf(true)),
};

/** From version 3: each event names its device and counter, and its id is made of them. */
const LOG: Record<string, Check> = (({ before: _before, ...fields }) => ({ ...fields, id: isId, device: DEVICE, seq: SEQ, phaseBefore: nullable(oneOf(...PHASES)) }))(LEGACY_LOG);

const PARTS: Record<string, Record<string, Check>> = {
  decks: DECK,
  cardRefs: { deckId: isId, refs: listOf(CARD_REF) },
  cardBodies: { deckId: isId, bodies: listOf(CARD_BODY) },
  states: STATE_FIELDS,
  settings: { key: isString, value: () => true },
  media: { deckId: isId, path: isString, file: isString },
};

export type DocumentCheck = { ok: true; document: BackupDocument; log: LogCheck; cards: number; inlineLog?: unknown[] } | { ok: false; problem: BackupProblem };

/**
 * Checks a parsed backup document, everything but its log: format and version, records, settings, references.
 * `archiveFiles` names the files beside the document in the archive. The log is checked next, with the returned
 * LogCheck: a version 1 document's own log (`inlineLog`) or, from version 2, each file that `document.log` names.
 */
export function checkBackupDocument(document: unknown, archiveFiles: ReadonlySet<string>): DocumentCheck {
  if (!isObject(document) || document.format !== BACKUP_FORMAT) return fail({ code: 'not-a-backup' });
  if (!Number.isInteger(document.version) || (document.version as number) < 1) return fail({ code: 'not-a-backup' });
  if ((document.version as number) > BACKUP_VERSION) return fail({ code: 'newer-version', version: document.version as number });
  if (!isTime(document.exportedAt)) return fail({ code: 'bad-record', part: 'file', index: 0, field: 'exportedAt' });

  // Backups made before database version 8 may hold the statistics' old cache of day totals: it is dropped (the
  // statistics now read the totals the log's pages keep).
  const doc: Record<string, unknown> = Array.isArray(document.settings)
    ? { ...document, settings: (document.settings as unknown[]).filter((s) => !(isObject(s) && s.key === 'statsCache')) }
    : document;
  for (const [part, spec] of Object.entries(PARTS)) {
    const list = doc[part];
    if (!Array.isArray(list)) return fail({ code: 'bad-record', part, index: 0, field: '(not a list)' });
    for (let index = 0; index < list.length; index++) {
      const field = badField(list[index], spec);
      if (field !== null) return fail({ code: 'bad-record', part, index, field });
    }
  }
  const inline = doc.version === 1;
  const log = doc.log;
  if (inline ? !Array.isArray(log) : !(isObject(log) && listOf(isString)(log.files) && isCount(log.count))) {
    return fail({ code: 'bad-record', part: 'file', index: 0, field: 'log' });
  }
  const parts = doc as unknown as Omit<BackupDocument, 'log'>;
  const cards = parts.cardRefs.reduce((sum, entry) => sum + entry.refs.length, 0);
  const reviews = inline ? (log as unknown[]).length : (log as BackupDocument['log']).count;
  if (cards > BACKUP_LIMITS.cards || reviews > BACKUP_LIMITS.reviews) return fail({ code: 'too-large' });

  const deckOfCard = new Map<string, string>();
  const problem = settingsProblem(parts.settings) ?? referenceProblem(parts, archiveFiles, deckOfCard);
  if (problem) return fail(problem);
  const files = inline ? [] : (log as BackupDocument['log']).files;
  const missing = files.find((file) => !archiveFiles.has(file));
  if (missing !== undefined) return fail({ code: 'missing-file', file: missing });
  const checked: BackupDocument = { ...parts, log: { files, count: reviews } };
  return { ok: true, document: checked, log: new LogCheck(deckOfCard, checked.version < 3), cards, ...(inline ? { inlineLog: log as unknown[] } : {}) };
}

function fail(problem: BackupProblem): { ok: false; problem: BackupProblem } {
  return { ok: false, problem };
}

function settingsProblem(settings: { key: string; value: unknown }[]): BackupProblem | null {
  for (const [index, { key, value }] of settings.entries()) {
    if (!isSettingKey(key)) return { code: 'unknown-setting', key };
    if (!SETTING_CHECKS[key](value)) return { code: 'bad-record', part: 'settings', index, field: key };
  }
  return null;
}

function firstDuplicate(ids: Iterable<string>): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}

/** Problems of references between records; fills `deckOfCard` (card id → its deck's id) on the way. */
function referenceProblem(backup: Omit<BackupDocument, 'log'>, archiveFiles: ReadonlySet<string>, deckOfCard: Map<string, string>): BackupProblem | null {
  const deckIds = new Set(backup.decks.map((d) => d.id));
  const checks: [string, Iterable<string>][] = [
    ['decks', backup.decks.map((d) => d.id)],
    ['cardRefs', backup.cardRefs.map((c) => c.deckId)],
    ['cardBodies', backup.cardBodies.map((c) => c.deckId)],
    ['states', backup.states.map((s) => s.cardId)],
    ['settings', backup.settings.map((s) => s.key)],
    ['media', backup.media.map((m) => `${m.deckId}\n${m.path}`)],
  ];
  for (const [part, ids] of checks) {
    const id = firstDuplicate(ids);
    if (id !== null) return { code: 'duplicate', part, id };
  }

  // Each card belongs to one deck, and has its body there.
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
    // The sparse indexes name the card's own deck, and only a card that can be shown has a place in the queue.
    const misfiled = [state.leechOf, state.hiddenOf].some((deck) => deck !== undefined && deck !== state.deckId);
    const scheduled = !state.suspended && !state.retired;
    if (misfiled || scheduled !== (state.queueDue !== undefined)) return { code: 'bad-record', part: 'states', index, field: misfiled ? 'leechOf' : 'queueDue' };
  }
  for (const [index, image] of backup.media.entries()) {
    if (!deckIds.has(image.deckId)) return { code: 'dangling', part: 'media', index, missing: image.deckId };
    if (!archiveFiles.has(image.file)) return { code: 'missing-file', file: image.file };
  }
  return null;
}

/** The review log, checked part by part against the cards of a checked document. */
export class LogCheck {
  private readonly ids = new Set<number | string>();
  private seen = 0;

  /** `deckOfCard`: every card of the document, by id; `legacy`: the log of a version 1 or 2 backup. */
  constructor(
    private readonly deckOfCard: ReadonlyMap<string, string>,
    private readonly legacy = false,
  ) {}

  /** Checks the next part of the log (`part` names it in a problem). Null when every record is good. */
  next(records: unknown, part: string): BackupProblem | null {
    if (!Array.isArray(records)) return { code: 'bad-record', part, index: 0, field: '(not a list)' };
    for (let index = 0; index < records.length; index++) {
      const field = badField(records[index], this.legacy ? LEGACY_LOG : LOG);
      if (field !== null) return { code: 'bad-record', part, index, field };
      const entry = records[index] as { id: number | string; cardId: string; device?: string; seq?: number };
      if (!this.legacy && entry.id !== eventId(entry.device!, entry.seq!)) return { code: 'bad-record', part, index, field: 'id' };
      if (this.ids.has(entry.id)) return { code: 'duplicate', part: 'log', id: String(entry.id) };
      this.ids.add(entry.id);
      if (!this.deckOfCard.has(entry.cardId)) return { code: 'dangling', part, index, missing: entry.cardId };
    }
    this.seen += records.length;
    return null;
  }

  /** After the last part: the log holds as many reviews as the document says. */
  finish(expected: number): BackupProblem | null {
    return this.seen === expected ? null : { code: 'bad-record', part: 'file', index: 0, field: 'log' };
  }
}
