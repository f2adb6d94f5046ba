// The one setting a Vite project needs for article-annotator: keep the dev server's dependency
// pre-bundling (esbuild, into node_modules/.vite/deps) away from the package, so wasm-bindgen's
// `new URL("article_annotator_bg.wasm", import.meta.url)` still points next to the glue.
// Without it `vite` (dev) serves index.html for the .wasm and init() fails with
// "expected magic word 00 61 73 6d"; `vite build` works either way.
// (A plain object rather than `defineConfig`: the test builds this project with the repo's
// vite, which the temp folder's own node_modules does not have.)
/** @type {import("vite").UserConfig} */
export default {
  optimizeDeps: { exclude: ["article-annotator"] },
};
