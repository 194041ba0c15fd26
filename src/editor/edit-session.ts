const TOKEN_KEY = 'vitrine.editToken';

/** `?edit` in the address: the page was opened from `vitrine serve --edit`'s link. */
export function editRequested(search: string = window.location.search): boolean {
  return new URLSearchParams(search).has('edit');
}

/**
 * The editor's token. It arrives once in the link `vitrine serve --edit` prints
 * (`#token=…`: a fragment is never sent to a server or in a Referer), is kept for this tab
 * only, and is taken out of the address bar at once so it is not bookmarked or shared.
 */
export function editToken(): string | undefined {
  const hash = new URLSearchParams(window.location.hash.slice(1));
  const fromLink = hash.get('token');
  if (fromLink) {
    sessionStorage.setItem(TOKEN_KEY, fromLink);
    hash.delete('token');
    const rest = hash.toString();
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ''}`,
    );
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
}
