/**
 * The element's own box, as defaults the host page can override with any rule: a block
 * with a 4:3 shape (a width alone keeps the ratio; width and height together replace it),
 * positioned so the viewer inside can fill it. Wrapped in `:where()`, which has zero
 * specificity, so even a museum's plain `vitrine-viewer { ... }` rule wins.
 */
function elementCss(tagName: string): string {
  return `:where(${tagName}) { display: block; position: relative; aspect-ratio: 4 / 3; }`;
}

const adopted = new WeakMap<Document, Set<string>>();

/**
 * Adds the element's default styles to `document` once per tag name. A constructed sheet
 * adopted by the document rather than a `<style>` element: it adds no node to a page a
 * CMS manages (and may re-render or sanitize), and it cannot be duplicated by two
 * viewers racing to insert it.
 */
export function adoptElementStyles(document: Document, tagName: string): void {
  const tags = adopted.get(document) ?? new Set<string>();
  if (tags.has(tagName)) return;
  const view = document.defaultView;
  if (!view) return;
  // A sheet can only be adopted by the document whose window constructed it.
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(elementCss(tagName));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  tags.add(tagName);
  adopted.set(document, tags);
}
