import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hashSourceFiles } from '@vitrine/cli/node';

/**
 * A hash of the pipeline's and core's code. Ingest's own key covers a source and its
 * options, not the code that derives it: a collection built by older code is rebuilt
 * (`force`) when this differs from the key stamped beside it.
 */
export function pipelineCodeKey(root: string): Promise<string> {
  return hashSourceFiles(
    [path.join(root, 'packages/pipeline/src'), path.join(root, 'packages/core/src')],
    root,
    /\.(ts|json)$/,
  );
}

/** The key stamped in `file` by writeStamp, or undefined when there is none (or it is unreadable). */
export async function readStamp(file: string): Promise<string | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { key?: string }).key;
  } catch {
    return undefined;
  }
}

export async function writeStamp(file: string, key: string): Promise<void> {
  await writeFile(file, JSON.stringify({ key }));
}
