import type { ViewerMessages } from '../i18n/messages.js';

export interface LoadingIndicatorProps {
  messages: ViewerMessages;
  /** Share of the derivative downloaded, 0–1, when the size is known. */
  progress?: number;
  /** Whether a preview (the thumb) is already on screen: the indicator then moves out of the way. */
  overPreview: boolean;
  /** The model is downloaded and waits for its studio light (see StudioEnvironment): no bar, nothing left to download. */
  lighting?: boolean;
}

/**
 * Says that the model is loading and how far it has got, in words (a status region for
 * screen readers) and as a bar. Over a preview it moves down, above the toolbar.
 */
export function LoadingIndicator({ messages, progress, overPreview, lighting = false }: LoadingIndicatorProps) {
  if (lighting) {
    return (
      <p role="status" className="vitrine-status" data-over={overPreview ? 'preview' : 'empty'}>
        {messages.loadingLight}
      </p>
    );
  }
  // Over a preview the bar shows from the start: the visitor sees that more is coming.
  const share = progress ?? (overPreview ? 0 : undefined);
  const percent = share === undefined ? undefined : Math.round(share * 100);
  const text =
    percent === undefined
      ? messages.loading
      : overPreview
        ? messages.loadingPreview(percent)
        : messages.loadingPercent(percent);
  return (
    <p role="status" className="vitrine-status" data-over={overPreview ? 'preview' : 'empty'}>
      {text}
      {percent !== undefined && (
        <span className="vitrine-progress" aria-hidden="true">
          <span style={{ width: `${percent}%` }} />
        </span>
      )}
    </p>
  );
}
