// highlight() / clearHighlights() on live markup, the CLI and the wasm build agreeing, and
// the timing targets of issue 8 (reported; asserted only with a wide margin, since the test
// machine is shared).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withPage, ROOT, WWW, serveAndBrowse } from "./helpers.mjs";
import { CSP } from "../../scripts/serve.mjs";

const env = serveAndBrowse();

/** Serves `html` at /fixture.html (same origin as the package, same CSP) and opens it. */
async function openFixture(page, html) {
  const url = `${env.server.url}fixture.html`;
  await page.route(url, (route) =>
    route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers: { "Content-Security-Policy": CSP }, body: html }),
  );
  await page.goto(url);
  await page.evaluate(async (pkg) => {
    const m = await import(pkg);
    const t0 = performance.now();
    await m.default();
    window.__loadMs = performance.now() - t0;
    window.aa = m;
  }, `${env.server.url}pkg/article_annotator.js`);
}

// Markup that cuts through names, a quote and dates, with an emoji and accents before them,
// plus content highlight() must skip.
const CUT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fixture</title></head><body>
<article id="root">
<h1>Talks 🎉 in São Paulo</h1>
<p>📰 Café owners said <b>Vla</b>dimir <i>Pu</i>tin met <a href="#x">Emmanuel Macr</a>on in Mos<span>cow</span> on <span class="d">Decem</span>ber 30, 2023.</p>
<p>Grant Shapps said, “The world <em>has turned its back</em> on <strong>Russia</strong>, forcing Putin into humiliation.”</p>
<p>“We will meet again next <b>week</b>,” Macron told reporters on <time datetime="2024-01-09">Tuesday</time>.</p>
<script type="application/json">{"s": "Vladimir Putin said, \\u201chello\\u201d on Monday"}</script>
<textarea>Boris Johnson said on Friday</textarea>
<div contenteditable="true">Angela Merkel visited Berlin on Sunday.</div>
</article></body></html>`;

test("highlight() on markup that cuts through names, quotes and dates keeps the text, nests no mark in its own annotation, and clearHighlights restores the DOM exactly", async () => {
  await withPage(env.browser.context, "highlight-cuts", async (page, problems) => {
    await openFixture(page, CUT_PAGE);
    const r = await page.evaluate(() => {
      const root = document.getElementById("root");
      const html0 = root.innerHTML;
      const text0 = root.textContent;
      const firstText = root.querySelector("b").firstChild;
      const summary = window.aa.highlight(root);
      const marks = [...root.querySelectorAll("mark.aa-mark")];
      const nested = marks.filter((m) => {
        for (let p = m.parentElement; p && p !== root; p = p.parentElement) {
          if (p.matches("mark.aa-mark") && p.dataset.annotationId === m.dataset.annotationId) return true;
        }
        return false;
      }).length;
      const pieces = {};
      for (const m of marks) {
        // Outermost piece of each annotation only (no mark of the same id above it).
        (pieces[m.dataset.annotationId] ||= []).push(m.textContent);
      }
      const markInfo = marks.map((m) => [m.dataset.kind, m.dataset.label, m.dataset.annotationId, m.textContent]);
      const html1 = root.innerHTML;
      const text1 = root.textContent;
      const again = window.aa.highlight(root);
      const html2 = root.innerHTML;
      const inSkipped = root.querySelectorAll("script mark, textarea mark, [contenteditable] mark").length;
      window.aa.clearHighlights(root);
      return {
        html0, text0, text1, html1, html2, nested, inSkipped,
        html3: root.innerHTML,
        text3: root.textContent,
        firstTextKept: firstText.isConnected,
        summary, againCount: again.annotations.length, pieces,
        marks: markInfo,
      };
    });
    assert.equal(r.text1, r.text0, "textContent unchanged by highlight");
    assert.equal(r.nested, 0, "no mark inside a mark of the same annotation");
    assert.equal(r.inSkipped, 0, "script, textarea and contenteditable content is not marked");
    assert.equal(r.html2, r.html1, "highlighting twice gives the same DOM as once");
    assert.equal(r.againCount, r.summary.annotations.length);
    assert.equal(r.html3, r.html0, "clearHighlights restores innerHTML exactly");
    assert.equal(r.text3, r.text0);
    assert.ok(r.firstTextKept, "the page's own text nodes are kept, not replaced");
    // Offsets are UTF-16 into summary.text, after an emoji and accented letters.
    for (const a of r.summary.annotations) {
      assert.equal(r.summary.text.slice(a.start, a.end), a.text, JSON.stringify(a));
      const joined = r.pieces[String(r.summary.annotations.indexOf(a))];
      assert.ok(joined, `annotation ${a.text} has marks`);
    }
    const labels = (label) => r.marks.filter((m) => m[1] === label).map((m) => m[3]);
    const per = r.summary.annotations.filter((a) => a.label === "PER").map((a) => a.text);
    assert.ok(per.includes("Vladimir Putin"), `PER annotations: ${per}`);
    // "Vladimir Putin" is cut by <b> and <i>: its marks, joined, give the name back.
    const putin = r.summary.annotations.findIndex((a) => a.text === "Vladimir Putin");
    const putinMarks = r.marks.filter((m) => m[2] === String(putin)).map((m) => m[3]);
    assert.ok(putinMarks.length >= 2, `split into several marks: ${JSON.stringify(putinMarks)}`);
    assert.equal(putinMarks.join(""), "Vladimir Putin");
    assert.ok(labels("QUOTE").length >= 1, JSON.stringify(r.marks));
    assert.ok(r.summary.annotations.some((a) => a.kind === "date" && a.value === "2023-12-30"), JSON.stringify(r.summary.annotations.filter((a) => a.kind === "date")));
    assert.deepEqual(problems, []);
  });
});

function cliPath() {
  const dir = process.env.CARGO_TARGET_DIR ? process.env.CARGO_TARGET_DIR : join(ROOT, "target");
  const bin = join(dir, "release/annotate");
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: build it with \`cargo build --release --bin annotate\` (make test-page does)`);
  }
  return bin;
}

test("the CLI and the wasm build give identical results for the same input", async () => {
  const bin = cliPath();
  const dir = mkdtempSync(join(tmpdir(), "aa-cli-"));
  try {
    const inputs = {
      seed: readFileSync(join(ROOT, "tests/data/seed-article.txt"), "utf8"),
      emoji:
        "date 2024-03-01\n\n🚀👩‍🚀 Ça va? Zoë Müller of the Société Générale said on Friday, “We expect growth of 2% next year.” " +
        "She spoke in Zürich three days after Christine Lagarde, the head of the European Central Bank, visited Frankfurt.\n",
      html: readFileSync(join(WWW, "samples/harbour-strike.html"), "utf8"),
    };
    const cli = {};
    for (const [name, text] of Object.entries(inputs)) {
      const file = join(dir, `${name}.${name === "html" ? "html" : "txt"}`);
      writeFileSync(file, text);
      cli[name] = JSON.parse(execFileSync(bin, ["--format", "json", file], { encoding: "utf8", maxBuffer: 64 << 20 }));
    }
    await withPage(env.browser.context, "cli-vs-wasm", async (page) => {
      await openFixture(page, "<!doctype html><title>cli</title><body></body>");
      const wasm = await page.evaluate((inputs) => {
        const out = {};
        for (const [name, text] of Object.entries(inputs)) out[name] = window.aa.annotate(text);
        return out;
      }, inputs);
      for (const name of Object.keys(inputs)) {
        assert.ok(cli[name].annotations.length > 0, `${name}: the CLI found something`);
        assert.deepEqual(wasm[name], cli[name], `${name}: wasm annotate() equals annotate --format json`);
      }
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("timings: wasm load and highlight() of a 130,000-character article", async (t) => {
  await withPage(env.browser.context, "timings", async (page) => {
    const paragraphs = [];
    const seed = readFileSync(join(ROOT, "tests/data/seed-article.txt"), "utf8").split(/\n\s*\n/).filter((p) => p.trim());
    let n = 0;
    for (let i = 0; n < 130000; i++) {
      const p = seed[i % seed.length].replace(/[<&>]/g, " ");
      paragraphs.push(`<p>${p}</p>`);
      n += p.length;
    }
    await openFixture(page, `<!doctype html><html><head><meta charset="utf-8"><title>long</title></head><body><article id="root">\n${paragraphs.join("\n")}\n</article></body></html>`);
    const r = await page.evaluate(() => {
      const root = document.getElementById("root");
      const text0 = root.textContent;
      const t0 = performance.now();
      const s = window.aa.highlight(root);
      const ms = performance.now() - t0;
      const ok = root.textContent === text0;
      window.aa.clearHighlights(root);
      return { load: window.__loadMs, ms, chars: text0.length, annotations: s.annotations.length, marks: s.marks, ok };
    });
    t.diagnostic(`wasm load ${r.load.toFixed(1)} ms (target 50); highlight ${r.chars} chars: ${r.ms.toFixed(1)} ms (target 150), ${r.annotations} annotations, ${r.marks} marks`);
    assert.ok(r.chars >= 130000);
    assert.ok(r.ok, "textContent unchanged");
    assert.ok(r.annotations > 1000);
    // Wide margins: the targets are measured and reported above, not enforced on a busy CI.
    assert.ok(r.ms < 3000, `highlight took ${r.ms} ms`);
    assert.ok(r.load < 5000, `load took ${r.load} ms`);
  });
});
