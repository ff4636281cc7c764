/** `<dir>/files.fixtures`: every other file of that folder as raw bytes (tools/jest/fixture-directory-transform.cjs). */
declare module '*.fixtures' {
  const files: Readonly<Record<string, Uint8Array>>;
  export default files;
}
