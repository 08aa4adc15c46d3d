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

/** Random card ids, never derived from the card's text. */
export const newCardId = randomId;
