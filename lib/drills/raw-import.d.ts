// Vite (and so vitest) imports any file's text with the `?raw` suffix; lib's tests use it to compare code with the
// docs it follows without Node's fs (lib and its tests are isomorphic).
declare module "*?raw" {
  const text: string;
  export default text;
}
