import { chromium, type Browser, type LaunchOptions } from 'playwright-core';
import { ensureChromium } from './find-chromium.js';

/**
 * Flags for headless Chromium with WebGL2 on the CPU (SwiftShader through ANGLE), and
 * without the background traffic that a closed network answers with errors. Chromium's
 * own WebXR is disabled so that the IWER emulator can install itself in XR tests.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-blink-features=WebXR',
];

export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({
    executablePath: options.executablePath ?? ensureChromium(),
    headless: true,
    // Chromium refuses its sandbox as root (containers, CI); elsewhere keep it.
    chromiumSandbox: !isRoot,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}
