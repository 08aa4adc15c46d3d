/**
 * A backup on disk: a zip (fflate) holding the backup document and the images of imported notes. Zip because
 * the review log compresses tenfold and images stay bytes, and because any computer can open it.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { checkBackup } from '../core/backup-check.ts';
import { BACKUP_DOCUMENT, BACKUP_LIMITS, type Backup, type BackupCheck } from '../core/backup.ts';

export function writeBackupArchive(backup: Backup, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Zippable = { [BACKUP_DOCUMENT]: strToU8(JSON.stringify(backup)) };
  // Images are compressed already: store them as they are.
  for (const [name, bytes] of files) entries[name] = [bytes, { level: 0 }];
  return zipSync(entries, { level: 6 });
}

export type ArchiveCheck = (BackupCheck & { ok: false }) | { ok: true; backup: Backup; files: Map<string, Uint8Array> };

/** Opens and checks a backup archive. Never throws for a bad file: it says what is wrong with it. */
export function readBackupArchive(bytes: Uint8Array): ArchiveCheck {
  if (bytes.byteLength > BACKUP_LIMITS.archiveBytes) return { ok: false, problem: { code: 'too-large' } };
  let entries: Record<string, Uint8Array>;
  let unpacked = 0;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        // Sizes come from the archive's own directory: refuse a zip bomb before inflating it.
        unpacked += file.originalSize;
        if (unpacked > BACKUP_LIMITS.documentBytes * 2) throw new RangeError('too large');
        return file.name === BACKUP_DOCUMENT || file.name.startsWith('media/');
      },
    });
  } catch (error) {
    return { ok: false, problem: { code: error instanceof RangeError ? 'too-large' : 'not-a-backup' } };
  }
  const document = entries[BACKUP_DOCUMENT];
  if (!document) return { ok: false, problem: { code: 'not-a-backup' } };
  if (document.byteLength > BACKUP_LIMITS.documentBytes) return { ok: false, problem: { code: 'too-large' } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(strFromU8(document));
  } catch {
    return { ok: false, problem: { code: 'not-a-backup' } };
  }
  const files = new Map(Object.entries(entries).filter(([name]) => name !== BACKUP_DOCUMENT));
  const checked = checkBackup(parsed, new Set(files.keys()));
  return checked.ok ? { ok: true, backup: checked.backup, files } : checked;
}

/** `repaso-backup-2026-11-28.zip`, `repaso-reviews-2026-11-28.csv`: a name and the local date of `at`. */
export function datedFileName(name: string, extension: string, at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${name}-${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}.${extension}`;
}
