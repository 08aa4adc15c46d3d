/** Forward-slash path arithmetic for notes, identical in Node and the browser. */

/**
 * Resolves an image or link target written in a note against the note's own folder. Site-absolute paths
 * (`/assets/x.png`) resolve against the notes folder. Returns null for remote URLs and for paths that would
 * leave the notes folder.
 */
export function resolveNotePath(noteSource: string, target: string): string | null {
  const clean = target.split(/[?#]/)[0]!.trim();
  if (!clean || /^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith('//')) return null;
  const base = clean.startsWith('/') ? [] : noteSource.split('/').slice(0, -1);
  const parts = [...base];
  for (const part of clean.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.length > 0 ? parts.join('/') : null;
}

/** A relative path that is safe to write under an output folder: no `..`, no absolute start, no drive letter. */
export function isSafeRelativePath(path: string): boolean {
  if (!path || path.startsWith('/') || /^[a-z]:/i.test(path) || path.includes('\\')) return false;
  return path.split('/').every((part) => part !== '..' && part !== '' && part !== '.');
}
