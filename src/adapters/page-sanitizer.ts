/** The page's one card sanitizer: DOMPurify's hooks are global, so it is configured once and shared. */
import DOMPurify from 'dompurify';
import { createCardSanitizer, type CardSanitizer } from './sanitize.ts';

let shared: CardSanitizer | null = null;

export function pageSanitizer(): CardSanitizer {
  shared ??= createCardSanitizer(DOMPurify);
  return shared;
}

/** Pieces of HTML sanitized before the page gets a frame to draw: a slice takes a few tens of milliseconds. */
const SLICE = 300;

/**
 * Many pieces of HTML sanitized in slices, with a pause for the page between them, so that a large import or
 * restore never freezes it. In order; `onProgress` hears how many are done.
 */
export async function sanitizeInSlices(htmls: readonly string[], onProgress: (done: number, total: number) => void = () => {}): Promise<string[]> {
  const sanitizer = pageSanitizer();
  const clean: string[] = [];
  for (let start = 0; start < htmls.length; start += SLICE) {
    clean.push(...sanitizer.sanitizeAll(htmls.slice(start, start + SLICE)));
    onProgress(clean.length, htmls.length);
    if (clean.length < htmls.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return clean;
}
