/** Writes a simulated year of history as a backup file: `tsx tests/support/write-history-backup.ts <out.zip> [now]`. */
import { writeFileSync } from 'node:fs';
import { writeBackupArchive } from '../../src/adapters/backup-file.ts';
import { simulatedHistory } from './history.ts';

const [out, now, leechCards] = process.argv.slice(2);
if (!out) throw new Error('usage: write-history-backup.ts <out.zip> [now-ms] [leech-cards]');
writeFileSync(out, writeBackupArchive(simulatedHistory({ now: now ? Number(now) : Date.now(), leechCards: Number(leechCards ?? 0) }), new Map()));
