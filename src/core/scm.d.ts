// Query files are bundled by esbuild: as text in tests, as a file reference ({ file }) in the shipped bundles
// (esbuild.mjs copies them next to the grammars and src/core/code/engine.ts loads them with the grammar).
declare module '*.scm' {
  const query: import('./languages/spec').QueryPart;
  export default query;
}
