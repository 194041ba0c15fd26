import type { Dimensions } from '@vitrine/core';
import { useCallback, useEffect, useRef } from 'react';
import type { Group } from 'three';
import type { ViewerMessages } from '../../i18n/messages.js';
import { formatDistance } from '../../measure/measurement.js';
import { useTwoFingerTwist } from '../../controls/useTwoFingerTwist.js';

export interface ArControlsProps {
  /** The DOM overlay's root: where two-finger twists are listened for. */
  root: HTMLElement;
  artefact: Group;
  dimensions: Dimensions;
  locale: string;
  messages: ViewerMessages;
  placed: boolean;
  fit: boolean;
  languageChoices: readonly string[];
  language: string;
  onLanguage: (language: string) => void;
  onFit: (fit: boolean) => void;
  onPlaceAgain: () => void;
  onExit: () => void;
}

/**
 * The AR session's HTML controls, shown over the camera view through WebXR's DOM overlay:
 * what to do before placing, the "true size" label with the artefact's measurements, the
 * table-size toggle, placing again and leaving. A two-finger twist anywhere on the screen
 * turns the placed artefact. Taps on these controls are kept from also selecting in the
 * 3D scene (`beforexrselect`).
 */
export function ArControls(props: ArControlsProps) {
  const { root, artefact, dimensions, locale, messages, placed, fit } = props;
  const bar = useRef<HTMLDivElement>(null);
  useTwist(root, artefact, placed);
  useEffect(() => {
    const element = bar.current;
    if (!element) return;
    const keep = (event: Event) => event.preventDefault();
    element.addEventListener('beforexrselect', keep);
    return () => element.removeEventListener('beforexrselect', keep);
  }, []);
  const size = [dimensions.width, dimensions.height, dimensions.depth]
    .map((metres) => formatDistance(metres, locale))
    .join(' × ');
  return (
    <div className="vitrine-ar-controls" ref={bar} data-ar-placed={placed ? '' : undefined}>
      <style href="vitrine-ar-controls" precedence="default">
        {AR_CONTROLS_STYLES}
      </style>
      <p className="vitrine-readout" role="status" aria-live="polite">
        {placed ? (fit ? messages.arTableSize(size) : messages.arTrueSize(size)) : messages.arPlaceHint}
      </p>
      <div className="vitrine-toolbar" role="group" aria-label={messages.viewTools}>
        {placed && (
          <button type="button" className="vitrine-tool" aria-pressed={fit} onClick={() => props.onFit(!fit)}>
            {messages.arFit}
          </button>
        )}
        {placed && (
          <button type="button" className="vitrine-tool" onClick={props.onPlaceAgain}>
            {messages.arPlaceAgain}
          </button>
        )}
        <select
          className="vitrine-tool"
          aria-label={messages.xrLanguage}
          value={props.language}
          onChange={(event) => props.onLanguage(event.target.value)}
        >
          {props.languageChoices.map((choice) => (
            <option key={choice} value={choice}>
              {languageName(choice)}
            </option>
          ))}
        </select>
        <button type="button" className="vitrine-tool" onClick={props.onExit}>
          {messages.exitXr}
        </button>
      </div>
    </div>
  );
}

/**
 * The overlay fills the phone's screen over the camera view; the controls sit at the
 * bottom, within thumb reach, above the browser's own AR chrome.
 */
const AR_CONTROLS_STYLES = `
.vitrine-ar-overlay { position: fixed; inset: 0; font: 16px/1.4 system-ui, sans-serif; }
.vitrine-ar-controls { position: absolute; inset: auto 0 max(1rem, env(safe-area-inset-bottom)) 0;
  display: flex; flex-direction: column; align-items: center; gap: 0.5rem; }
.vitrine-ar-controls .vitrine-readout { position: static; }
.vitrine-ar-controls .vitrine-toolbar { position: static; flex-wrap: wrap; justify-content: center; }
`;

/** A language's name in itself ("français"), as language menus show them. */
function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Two fingers turning on the screen turn the artefact about its vertical axis, clockwise with them. */
function useTwist(root: HTMLElement, artefact: Group, enabled: boolean) {
  const turn = useCallback((angle: number) => (artefact.rotation.y -= angle), [artefact]);
  useTwoFingerTwist(root, turn, enabled);
}
