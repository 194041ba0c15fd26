import { installXrEmulator, xrEmulatorRequested } from '@vitrine/viewer';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { offlineRequested } from './offline/offline-requested.js';
import './styles.css';

// `?emulate=quest3`: an emulated headset for trying VR and AR on a desktop browser. It is
// installed before anything asks WebXR what it supports, and never without the flag.
const emulator = xrEmulatorRequested(window.location.search);
if (emulator) await installXrEmulator(emulator);
// Loaded only for a kiosk: a visitor's phone never needs the caching code.
if (offlineRequested(window.location.search))
  void import('./offline/register-offline.js').then((offline) => offline.registerOfflineSupport());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
