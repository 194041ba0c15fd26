/**
 * `ar.usdz` for iOS AR Quick Look, written directly from the gltf-transform Document.
 *
 * Why by hand rather than three.js's USDZExporter (no maintained npm converter exists,
 * see PLATFORM-NOTES): the exporter wants a three.js scene, so we would first rebuild
 * the Document as three objects (a GLTFLoader round trip, with its Draco/meshopt set-up)
 * and install browser globals (canvas, ImageBitmap, document.createElement, toBlob via
 * @napi-rs/canvas) into a Node process that runs the rest of the pipeline too. Then
 * every texture is redrawn through a canvas and re-encoded (a scan's JPEG loses a second
 * generation; 1024 px by default), and vertex colours become displayColor that no
 * material reads, so a vertex-coloured scan shows white. What USD needs from us is
 * small: a few prims of text, a stored zip with 64-byte alignment (fflate writes it),
 * and image re-encoding (sharp). Written here, it is a few hundred lines with no
 * globals, byte-identical output for identical input, texture formats and colour spaces
 * chosen per use, and each rule Quick Look cares about checked by a test.
 *
 * The root layer is USDA text: Quick Look opens usda-rooted packages (model-viewer
 * serves iOS three's, which are), and no JavaScript library writes usdc crate files.
 * Pixar's `usdchecker --arkit` would still ask for usdc; Quick Look does not.
 */
import type { Document, Material, Node, Primitive, mat4 } from '@gltf-transform/core';
import { resolveMaterialTextures, writeMaterialPrim, type MaterialPrimOptions } from './usdz-material.js';
import { meanVertexColor, writeMeshPrim } from './usdz-mesh.js';
import { UniqueNames, UsdaWriter, quoteString, toUsdIdentifier } from './usdz-text.js';
import { UsdzTextures } from './usdz-textures.js';
import { uvSetsOf } from './usdz-uv.js';
import { packUsdz } from './usdz-zip.js';

export interface UsdzOptions {
  /** The artefact's name: the root prim's (sanitized) and the layer's doc string. */
  name?: string;
}

interface PrimitiveInstance {
  name: string;
  primitive: Primitive;
  worldMatrix: mat4;
  material: Material | null;
  vertexColor: boolean;
}

type MaterialPrim = Omit<MaterialPrimOptions, 'parentPath'>;

/**
 * Serializes the document's default scene as a USDZ package for AR Quick Look: one
 * `def Xform` root in metres with Y up (true size in AR), a Mesh per primitive with node
 * transforms baked in, UsdPreviewSurface materials, and PNG/JPEG textures, the root
 * layer first and every file 64-byte aligned in a stored zip.
 */
export async function writeUsdz(document: Document, options: UsdzOptions = {}): Promise<Uint8Array> {
  const title = options.name ?? 'artefact';
  const rootName = toUsdIdentifier(title, 'Artefact');
  const rootPath = `/${rootName}`;
  const children = new UniqueNames();
  const materialsName = children.take('Materials', 'Materials');
  const instances = listPrimitiveInstances(document, children);
  if (instances.length === 0) throw new Error('the document has no meshes in its scene to write as usdz');

  // Texture files are encoded (async) before any text is written, so writing stays a plain loop.
  const textures = new UsdzTextures();
  const materials = await planMaterials(instances, textures);
  const out = new UsdaWriter();
  out.line('#usda 1.0');
  out.line('(');
  out.line(`    customLayerData = {`);
  out.line(`        string creator = "Vitrine"`);
  out.line(`    }`);
  out.line(`    defaultPrim = ${quoteString(rootName)}`);
  out.line(`    doc = ${quoteString(`${title}, for AR Quick Look`)}`);
  // Our documents are in metres with Y up; saying so is what makes Quick Look show true size.
  out.line('    metersPerUnit = 1');
  out.line('    upAxis = "Y"');
  out.line(')');
  out.line();
  out.open(`def Xform ${quoteString(rootName)}`, [
    'assetInfo = {',
    `    string name = ${quoteString(title)}`,
    '}',
    'kind = "component"',
  ]);
  // The artefact stands on y = 0: anchor it to a horizontal surface, as Quick Look does by default.
  out.line('token preliminary:anchoring:type = "plane"');
  out.line('token preliminary:planeAnchoring:alignment = "horizontal"');
  out.line();
  out.open(`def Scope ${quoteString(materialsName)}`);
  for (const prim of new Set(materials.values())) {
    writeMaterialPrim(out, { ...prim, parentPath: `${rootPath}/${materialsName}` });
  }
  out.close();
  for (const instance of instances) {
    const prim = materials.get(instance)!;
    const factor = instance.material?.getBaseColorFactor() ?? [1, 1, 1, 1];
    out.line();
    writeMeshPrim(out, {
      name: instance.name,
      primitive: instance.primitive,
      worldMatrix: instance.worldMatrix,
      materialPath: `${rootPath}/${materialsName}/${prim.name}`,
      doubleSided: instance.material?.getDoubleSided() ?? false,
      uvSets: uvSetsOf(instance.material),
      colorFactor: [factor[0], factor[1], factor[2]],
    });
  }
  out.close();

  const layer = new TextEncoder().encode(out.toString());
  return packUsdz([{ path: `${rootName}.usda`, bytes: layer }, ...(await textures.list())]);
}

/**
 * One material prim per glTF material, plus a `_vertexColor` twin for its primitives
 * that show vertex colours (COLOR_0 and no base colour texture): the twin's diffuse
 * colour is connected to the displayColor primvar, which the plain one must not be.
 */
async function planMaterials(
  instances: readonly PrimitiveInstance[],
  textures: UsdzTextures,
): Promise<Map<PrimitiveInstance, MaterialPrim>> {
  const groups = new Map<Material | null, Map<boolean, PrimitiveInstance[]>>();
  for (const instance of instances) {
    const byVertexColor = groups.get(instance.material) ?? new Map<boolean, PrimitiveInstance[]>();
    groups.set(instance.material, byVertexColor);
    byVertexColor.set(instance.vertexColor, [...(byVertexColor.get(instance.vertexColor) ?? []), instance]);
  }
  const names = new UniqueNames();
  const plan = new Map<PrimitiveInstance, MaterialPrim>();
  for (const [material, byVertexColor] of groups) {
    const files = await resolveMaterialTextures(material, textures);
    const base = material?.getName() || 'Material';
    for (const [vertexColor, members] of byVertexColor) {
      const prim: MaterialPrim = {
        name: names.take(vertexColor ? `${base}_vertexColor` : base, 'Material'),
        material,
        files,
        vertexColor: vertexColor ? meanVertexColor(members.map((member) => member.primitive)) : null,
      };
      for (const member of members) plan.set(member, prim);
    }
  }
  return plan;
}

/** Every primitive drawn by the default scene, once per node that draws it. */
function listPrimitiveInstances(document: Document, names: UniqueNames): PrimitiveInstance[] {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  const instances: PrimitiveInstance[] = [];
  scene?.traverse((node: Node) => {
    const mesh = node.getMesh();
    if (!mesh) return;
    const primitives = mesh.listPrimitives();
    primitives.forEach((primitive, index) => {
      const base = mesh.getName() || node.getName() || 'Mesh';
      const material = primitive.getMaterial();
      instances.push({
        name: names.take(primitives.length > 1 ? `${base}_${index}` : base, 'Mesh'),
        primitive,
        worldMatrix: node.getWorldMatrix(),
        material,
        vertexColor: primitive.getAttribute('COLOR_0') !== null && !material?.getBaseColorTexture(),
      });
    });
  });
  return instances;
}
