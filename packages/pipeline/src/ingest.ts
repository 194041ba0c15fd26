import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ANNOTATIONS_FILE,
  ARTEFACT_SCHEMA_VERSION,
  artefactIdSchema,
  artefactSchema,
  contentHashedName,
  POSTER_STEM,
  resolveProfiles,
  textIn,
  type Artefact,
  type Derivative,
  type DeviceProfile,
  type LanguageText,
} from '@vitrine/core';
import { annotationWarnings, readCuratorAnnotations, writeCuratorAnnotations } from './annotations-ingest.js';
import { checkImageSizes } from './check/check-image-sizes.js';
import { countTriangles } from './check/count.js';
import { describeScan } from './check/scan-report.js';
import { repairScan } from './repair.js';
import type { GeometryCompression } from './derive.js';
import { sha256 } from './sha256.js';
import { deriveProfiles } from './derive-profiles.js';
import { readCollectionConfig } from './collection-config.js';
import { ScanError } from './errors.js';
import { normalize, type SizeHint } from './normalize.js';
import { identifyScan, readScan } from './read/index.js';
import { makeStagingFolder, recoverInterruptedReplacements } from './write/atomic.js';
import { readArtefactManifest } from './collection/artefact-manifest.js';
import { ensureIndexed } from './collection/collection-index.js';
import { commitArtefact } from './collection/commit-artefact.js';
import { defaultArtefactId, objectNameOf, suggestedId } from './collection/default-artefact-id.js';
import { refuseOtherSource } from './collection/refuse-other-source.js';

/**
 * Bumped when the pipeline's output changes, so old ingests are redone. 0.2.0: derivatives,
 * posters and annotation media are named by their content hash. 0.3.0: normals, texture
 * coordinate sets and missing tangents are repaired; flat scans are ingested.
 */
export const PIPELINE_VERSION = '0.3.0';

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
  /** Replace an artefact of the same id made from another scan; refused otherwise. */
  replace?: boolean;
  /** Profiles to derive; by default the collection's (vitrine.config.json) or the defaults. */
  profiles?: readonly DeviceProfile[];
  /** Geometry compression of the GLB derivatives: meshopt (default) or Draco. */
  compression?: GeometryCompression;
  /**
   * Renders the poster of an artefact from its manifest and the folder holding the
   * derivatives it names. The pipeline runs in Node and knows no browser: the caller (the
   * CLI) brings one.
   */
  renderPoster?: PosterRenderer;
  /** Called as each step starts, for progress displays. */
  onStep?: (step: string) => void;
  /**
   * Called as a long step advances (the read, in bytes of the scan file), at most once a
   * percent, so that a display can show the work is alive.
   */
  onProgress?: (step: string, done: number, total: number, unit: ProgressUnit) => void;
  /**
   * The memory this ingest may use, in bytes (default: most of this machine's). A scan
   * estimated to need more is refused in one line before it is read.
   */
  memoryLimit?: number;
}

/** What a progress report counts: bytes of the scan read, or textures encoded. */
export type ProgressUnit = 'bytes' | 'textures';

export type PosterRenderer = (
  folder: string,
  artefact: Artefact,
) => Promise<{ image: Uint8Array } | { skipped: string }>;

export interface IngestResult {
  id: string;
  status: 'written' | 'unchanged';
  artefact: Artefact;
}

/**
 * The whole flow for one scan: read, normalize, derive, write. The artefact is built in a
 * staging folder beside the collection; then, under the collection lock, its manifest is
 * written once, the folder renamed into place and index.json replaced atomically. A
 * failure at any point leaves the collection as it was.
 */
export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const step = options.onStep ?? (() => {});
  const id = options.id ?? defaultArtefactId(options.file);
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
  // The source is known by its hash before it is parsed: an unchanged scan costs one
  // streamed read, however large it is.
  const { sha256: sourceSha256 } = await identifyScan(options.file);
  const ingestKey = sha256(
    JSON.stringify({
      source: sourceSha256,
      options: keyedOptions(options, id, annotations?.sha256),
      profiles,
      PIPELINE_VERSION,
    }),
  );
  const previous = await readArtefactManifest(collection, id);
  if (previous?.ingestKey === ingestKey && !options.force) {
    // Unchanged, but index.json may have lost its entry (deleted by hand, or an ingest killed
    // between its rename and its index write): the artefact is listed again.
    await ensureIndexed(collection, previous);
    return { id, status: 'unchanged', artefact: previous };
  }
  const scan = await readScan(options.file, {
    sha256: sourceSha256,
    memoryLimit: options.memoryLimit,
    onBytesRead: percentOnly((done, total) => options.onProgress?.('read', done, total, 'bytes')),
  });
  step('check');
  const report = describeScan(scan.document);
  const source = {
    file: path.basename(options.file),
    format: scan.format,
    bytes: scan.byteLength,
    sha256: sourceSha256,
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

  // Refused before any derive work (after what is wrong with the file itself, which the
  // curator must fix either way); checked again under the lock when the artefact is put in place.
  refuseOtherSource(previous, source, { id, replace: options.replace, suggestion: suggestedId(options.file, id) });

  step('normalize');
  const { dimensions, scale } = await normalize(scan.document, { size: options.size, up: options.up });
  if (annotations) warnings.push(...annotationWarnings(annotations.document, dimensions, options.annotations!));

  await mkdir(collection, { recursive: true });
  await recoverInterruptedReplacements(collection);
  const staging = await makeStagingFolder(collection, id);
  try {
    const derivedFiles = await deriveProfiles(
      scan.document,
      profiles,
      // Nothing after this needs the full scan: its first simplification may work in place.
      { compression: options.compression, name: id, consumeSource: true },
      {
        onProfile: (profile) => step(`derive ${profile.name}`),
        onTextureEncoded: (profile, done, total) =>
          options.onProgress?.(`derive ${profile.name}`, done, total, 'textures'),
      },
    );
    const derivatives = [];
    for (const derived of derivedFiles) {
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
    if (options.renderPoster) {
      step('poster');
      // Rendered before the annotations are named, so the poster shows the artefact without hotspots.
      const poster = await options.renderPoster(staging, artefact);
      if ('image' in poster) {
        artefact.poster = contentHashedName(POSTER_STEM, sha256(poster.image), 'webp');
        await writeFile(path.join(staging, artefact.poster), poster.image);
      } else {
        artefact.warnings.push(`${source.file}: the poster was skipped: ${poster.skipped}`);
      }
    }
    if (annotations) {
      await writeCuratorAnnotations(annotations, staging);
      artefact.annotations = ANNOTATIONS_FILE;
    }
    const written = await commitArtefact(collection, staging, artefact, {
      replace: options.replace,
      annotationsGiven: Boolean(annotations),
    });
    return { id, status: 'written', artefact: written };
  } finally {
    await rm(staging, { recursive: true, force: true });
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
    onProgress: _onProgress,
    memoryLimit: _memoryLimit,
    force: _force,
    replace: _replace,
    annotations: _annotations,
    renderPoster,
    ...rest
  } = options;
  return { ...rest, id, poster: Boolean(renderPoster), annotations: annotationsSha256 };
}

/** Passes a progress report on only when it reaches the next whole percent. */
function percentOnly(report: (done: number, total: number) => void): (done: number, total: number) => void {
  let reported = -1;
  return (done, total) => {
    const percent = Math.floor((100 * done) / Math.max(1, total));
    if (percent === reported) return;
    reported = percent;
    report(done, total);
  };
}

function titleFromFileName(file: string): string {
  const words = objectNameOf(file).replace(/[_-]+/g, ' ').trim();
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
