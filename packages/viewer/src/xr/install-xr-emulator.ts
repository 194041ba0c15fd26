import type { XRDevice } from 'iwer';

/** The emulated headsets a page can ask for with `?emulate=<name>`. */
export const XR_EMULATORS = ['quest3'] as const;
export type XrEmulatorName = (typeof XR_EMULATORS)[number];

declare global {
  interface Window {
    /**
     * The emulated headset, while `?emulate=` is on: for a developer's console and for tests,
     * which drive it with `vitrineXrEmulator.remote.dispatch(…)`.
     */
    vitrineXrEmulator?: XRDevice;
  }
}

/**
 * Installs Meta's Immersive Web Emulation Runtime as the page's WebXR: a Quest 3 with Touch
 * Plus controllers, its developer panel (move the headset and controllers with mouse and
 * keyboard), and a synthetic room (office_small: floor, walls and a table, with plane
 * detection and hit-test) for AR. So a curator or developer can try VR and AR on a desktop
 * browser. Only ever called for an explicit `?emulate=` (see `xrEmulatorRequested`); the
 * three packages are a chunk of their own that no other page loads.
 *
 * The room is loaded from the package's own copy (ES build), never from a CDN.
 */
export async function installXrEmulator(name: XrEmulatorName): Promise<XRDevice> {
  if (window.vitrineXrEmulator) return window.vitrineXrEmulator;
  const [{ XRDevice, metaQuest3 }, { SyntheticEnvironmentModule }, { DevUI }] = await Promise.all([
    import('iwer'),
    import('@iwer/sem'),
    import('@iwer/devui'),
  ]);
  const configs = { quest3: metaQuest3 } satisfies Record<XrEmulatorName, unknown>;
  const device = new XRDevice(configs[name]);
  // A headset's own standing height, looking at where the artefact stands.
  device.position.set(0, 1.6, 0);
  // Over Chromium's own navigator.xr, which on a desktop offers no session anyway.
  device.installRuntime({ forceInstall: true });
  device.installDevUI(DevUI);
  device.installSEM(SyntheticEnvironmentModule);
  // Typed as void by iwer, but the ES build returns the import's promise.
  await Promise.resolve(device.sem?.loadDefaultEnvironment('office_small'));
  window.vitrineXrEmulator = device;
  return device;
}

/** The emulator a page's address asks for (`?emulate=quest3`), if any. Nothing else turns it on. */
export function xrEmulatorRequested(search: string): XrEmulatorName | undefined {
  const value = new URLSearchParams(search).get('emulate');
  return XR_EMULATORS.find((name) => name === value);
}
