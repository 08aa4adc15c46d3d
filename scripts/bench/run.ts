/**
 * npm run bench [-- extract|browser]
 * Prints one table per area. Figures in a table are measured side by side in one run; compare only those.
 */
import { benchExtract } from './extract.ts';
import { printTable } from './stats.ts';

const only = process.argv[2];

if (!only || only === 'extract') printTable('Extractor (Node, median of 5)', benchExtract());
