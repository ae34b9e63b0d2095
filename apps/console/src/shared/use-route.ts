import { useCallback, useSyncExternalStore } from 'react';

/** The console's few screens; a history-API router is all they need (no router dependency). */
export type Route =
  | { name: 'inbox'; conversationId: string | null; queueId: string | null }
  | { name: 'board' }
  | { name: 'insights' }
  | { name: 'admin'; section: AdminSection };

export const ADMIN_SECTIONS = [
  'listening',
  'canned',
  'guidelines',
  'queues',
  'routing',
  'shifts',
  'agents',
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];
const isAdminSection = (s: string | undefined): s is AdminSection => ADMIN_SECTIONS.some((x) => x === s);

export function parseRoute(pathname: string, search = ''): Route {
  if (pathname.startsWith('/board')) return { name: 'board' };
  if (pathname.startsWith('/insights')) return { name: 'insights' };
  if (pathname.startsWith('/admin')) {
    const section = pathname.split('/')[2];
    return { name: 'admin', section: isAdminSection(section) ? section : 'listening' };
  }
  const m = /^\/inbox\/([^/]+)/.exec(pathname);
  const queueId = new URLSearchParams(search).get('queue');
  return { name: 'inbox', conversationId: m ? decodeURIComponent(m[1]!) : null, queueId };
}

export function routePath(route: Route): string {
  if (route.name === 'board') return '/board';
  if (route.name === 'insights') return '/insights';
  if (route.name === 'admin') return `/admin/${route.section}`;
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
