// The benchmark's renderer, running in headless Chromium: loads one GLB at a time and
// renders it from fixed views under fixed, neutral studio light, so that the only thing
// that differs between two sets of images is the model.
import {
  Box3,
  Color,
  Mesh,
  NeutralToneMapping,
  PerspectiveCamera,
  PMREMGenerator,
  Scene,
  SRGBColorSpace,
  Texture,
  Vector3,
  WebGLRenderer,
  type Material,
  type Object3D,
} from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import { DRACOLoader } from 'three/examples/jsm/loaders/DRACOLoader.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import type { RenderFunction, RenderRequest, RenderResult, ViewDirection } from './views.js';

declare global {
  interface Window {
    benchRender?: RenderFunction;
  }
}

/** Vertical field of view in degrees: moderate, so perspective does not exaggerate near parts. */
const FOV = 35;
/** Served by the Node side from three's own decoder folder: nothing comes from a CDN. */
const DRACO_DECODER_PATH = '/draco/';

const renderer = new WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
renderer.setPixelRatio(1);
renderer.outputColorSpace = SRGBColorSpace;
renderer.toneMapping = NeutralToneMapping;
document.body.appendChild(renderer.domElement);

// The same light as the viewer's StudioEnvironment: three's RoomEnvironment through PMREM.
const scene = new Scene();
scene.background = new Color(0xffffff);
const pmrem = new PMREMGenerator(renderer);
scene.environment = pmrem.fromScene(new RoomEnvironment(), 0.04).texture;
scene.environmentIntensity = 0.9;

const draco = new DRACOLoader().setDecoderPath(DRACO_DECODER_PATH);
const loader = new GLTFLoader().setDRACOLoader(draco).setMeshoptDecoder(MeshoptDecoder);

async function render(request: RenderRequest): Promise<RenderResult> {
  const gltf = await loader.loadAsync(request.modelUrl);
  const model = gltf.scene;
  scene.add(model);
  renderer.setSize(request.size, request.size, false);
  const camera = new PerspectiveCamera(FOV, 1);
  try {
    const images = request.views.map((view) => {
      placeCamera(camera, request.bounds, view);
      renderer.render(scene, camera);
      return renderer.domElement.toDataURL('image/png');
    });
    return { images, triangles: countTriangles(model) };
  } finally {
    scene.remove(model);
    dispose(model);
  }
}

/**
 * Frames the bounds from the view's direction as tightly as the box allows: the nearest
 * distance at which all eight corners fall inside the field of view, plus a small margin.
 * Tighter than the enclosing sphere, so more of the 512² frame shows the object.
 */
function placeCamera(camera: PerspectiveCamera, bounds: RenderRequest['bounds'], view: ViewDirection): void {
  const box = new Box3(new Vector3().fromArray(bounds.min), new Vector3().fromArray(bounds.max));
  const centre = box.getCenter(new Vector3());
  const direction = new Vector3(...view.direction).normalize();
  camera.position.copy(centre).add(direction);
  camera.up.set(...view.up);
  camera.lookAt(centre);
  const right = new Vector3(1, 0, 0).applyQuaternion(camera.quaternion);
  const up = new Vector3(0, 1, 0).applyQuaternion(camera.quaternion);
  const tanHalfFov = Math.tan(((FOV / 2) * Math.PI) / 180);
  let distance = 0;
  for (let corner = 0; corner < 8; corner++) {
    const offset = new Vector3(
      corner & 1 ? box.max.x : box.min.x,
      corner & 2 ? box.max.y : box.min.y,
      corner & 4 ? box.max.z : box.min.z,
    ).sub(centre);
    const lateral = Math.max(Math.abs(offset.dot(right)), Math.abs(offset.dot(up)));
    distance = Math.max(distance, lateral / tanHalfFov + offset.dot(direction));
  }
  distance *= 1.05;
  camera.position.copy(centre).addScaledVector(direction, distance);
  camera.near = distance / 100;
  camera.far = distance * 3;
  camera.lookAt(centre);
  camera.updateProjectionMatrix();
}

function countTriangles(root: Object3D): number {
  let triangles = 0;
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    const geometry = object.geometry;
    const corners = geometry.index ? geometry.index.count : geometry.attributes.position.count;
    triangles += Math.floor(corners / 3);
  });
  return triangles;
}

/** GPU memory is freed model by model: a run loads dozens of models with 4096² textures. */
function dispose(root: Object3D): void {
  root.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    object.geometry.dispose();
    const materials: Material[] = Array.isArray(object.material) ? object.material : [object.material];
    for (const material of materials) {
      for (const value of Object.values(material)) if (value instanceof Texture) value.dispose();
      material.dispose();
    }
  });
}

window.benchRender = render;
document.body.dataset.state = 'ready';
