import type { ViewerMessages } from '../i18n/messages.js';
import { loadXrSession } from './load-xr-session.js';
import type { XrSupport } from './useXrSupport.js';

export interface XrEntryButtonsProps {
  support: XrSupport;
  messages: ViewerMessages;
  onEnter: (mode: 'vr' | 'ar') => void;
}

/**
 * "Enter VR" and "View in your room", each shown only where WebXR says the mode is
 * supported. Pointing at or focusing one starts loading the XR chunk, so that the click
 * can ask for the session at once, within the browser's user-activation window.
 */
export function XrEntryButtons({ support, messages, onEnter }: XrEntryButtonsProps) {
  const prefetch = () => void loadXrSession().catch(() => {});
  const offered = (['vr', 'ar'] as const).filter((mode) => support[mode]);
  return (
    <>
      {offered.map((mode) => (
        <button
          key={mode}
          type="button"
          className="vitrine-tool"
          data-xr-enter={mode}
          onPointerEnter={prefetch}
          onFocus={prefetch}
          onClick={() => onEnter(mode)}
        >
          {mode === 'vr' ? messages.enterVr : messages.viewInAr}
        </button>
      ))}
    </>
  );
}
