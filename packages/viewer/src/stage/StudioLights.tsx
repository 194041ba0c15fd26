/**
 * The light before the studio environment is ready (see StudioEnvironment): a soft sky
 * over a warm floor and a key light from above the visitor's shoulder, set to show the
 * artefact about as bright as the studio will. Lights need no prefiltering, so the first
 * frame waits only for the artefact's own shader.
 */
export function StudioLights() {
  return (
    <>
      <hemisphereLight args={['#ffffff', '#b9b2a6', 1.6]} />
      <directionalLight position={[0.6, 1.2, 1]} intensity={1.4} />
    </>
  );
}
