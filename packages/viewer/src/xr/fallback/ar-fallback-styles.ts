/**
 * The AR fallbacks' rules, on top of the toolbar's `.vitrine-tool`. The dialog sets its own
 * font, colour and pointer events: it sits in the top layer but still inherits from the
 * toolbar it is declared in, which lets clicks through to the stage.
 */
export const AR_FALLBACK_STYLES = `
a.vitrine-tool {
  text-decoration: none;
}
.vitrine-ar-poster {
  width: 1.75rem;
  height: 1.75rem;
  flex: none;
  object-fit: cover;
  border-radius: 0.375rem;
}
.vitrine-qr-dialog {
  pointer-events: auto;
  box-sizing: border-box;
  width: min(22rem, calc(100vw - 2rem));
  padding: 1.25rem;
  border: 0;
  border-radius: 1rem;
  background: #fff;
  color: #2b2722;
  font: 400 0.9375rem/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  text-align: start;
  white-space: normal;
  box-shadow: 0 8px 32px rgba(43, 39, 34, 0.3);
}
.vitrine-qr-dialog::backdrop {
  background: rgba(43, 39, 34, 0.55);
}
.vitrine-qr-dialog h2 {
  margin: 0 0 0.375rem;
  font-size: 1.125rem;
  line-height: 1.3;
}
.vitrine-qr-dialog p {
  margin: 0 0 0.75rem;
}
.vitrine-qr-code {
  display: block;
  width: 100%;
  max-width: 15rem;
  height: auto;
  margin: 0 auto 0.75rem;
}
.vitrine-qr-url {
  padding: 0.5rem 0.625rem;
  border-radius: 0.5rem;
  background: #f3efe9;
  font: 0.8125rem/1.4 ui-monospace, 'SF Mono', Menlo, Consolas, monospace;
  overflow-wrap: anywhere;
  /* One click or tap selects the whole address, ready to copy. */
  user-select: all;
  -webkit-user-select: all;
}
.vitrine-qr-dialog .vitrine-qr-close {
  display: flex;
  margin: 0 0 0 auto;
  border: 1px solid rgba(43, 39, 34, 0.25);
}
`;
