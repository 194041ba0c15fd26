// Finds points ON an ingested artefact's surface for annotations, and checks that an
// annotations file's points are on it. Hotspots are drawn where `target.position` is and
// hidden by a depth test against the mesh, so a point a few millimetres inside the wall
// would read as "behind the object" from every side: the sample annotations' positions
// come from here rather than from guessing.
//
//   npx tsx tools/collection/annotation-positions.ts <derivative.glb> aim <azimuth°>,<height m>[,<offset m>] ...
//   npx tsx tools/collection/annotation-positions.ts <derivative.glb> check <annotations.json>
//
// `aim` casts a level ray from outside towards the Y axis (or parallel to it, `offset` to the
// right as seen from outside) at each azimuth and height (azimuth 0° looks at the front, +Z,
// which faces the viewer's default camera; 90° at +X; 180° at the back) and prints the hit
// as an annotation target with a suggested camera view.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotationsDocumentSchema, type AnnotationTarget, type Point3 } from '@vitrine/core';
import { getIO } from '@vitrine/pipeline';
import { BufferAttribute, BufferGeometry, Matrix4, Mesh, MeshBasicMaterial, Raycaster, Triangle, Vector3 } from 'three';

/** How far the suggested view stands from the point, as a share of the artefact's height. */
const VIEW_DISTANCE = 1.1;
/** Points within this distance of a triangle count as on the surface (derivatives are simplified). */
const ON_SURFACE = 0.002;

/** The derivative's triangles in the artefact's space (node transforms applied, quantization undone). */
export async function loadSurface(file: string): Promise<Mesh> {
  const document = await (await getIO()).read(file);
  const positions: number[] = [];
  const point = new Vector3();
  for (const node of document.getRoot().listNodes()) {
    const mesh = node.getMesh();
    if (!mesh) continue;
    const matrix = new Matrix4().fromArray(node.getWorldMatrix());
    for (const primitive of mesh.listPrimitives()) {
      const attribute = primitive.getAttribute('POSITION');
      if (!attribute || primitive.getMode() !== 4) continue;
      const indices = primitive.getIndices();
      const count = indices ? indices.getCount() : attribute.getCount();
      const element: number[] = [];
      for (let i = 0; i < count; i++) {
        attribute.getElement(indices ? indices.getScalar(i) : i, element);
        point.set(element[0]!, element[1]!, element[2]!).applyMatrix4(matrix);
        positions.push(point.x, point.y, point.z);
      }
    }
  }
  const geometry = new BufferGeometry().setAttribute('position', new BufferAttribute(new Float32Array(positions), 3));
  geometry.computeBoundingBox();
  geometry.computeBoundingSphere();
  return new Mesh(geometry, new MeshBasicMaterial());
}

/**
 * Where a level ray from outside, at `azimuthDegrees` and `height`, `offset` to the right of
 * the Y axis as seen from outside, meets the surface.
 */
export function aim(surface: Mesh, azimuthDegrees: number, height: number, offset = 0): AnnotationTarget | undefined {
  const box = surface.geometry.boundingBox!;
  const reach = box.max.distanceTo(box.min) * 2;
  const angle = (azimuthDegrees * Math.PI) / 180;
  const outward = new Vector3(Math.sin(angle), 0, Math.cos(angle));
  const right = new Vector3(Math.cos(angle), 0, -Math.sin(angle));
  const origin = new Vector3(0, height, 0).addScaledVector(outward, reach).addScaledVector(right, offset);
  const raycaster = new Raycaster(origin, outward.clone().negate());
  const [hit] = raycaster.intersectObject(surface);
  if (!hit) return undefined;
  const normal = smoothNormal(surface, hit.point, 0.012);
  const artefactHeight = box.max.y - box.min.y;
  const viewPosition = hit.point.clone().addScaledVector(normal, artefactHeight * VIEW_DISTANCE);
  viewPosition.y = Math.max(viewPosition.y, hit.point.y + artefactHeight * 0.1);
  return {
    position: rounded(hit.point, 4),
    normal: rounded(normal, 3),
    view: { position: rounded(viewPosition, 3), target: rounded(hit.point, 3) },
  };
}

/**
 * The area-weighted normal of the triangles near `point`: a scan's facets are noisy, and
 * a hotspot should stand out from the surface's general direction, not one facet's.
 */
function smoothNormal(surface: Mesh, point: Vector3, radius: number): Vector3 {
  const positions = surface.geometry.getAttribute('position') as BufferAttribute;
  const triangle = new Triangle();
  const centre = new Vector3();
  const normal = new Vector3();
  const sum = new Vector3();
  for (let i = 0; i < positions.count; i += 3) {
    triangle.setFromAttributeAndIndices(positions, i, i + 1, i + 2);
    if (triangle.getMidpoint(centre).distanceTo(point) > radius) continue;
    sum.addScaledVector(triangle.getNormal(normal), triangle.getArea());
  }
  return sum.normalize();
}

/** Distance from `point` to the nearest triangle of the surface. */
export function distanceToSurface(surface: Mesh, point: Point3): number {
  const positions = surface.geometry.getAttribute('position') as BufferAttribute;
  const triangle = new Triangle();
  const target = new Vector3(...point);
  const closest = new Vector3();
  let best = Infinity;
  for (let i = 0; i < positions.count; i += 3) {
    triangle.setFromAttributeAndIndices(positions, i, i + 1, i + 2);
    best = Math.min(best, triangle.closestPointToPoint(target, closest).distanceTo(target));
  }
  return best;
}

/** Whether the point can be seen from outside along its own normal (a ray back to it hits it first). */
export function facesOutward(surface: Mesh, target: AnnotationTarget): boolean {
  const normal = new Vector3(...target.normal).normalize();
  const point = new Vector3(...target.position);
  const origin = point.clone().addScaledVector(normal, 1);
  const [hit] = new Raycaster(origin, normal.clone().negate()).intersectObject(surface);
  return hit !== undefined && hit.point.distanceTo(point) < ON_SURFACE * 2;
}

function rounded(vector: Vector3, decimals: number): Point3 {
  const factor = 10 ** decimals;
  return [vector.x, vector.y, vector.z].map((value) => Math.round(value * factor) / factor + 0) as Point3;
}

async function main(args: string[]): Promise<number> {
  const [file, mode, ...rest] = args;
  if (!file || (mode !== 'aim' && mode !== 'check')) {
    console.error(
      'usage: annotation-positions.ts <derivative.glb> aim <azimuth°>,<height m>[,<offset m>] ... | check <file>',
    );
    return 2;
  }
  const surface = await loadSurface(file);
  if (mode === 'aim') {
    for (const spec of rest) {
      const [azimuth = NaN, height = NaN, offset = 0] = spec.split(',').map(Number);
      const target = aim(surface, azimuth, height, offset);
      console.log(`${spec}:`, target ? JSON.stringify(target) : 'no hit');
    }
    return 0;
  }
  const document = annotationsDocumentSchema.parse(JSON.parse(await readFile(rest[0]!, 'utf8')));
  let failures = 0;
  for (const annotation of document.annotations) {
    const distance = distanceToSurface(surface, annotation.target.position);
    const outward = facesOutward(surface, annotation.target);
    const ok = distance <= ON_SURFACE && outward;
    if (!ok) failures++;
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${annotation.id}: ${(distance * 1000).toFixed(2)} mm from the surface${outward ? '' : ', normal does not face out'}`,
    );
  }
  return failures === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
