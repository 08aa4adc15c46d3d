// Components speak through i18n, whose languages load on demand: load both before any test renders.
import { i18n } from '../../src/i18n/i18n.svelte.ts';

await i18n.use('es');
await i18n.use('en');
