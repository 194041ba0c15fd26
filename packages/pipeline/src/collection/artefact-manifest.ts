import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ARTEFACT_FILE, artefactSchema, type Artefact } from '@vitrine/core';

/** An artefact's manifest as it is in the collection, or undefined when it has none (or none valid). */
export async function readArtefactManifest(collection: string, id: string): Promise<Artefact | undefined> {
  try {
    const text = await readFile(path.join(collection, id, ARTEFACT_FILE), 'utf8');
    const parsed = artefactSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The manifest's text as the collection stores it. */
export function encodeArtefactManifest(artefact: Artefact): string {
  return `${JSON.stringify(artefactSchema.parse(artefact), null, 2)}\n`;
}
