import path from 'node:path';

/**
 * File names that say nothing about the object: what photogrammetry and scanning tools
 * call every export (RealityCapture, Metashape, Meshroom, OpenDroneMap, Polycam, phone
 * apps). Their folder usually carries the object's name instead.
 */
const GENERIC_NAME =
  /^(model|mesh|scan|scene|object|export|exported|output|result|untitled|final|textured|texturedmesh|textured-mesh|textured-model|odm-textured-model|3d-model|3dmodel|reconstruction|baked-mesh|poly|raw)(-?\d{1,3})?$/;

/** A file or folder name as an artefact id: lower-case ASCII letters, digits and dashes. */
export function slugForId(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64)
      .replace(/-+$/g, '') || 'artefact'
  );
}

/** The id from the file's own name, whatever it is. */
export function idFromFileName(file: string): string {
  return slugForId(path.basename(file, path.extname(file)));
}

/**
 * The name that stands for the object: the file's name, or, when that name is one every
 * export gets (`texturedMesh.obj`), the folder it lies in, so that
 * `amphora/texturedMesh.obj` becomes "amphora" and never clashes with `bust/texturedMesh.obj`.
 */
export function objectNameOf(file: string): string {
  const name = path.basename(file, path.extname(file));
  if (!GENERIC_NAME.test(slugForId(name))) return name;
  const folder = path.basename(path.dirname(path.resolve(file)));
  return folder && slugForId(folder) !== 'artefact' ? folder : name;
}

/** The id an artefact gets when the curator gives none. */
export function defaultArtefactId(file: string): string {
  return slugForId(objectNameOf(file));
}

/**
 * An id to suggest when `id` is taken by another scan: the folder's name joined to it
 * (`b/scan.stl` → "b-scan"), or the id numbered.
 */
export function suggestedId(file: string, id: string): string {
  const folder = slugForId(path.basename(path.dirname(path.resolve(file))));
  return folder !== 'artefact' && folder !== id ? slugForId(`${folder}-${id}`) : `${id}-2`;
}
