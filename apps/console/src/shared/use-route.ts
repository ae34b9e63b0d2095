import { useCallback, useSyncExternalStore } from 'react';

/** The console's few screens; a history-API router is all they need (no router dependency). */
export type Route =
  | { name: 'inbox'; conversationId: string | null; queueId: string | null }
  | { name: 'board' };

export function parseRoute(pathname: string, search = ''): Route {
  if (pathname.startsWith('/board')) return { name: 'board' };
  const m = /^\/inbox\/([^/]+)/.exec(pathname);
  const queueId = new URLSearchParams(search).get('queue');
  return { name: 'inbox', conversationId: m ? decodeURIComponent(m[1]!) : null, queueId };
}

export function routePath(route: Route): string {
  if (route.name === 'board') return '/board';
  const base = route.conversationId ? `/inbox/${encodeURIComponent(route.conversationId)}` : '/inbox';
  return route.queueId ? `${base}?queue=${encodeURIComponent(route.queueId)}` : base;
}

const subscribe = (cb: () => void): (() => void) => {
  window.addEventListener('popstate', cb);
  return () => window.removeEventListener('popstate', cb);
};
const snapshot = (): string => window.location.pathname + window.location.search;

export function useRoute(): { route: Route; navigate: (to: Route) => void } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  const navigate = useCallback((to: Route) => {
    const path = routePath(to);
    if (path === snapshot()) return;
    window.history.pushState(null, '', path);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, []);
  return { route: parseRoute(url.pathname, url.search), navigate };
}
