import { createContext, useContext } from 'react';
import type { KioskSettings } from './kiosk-settings.js';

export interface KioskState {
  settings: KioskSettings;
  /** Nobody is there: the idle loop is showing the artefacts. */
  attract: boolean;
  /** Counts the artefacts the idle loop has shown, so each is shown afresh (view reset, panel closed). */
  cycle: number;
  /** The artefact page says its viewer has finished loading `id` (shown, or failed): its time in the loop starts. */
  onArtefactSettled: (id: string) => void;
}

/** The kiosk's state for the pages; `undefined` on an ordinary visit. */
export const KioskContext = createContext<KioskState | undefined>(undefined);

export function useKiosk(): KioskState | undefined {
  return useContext(KioskContext);
}
