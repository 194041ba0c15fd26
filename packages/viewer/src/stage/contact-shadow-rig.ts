import {
  Color,
  DoubleSide,
  Group,
  Mesh,
  MeshBasicMaterial,
  OrthographicCamera,
  PlaneGeometry,
  ShaderMaterial,
  UniformsUtils,
  WebGLRenderTarget,
  type Scene,
  type WebGLRenderer,
} from 'three';
import { HorizontalBlurShader } from 'three/examples/jsm/shaders/HorizontalBlurShader.js';
import { VerticalBlurShader } from 'three/examples/jsm/shaders/VerticalBlurShader.js';

export interface ContactShadowOptions {
  /** Side of the square of floor the shadow covers, in metres. */
  size: number;
  /** Height above the floor beyond which parts cast no shadow, in metres. */
  far: number;
  /** Pixels on a side of the shadow texture. */
  resolution: number;
  /** Blur radius in texels of a 256-texel texture (as drei's ContactShadows counts it). */
  blur: number;
  /** Darkness of the shadow where the artefact touches the floor, 0–1. */
  opacity: number;
}

/**
 * A soft contact shadow in the manner of drei's ContactShadows (MIT): the scene is drawn
 * from the floor looking up into a texture, nearer parts darker, then blurred, and the
 * texture is laid on the floor. Unlike drei's, it draws only when asked (`bake`), and it
 * frees its render targets, geometry and materials (drei's keeps its render targets).
 */
export class ContactShadowRig {
  /** Add this to the scene: the floor plane and the camera that looks up from it. */
  readonly group = new Group();
  private readonly camera: OrthographicCamera;
  private readonly target: WebGLRenderTarget;
  private readonly scratch: WebGLRenderTarget;
  private readonly floorGeometry: PlaneGeometry;
  private readonly floorMaterial: MeshBasicMaterial;
  private readonly depthMaterial: ShaderMaterial;
  private readonly blurQuad: Mesh<PlaneGeometry, ShaderMaterial>;
  // Each with its own uniforms: ShaderMaterial would share the module's objects.
  private readonly horizontalBlur = new ShaderMaterial({
    ...HorizontalBlurShader,
    uniforms: UniformsUtils.clone(HorizontalBlurShader.uniforms),
  });
  private readonly verticalBlur = new ShaderMaterial({
    ...VerticalBlurShader,
    uniforms: UniformsUtils.clone(VerticalBlurShader.uniforms),
  });
  private readonly quadCamera = new OrthographicCamera(-1, 1, 1, -1, 0, 2);
  private readonly savedClearColor = new Color();

  constructor(private readonly options: ContactShadowOptions) {
    const { size, far, resolution, opacity } = options;
    this.target = new WebGLRenderTarget(resolution, resolution);
    this.scratch = new WebGLRenderTarget(resolution, resolution);
    this.target.texture.generateMipmaps = this.scratch.texture.generateMipmaps = false;
    // Looking up from the floor (-z turned to +y), with +z as the image's up.
    this.camera = new OrthographicCamera(-size / 2, size / 2, size / 2, -size / 2, 0, far);
    this.camera.rotation.x = Math.PI / 2;
    // Lying on the floor with its texture the way the camera saw it: local +y becomes +z.
    this.floorGeometry = new PlaneGeometry(size, size).rotateX(Math.PI / 2);
    this.floorMaterial = new MeshBasicMaterial({
      map: this.target.texture,
      transparent: true,
      opacity,
      depthWrite: false,
      toneMapped: false,
      side: DoubleSide,
    });
    const floor = new Mesh(this.floorGeometry, this.floorMaterial);
    // Drawn before the artefact's transparent parts, never fighting the artefact's base.
    floor.renderOrder = -1;
    this.group.add(floor, this.camera);
    this.depthMaterial = new ShaderMaterial({
      vertexShader: 'void main() { gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0); }',
      // Orthographic depth is linear: darkest at the floor, fading to nothing at `far`.
      fragmentShader: 'void main() { gl_FragColor = vec4(0.0, 0.0, 0.0, 1.0 - gl_FragCoord.z); }',
      depthTest: false,
      depthWrite: false,
    });
    this.horizontalBlur.depthTest = this.verticalBlur.depthTest = false;
    this.blurQuad = new Mesh(new PlaneGeometry(2, 2), this.horizontalBlur);
    this.quadCamera.position.z = 1;
    this.quadCamera.updateMatrixWorld();
  }

  /** Draws the shadow of what is in `scene` now; call again when the artefact changes. */
  bake(gl: WebGLRenderer, scene: Scene): void {
    const background = scene.background;
    const overrideMaterial = scene.overrideMaterial;
    const renderTarget = gl.getRenderTarget();
    const clearAlpha = gl.getClearAlpha();
    gl.getClearColor(this.savedClearColor);
    this.group.visible = false;
    scene.background = null;
    scene.overrideMaterial = this.depthMaterial;
    try {
      gl.setClearColor(0x000000, 0);
      gl.setRenderTarget(this.target);
      gl.clear();
      gl.render(scene, this.camera);
      this.blur(gl, this.options.blur);
      this.blur(gl, this.options.blur * 0.4);
    } finally {
      gl.setRenderTarget(renderTarget);
      gl.setClearColor(this.savedClearColor, clearAlpha);
      scene.background = background;
      scene.overrideMaterial = overrideMaterial;
      this.group.visible = true;
    }
  }

  private blur(gl: WebGLRenderer, amount: number): void {
    this.blurQuad.material = this.horizontalBlur;
    this.horizontalBlur.uniforms.tDiffuse!.value = this.target.texture;
    this.horizontalBlur.uniforms.h!.value = amount / 256;
    gl.setRenderTarget(this.scratch);
    gl.render(this.blurQuad, this.quadCamera);
    this.blurQuad.material = this.verticalBlur;
    this.verticalBlur.uniforms.tDiffuse!.value = this.scratch.texture;
    this.verticalBlur.uniforms.v!.value = amount / 256;
    gl.setRenderTarget(this.target);
    gl.render(this.blurQuad, this.quadCamera);
  }

  /**
   * Frees the GPU memory. The rig stays usable: three allocates again on the next bake.
   * That matters under React's StrictMode, which in development runs a cleanup and then
   * the effect again on the same rig.
   */
  dispose(): void {
    this.target.dispose();
    this.scratch.dispose();
    this.floorGeometry.dispose();
    this.floorMaterial.dispose();
    this.depthMaterial.dispose();
    this.blurQuad.geometry.dispose();
    this.horizontalBlur.dispose();
    this.verticalBlur.dispose();
  }
}
