/** Path-based routes under the app's base path, so deep links work from the service worker's fallback too. */
export type Route =
  | { name: 'decks' }
  | { name: 'review'; decks: string[] | null; card?: string; practice?: boolean }
  | { name: 'cards'; card: string | null }
  | { name: 'import'; bundled: boolean }
  | { name: 'stats' }
  | { name: 'settings' };

/** Screens reached by their name alone. */
const PLAIN = ['stats', 'settings'] as const;

export function parseRoute(url: URL, base: string): Route {
  const path = url.pathname.startsWith(base) ? url.pathname.slice(base.length) : url.pathname.replace(/^\//, '');
  const plain = PLAIN.find((name) => path.replace(/\/$/, '') === name);
  if (plain) return { name: plain };
  if (path.replace(/\/$/, '') === 'import') return { name: 'import', bundled: url.searchParams.has('bundled') };
  if (path.replace(/\/$/, '') === 'review') {
    const decks = url.searchParams.get('decks');
    const card = url.searchParams.get('card');
    return { name: 'review', decks: decks ? decks.split(',').filter(Boolean) : null, ...(card ? { card } : {}), ...(url.searchParams.has('practice') ? { practice: true } : {}) };
  }
  if (path.replace(/\/$/, '') === 'cards') return { name: 'cards', card: url.searchParams.get('card') || null };
  return { name: 'decks' };
}

export function routeHref(route: Route, base: string): string {
  if (route.name === 'stats' || route.name === 'settings') return `${base}${route.name}`;
  if (route.name === 'import') return `${base}import${route.bundled ? '?bundled' : ''}`;
  if (route.name === 'review') {
    const query = [
      route.decks ? `decks=${route.decks.map(encodeURIComponent).join(',')}` : '',
      route.card ? `card=${encodeURIComponent(route.card)}` : '',
      route.practice ? 'practice' : '',
    ].filter(Boolean);
    return `${base}review${query.length > 0 ? `?${query.join('&')}` : ''}`;
  }
  if (route.name === 'cards') return `${base}cards${route.card ? `?card=${encodeURIComponent(route.card)}` : ''}`;
  return base;
}

export class Router {
  route = $state<Route>({ name: 'decks' });

  constructor(private readonly base: string) {
    this.route = parseRoute(new URL(location.href), base);
    addEventListener('popstate', () => {
      this.route = parseRoute(new URL(location.href), this.base);
    });
  }

  go(route: Route): void {
    history.pushState(null, '', routeHref(route, this.base));
    this.route = route;
  }
}
