import { useRef, useState } from 'react';
import type { ViewerMessages } from '../../i18n/messages.js';
import type * as PhoneQrDialogModule from './PhoneQrDialog.js';

export interface PhoneQrButtonProps {
  /** The AR link the QR code carries. */
  url: string;
  messages: ViewerMessages;
}

/**
 * "View on your phone": opens the QR code dialog, loading it (and the QR encoder) the
 * first time it is asked for. When the dialog closes, focus comes back here, so a
 * keyboard user carries on where they were.
 */
export function PhoneQrButton({ url, messages }: PhoneQrButtonProps) {
  const opener = useRef<HTMLButtonElement>(null);
  const [Dialog, setDialog] = useState<typeof PhoneQrDialogModule.PhoneQrDialog>();
  const [open, setOpen] = useState(false);
  const [loading, setLoading] = useState(false);

  const show = () => {
    if (Dialog) {
      setOpen(true);
      return;
    }
    setLoading(true);
    loadPhoneQrDialog().then(
      (module) => {
        setDialog(() => module.PhoneQrDialog);
        setOpen(true);
        setLoading(false);
      },
      // The chunk did not arrive (offline): the button stays, and the next press tries again.
      () => setLoading(false),
    );
  };
  const hide = () => {
    setOpen(false);
    opener.current?.focus();
  };

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="vitrine-tool"
        data-icon=""
        aria-haspopup="dialog"
        aria-busy={loading || undefined}
        onClick={show}
      >
        <PhoneIcon />
        <span className="vitrine-tool-name">{messages.viewOnPhone}</span>
      </button>
      {open && Dialog ? <Dialog url={url} messages={messages} onClose={hide} /> : null}
    </>
  );
}

let dialogModule: Promise<typeof PhoneQrDialogModule> | undefined;

/** One request however often the button is pressed; forgotten on failure so a retry can succeed. */
function loadPhoneQrDialog() {
  dialogModule ??= import('./PhoneQrDialog.js').catch((error: unknown) => {
    dialogModule = undefined;
    throw error;
  });
  return dialogModule;
}

function PhoneIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" aria-hidden="true">
      <rect x="6.5" y="2.5" width="11" height="19" rx="2.2" />
      <path d="M10.5 18.5h3" strokeLinecap="round" />
    </svg>
  );
}
