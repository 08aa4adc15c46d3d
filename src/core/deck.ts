import { resolveNotePath } from './paths.ts';
import { renderCardMarkdown } from './render.ts';
import { contentHash } from './text.ts';
import type { DeckFile, DeckIndex, DeckIndexEntry, ExtractedCard, ExtractResult, Warning } from './types.ts';

export const MEDIA_FOLDER = 'media';

export interface BuiltDeck {
  file: DeckFile;
  /** Note-folder-relative paths of the images the cards show. */
  images: string[];
  warnings: Warning[];
}

export interface DeckBuildOptions {
  /** Whether a resolved image path exists in the notes being built (the disk, or the files the user picked). */
  hasImage: (path: string) => boolean;
  /** Sanitizes rendered card HTML, many at once, in order (DOMPurify: see adapters/sanitize.ts). */
  sanitizeAll: (htmls: string[]) => string[];
  /** Images that exist but are left out on purpose (an import's size cap, named elsewhere): no image, no warning. */
  omitImage?: (path: string) => boolean;
  /** An image named without a folder (`![[diagram.png]]`) found anywhere in the notes, as Obsidian does; or null. */
  findImage?: (name: string) => string | null;
}

/** Renders the cards of an extracted note into a deck file, sanitized. */
export function buildDeck(result: Extract<ExtractResult, { ok: true }>, { hasImage, sanitizeAll, omitImage, findImage }: DeckBuildOptions): BuiltDeck {
  const images = new Set<string>();
  const warnings: Warning[] = [];
  const renderFor = (card: ExtractedCard) => (markdown: string) =>
    renderCardMarkdown(markdown, {
      resolveImage(src) {
        const near = resolveNotePath(result.deck.source, src);
        const path = near && !hasImage(near) && !src.includes('/') ? (findImage?.(src) ?? near) : near;
        if (!path || omitImage?.(path)) return null;
        if (!hasImage(path)) {
          warnings.push({ file: result.deck.source, line: card.line, message: `image not found: ${src}` });
          return null;
        }
        images.add(path);
        return `${MEDIA_FOLDER}/${path.split('/').map(encodeURIComponent).join('/')}`;
      },
    });
  const html = sanitizeAll(
    result.cards.flatMap((card) => {
      const render = renderFor(card);
      return [render(card.question), render(card.answer)];
    }),
  );
  const cards = result.cards.map((card, i) => ({ ...card, questionHtml: html[2 * i]!, answerHtml: html[2 * i + 1]! }));
  const { deck } = result;
  const file: DeckFile = {
    id: deck.id,
    title: deck.title,
    path: deck.path,
    source: deck.source,
    ...(deck.navOrder !== undefined ? { navOrder: deck.navOrder } : {}),
    tags: deck.tags,
    ...(deck.lang ? { lang: deck.lang } : {}),
    cards,
  };
  return { file, images: [...images].sort(), warnings };
}

export function serializeDeck(file: DeckFile): string {
  return JSON.stringify(file);
}

export function indexEntry(file: DeckFile, fileName: string, serialized: string): DeckIndexEntry {
  return {
    id: file.id,
    title: file.title,
    path: file.path,
    file: fileName,
    source: file.source,
    cards: file.cards.length,
    hash: contentHash(serialized),
  };
}

export function serializeIndex(entries: DeckIndexEntry[]): string {
  const index: DeckIndex = { version: 1, decks: [...entries].sort((a, b) => compare(a.source, b.source)) };
  return JSON.stringify(index, null, 2) + '\n';
}

/** Two notes may slug to the same deck id (`a b.md`, `a-b.md`): later ones get a numbered id, in source order. */
export function uniqueDeckIds(ids: string[]): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let candidate = id;
    for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  });
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A finder for DeckBuildOptions.findImage over the images' paths: by file name, the first in path order. */
export function imageFinder(paths: Iterable<string>): (name: string) => string | null {
  const byName = new Map<string, string>();
  for (const path of [...paths].sort()) {
    const name = path.split('/').pop()!;
    if (!byName.has(name)) byName.set(name, path);
  }
  return (name) => byName.get(name) ?? null;
}
