/** The message the page sends the worker to learn how much of the app shell is cached. */
export const SHELL_QUERY = { type: 'vitrine-offline:shell' } as const;

/** The worker's answer, on the MessagePort sent with the query. */
export interface ShellSummary {
  /** The build the worker precaches (a fingerprint of its files). */
  version: string;
  /** Files of the build in the cache, of `expected`. */
  files: number;
  expected: number;
  bytes: number;
}

export function isShellQuery(data: unknown): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SHELL_QUERY.type;
}
