/** Where the decks the app ships are served (public/decks): their list, their files and their images. */
export const DECKS_BASE = `${import.meta.env.BASE_URL}decks/`;
