import { COMPACT_MAX_WIDTH_PX, PANEL_MAX_SHARE, PANEL_MAX_WIDTH_PX } from './panel-layout.js';

/**
 * The annotations' stylesheet. The viewer is embedded in pages it does not control, so it
 * brings its own rules, all under `vitrine-` class names. A stylesheet rather than inline
 * styles because focus rings, touch-sized targets, reduced motion and the phone layout
 * need selectors, media and container queries. The overlay is a size container: the
 * layout follows the viewer's own width, not the window's.
 */

export const ANNOTATION_STYLES = `
.vitrine-annotations {
  position: absolute;
  inset: 0;
  z-index: 50;
  pointer-events: none;
  container-type: size;
  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: #1f1d1a;
}
.vitrine-hotspot-layer {
  position: absolute;
  inset: 0;
  z-index: 2;
  pointer-events: none;
  /* clip, not hidden: a focused hotspot must not scroll the layer off the canvas. */
  overflow: clip;
}
.vitrine-annotation-bar {
  position: absolute;
  top: 0.75rem;
  left: 0.75rem;
  right: 0.75rem;
  display: flex;
  flex-wrap: wrap;
  align-items: flex-start;
  /* At the right, with the panel below: the annotations' controls stay together, and the
     rest of the stage (its left side, where a visitor's eye starts) stays free. */
  justify-content: flex-end;
  gap: 0.5rem;
}
.vitrine-annotation-layers,
.vitrine-annotation-tour,
.vitrine-annotation-panel {
  pointer-events: auto;
}
.vitrine-annotations :focus-visible,
.vitrine-hotspot:focus-visible {
  outline: 3px solid #1a5fb4;
  outline-offset: 2px;
}
.vitrine-annotation-layers,
.vitrine-annotation-tour {
  margin: 0;
  background: rgba(255, 255, 255, 0.94);
  border: 1px solid rgba(0, 0, 0, 0.12);
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15);
}
.vitrine-annotation-layers {
  min-width: 0;
  padding: 0.3rem 0.75rem 0.35rem;
  border-radius: 0.5rem;
}
.vitrine-annotation-layers legend {
  float: left;
  width: 100%;
  padding: 0;
  font-size: 0.8rem;
  font-weight: 600;
  color: #4a463f;
}
/* Cleared below the floated legend, so that the box is as wide as its widest line. */
.vitrine-annotation-layer-list {
  clear: both;
  display: flex;
  flex-wrap: wrap;
  gap: 0 0.9rem;
}
.vitrine-annotation-layers label {
  display: inline-flex;
  align-items: center;
  gap: 0.35rem;
  min-height: 1.75rem;
  cursor: pointer;
}
.vitrine-annotation-swatch {
  width: 0.8rem;
  height: 0.8rem;
  border-radius: 50%;
}
.vitrine-annotation-tour {
  display: flex;
  align-items: center;
  gap: 0.25rem;
  padding: 0.25rem;
  border-radius: 999px;
}
.vitrine-annotation-tour button,
.vitrine-annotation-close {
  display: grid;
  place-items: center;
  width: 2.25rem;
  height: 2.25rem;
  padding: 0;
  border: 0;
  border-radius: 50%;
  background: transparent;
  color: inherit;
  font: inherit;
  font-size: 1.35rem;
  line-height: 1;
  cursor: pointer;
}
.vitrine-annotation-tour button:hover,
.vitrine-annotation-close:hover {
  background: rgba(0, 0, 0, 0.08);
}
.vitrine-annotation-tour button[data-playing] {
  font-size: 0.95rem;
}
.vitrine-annotation-position {
  padding: 0 0.6rem 0 0.25rem;
  font-size: 0.85rem;
  white-space: nowrap;
}
.vitrine-annotation-position:empty {
  display: none;
}
/* Below the bar, above the viewer's own toolbar at the bottom centre. */
.vitrine-annotation-panel {
  position: absolute;
  top: 3.75rem;
  right: 0.75rem;
  width: min(${PANEL_MAX_WIDTH_PX}px, ${PANEL_MAX_SHARE * 100}%);
  max-height: calc(100% - 8rem);
  overflow: auto;
  overscroll-behavior: contain;
  padding: 0.75rem 1rem 1rem;
  border-radius: 0.75rem;
  background: #fff;
  box-shadow: 0 4px 18px rgba(0, 0, 0, 0.22);
}
.vitrine-annotation-panel-header {
  display: flex;
  align-items: flex-start;
  gap: 0.6rem;
}
.vitrine-annotation-panel h2 {
  flex: 1;
  margin: 0.2rem 0 0;
  font-size: 1.15rem;
  line-height: 1.3;
}
.vitrine-annotation-number {
  flex: none;
  display: grid;
  place-items: center;
  width: 1.75rem;
  height: 1.75rem;
  margin-top: 0.05rem;
  border-radius: 50%;
  font-weight: 700;
  font-size: 0.9rem;
}
.vitrine-annotation-close {
  flex: none;
  margin: -0.25rem -0.5rem 0 0;
}
.vitrine-annotation-text p,
.vitrine-annotation-text ul {
  margin: 0.6rem 0 0;
}
.vitrine-annotation-text ul {
  padding-left: 1.25rem;
}
.vitrine-annotation-text a {
  color: #1a5fb4;
}
.vitrine-annotation-panel figure {
  margin: 0.75rem 0 0;
}
.vitrine-annotation-panel img {
  display: block;
  max-width: 100%;
  max-height: 11rem;
  height: auto;
  margin: 0 auto;
  border-radius: 0.35rem;
}
.vitrine-annotation-panel audio {
  display: block;
  width: 100%;
  margin-top: 0.75rem;
}
.vitrine-hotspot {
  pointer-events: auto;
  box-sizing: border-box;
  display: grid;
  place-items: center;
  width: 2rem;
  height: 2rem;
  padding: 0;
  border: 2px solid #fff;
  border-radius: 50%;
  font: 700 0.9rem/1 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.5);
  cursor: pointer;
  transition: opacity 0.2s, transform 0.2s;
}
.vitrine-hotspot[hidden] {
  display: none;
}
.vitrine-hotspot[aria-expanded='true'] {
  transform: scale(1.2);
  box-shadow: 0 0 0 3px rgba(255, 255, 255, 0.9), 0 2px 8px rgba(0, 0, 0, 0.5);
}
.vitrine-hotspot[data-occluded='true'] {
  opacity: 0.35;
  pointer-events: none;
  box-shadow: none;
}
@media (pointer: coarse) {
  .vitrine-hotspot {
    width: 2.75rem;
    height: 2.75rem;
  }
}
@media (prefers-reduced-motion: reduce) {
  .vitrine-hotspot {
    transition: none;
  }
}
/* On a phone the panel is a sheet over the lower part of the stage, above the toolbar. */
@container (max-width: ${COMPACT_MAX_WIDTH_PX}px) {
  .vitrine-annotation-bar {
    top: 0.5rem;
    left: 0.5rem;
    right: 0.5rem;
  }
  .vitrine-annotation-panel {
    top: auto;
    left: 0.5rem;
    right: 0.5rem;
    bottom: 4.25rem;
    width: auto;
    max-height: 50%;
  }
}
`;
