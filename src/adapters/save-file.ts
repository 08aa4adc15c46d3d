/**
 * Hands a file to the user: the share sheet where the browser can share files (phones), a download elsewhere.
 */
export type SaveOutcome = 'shared' | 'downloaded' | 'cancelled';

export async function saveFile(bytes: Uint8Array | string, name: string, type: string): Promise<SaveOutcome> {
  const file = new File([bytes as BlobPart], name, { type });
  if (navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: name });
      return 'shared';
    } catch (error) {
      // Closing the share sheet is a choice, not a failure; anything else falls back to a download.
      if (error instanceof DOMException && error.name === 'AbortError') return 'cancelled';
    }
  }
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; give the browser a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}
