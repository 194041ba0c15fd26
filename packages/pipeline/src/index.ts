export {
  ingest,
  PIPELINE_VERSION,
  type IngestOptions,
  type IngestResult,
  type PosterRenderer,
  type ProgressUnit,
} from './ingest.js';
export { identifyScan, readScan, SUPPORTED_EXTENSIONS, type ReadScan, type ReadScanOptions } from './read/index.js';
export { planMemory, refuseIfTooLargeForMemory, usableMemory, type MemoryPlan } from './plan/memory-plan.js';
export { normalize, type SizeHint, type NormalizeOptions } from './normalize.js';
export { deriveProfile, type DerivedFile, type DeriveOptions, type GeometryCompression } from './derive.js';
export { deriveWithinBudget } from './derive-within-budget.js';
export { readCollectionConfig } from './collection-config.js';
export { ScanError, isScanError, type ScanErrorCode } from './errors.js';
export { countTriangles, countVertices } from './check/count.js';
export { validateGlb } from './check/validate.js';
export {
  readCollectionIndex,
  upsertCollectionEntry,
  collectionEntryFor,
  ensureIndexed,
} from './collection/collection-index.js';
export { withCollectionLock, COLLECTION_LOCK_NAME, type CollectionLockOptions } from './collection/collection-lock.js';
export { readArtefactManifest, encodeArtefactManifest } from './collection/artefact-manifest.js';
export { annotationsVersion, NO_ANNOTATIONS_VERSION } from './collection/annotations-version.js';
export {
  saveArtefactAnnotationsLocked,
  previousVersionFile,
  type AnnotationsTarget,
} from './collection/save-artefact-annotations.js';
export { defaultArtefactId, idFromFileName } from './collection/default-artefact-id.js';
export { getIO } from './io.js';
export { recoverInterruptedReplacements, writeFileAtomic } from './write/atomic.js';
export { writeUsdz } from './write/usdz.js';
