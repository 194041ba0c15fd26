/** Whether the address asks for offline support: `?kiosk` (a gallery installation) or `?offline`. */
export function offlineRequested(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has('kiosk') || params.has('offline');
}
