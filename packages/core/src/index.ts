export * from './text.js';
export * from './units.js';
export * from './profiles.js';
export * from './schemas/artefact.js';
export * from './schemas/annotations.js';
export * from './schemas/collection.js';
export * from './schemas/collection-config.js';
export * from './layout.js';
