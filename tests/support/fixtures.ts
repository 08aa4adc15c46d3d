import type { Clock } from '../../src/adapters/clock.ts';
import type { DeckCard, DeckFile, DeckIndex } from '../../src/core/types.ts';
import { deckFileName } from '../../src/core/deck-files.ts';
import { contentHash } from '../../src/core/text.ts';

/** A clock the test moves by hand, in a fixed time zone. */
export class FakeClock implements Clock {
  constructor(
    public time: number,
    private readonly offsetMinutes = 0,
  ) {}
  now = () => this.time;
  utcOffsetMinutes = () => this.offsetMinutes;
  advance(ms: number): void {
    this.time += ms;
  }
}

export function deckCard(key: string, question: string, answer: string, section = 's1'): DeckCard {
  return {
    key,
    kind: 'section',
    question,
    answer,
    context: ['Deck'],
    line: 1,
    section,
    questionHtml: `<p>${question}</p>`,
    answerHtml: `<p>${answer}</p>`,
  };
}

export function deckFile(id: string, cards: DeckCard[], path = [id]): DeckFile {
  return { id, title: path[path.length - 1]!, path, source: `${id}.md`, tags: [], cards };
}

/** A fetch that serves an index and deck files from memory, as `npm run cards` would have written them. */
export function fakeDeckServer(files: DeckFile[]): { fetch: typeof fetch; requests: string[] } {
  const requests: string[] = [];
  const bodies = new Map<string, string>();
  const index: DeckIndex = { version: 1, decks: [] };
  for (const file of files) {
    const text = JSON.stringify(file);
    bodies.set(deckFileName(file.id), text);
    index.decks.push({ id: file.id, title: file.title, path: file.path, file: deckFileName(file.id), source: file.source, cards: file.cards.length, hash: contentHash(text) });
  }
  bodies.set('index.json', JSON.stringify(index));
  const fakeFetch = (async (input: RequestInfo | URL) => {
    const url = String(input);
    requests.push(url);
    const name = url.split('/').pop()!;
    const body = bodies.get(name);
    return new Response(body ?? 'not found', { status: body ? 200 : 404, headers: { 'content-type': body ? 'application/json' : 'text/plain' } });
  }) as typeof fetch;
  return { fetch: fakeFetch, requests };
}
