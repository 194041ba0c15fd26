import type { CSSProperties } from 'react';
import type { ViewerMessages } from '../i18n/messages.js';
import { ArtefactLoadError } from './artefact-load-error.js';

export interface LoadErrorMessageProps {
  error: Error;
  messages: ViewerMessages;
  onRetry: () => void;
}

/** Why the artefact could not be shown, in the visitor's words, with a button to try again. */
export function LoadErrorMessage({ error, messages, onRetry }: LoadErrorMessageProps) {
  return (
    <div role="alert" style={overlayStyle}>
      <p>
        {messages.errorTitle} {errorReason(error, messages)}
      </p>
      <button type="button" onClick={onRetry}>
        {messages.retry}
      </button>
    </div>
  );
}

function errorReason(error: Error, messages: ViewerMessages): string {
  if (error instanceof ArtefactLoadError) {
    if (error.kind === 'not-found') return messages.errorNotFound;
    if (error.kind === 'network') return messages.errorNetwork;
  }
  return messages.errorInvalid;
}

const overlayStyle: CSSProperties = {
  position: 'absolute',
  inset: 'auto 0 1rem 0',
  margin: '0 auto',
  width: 'fit-content',
  maxWidth: '90%',
  padding: '0.5rem 1rem',
  borderRadius: '0.5rem',
  background: 'rgba(255,255,255,0.92)',
  color: '#222',
  textAlign: 'center',
};
