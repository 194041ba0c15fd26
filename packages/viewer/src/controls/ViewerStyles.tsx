/**
 * The viewer's own CSS, for what inline styles cannot say (focus rings, hover, narrow
 * layouts). Class names carry the `vitrine-` prefix because the viewer lives in pages we
 * do not control. React 19 hoists the sheet into the document head, once per page.
 */
const CSS = `
.vitrine-tools {
  position: absolute;
  inset: auto 0 0 0;
  z-index: 3;
  display: flex;
  flex-direction: column;
  align-items: center;
  gap: 0.5rem;
  padding: 0 0.5rem 0.75rem;
  pointer-events: none;
  container-type: inline-size;
  font: 500 0.875rem/1.2 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #2b2722;
}
.vitrine-toolbar, .vitrine-readout {
  pointer-events: auto;
  background: rgba(255, 255, 255, 0.88);
  -webkit-backdrop-filter: blur(8px);
  backdrop-filter: blur(8px);
  box-shadow: 0 1px 2px rgba(43, 39, 34, 0.12), 0 4px 16px rgba(43, 39, 34, 0.1);
}
.vitrine-toolbar {
  display: flex;
  align-items: center;
  gap: 0.25rem;
  padding: 0.25rem;
  border-radius: 999px;
  max-width: 100%;
}
.vitrine-toolbar [role='group'] {
  display: flex;
  gap: 0.125rem;
}
.vitrine-divider {
  width: 1px;
  align-self: stretch;
  margin: 0.375rem 0.125rem;
  background: rgba(43, 39, 34, 0.18);
}
.vitrine-tool {
  display: inline-flex;
  align-items: center;
  gap: 0.375rem;
  min-height: 2.5rem;
  min-width: 2.5rem;
  justify-content: center;
  padding: 0 0.875rem;
  border: 0;
  border-radius: 999px;
  background: transparent;
  color: inherit;
  font: inherit;
  cursor: pointer;
  white-space: nowrap;
}
.vitrine-tool:hover {
  background: rgba(43, 39, 34, 0.08);
}
.vitrine-tool[aria-pressed='true'] {
  background: #2b2722;
  color: #fff;
}
.vitrine-tool:focus-visible {
  outline: 3px solid #1a5fb4;
  outline-offset: 2px;
}
.vitrine-tool svg {
  width: 1.125rem;
  height: 1.125rem;
  flex: none;
}
.vitrine-readout {
  margin: 0;
  padding: 0.5rem 0.875rem;
  border-radius: 0.75rem;
  text-align: center;
  max-width: min(100%, 28rem);
}
.vitrine-readout:empty {
  display: none;
}
.vitrine-readout strong {
  font-variant-numeric: tabular-nums;
}
.vitrine-stage:focus-visible {
  outline: 3px solid #1d4ed8;
  outline-offset: -3px;
}
/* A ring with a dot, dark on light and light on dark, over any artefact; clicks go through. */
.vitrine-centre-mark {
  position: absolute;
  left: 50%;
  top: 50%;
  z-index: 2;
  width: 1.25rem;
  height: 1.25rem;
  margin: -0.625rem 0 0 -0.625rem;
  border: 2px solid #b3261e;
  border-radius: 50%;
  box-shadow: 0 0 0 1px #fff, inset 0 0 0 1px #fff;
  background: radial-gradient(circle, #b3261e 0 2px, transparent 2.5px);
  pointer-events: none;
}
.vitrine-measure-layer {
  position: absolute;
  inset: 0;
  /* Over the hotspots, which drei stacks from 0 to 100 in the same layer. */
  z-index: 101;
  pointer-events: none;
}
.vitrine-measure-label {
  display: block;
  /* Above the line, not on it: the line shows what was measured. */
  transform: translateY(-1.25rem);
  padding: 0.125rem 0.5rem;
  border-radius: 0.375rem;
  background: #b3261e;
  color: #fff;
  font: 600 0.8125rem/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  white-space: nowrap;
  font-variant-numeric: tabular-nums;
}
.vitrine-status {
  position: absolute;
  left: 50%;
  transform: translateX(-50%);
  z-index: 3;
  margin: 0;
  padding: 0.5rem 0.875rem;
  border-radius: 0.75rem;
  background: rgba(255, 255, 255, 0.92);
  color: #2b2722;
  font: 500 0.875rem/1.3 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  text-align: center;
  max-width: 90%;
  box-shadow: 0 1px 2px rgba(43, 39, 34, 0.12);
}
.vitrine-status[data-over='empty'] { top: 50%; transform: translate(-50%, -50%); }
/* Over a preview: just above the toolbar, clear of the corners other overlays use. */
.vitrine-status[data-over='preview'] { bottom: 4.5rem; }
.vitrine-progress {
  display: block;
  height: 3px;
  margin-top: 0.375rem;
  border-radius: 3px;
  background: rgba(43, 39, 34, 0.12);
  overflow: hidden;
}
.vitrine-progress > span {
  display: block;
  height: 100%;
  background: #7a3b1d;
  transition: width 0.2s linear;
}
@media (pointer: coarse) {
  .vitrine-tool { min-height: 2.75rem; min-width: 2.75rem; }
}
@media (prefers-reduced-motion: reduce) {
  .vitrine-progress > span { transition: none; }
}
/* On a phone the actions keep their icon; the name stays for screen readers. */
@container (max-width: 30rem) {
  .vitrine-tool[data-icon] { padding: 0 0.625rem; }
  .vitrine-tool[data-icon] .vitrine-tool-name {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .vitrine-tool { padding: 0 0.625rem; }
}
`;

/** Mount once anywhere in the viewer's DOM. */
export function ViewerStyles() {
  return (
    <style href="vitrine-viewer" precedence="default">
      {CSS}
    </style>
  );
}
