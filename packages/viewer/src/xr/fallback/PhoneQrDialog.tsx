import { useEffect, useId, useRef } from 'react';
import type { ViewerMessages } from '../../i18n/messages.js';
import { QrCode } from './QrCode.js';

export interface PhoneQrDialogProps {
  /** The AR link the code carries. */
  url: string;
  messages: ViewerMessages;
  /** Called once the dialog has closed, by its button or by Escape. */
  onClose: () => void;
}

/**
 * The QR code for a phone, in a native modal dialog: the browser keeps focus inside it,
 * closes it on Escape and makes the page behind it inert. The link is written out under
 * the code for people who would rather copy it. Loaded on demand by PhoneQrButton, with
 * the QR encoder, so neither is in the viewer's first download.
 */
export function PhoneQrDialog({ url, messages, onClose }: PhoneQrDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const hintId = useId();

  useEffect(() => {
    // Opened once, when mounted; the opener unmounts it after `close`. Checking `open`
    // keeps React's development double effect from a second showModal, which throws.
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="vitrine-qr-dialog"
      aria-labelledby={titleId}
      aria-describedby={hintId}
      onClose={onClose}
    >
      <h2 id={titleId}>{messages.viewOnPhone}</h2>
      <p id={hintId}>{messages.viewOnPhoneHint}</p>
      <QrCode text={url} label={messages.qrCodeLabel} />
      <p>{messages.viewOnPhoneLink}</p>
      <p className="vitrine-qr-url" translate="no">
        {url}
      </p>
      <button type="button" className="vitrine-tool vitrine-qr-close" onClick={() => dialog.current?.close()}>
        {messages.closeDialog}
      </button>
    </dialog>
  );
}
