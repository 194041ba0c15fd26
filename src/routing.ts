import { useCallback, useEffect, useState, type MouseEvent } from 'react';

/**
 * Routes live in the query string (`?artefact=<id>`), not the path: the app must work
 * from any static host, an S3 bucket included, where a path like /artefact/x would need
 * a server-side rewrite to index.html. The hash stays free for deep links into an
 * artefact (#annotation=...). Small enough that a router library would cost more than it
 * saves.
 */
export type Route = { page: 'gallery' } | { page: 'artefact'; id: string };

export function parseRoute(search: string): Route {
  const id = new URLSearchParams(search).get('artefact');
  return id ? { page: 'artefact', id } : { page: 'gallery' };
}

/**
 * Settings of the visit that every page keeps: kiosk mode and its timings, the XR emulator.
 * Without them, the first link followed on a kiosk would leave kiosk mode.
 */
const VISIT_PARAMETERS = ['kiosk', 'attract', 'attract-seconds', 'emulate'];

export function hrefFor(route: Route, search: string = window.location.search): string {
  const current = new URLSearchParams(search);
  const query = new URLSearchParams(route.page === 'artefact' ? { artefact: route.id } : {});
  for (const name of VISIT_PARAMETERS) {
    const value = current.get(name);
    if (value !== null) query.set(name, value);
  }
  const text = query.toString().replace(/=(?=&|$)/g, '');
  return text ? `?${text}` : './';
}

export function useRoute(): Route {
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const update = () => setSearch(window.location.search);
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return parseRoute(search);
}

/** Click handler for in-app links: history navigation without a reload, unless the visitor asked for a new tab. */
export function useNavigate(): (event: MouseEvent<HTMLAnchorElement>) => void {
  return useCallback((event: MouseEvent<HTMLAnchorElement>) => {
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey
    ) {
      return;
    }
    event.preventDefault();
    window.history.pushState(null, '', event.currentTarget.href);
    window.dispatchEvent(new PopStateEvent('popstate'));
    window.scrollTo(0, 0);
  }, []);
}
