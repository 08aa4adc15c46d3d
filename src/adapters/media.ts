/** Deck images are stored as `data-media` (a path inside the deck folder) and given a real src when displayed. */
export const MEDIA_ATTRIBUTE = 'data-media';

/** Gives stored card images (see sanitize.ts) a URL once displayed: an imported note's own image, or a file
 * under the deployed decks folder. */
export function resolveMedia(root: HTMLElement, decksBase: string, imported: ReadonlyMap<string, string>): void {
  for (const img of root.querySelectorAll<HTMLImageElement>(`img[${MEDIA_ATTRIBUTE}]`)) {
    const path = img.getAttribute(MEDIA_ATTRIBUTE)!;
    img.src = imported.get(path) ?? decksBase + path;
    img.loading = 'lazy';
    img.removeAttribute(MEDIA_ATTRIBUTE);
  }
}

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', svg: 'image/svg+xml', avif: 'image/avif' };

/** Object URLs for an imported deck's images; revoke them with the returned function. */
export function mediaUrls(images: ReadonlyMap<string, Uint8Array>): { urls: Map<string, string>; revoke: () => void } {
  const urls = new Map<string, string>();
  for (const [path, bytes] of images) {
    const type = TYPES[path.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
    urls.set(path, URL.createObjectURL(new Blob([bytes as BlobPart], { type })));
  }
  return { urls, revoke: () => urls.forEach((url) => URL.revokeObjectURL(url)) };
}
