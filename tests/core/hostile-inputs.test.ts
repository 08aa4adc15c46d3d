import { describe, expect, it } from 'vitest';
import { extractNote } from '../../src/core/extract/index.ts';
import { renderCardMarkdown } from '../../src/core/render.ts';
import { extract } from './helpers.ts';

// Each of these must finish quickly with a warning or a refusal; vitest's per-test timeout (5 s) turns a hang into
// a failure. Speed itself is measured by `npm run bench`, not asserted here.

describe('hostile notes', () => {
  it('survives a YAML alias bomb with a warning and still builds the deck', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${'b' + i}: &b${i} [${Array(9)
          .fill(i === 0 ? '*a' : `*b${i - 1}`)
          .join(',')}]`,
      );
    const result = extractNote(`---\n${bomb.join('\n')}\ntitle: Bomba\n---\n## Real\n\nTexto.\n`, 'bomb.md');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings[0]!.message).toMatch(/front matter is not valid YAML/);
    expect(result.cards.map((c) => c.question)).toEqual(['Real']);
  });

  it('warns about broken YAML with its line, removes the block, and builds the deck', () => {
    const result = extractNote('---\ntitle: Bien\nparent: [sin cerrar\n---\n## Sección\n\nTexto.\n', 'broken.md');
    if (!result.ok) throw new Error('refused');
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatchObject({ file: 'broken.md' });
    expect(result.warnings[0]!.line).toBeGreaterThan(0);
    expect(result.deck.title).toBe('broken');
    expect(result.cards.map((c) => c.question)).toEqual(['Sección']);
  });

  it('warns about a fence that never closes', () => {
    const { warnings } = extract('## Código\n\nTexto.\n\n```js\nlet x = 1;\n');
    expect(warnings.map((w) => [w.line, w.message])).toEqual([[5, 'fence opened at line 5 never closed']]);
  });

  it('warns about a 10,000-deep nested list or quote and keeps the rest of the note', () => {
    // `- - - x` nests one list per marker on a single line; `>>>` does the same for block quotes.
    const md = `## Antes\n\nTexto.\n\n## Hondo\n\n${'>'.repeat(10_000)} cita\n\n## Después\n\nMás.\n\n${'- '.repeat(10_000)}fondo\n`;
    const { cards, warnings } = extract(md);
    expect(cards.map((c) => c.question)).toEqual(['Antes', 'Después']);
    expect(warnings.map((w) => w.line)).toEqual([7]);
    expect(warnings[0]!.message).toMatch(/more than 100 levels/);
  });

  it('refuses a note over 2 MB with a message', () => {
    const big = '## A\n\n' + 'x'.repeat(2 * 1024 * 1024 + 1);
    const result = extractNote(new TextEncoder().encode(big), 'big.md');
    expect(result).toMatchObject({ ok: false, source: 'big.md' });
    if (!result.ok) expect(result.reason).toMatch(/over 2 MB/);
  });

  it('refuses a binary file with a message', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]);
    const result = extractNote(png, 'image.md');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/binary/);
  });

  it('decodes invalid UTF-8 with replacement characters instead of crashing', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('## Caf'), 0xe9, ...new TextEncoder().encode('\n\nTexto.\n')]);
    const result = extractNote(bytes, 'latin1.md');
    if (!result.ok) throw new Error('refused');
    expect(result.cards[0]!.question).toBe('Caf\uFFFD');
  });

  it('handles CRLF line endings and a BOM, front matter included', () => {
    const text = '\uFEFF---\r\ntitle: Windows\r\n---\r\n## Sección\r\n\r\n- uno\r\n- dos\r\n';
    const result = extractNote(text, 'win.md');
    if (!result.ok) throw new Error('refused');
    expect(result.deck.title).toBe('Windows');
    expect(result.cards[0]).toMatchObject({ question: 'Sección', answer: '- uno\n- dos', line: 4 });
  });

  it('keeps <script>, event handlers and javascript: links inert when rendered', () => {
    const md = '## Trampa\n\n<script>alert(1)</script>\n\nTexto <img src=x onerror="alert(2)"> y [clic](javascript:alert(3)).\n';
    const { cards } = extract(md);
    const html = renderCardMarkdown(cards[0]!.answer, { resolveImage: () => null });
    expect(html).not.toMatch(/<script|<img|href="javascript/i);
    expect(html).toContain('&lt;img src=x onerror=');
  });
});
