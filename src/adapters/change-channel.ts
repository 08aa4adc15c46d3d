/**
 * Tells the other windows of Repaso that the saved data changed, so they show it instead of what they read before
 * (BroadcastChannel: same origin, every tab, window and the installed app).
 */
export type DataChange = 'decks' | 'settings' | 'restored';

export interface ChangeChannel {
  announce(change: DataChange): void;
  /** Hears the other windows' announcements (never this window's own); returns a function that stops listening. */
  listen(onChange: (change: DataChange) => void): () => void;
}

const CHANNEL_NAME = 'repaso-changes';
const CHANGES: readonly DataChange[] = ['decks', 'settings', 'restored'];

/** For tests, and browsers without BroadcastChannel: announcements go nowhere. */
export const silentChannel: ChangeChannel = { announce() {}, listen: () => () => {} };

export function broadcastChannel(): ChangeChannel {
  if (typeof BroadcastChannel === 'undefined') return silentChannel;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  return {
    announce: (change) => channel.postMessage(change),
    listen(onChange) {
      const heard = (event: MessageEvent) => {
        if (CHANGES.includes(event.data as DataChange)) onChange(event.data as DataChange);
      };
      channel.addEventListener('message', heard);
      return () => channel.removeEventListener('message', heard);
    },
  };
}
