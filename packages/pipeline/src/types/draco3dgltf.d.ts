// draco3dgltf ships no types; gltf-transform only needs the two factories as opaque modules.
declare module 'draco3dgltf' {
  const draco3d: {
    createDecoderModule(): Promise<unknown>;
    createEncoderModule(): Promise<unknown>;
  };
  export default draco3d;
}
