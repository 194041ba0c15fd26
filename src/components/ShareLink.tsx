import { useId, useState } from 'react';
import { useTranslation } from '../i18n/index.js';

/**
 * The link to this artefact (open at the visitor's annotation), written out so anyone can
 * select it, with a copy button and, on phones that have one, the system's share sheet.
 */
export function ShareLink({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  const canShare = typeof navigator.share === 'function';

  const copy = () => {
    // Without clipboard permission (some kiosks, old browsers) the visitor is told to copy by hand.
    if (!navigator.clipboard) {
      setStatus('failed');
      return;
    }
    navigator.clipboard.writeText(url).then(
      () => setStatus('copied'),
      () => setStatus('failed'),
    );
  };
  const share = () => {
    // A dismissed share sheet rejects; there is nothing to tell the visitor then.
    navigator.share({ title, url }).catch(() => {});
  };

  return (
    <div className="share-link" data-share="">
      <label htmlFor={id}>{t('share.label')}</label>
      <div className="share-row">
        <input
          id={id}
          type="url"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          onChange={() => setStatus('idle')}
        />
        <button type="button" onClick={copy}>
          {t('share.copy')}
        </button>
        {canShare && (
          <button type="button" onClick={share}>
            {t('share.share')}
          </button>
        )}
      </div>
      <p role="status" className="share-status">
        {status === 'copied' ? t('share.copied') : status === 'failed' ? t('share.copyFailed') : ''}
      </p>
    </div>
  );
}
