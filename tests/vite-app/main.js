// What a Vite user writes: the package's default export loads the WebAssembly module (Vite
// emits article_annotator_bg.wasm as an asset from wasm-bindgen's
// `new URL("article_annotator_bg.wasm", import.meta.url)`), then the named exports work.
// The dev server needs vite.config.js's `optimizeDeps.exclude` (see there); `vite build` does not.
import init, { annotate, highlight, clearHighlights } from "article-annotator";

const article = document.querySelector("article");
const body = document.body.dataset;
try {
  await init();
  const summary = highlight(article);
  body.marks = String(summary.marks);
  // For tests/page/vite.test.mjs: the bundled exports, to check them from the page.
  window.articleAnnotator = { annotate, highlight, clearHighlights };
  body.state = "ready";
} catch (err) {
  body.state = "error";
  body.error = String(err && err.message ? err.message : err);
  throw err;
}
