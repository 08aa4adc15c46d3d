// @vitest-environment jsdom
// happy-dom mis-parses what DOMPurify relies on; jsdom behaves like a browser here (real Chromium is tested in e2e).
import { describe, expect, it } from 'vitest';
import DOMPurify from 'dompurify';
import { createCardSanitizer } from '../../src/adapters/sanitize.ts';

const { sanitize: sanitizeCardHtml, sanitizeAll: sanitizeCardHtmlBatch } = createCardSanitizer(DOMPurify);

describe('card HTML sanitizing', () => {
  it('removes scripts, event handlers, styles, frames, forms, objects and svg', () => {
    const html = sanitizeCardHtml(
      '<div onclick="x()">a<script>alert(1)</script><style>p{}</style><iframe src="e"></iframe><form><input></form><object></object><svg><circle/></svg><b style="color:red">b</b></div>',
    );
    expect(html).toBe('<div>a<b>b</b></div>');
  });

  it('keeps http(s) and mailto links, opening them safely; drops javascript:, data: and note-to-note links', () => {
    const html = sanitizeCardHtml(
      '<a href="https://e.org">w</a><a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a><a href="otra.md">n</a><a href="mailto:a@b.c">m</a>',
    );
    expect(html).toBe(
      '<a href="https://e.org" target="_blank" rel="noopener noreferrer">w</a><a>j</a><a>d</a><a>n</a><a href="mailto:a@b.c" target="_blank" rel="noopener noreferrer">m</a>',
    );
  });

  it('keeps deck images for display and never loads remote, data or escaping images', () => {
    const html = sanitizeCardHtml(
      '<img src="media/a%20b.png" alt="local"><img src="https://tracker.example/p.gif" alt="remote"><img src="data:image/png;base64,AAAA" alt="inline">',
    );
    expect(sanitizeCardHtml('<img src="media/../../secret.png" alt="up">')).toBe('<span class="missing-image">up</span>');
    expect(html).toBe('<img alt="local" data-media="media/a%20b.png"><span class="missing-image">remote</span><span class="missing-image">inline</span>');
  });

  it('keeps lists, tables, code and emphasis', () => {
    const rich = '<ul><li><em>a</em></li></ul><table><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table><pre><code class="language-js">x</code></pre>';
    expect(sanitizeCardHtml(rich)).toBe(rich);
  });
});

describe('sanitizing many cards at once', () => {
  it('gives the same result as one card at a time', () => {
    const cards = ['<p>a <em>b</em></p>', '<ul><li>x<script>bad()</script></li></ul>', '<img src="media/i.png" alt="i" onerror="x()">', '', 'texto'];
    expect(sanitizeCardHtmlBatch(cards)).toEqual(cards.map(sanitizeCardHtml));
  });

  it('falls back to one card at a time when a crafted card breaks out of its wrapper', () => {
    const cards = ['<p>a</p></section><section><p>b</p>', '<p>c</p>'];
    expect(sanitizeCardHtmlBatch(cards)).toEqual(cards.map(sanitizeCardHtml));
    expect(sanitizeCardHtmlBatch(cards)).toHaveLength(2);
  });
});

describe('cards that need no sanitizer', () => {
  /** A sanitizer over its own DOMPurify instance, counting the calls that reach DOMPurify. */
  function countingSanitizer() {
    const purify = DOMPurify(window);
    const calls = { count: 0 };
    const sanitize = purify.sanitize.bind(purify);
    purify.sanitize = ((...args: Parameters<typeof sanitize>) => (calls.count++, sanitize(...args))) as typeof purify.sanitize;
    return { sanitizer: createCardSanitizer(purify), calls };
  }

  const inert = [
    'texto llano, sin etiquetas',
    '<p>Una <strong>frase</strong> con <em>énfasis</em> &amp; entidades &gt; 2</p>',
    '<ul><li>uno</li><li><code>dos</code></li></ul>',
    '<h3>Título</h3><pre><code>x = 1</code></pre>',
    '<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>',
    '<p>a<br>b</p><hr>',
    '',
  ];

  it('plain text and bare formatting tags skip DOMPurify, which would have kept them as they are', () => {
    const { sanitizer, calls } = countingSanitizer();
    expect(sanitizer.sanitizeAll(inert)).toEqual(inert);
    expect(inert.map(sanitizer.sanitize)).toEqual(inert);
    expect(calls.count).toBe(0);
    for (const html of inert) expect(DOMPurify.sanitize(html)).toBe(html);
  });

  it('an attribute, a comment, a link, an image, another tag or a stray "<" goes through DOMPurify', () => {
    const active = [
      '<p class="x">a</p>',
      '<!-- c --><p>a</p>',
      '<a>enlace</a>',
      '<img>',
      'a < b',
      '<script>x()</script>',
      '<p >a</p>',
      '<P>a</P>',
      '<br/>',
      '<svg></svg>',
      '<p>a</p><section>b</section>',
      '<p onclick=x()>a</p>',
    ];
    for (const html of active) {
      const { sanitizer, calls } = countingSanitizer();
      sanitizer.sanitize(html);
      expect(calls.count, html).toBe(1);
    }
    const { sanitizer } = countingSanitizer();
    expect(sanitizer.sanitizeAll(['<p>ok</p>', 'a < b', '<p onclick="x()">c</p>'])).toEqual(['<p>ok</p>', 'a &lt; b', '<p>c</p>']);
  });
});
