import { contentHash } from '../core/text.ts';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

const ID_LENGTH = 12;
// Random bytes drawn in bulk: one getRandomValues call costs more than an id (an import of 100,000 new cards).
let pool = new Uint8Array(0);
let used = 0;

/** 12 characters of 5 random bits each (60 bits): card ids, the database's generation. */
export function randomId(): string {
  if (used + ID_LENGTH > pool.length) {
    pool = crypto.getRandomValues(new Uint8Array(ID_LENGTH * 4096));
    used = 0;
  }
  let id = '';
  for (let i = 0; i < ID_LENGTH; i++) id += ALPHABET[pool[used + i]! & 31];
  used += ID_LENGTH;
  return id;
}

/**
 * A new card's id: a hash of its first content key, so importing the same notes on two devices gives the same ids
 * (what one history across devices needs). The id never changes afterwards, whatever happens to the card's text
 * and key; if the hash is already taken (a key that came back after its card was deleted and its deck kept), a
 * random id. Cards stored before keep their random ids.
 */
export function cardIdFor(key: string, taken: ReadonlySet<string>): string {
  const id = `k${contentHash(key)}`;
  return taken.has(id) ? randomId() : id;
}
