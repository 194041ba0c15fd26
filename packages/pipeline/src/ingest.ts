import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ARTEFACT_SCHEMA_VERSION,
  artefactIdSchema,
  artefactSchema,
  resolveProfiles,
  textIn,
  type Artefact,
  type Derivative,
  type DeviceProfile,
  type LanguageText,
} from '@vitrine/core';
import {
  ANNOTATIONS_FILE,
  annotationWarnings,
  readCuratorAnnotations,
  writeCuratorAnnotations,
} from './annotations-ingest.js';
import { checkImageSizes } from './check/check-image-sizes.js';
import { countTriangles } from './check/count.js';
import { describeScan } from './check/scan-report.js';
import { repairScan } from './repair.js';
import type { GeometryCompression } from './derive.js';
import { sha256 } from './sha256.js';
import { deriveWithinBudget } from './derive-within-budget.js';
import { readCollectionConfig } from './collection-config.js';
import { ScanError } from './errors.js';
import { normalize, type SizeHint } from './normalize.js';
import { readScan } from './read/index.js';
import { makeStagingFolder, recoverInterruptedReplacements, replaceFolder } from './write/atomic.js';
import { collectionEntryFor, upsertCollectionEntry } from './write/collection-index.js';

/** Bumped when the pipeline's output changes, so old ingests are redone. */
export const PIPELINE_VERSION = '0.1.0';

const POSTER_FILE = 'poster.webp';

export interface IngestOptions {
  /** The scan file the curator named. */
  file: string;
  /** The collection folder; created when missing. */
  collection: string;
  id?: string;
  /** The title: plain text in `language`, or already in several languages. */
  title?: string | LanguageText;
  description?: LanguageText;
  creator?: LanguageText;
  date?: string;
  accessionNumber?: string;
  tags?: string[];
  /** Language of a plain-text title (default en). */
  language?: string;
  license?: string;
  attribution?: string;
  size?: SizeHint;
  up?: 'y' | 'z';
  /**
   * The curator's annotations.json: validated, copied into the artefact as
   * annotations.json and named by the manifest. Its content is part of the ingest key.
   */
  annotations?: string;
  /** Redo the ingest even when source and options are unchanged. */
  force?: boolean;
  /** Profiles to derive; by default the collection's (vitrine.config.json) or the defaults. */
  profiles?: readonly DeviceProfile[];
  /** Geometry compression of the GLB derivatives: meshopt (default) or Draco. */
  compression?: GeometryCompression;
  /**
   * Renders poster.webp from a folder holding artefact.json and its derivatives. The
   * pipeline runs in Node and knows no browser: the caller (the CLI) brings one.
   */
  renderPoster?: PosterRenderer;
  /** Called as each step starts, for progress displays. */
  onStep?: (step: string) => void;
  /**
   * Add the artefact to index.json (default). A caller running several ingests at once
   * turns this off and updates the index itself, one artefact at a time.
   */
  updateIndex?: boolean;
}

export type PosterRenderer = (folder: string) => Promise<{ image: Uint8Array } | { skipped: string }>;

export interface IngestResult {
  id: string;
  status: 'written' | 'unchanged';
  artefact: Artefact;
}

/**
 * The whole flow for one scan: read, normalize, derive, write. The artefact is built in a
 * staging folder beside the collection and renamed into place, then index.json is
 * replaced atomically; a failure at any point leaves the collection as it was.
 */
export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const step = options.onStep ?? (() => {});
  const id = options.id ?? idFromFileName(options.file);
  if (!artefactIdSchema.safeParse(id).success) {
    throw new ScanError(
      `"${id}" cannot be an artefact id; use --id with lower-case letters, digits and dashes`,
      'invalid-options',
    );
  }
  const collection = path.resolve(options.collection);
  const profiles = options.profiles ?? resolveProfiles((await readCollectionConfig(collection)).profiles);

  // Refused before the scan is read: a typo in the annotations should cost no derive time.
  const annotations = options.annotations ? await readCuratorAnnotations(options.annotations) : undefined;

  step('read');
  const scan = await readScan(options.file);
  const ingestKey = sha256(
    JSON.stringify({
      source: sha256(scan.bytes),
      options: keyedOptions(options, id, annotations?.sha256),
      profiles,
      PIPELINE_VERSION,
    }),
  );
  const previous = await readExistingArtefact(collection, id);
  if (previous?.ingestKey === ingestKey && !options.force) {
    return { id, status: 'unchanged', artefact: previous };
  }
  // Annotations a curator wrote in `vitrine serve --edit` live only in the artefact's
  // folder: a re-ingest without --annotations carries them over instead of dropping them.
  const kept =
    !annotations && previous?.annotations
      ? await readCuratorAnnotations(path.join(collection, id, previous.annotations)).catch(() => undefined)
      : undefined;
  step('check');
  const report = describeScan(scan.document);
  const source = {
    file: path.basename(options.file),
    format: scan.format,
    bytes: scan.bytes.byteLength,
    sha256: sha256(scan.bytes),
    triangles: report.triangles,
    vertices: report.vertices,
    materials: report.materials,
    textures: report.textures,
  };
  checkImageSizes(scan.document, source.file);
  const warnings = [...scan.warnings, ...(await repairScan(scan.document, source.file))];
  if (countTriangles(scan.document) === 0) {
    throw new ScanError(
      `${source.file} has no triangles to show; export the mesh, not only points or lines`,
      'no-geometry',
    );
  }

  step('normalize');
  const { dimensions, scale } = await normalize(scan.document, { size: options.size, up: options.up });
  if (annotations) warnings.push(...annotationWarnings(annotations.document, dimensions, options.annotations!));

  await mkdir(collection, { recursive: true });
  await recoverInterruptedReplacements(collection);
  const staging = await makeStagingFolder(collection, id);
  try {
    const derivatives = [];
    for (const profile of profiles) {
      step(`derive ${profile.name}`);
      const derived = await deriveWithinBudget(scan.document, profile, { compression: options.compression, name: id });
      await writeFile(path.join(staging, derived.derivative.url), derived.bytes);
      derivatives.push(derived.derivative);
      if (derived.derivative.budget?.met === false) warnings.push(budgetMissed(source.file, derived.derivative));
    }
    step('write');
    const language = options.language ?? 'en';
    const artefact = artefactSchema.parse({
      schemaVersion: ARTEFACT_SCHEMA_VERSION,
      id,
      title:
        typeof options.title === 'object'
          ? options.title
          : textIn(language, options.title ?? titleFromFileName(options.file)),
      ...(options.description ? { description: options.description } : {}),
      ...(options.creator ? { creator: options.creator } : {}),
      ...(options.date ? { date: options.date } : {}),
      ...(options.accessionNumber ? { accessionNumber: options.accessionNumber } : {}),
      ...(options.tags?.length ? { tags: options.tags } : {}),
      ...(options.license ? { license: options.license } : {}),
      ...(options.attribution ? { attribution: options.attribution } : {}),
      dimensions,
      scale,
      source,
      warnings,
      derivatives,
      ingestKey,
      created: new Date().toISOString(),
      generator: `vitrine ${PIPELINE_VERSION}`,
    } satisfies Artefact);
    const manifestFile = path.join(staging, 'artefact.json');
    await writeFile(manifestFile, `${JSON.stringify(artefact, null, 2)}\n`);
    if (options.renderPoster) {
      step('poster');
      const poster = await options.renderPoster(staging);
      if ('image' in poster) {
        await writeFile(path.join(staging, POSTER_FILE), poster.image);
        artefact.poster = POSTER_FILE;
        await writeFile(manifestFile, `${JSON.stringify(artefact, null, 2)}\n`);
      } else {
        artefact.warnings.push(`${source.file}: the poster was skipped: ${poster.skipped}`);
        await writeFile(manifestFile, `${JSON.stringify(artefact, null, 2)}\n`);
      }
    }
    // Named only after the poster is taken, so the poster shows the artefact without hotspots.
    if (annotations ?? kept) {
      await writeCuratorAnnotations((annotations ?? kept)!, staging);
      artefact.annotations = ANNOTATIONS_FILE;
      await writeFile(manifestFile, `${JSON.stringify(artefact, null, 2)}\n`);
    }
    await replaceFolder(staging, path.join(collection, id));
    if (options.updateIndex !== false) await upsertCollectionEntry(collection, collectionEntryFor(artefact));
    return { id, status: 'written', artefact };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function readExistingArtefact(collection: string, id: string): Promise<Artefact | undefined> {
  try {
    const text = await readFile(path.join(collection, id, 'artefact.json'), 'utf8');
    const parsed = artefactSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The options that change the output; the progress callback and --force do not. The
 * annotations count by content, not by where the curator keeps the file.
 */
function keyedOptions(options: IngestOptions, id: string, annotationsSha256: string | undefined): unknown {
  const {
    file: _file,
    collection: _collection,
    onStep: _onStep,
    force: _force,
    updateIndex: _update,
    annotations: _annotations,
    renderPoster,
    ...rest
  } = options;
  return { ...rest, id, poster: Boolean(renderPoster), annotations: annotationsSha256 };
}

export function idFromFileName(file: string): string {
  return (
    path
      .basename(file, path.extname(file))
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64)
      .replace(/-+$/g, '') || 'artefact'
  );
}

function titleFromFileName(file: string): string {
  const words = path.basename(file, path.extname(file)).replace(/[_-]+/g, ' ').trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Untitled artefact';
}

function budgetMissed(file: string, derivative: Derivative): string {
  const budget = derivative.budget!;
  const figures = [
    `${derivative.triangles} triangles (budget ${budget.maxTriangles})`,
    `${derivative.bytes} bytes${budget.maxBytes ? ` (budget ${budget.maxBytes})` : ''}`,
  ];
  return `${file}: the ${derivative.profile} derivative misses its budget: ${figures.join(', ')}; it was written anyway`;
}
