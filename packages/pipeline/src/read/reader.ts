import type { Document } from '@gltf-transform/core';

/**
 * Receives one line for the curator about something a reader repaired or left out (a
 * missing texture, faces that pointed nowhere). Reading goes on: the result is still right,
 * only less complete, and the caller decides how to show it.
 */
export type Warn = (message: string) => void;

/** Turns one scan file into a Document, or fails with a ScanError. */
export type Reader = (file: string, bytes: Uint8Array, warn: Warn) => Promise<Document>;
