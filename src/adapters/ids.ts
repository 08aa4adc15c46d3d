const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** Random card ids: 12 characters of 5 random bits each (60 bits), never derived from the card's text. */
export function newCardId(): string {
  let id = '';
  for (const byte of crypto.getRandomValues(new Uint8Array(12))) id += ALPHABET[byte & 31];
  return id;
}
