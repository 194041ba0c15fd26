import type { Document } from '@gltf-transform/core';
import type { ScanSource } from './file-chunks.js';

/**
 * Receives one line for the curator about something a reader repaired or left out (a
 * missing texture, faces that pointed nowhere). Reading goes on: the result is still right,
 * only less complete, and the caller decides how to show it.
 */
export type Warn = (message: string) => void;

/** Turns one scan file into a Document, reading it in chunks, or fails with a ScanError. */
export type Reader = (source: ScanSource, warn: Warn) => Promise<Document>;
