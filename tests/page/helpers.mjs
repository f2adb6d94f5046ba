// Shared helpers for the page tests (node:test + playwright-core driving Debian's Chromium).
//
// Every test file starts its own `scripts/serve.mjs` on a free port (so the pages are served
// exactly as `make demo` serves them, with the strict Content-Security-Policy) and its own
// headless Chromium with a fresh user-data-dir. A failing test saves a screenshot to
// tests/page/artifacts/ (gitignored).

import { spawn, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
import { chromium } from "playwright-core";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const WWW = join(ROOT, "www");
export const ARTIFACTS = join(ROOT, "tests/page/artifacts");
// The shared data folder (only the real-page test reads it; it skips when it is absent).
export const SHARED = resolve(ROOT, process.env.AA_SHARED_DATA || "../shared/data");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-dev-shm-usage",
];

export function chromiumPath() {
  if (process.env.CHROMIUM) return process.env.CHROMIUM;
  if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("no Chromium found: install Debian's chromium (scripts/install-tools.sh) or set CHROMIUM");
  }
}

/** Fails early, with the command to run, when the wasm package has not been built. */
export function requirePkg() {
  const js = join(WWW, "pkg/article_annotator.js");
  if (!existsSync(js)) {
    throw new Error(`${js} is missing: build it with \`make wasm\` (make test-page does)`);
  }
}

/** Starts scripts/serve.mjs for `folder` on a free port; resolves to { url, stop }. */
export function startServer(folder = WWW) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts/serve.mjs"), folder, "0"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    const timer = setTimeout(() => fail(new Error(`serve.mjs printed no address in 10 s: ${err}`)), 10000);
    child.stderr.on("data", (d) => (err += d));
    child.stdout.on("data", (d) => {
      out += d;
      const m = /^(http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        ok({
          url: m[1],
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once("exit", () => done());
              child.kill("SIGTERM");
            }),
        });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`serve.mjs exited with ${code}: ${err}`));
    });
  });
}

/** Launches headless Chromium with a fresh profile; resolves to { browser, close }. */
export async function startBrowser() {
  const userDataDir = mkdtempSync(join(tmpdir(), "aa-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
  });
  // The persistent context's first page is unused; tests open their own.
  return {
    context,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers the `before`/`after` hooks most page-test files share: the wasm package must be
 * built, then one `scripts/serve.mjs` of www/ and one headless Chromium for the whole file.
 * Returns an object whose `server` ({ url, stop }) and `browser` ({ context, close }) are set
 * once `before` has run.
 */
export function serveAndBrowse() {
  const env = { server: null, browser: null };
  before(async () => {
    requirePkg();
    env.server = await startServer();
    env.browser = await startBrowser();
  });
  after(async () => {
    if (env.browser) await env.browser.close();
    if (env.server) await env.server.stop();
  });
  return env;
}

/**
 * Opens a page that records page errors, console errors and CSP violations, runs
 * `fn(page, problems)`, saves a screenshot to tests/page/artifacts/ if it throws, and closes.
 */
export async function withPage(context, name, fn) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console.error: ${m.text()}`);
  });
  try {
    return await fn(page, problems);
  } catch (err) {
    try {
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = join(ARTIFACTS, `${name.replace(/[^a-z0-9]+/gi, "-")}.png`);
      await page.screenshot({ path: file, fullPage: true });
      err.message += `\n(screenshot: ${file})`;
    } catch {
      /* the page may be gone */
    }
    throw err;
  } finally {
    await page.close().catch(() => {});
  }
}

/** Waits until the demo page says it is ready (or failed). */
export async function demoReady(page) {
  await page.waitForFunction(() => document.documentElement.dataset.state, null, { timeout: 30000 });
  const state = await page.evaluate(() => document.documentElement.dataset.state);
  if (state !== "ready") {
    const status = await page.textContent("#status");
    throw new Error(`the demo did not get ready: ${status}`);
  }
}
