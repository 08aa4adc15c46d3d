/** One line that sums up an import's preview over every deck: "1 new · 1 edited · 24 unchanged". */
import { PREVIEW_CHANGES, type PreviewChange, type PreviewDeck } from '../adapters/import-session.ts';
import { i18n } from '../i18n/i18n.svelte.ts';
import { importMessages } from '../i18n/import-messages.ts';

export function changeTotals(decks: readonly PreviewDeck[]): Record<PreviewChange, number> {
  const totals = Object.fromEntries(PREVIEW_CHANGES.map((change) => [change, 0])) as Record<PreviewChange, number>;
  for (const deck of decks) for (const change of PREVIEW_CHANGES) totals[change] += deck.counts[change];
  return totals;
}

export function summaryLine(decks: readonly PreviewDeck[]): string {
  const totals = changeTotals(decks);
  return PREVIEW_CHANGES.filter((change) => totals[change] > 0)
    .map((change) => importMessages.t(`summary.${change}`, { count: i18n.number(totals[change]) }))
    .join(' · ');
}
