import { useId } from 'react';
import type { ViewerMessages } from '../../i18n/messages.js';

export interface SceneViewerLinkProps {
  /** The Scene Viewer intent (see sceneViewerHref). */
  href: string;
  messages: ViewerMessages;
}

/**
 * A plain link to the Scene Viewer intent: Chrome on Android hands `intent://` links to
 * the app they name, and a link, unlike a script, works from the keyboard and shows its
 * target to whoever long-presses it.
 */
export function SceneViewerLink({ href, messages }: SceneViewerLinkProps) {
  const hintId = useId();
  return (
    <>
      <a href={href} className="vitrine-tool" data-icon="" aria-describedby={hintId}>
        <ArIcon />
        <span className="vitrine-tool-name">{messages.viewInAr}</span>
      </a>
      <span id={hintId} hidden>
        {messages.viewInArHint}
      </span>
    </>
  );
}

function ArIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
      <path d="M12 3 4.5 7.2v9.6L12 21l7.5-4.2V7.2z" strokeLinejoin="round" />
      <path d="m4.5 7.2 7.5 4.2 7.5-4.2M12 11.4V21" strokeLinejoin="round" />
    </svg>
  );
}
