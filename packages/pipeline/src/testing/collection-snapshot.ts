import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Every file under a folder with its sha256, to prove a failed ingest changed nothing. */
export function snapshotFolder(folder: string): Record<string, string> {
  if (!existsSync(folder)) return {};
  const snapshot: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    snapshot[path.relative(folder, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
  }
  return snapshot;
}
