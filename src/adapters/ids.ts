const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** 12 characters of 5 random bits each (60 bits): card ids, the database's generation. */
export function randomId(): string {
  let id = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(12))) id += ALPHABET[byte & 31];
  return id;
}

/** Random card ids, never derived from the card's text. */
export const newCardId = randomId;
