/**
 * The address to give someone for this artefact, open at an annotation: the page's own
 * address with only `artefact` kept in the query (not `kiosk`, `edit`, `emulate`, `ar`),
 * and `#annotation=<id>` when one is open.
 */
export function shareUrl(pageUrl: string, artefactId: string, annotationId: string | undefined): string {
  const url = new URL(pageUrl);
  url.search = new URLSearchParams({ artefact: artefactId }).toString();
  url.hash = annotationId ? `annotation=${encodeURIComponent(annotationId)}` : '';
  return url.toString();
}
