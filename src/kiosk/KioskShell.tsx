import type { Collection } from '@vitrine/core';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { browserLanguage, useTranslation } from '../i18n/index.js';
import { hrefFor } from '../routing.js';
import { KioskContext, type KioskState } from './KioskContext.js';
import type { KioskSettings } from './kiosk-settings.js';
import { PRESENCE_EVENTS, useIdleTimer } from './useIdleTimer.js';
import { useNoLinksOut } from './useNoLinksOut.js';

export interface KioskShellProps {
  settings: KioskSettings;
  collection: Collection;
  /** The artefact on show now, if a page shows one. */
  artefactId: string | undefined;
  children: ReactNode;
}

/**
 * A gallery installation around the app: fullscreen from the first touch, no links out,
 * and when nobody has touched it for a while, it starts again: the language goes back to
 * the browser's, and an idle loop shows the artefacts one after another (turning slowly, or
 * playing their tours) until someone touches the screen. The root element says which:
 * `data-kiosk="on"` or `"attract"`.
 */
export function KioskShell({ settings, collection, artefactId, children }: KioskShellProps) {
  const { i18n } = useTranslation();
  const [attract, setAttract] = useState(false);
  const [cycle, setCycle] = useState(0);
  const ids = useMemo(() => collection.artefacts.map((entry) => entry.id), [collection]);
  useNoLinksOut(true);
  useFullscreenOnFirstTouch();
  // main.tsx starts this at once for `?kiosk`; a collection that is always a kiosk starts it here (once either way).
  useEffect(
    () => void import('../offline/register-offline.js').then((offline) => offline.registerOfflineSupport()),
    [],
  );

  const show = useCallback((id: string | undefined) => {
    if (!id) return;
    window.history.replaceState(null, '', hrefFor({ page: 'artefact', id }));
    window.dispatchEvent(new PopStateEvent('popstate'));
    setCycle((count) => count + 1);
  }, []);

  const startOver = useCallback(() => {
    void i18n.changeLanguage(browserLanguage());
    setAttract(true);
    show(ids[0]);
  }, [i18n, ids, show]);
  useIdleTimer(settings.idleMs, startOver, !attract);

  // In the idle loop each artefact stays attractMs once it is on screen (a slow device must
  // not move on before it has been seen); any touch ends the loop where it is.
  const [settledId, setSettledId] = useState<string>();
  useEffect(() => {
    if (!attract || !artefactId || settledId !== artefactId) return;
    const next = window.setTimeout(() => show(ids[(ids.indexOf(artefactId) + 1) % ids.length]), settings.attractMs);
    return () => window.clearTimeout(next);
  }, [attract, artefactId, settledId, cycle, ids, settings.attractMs, show]);
  useEffect(() => {
    if (!attract) return;
    const wake = () => setAttract(false);
    for (const type of PRESENCE_EVENTS) window.addEventListener(type, wake, { capture: true, passive: true });
    return () => {
      for (const type of PRESENCE_EVENTS) window.removeEventListener(type, wake, { capture: true });
    };
  }, [attract]);

  useEffect(() => {
    document.documentElement.dataset.kiosk = attract ? 'attract' : 'on';
    return () => void delete document.documentElement.dataset.kiosk;
  }, [attract]);

  const state = useMemo<KioskState>(
    () => ({ settings, attract, cycle, onArtefactSettled: setSettledId }),
    [settings, attract, cycle],
  );
  return (
    <KioskContext value={state}>
      {children}
      {attract && artefactId && <AttractHint />}
    </KioskContext>
  );
}

function AttractHint() {
  const { t } = useTranslation();
  return (
    <p className="attract-hint" role="status">
      {t('kiosk.touchToExplore')}
    </p>
  );
}

/** Browsers allow fullscreen only from a visitor's gesture: the first touch asks for it. */
function useFullscreenOnFirstTouch(): void {
  useEffect(() => {
    const enter = () => {
      if (!document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => {});
    };
    window.addEventListener('pointerdown', enter, { once: true, capture: true });
    return () => window.removeEventListener('pointerdown', enter, { capture: true });
  }, []);
}
