// Issue 6: the package in www/pkg installs with npm into a bundler project (Vite) and works
// there as it does with no bundler.
//
// The test does what a user does: `npm pack`s www/pkg (so only the files its package.json
// `files` list ships reach the user: a missing snippet or .wasm fails here), copies the tiny
// Vite project tests/vite-app to a temp folder, `npm install`s the tarball there (offline: it
// has no dependencies), builds it with the repo's own vite (root devDependency, no second
// install) and opens the built dist/ in headless Chromium, served by scripts/serve.mjs with
// the strict Content-Security-Policy. main.js is the plain wasm-bindgen usage
// (`import init, { highlight } from "article-annotator"; await init();`): Vite turns the glue's
// `new URL("article_annotator_bg.wasm", import.meta.url)` into a hashed asset, no plugin and
// no `?url` import needed. The dev server (`vite`) also works, given the one setting in
// tests/vite-app/vite.config.js (`optimizeDeps.exclude`), which the last test checks.
//
// Skips (with the reason) only when www/pkg has not been built (`make wasm`).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { ROOT, WWW, startServer, startBrowser, withPage } from "./helpers.mjs";
import { CSP } from "../../scripts/serve.mjs";

const run = promisify(execFile);
const PKG = join(WWW, "pkg");
const VITE = join(ROOT, "node_modules/vite/bin/vite.js");
const skip = existsSync(join(PKG, "article_annotator.js"))
  ? false
  : `${PKG} is not built: run \`make wasm\` (make test-page does)`;

let dir;
let server;
let browser;
let packed;

async function sh(cmd, args, cwd) {
  try {
    return await run(cmd, args, {
      cwd,
      timeout: 60000,
      maxBuffer: 16 << 20,
      env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" },
    });
  } catch (err) {
    throw new Error(`\`${cmd} ${args.join(" ")}\` in ${cwd} failed: ${err.message}\n${err.stdout || ""}${err.stderr || ""}`);
  }
}

before(async () => {
  if (skip) return;
  if (!existsSync(VITE)) {
    throw new Error(`${VITE} is missing: run \`npm ci\` at the repo root (scripts/install-tools.sh does)`);
  }
  dir = mkdtempSync(join(tmpdir(), "aa-vite-"));
  cpSync(join(ROOT, "tests/vite-app"), dir, { recursive: true });
  const { stdout } = await sh("npm", ["pack", "--json", "--pack-destination", dir], PKG);
  packed = JSON.parse(stdout)[0];
  await sh("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", join(dir, packed.filename)], dir);
  await sh(process.execPath, [VITE, "build", dir, "--logLevel", "warn"], dir);
  server = await startServer(join(dir, "dist"));
  browser = await startBrowser();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("npm pack ships the module, the .wasm, the JS snippet and the TypeScript declarations", { skip }, () => {
  const files = packed.files.map((f) => f.path);
  for (const f of ["package.json", "article_annotator.js", "article_annotator_bg.wasm", "article_annotator.d.ts"]) {
    assert.ok(files.includes(f), `the tarball lacks ${f}: ${files.join(", ")}`);
  }
  assert.ok(files.some((f) => f.startsWith("snippets/") && f.endsWith(".js")), `no snippets/*.js in ${files.join(", ")}`);
});

test("the Vite build emits the .wasm as an asset and the page highlights every kind under the strict CSP", { skip }, async () => {
  const assets = readdirSync(join(dir, "dist/assets"));
  assert.ok(assets.some((f) => f.endsWith(".wasm")), `no .wasm in dist/assets: ${assets.join(", ")}`);
  await withPage(browser.context, "vite-build", async (page, problems) => {
    await page.addInitScript(() => {
      window.__csp = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const wasm = page.waitForResponse((r) => r.url().endsWith(".wasm"), { timeout: 30000 });
    const response = await page.goto(server.url);
    assert.equal(response.headers()["content-security-policy"], CSP);
    assert.equal((await wasm).status(), 200);
    await page.waitForFunction(() => document.body.dataset.state, null, { timeout: 30000 });
    const r = await page.evaluate(() => {
      const article = document.querySelector("article");
      const marks = [...article.querySelectorAll("mark.aa-mark")];
      const kinds = [...new Set(marks.map((m) => m.dataset.kind))].sort();
      const texts = marks.map((m) => `${m.dataset.kind}:${m.textContent}`);
      const highlighted = article.textContent;
      const html = article.innerHTML;
      window.articleAnnotator.clearHighlights(article);
      const cleared = article.textContent;
      const left = article.querySelectorAll("mark").length;
      const again = window.articleAnnotator.highlight(article).marks;
      return {
        state: document.body.dataset.state,
        error: document.body.dataset.error,
        marks: Number(document.body.dataset.marks),
        found: marks.length,
        kinds,
        texts,
        highlighted,
        cleared,
        left,
        again,
        sameDom: article.innerHTML === html,
        csp: window.__csp,
      };
    });
    assert.equal(r.state, "ready", `main.js failed: ${r.error}`);
    assert.equal(r.marks, r.found);
    assert.deepEqual(r.kinds, ["date", "entity", "quote"], `marks: ${r.texts.join(" | ")}`);
    assert.ok(r.texts.includes("entity:Zürich"), `no Zürich entity: ${r.texts.join(" | ")}`);
    // Highlighting never changes the text a reader sees; clearing restores the DOM.
    assert.equal(r.highlighted, r.cleared);
    assert.equal(r.left, 0);
    assert.equal(r.again, r.marks);
    assert.ok(r.sameDom, "highlighting again did not give the same DOM");
    assert.deepEqual(r.csp, []);
    assert.deepEqual(problems, []);
  });
});

test("annotate from the bundle: UTF-16 offsets slice the text after an emoji and accented words", { skip }, async () => {
  await withPage(browser.context, "vite-annotate", async (page, problems) => {
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.state === "ready", null, { timeout: 30000 });
    const r = await page.evaluate(() => {
      const text = "Café 🎉 crème brûlée. \u201cWe are ready,\u201d Angela Merkel said in Berlin on March 3, 2021.";
      const { annotations } = window.articleAnnotator.annotate(text, { referenceDate: "2021-03-01" });
      return annotations.map((a) => ({ kind: a.kind, label: a.label, text: a.text, slice: text.slice(a.start, a.end), value: a.value }));
    });
    for (const a of r) assert.equal(a.slice, a.text, `offsets of ${JSON.stringify(a)}`);
    const got = r.map((a) => `${a.label}:${a.text}`);
    assert.ok(got.includes("PER:Angela Merkel"), got.join(" | "));
    assert.ok(got.includes("LOC:Berlin"), got.join(" | "));
    assert.ok(r.some((a) => a.label === "DATE" && a.value === "2021-03-03"), got.join(" | "));
    assert.ok(r.some((a) => a.kind === "quote" && a.text.includes("We are ready")), got.join(" | "));
    // A bad option is an Error naming it, thrown through the bundled glue.
    const err = await page.evaluate(() => {
      try {
        window.articleAnnotator.annotate("x", { kinds: ["nope"] });
        return null;
      } catch (e) {
        return `${e instanceof Error}:${e.message}`;
      }
    });
    assert.match(err ?? "", /^true:.*nope/);
    assert.deepEqual(problems, []);
  });
});

/** A port that was free a moment ago (vite's `--port 0` means its default, 5173). */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Runs `vite` (the dev server) for the temp project; resolves to { url, stop }. */
async function startViteDev() {
  const port = await freePort();
  const child = spawn(process.execPath, [VITE, dir, "--host", "127.0.0.1", "--port", String(port), "--strictPort"], {
    cwd: dir,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once("exit", () => done());
      child.kill("SIGTERM");
    });
  let out = "";
  const url = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`vite (dev) printed no address in 20 s: ${out}`)), 20000);
    const read = (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(out.replace(/\x1b\[[0-9;]*m/g, ""));
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`vite (dev) exited with ${code}: ${out}`));
    });
  }).catch(async (err) => {
    await stop();
    throw err;
  });
  return { url, stop };
}

test("the Vite dev server serves the package too (optimizeDeps.exclude in vite.config.js)", { skip }, async () => {
  const dev = await startViteDev();
  try {
    await withPage(browser.context, "vite-dev", async (page, problems) => {
      await page.goto(dev.url);
      await page.waitForFunction(() => document.body.dataset.state, null, { timeout: 30000 });
      const r = await page.evaluate(() => ({
        ...document.body.dataset,
        kinds: [...new Set([...document.querySelectorAll("mark.aa-mark")].map((m) => m.dataset.kind))].sort(),
      }));
      assert.equal(r.state, "ready", `main.js failed under vite dev: ${r.error}`);
      assert.ok(Number(r.marks) > 0);
      assert.deepEqual(r.kinds, ["date", "entity", "quote"]);
      assert.deepEqual(problems, []);
    });
  } finally {
    await dev.stop();
  }
});
