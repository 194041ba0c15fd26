// Builds the built-in sample collection: generates the sample scans (when missing or when
// the generator changed) and ingests them with the real pipeline (which skips what has not
// changed). `npm start` and the browser tests call this; `npm run samples` runs it alone.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { languageTextSchema, lengthUnitSchema } from '@vitrine/core';
import { SUPPORTED_EXTENSIONS, ingest } from '@vitrine/pipeline';
import { hashSourceFiles } from '@vitrine/cli/node';
import { renderPoster } from '@vitrine/cli/node';
import { pipelineCodeKey, readStamp, writeStamp } from './code-stamp.js';
import { generateSamples } from '../samples/generate.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLES_DIR = path.join(ROOT, '.cache/samples');
export const COLLECTION_DIR = path.join(ROOT, 'public/collection');
const RECIPE = path.join(ROOT, 'assets/samples/collection.json');

const recipeSchema = z.object({
  artefacts: z.array(
    z.object({
      id: z.string(),
      file: z.string(),
      title: languageTextSchema,
      creator: z.optional(languageTextSchema),
      description: z.optional(languageTextSchema),
      date: z.string().optional(),
      accessionNumber: z.string().optional(),
      tags: z.array(z.string()).optional(),
      license: z.string().optional(),
      attribution: z.string().optional(),
      units: lengthUnitSchema,
      up: z.enum(['y', 'z']),
      /** The curator's annotations.json, relative to the recipe. */
      annotations: z.string().optional(),
    }),
  ),
});

export interface PrepareOptions {
  log?: (line: string) => void;
}

/** Makes sure public/collection holds the sample collection built by the current code. */
export async function prepareSampleCollection(options: PrepareOptions = {}): Promise<string> {
  const log = options.log ?? (() => {});
  const generatorKey = await hashSourceFiles([path.join(ROOT, 'tools/samples')], ROOT, /\.(ts|json)$/);
  const stampFile = path.join(SAMPLES_DIR, 'stamp.json');
  if ((await readStamp(stampFile)) !== generatorKey) {
    log('Generating the sample scans…');
    await mkdir(SAMPLES_DIR, { recursive: true });
    await generateSamples(SAMPLES_DIR);
    await writeStamp(stampFile, generatorKey);
  }
  // Editing a transform rebuilds the collection on the next start (see pipelineCodeKey).
  const pipelineKey = await pipelineCodeKey(ROOT);
  const collectionStampFile = path.join(SAMPLES_DIR, 'collection-stamp.json');
  const force = (await readStamp(collectionStampFile)) !== pipelineKey;
  const recipe = recipeSchema.parse(JSON.parse(await readFile(RECIPE, 'utf8')));
  for (const entry of recipe.artefacts) {
    const extension = path.extname(entry.file).slice(1).toLowerCase();
    if (!SUPPORTED_EXTENSIONS.includes(extension)) {
      log(`Skipping ${entry.file}: the pipeline does not read .${extension} yet`);
      continue;
    }
    const result = await ingest({
      file: path.join(SAMPLES_DIR, entry.file),
      collection: COLLECTION_DIR,
      id: entry.id,
      title: entry.title,
      creator: entry.creator,
      description: entry.description,
      date: entry.date,
      accessionNumber: entry.accessionNumber,
      tags: entry.tags,
      license: entry.license,
      attribution: entry.attribution,
      size: { kind: 'units', unit: entry.units },
      up: entry.up,
      annotations: entry.annotations && path.join(path.dirname(RECIPE), entry.annotations),
      force,
      renderPoster,
      onStep: (step) => log(`${entry.id}: ${step}`),
    });
    log(`${entry.id}: ${result.status}`);
    if (result.status === 'written')
      for (const warning of result.artefact.warnings) log(`${entry.id}: warning: ${warning}`);
  }
  await writeStamp(collectionStampFile, pipelineKey);
  return COLLECTION_DIR;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await prepareSampleCollection({ log: (line) => console.log(line) });
  console.log(`Sample collection ready in ${COLLECTION_DIR} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
