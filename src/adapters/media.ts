/** Gives stored card images (see sanitize.ts) their URL under the deployed decks folder, once displayed. */
export function resolveMedia(root: HTMLElement, decksBase: string): void {
  for (const img of root.querySelectorAll<HTMLImageElement>('img[data-media]')) {
    img.src = decksBase + img.dataset.media;
    img.loading = 'lazy';
    img.removeAttribute('data-media');
  }
}
