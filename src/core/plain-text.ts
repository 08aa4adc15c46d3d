/** A card's question as one line of plain text (for a list, or to be read aloud): Markdown marks and link targets left out. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/[*_`#>~=]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
