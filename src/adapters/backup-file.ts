/**
 * A backup on disk: a zip holding the backup document, the review log in files of LOG_FILE_REVIEWS reviews, and
 * the images of imported notes. Zip because the log compresses tenfold and images stay bytes, and because any
 * computer can open it. Written with fflate's streaming Zip, one file at a time; read with zip-reader.ts, which
 * checks every entry's CRC and size, so a damaged file is refused instead of restored with altered content.
 */
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { checkBackupDocument, type LogCheck } from '../core/backup-check.ts';
import {
  BACKUP_DOCUMENT,
  BACKUP_LIMITS,
  LOG_FILE_REVIEWS,
  logFileName,
  logTable,
  tableEvents,
  type Backup,
  type BackupDocument,
  type BackupProblem,
  type LogRecord,
} from '../core/backup.ts';
import { bytesSource, listEntries, readEntry, ZipError, type ZipEntry, type ZipSource } from './zip-reader.ts';

/** Builds an archive file by file; nothing is held but the compressed output. */
export class BackupArchiveWriter {
  /**
   * `level`: how hard the log and document are compressed (fflate's 0–9). 2, not the usual 6: on 50,000 events as
   * a format-3 log (33.5 MB of JSON) level 6 took 968 ms for 3.84 MB and level 3 443 ms for 4.26 MB; as a format-4
   * table (7.1 MB) level 3 takes 149 ms for 1.37 MB, level 2 109 ms for 1.39 MB, level 1 103 ms for 1.51 MB.
   */
  constructor(private readonly level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 2) {}

  private readonly chunks: Uint8Array[] = [];
  private readonly zip = new Zip((error, chunk) => {
    if (error) throw error;
    this.chunks.push(chunk);
  });
  private readonly logFiles: string[] = [];
  private reviews = 0;

  /** The next part of the review log, oldest first: one file of at most LOG_FILE_REVIEWS reviews. */
  addLog(records: readonly LogRecord[]): void {
    const name = logFileName(this.logFiles.length);
    this.logFiles.push(name);
    this.reviews += records.length;
    this.add(name, strToU8(JSON.stringify(logTable(records))), true);
  }

  /** An image, stored as it is: images are compressed already. */
  addMedia(name: string, bytes: Uint8Array): void {
    this.add(name, bytes, false);
  }

  finish(document: Omit<BackupDocument, 'log'>): Uint8Array {
    this.add(BACKUP_DOCUMENT, strToU8(JSON.stringify({ ...document, log: { files: this.logFiles, count: this.reviews } })), true);
    this.zip.end();
    const out = new Uint8Array(this.chunks.reduce((sum, c) => sum + c.length, 0));
    let at = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  private add(name: string, bytes: Uint8Array, compress: boolean): void {
    const file = compress && this.level > 0 ? new ZipDeflate(name, { level: this.level }) : new ZipPassThrough(name);
    this.zip.add(file);
    file.push(bytes, true);
  }
}

/** A whole backup held in memory (tests, the simulated history), as one archive. */
export function writeBackupArchive(backup: Backup, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const writer = new BackupArchiveWriter();
  for (let start = 0; start < backup.log.length; start += LOG_FILE_REVIEWS) writer.addLog(backup.log.slice(start, start + LOG_FILE_REVIEWS));
  for (const [name, bytes] of files) writer.addMedia(name, bytes);
  const { log: _log, ...document } = backup;
  return writer.finish(document);
}

export interface OpenedArchive {
  ok: true;
  source: ZipSource;
  document: BackupDocument;
  entries: ReadonlyMap<string, ZipEntry>;
  /** A version 1 document's log, which it holds itself. */
  inlineLog: LogRecord[] | null;
  cards: number;
  reviews: number;
}

export type ArchiveCheck = OpenedArchive | { ok: false; problem: BackupProblem };

/**
 * Opens and checks a backup archive: every entry's CRC, the document, every log file and the images it names.
 * Never throws for a bad file: it says what is wrong with it. Only the document stays in memory.
 */
export function openBackupArchive(source: ZipSource): ArchiveCheck {
  try {
    const entries = new Map(listEntries(source, { maxEntries: BACKUP_LIMITS.entries }).map((entry) => [entry.name, entry]));
    const total = [...entries.values()].reduce((sum, entry) => sum + entry.size, 0);
    if (total > BACKUP_LIMITS.totalBytes) return { ok: false, problem: { code: 'too-large' } };
    const documentEntry = entries.get(BACKUP_DOCUMENT);
    if (!documentEntry) return { ok: false, problem: { code: 'not-a-backup' } };
    let parsed: unknown;
    try {
      parsed = JSON.parse(new TextDecoder().decode(readEntry(source, documentEntry, { maxBytes: BACKUP_LIMITS.documentBytes })));
    } catch (error) {
      if (error instanceof ZipError) throw error;
      return { ok: false, problem: { code: 'not-a-backup' } };
    }
    const checked = checkBackupDocument(parsed, new Set([...entries.keys()].filter((name) => name !== BACKUP_DOCUMENT)));
    if (!checked.ok) return checked;
    const opened: OpenedArchive = {
      ok: true,
      source,
      document: checked.document,
      entries,
      inlineLog: (checked.inlineLog as LogRecord[] | undefined) ?? null,
      cards: checked.cards,
      reviews: checked.document.log.count,
    };
    const problem = checkLog(opened, checked.log);
    if (problem) return { ok: false, problem };
    checkMedia(opened);
    return opened;
  } catch (error) {
    if (error instanceof ZipError) return { ok: false, problem: zipProblem(error) };
    throw error;
  }
}

/** The same, for an archive in memory. */
export function readBackupArchive(bytes: Uint8Array): ArchiveCheck {
  return openBackupArchive(bytesSource(bytes));
}

function checkLog(opened: OpenedArchive, check: LogCheck): BackupProblem | null {
  for (const { part, records } of logParts(opened)) {
    const problem = check.next(records, part);
    if (problem) return problem;
  }
  return check.finish(opened.reviews);
}

/** Reads every image once, so a damaged one is found now (a ZipError) rather than half-way through a restore. */
function checkMedia(opened: OpenedArchive): void {
  for (const image of opened.document.media) backupMedia(opened, image.file);
}

/** The review log of an opened archive, one file at a time, read and checked again from the archive. */
export function* backupLog(opened: OpenedArchive): Generator<LogRecord[]> {
  for (const { records } of logParts(opened)) yield records as LogRecord[];
}

function* logParts(opened: OpenedArchive): Generator<{ part: string; records: unknown }> {
  if (opened.inlineLog) {
    yield { part: 'log', records: opened.inlineLog };
    return;
  }
  for (const file of opened.document.log.files) {
    const bytes = readEntry(opened.source, opened.entries.get(file)!, { maxBytes: BACKUP_LIMITS.logFileBytes });
    let records: unknown;
    try {
      records = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      throw new ZipError('corrupt', `${file} is not JSON`, file);
    }
    // From version 4 a table; a file that is not one is no list of events, and the check refuses it.
    yield { part: file, records: opened.document.version >= 4 ? tableEvents(records) : records };
  }
}

/** An image of an opened archive, by its file name in the archive. */
export function backupMedia(opened: OpenedArchive, file: string): Uint8Array {
  return readEntry(opened.source, opened.entries.get(file)!, { maxBytes: BACKUP_LIMITS.mediaFileBytes });
}

function zipProblem(error: ZipError): BackupProblem {
  if (error.problem === 'too-large') return { code: 'too-large' };
  if (error.problem === 'corrupt') return { code: 'corrupt', file: error.entry ?? '' };
  return { code: 'not-a-backup' };
}

/** `repaso-backup-2026-11-28.zip`, `repaso-reviews-2026-11-28.csv`: a name and the local date of `at`. */
export function datedFileName(name: string, extension: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${name}-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.${extension}`;
}
