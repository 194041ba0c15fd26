import type { ReactNode } from 'react';
import type { ViewerMessages } from '../i18n/messages.js';
import { RENDER_MODES } from '../stage/useRenderMode.js';
import type { ViewerTools } from './useViewerTools.js';

export interface ViewerToolbarProps {
  tools: ViewerTools;
  messages: ViewerMessages;
  /** The measured distance as the visitor reads it (formatted in their locale). */
  measureLabel?: string;
  /** Something the visitor should read in the live region (an immersive session that failed). */
  notice?: string;
  /** More buttons at the end of the bar (entering VR or AR). */
  children?: ReactNode;
}

/**
 * The controls over the stage: render mode, measure and reset view, each a real button
 * with a name, reachable with the keyboard and large enough for a finger. A live region
 * above them tells what measuring expects and what it found.
 */
export function ViewerToolbar({ tools, messages, measureLabel, notice, children }: ViewerToolbarProps) {
  const readout = notice
    ? notice
    : !tools.measuring
      ? ''
      : measureLabel
        ? messages.measureResult(measureLabel)
        : tools.centreMissed
          ? messages.measureMissed
          : tools.measurePoints.length === 1
            ? messages.measureNext
            : messages.measureHint;
  return (
    <>
      {/* Where Enter on the focused stage marks a point: the centre of the view. */}
      {tools.aiming && <span className="vitrine-centre-mark" aria-hidden="true" />}
      <div className="vitrine-tools">
        <p className="vitrine-readout" aria-live="polite" data-measured-metres={tools.measuredMetres}>
          {readout}
        </p>
        <div className="vitrine-toolbar" role="group" aria-label={messages.viewTools}>
          <div role="group" aria-label={messages.renderMode}>
            {RENDER_MODES.map((mode) => (
              <button
                key={mode}
                type="button"
                className="vitrine-tool"
                aria-pressed={tools.renderMode === mode}
                onClick={() => tools.setRenderMode(mode)}
              >
                {messages.renderModeNames[mode]}
              </button>
            ))}
          </div>
          <span className="vitrine-divider" aria-hidden="true" />
          <button
            type="button"
            className="vitrine-tool"
            data-icon=""
            aria-pressed={tools.measuring}
            onClick={tools.toggleMeasuring}
          >
            <RulerIcon />
            <span className="vitrine-tool-name">{messages.measure}</span>
          </button>
          <button type="button" className="vitrine-tool" data-icon="" onClick={tools.resetView}>
            <ResetIcon />
            <span className="vitrine-tool-name">{messages.resetView}</span>
          </button>
          {children}
        </div>
      </div>
    </>
  );
}

function RulerIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
      <path d="M3 16.5 16.5 3 21 7.5 7.5 21z" strokeLinejoin="round" />
      <path d="m7 13 2 2m1-5 2 2m1-5 2 2" strokeLinecap="round" />
    </svg>
  );
}

function ResetIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
      <path d="M4.5 12a7.5 7.5 0 1 0 2.2-5.3" strokeLinecap="round" />
      <path d="M4 4v4h4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
