// highlight(document.body) on real saved news pages (../shared/data/article-pages, when it
// is there; a fresh clone without it skips this file). The pages' own scripts never run:
// each page is served from a made-up origin through page.route with a CSP that allows only
// the package, and every other request (images, trackers, fonts) is aborted.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { startBrowser, withPage, requirePkg, SHARED, WWW } from "./helpers.mjs";

const PAGES_DIR = join(SHARED, "article-pages");
const PICK = 8;

function pickPages() {
  if (!existsSync(PAGES_DIR)) return [];
  const all = readdirSync(PAGES_DIR)
    .filter((d) => existsSync(join(PAGES_DIR, d, "source.html")))
    .sort();
  // Every n-th page, for a spread of sites and sizes (deterministic).
  const step = Math.max(1, Math.floor(all.length / PICK));
  const chosen = [];
  for (let i = 0; i < all.length && chosen.length < PICK; i += step) chosen.push(all[i]);
  return chosen;
}

const pages = pickPages();
const skip = pages.length ? false : `${PAGES_DIR} is absent (a fresh clone has no shared data)`;
const ORIGIN = "http://pages.invalid";
const PAGE_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";
const TYPES = { ".js": "text/javascript", ".wasm": "application/wasm" };

let browser;

before(async () => {
  if (skip) return;
  requirePkg();
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
});

for (const name of pages.length ? pages : ["(none)"]) {
  test(`real page ${name}: highlight(document.body) keeps the text, nests nothing, clears exactly`, { skip, timeout: 120000 }, async (t) => {
    const html = readFileSync(join(PAGES_DIR, name, "source.html"));
    await withPage(browser.context, `real-${name}`, async (page, problems) => {
      await page.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== ORIGIN) return route.abort();
        if (url.pathname === "/page.html") {
          return route.fulfill({ status: 200, headers: { "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": PAGE_CSP }, body: html });
        }
        // Also pkg/snippets/<crate-hash>/src/.../*.js (wasm-bindgen snippets); no segment starts with a dot.
        const m = /^\/__aa\/((?:\w[\w.-]*\/)*[\w-][\w.-]*)$/.exec(url.pathname);
        if (m) {
          const file = join(WWW, "pkg", m[1]);
          if (existsSync(file) && statSync(file).isFile()) {
            return route.fulfill({ status: 200, headers: { "Content-Type": TYPES[extname(file)] || "application/octet-stream" }, body: readFileSync(file) });
          }
        }
        return route.abort();
      });
      await page.goto(`${ORIGIN}/page.html`, { waitUntil: "domcontentloaded" });
      const r = await page.evaluate(async (pkg) => {
        const aa = await import(pkg);
        await aa.default();
        const body = document.body;
        const html0 = body.innerHTML;
        const text0 = body.textContent;
        const t0 = performance.now();
        const summary = aa.highlight(body);
        const ms = performance.now() - t0;
        const marks = [...body.querySelectorAll("mark.aa-mark")];
        const nested = marks.filter((m) => {
          for (let p = m.parentElement; p && p !== body; p = p.parentElement) {
            if (p.matches("mark.aa-mark") && p.dataset.annotationId === m.dataset.annotationId) return true;
          }
          return false;
        }).length;
        const text1 = body.textContent;
        aa.clearHighlights(body);
        return {
          ms, chars: text0.length, annotations: summary.annotations.length, marks: marks.length, nested,
          textSame: text1 === text0,
          restored: body.innerHTML === html0,
          left: body.querySelectorAll("mark.aa-mark").length,
        };
      }, `${ORIGIN}/__aa/article_annotator.js`);
      t.diagnostic(`${name}: ${r.chars} chars, ${r.annotations} annotations, ${r.marks} marks, ${r.ms.toFixed(1)} ms`);
      assert.ok(r.textSame, "textContent unchanged by highlight");
      assert.equal(r.nested, 0, "no mark inside a mark of the same annotation");
      assert.equal(r.left, 0);
      assert.ok(r.restored, "clearHighlights restores body.innerHTML exactly");
      // Some pages are Readability's synthetic fixtures (lorem ipsum, RTL text): a count of
      // zero is reported above, not failed.
      assert.deepEqual(problems.filter((p) => p.startsWith("pageerror")), []);
    });
  });
}
