// The embeddable widget on a third-party-looking page (www/embed-example.html), served
// with the strict CSP: the custom element, hostile page styles, the observer, the exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, serveAndBrowse } from "./helpers.mjs";
import { CSP } from "../../scripts/serve.mjs";

const env = serveAndBrowse();

async function openEmbed(page) {
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto(`${env.server.url}embed-example.html`);
  assert.equal(response.headers()["content-security-policy"], CSP);
  await page.waitForFunction(() => {
    const el = document.querySelector("article-annotator");
    return el && el.annotator && document.querySelectorAll("mark.aa-mark").length > 0;
  }, null, { timeout: 30000 });
}

test("the embed example highlights its article under the strict CSP, with no errors or violations", async () => {
  await withPage(env.browser.context, "embed-csp", async (page, problems) => {
    await openEmbed(page);
    const r = await page.evaluate(() => ({
      kinds: [...new Set([...document.querySelectorAll("mark.aa-mark")].map((m) => m.dataset.kind))].sort(),
      csp: window.__csp,
    }));
    assert.deepEqual(r.kinds, ["date", "entity", "quote"]);
    assert.deepEqual(r.csp, []);
    assert.deepEqual(problems, []);
  });
});

test("highlights stay readable under the page's hostile <mark> styles", async () => {
  await withPage(env.browser.context, "embed-hostile", async (page) => {
    await openEmbed(page);
    const r = await page.evaluate(() => {
      const m = document.querySelector("article p mark.aa-mark.aa-entity");
      const cs = getComputedStyle(m);
      const parent = getComputedStyle(m.parentElement);
      return {
        color: cs.color, parentColor: parent.color,
        bg: cs.backgroundColor, display: cs.display, transform: cs.textTransform,
        fontStyle: cs.fontStyle, parentFontStyle: parent.fontStyle,
      };
    });
    // The page says `mark { background: #111; color: #111; font-style: italic; display: inline-block }`.
    assert.equal(r.color, r.parentColor);
    assert.notEqual(r.bg, "rgb(17, 17, 17)");
    assert.equal(r.display, "inline");
    assert.equal(r.transform, "none");
    assert.equal(r.fontStyle, r.parentFontStyle);
  });
});

test("observe: content added later is highlighted without re-wrapping what was done", async () => {
  await withPage(env.browser.context, "embed-observe", async (page, problems) => {
    await openEmbed(page);
    await page.evaluate(() => {
      window.__before = [...document.querySelectorAll("mark.aa-mark")];
      window.__textBefore = document.getElementById("story").textContent;
    });
    await page.click("#more");
    await page.waitForFunction(() => document.querySelectorAll("p.update mark.aa-mark").length > 0, null, { timeout: 10000 });
    await page.waitForTimeout(100);
    const r = await page.evaluate(() => {
      const before = window.__before;
      const story = document.getElementById("story");
      const updates = [...story.querySelectorAll("p.update")].map((p) => p.textContent).join("");
      return {
        kept: before.every((m) => m.isConnected),
        sameCount: story.querySelectorAll("mark.aa-mark:not(p.update mark)").length === before.length,
        updateMarks: [...story.querySelectorAll("p.update mark.aa-mark")].map((m) => [m.dataset.label, m.textContent]),
        nested: [...story.querySelectorAll("mark.aa-mark mark.aa-mark")].filter((m) => m.parentElement.closest("mark.aa-mark").dataset.annotationId === m.dataset.annotationId && m.parentElement.closest("p") === m.closest("p")).length,
        text: story.textContent === window.__textBefore + updates || story.textContent.startsWith(window.__textBefore.trimEnd()),
      };
    });
    assert.ok(r.kept, "the marks made before are the same elements");
    assert.ok(r.sameCount, "no mark was added to or removed from the old paragraphs");
    assert.ok(r.updateMarks.some(([l]) => l === "DATE"), JSON.stringify(r.updateMarks));
    assert.equal(r.nested, 0);
    assert.ok(r.text);
    assert.deepEqual(problems, []);
  });
});

test("keyboard: ] focuses the first highlight and Enter selects it; the host page receives the event", async () => {
  await withPage(env.browser.context, "embed-keys", async (page) => {
    await openEmbed(page);
    await page.keyboard.press("]");
    const focused = await page.evaluate(() => document.activeElement.matches("mark.aa-mark") && document.activeElement.textContent);
    assert.ok(focused, "] moved focus to a highlight");
    await page.keyboard.press("Enter");
    const picked = await page.textContent("#picked");
    assert.ok(picked.includes(focused), `the page shows "${picked}"`);
    const described = await page.evaluate(() => {
      const m = document.activeElement;
      const tip = document.getElementById(m.getAttribute("aria-describedby"));
      return tip && !tip.hidden && tip.textContent;
    });
    assert.ok(described, "the focused highlight is described by a visible tooltip");
  });
});

test("exports: W3C Web Annotation selectors and displaCy offsets are code points after an emoji", async () => {
  await withPage(env.browser.context, "embed-exports", async (page) => {
    await openEmbed(page);
    const r = await page.evaluate(async () => {
      const w = await import("./widget.js");
      const text = "🎉 Zoë met Angela Merkel in Berlin.";
      const result = { text, annotations: [
        { kind: "entity", label: "PER", start: text.indexOf("Angela"), end: text.indexOf("Angela") + 13, text: "Angela Merkel", entity: "Angela Merkel" },
        { kind: "entity", label: "LOC", start: text.indexOf("Berlin"), end: text.indexOf("Berlin") + 6, text: "Berlin", entity: "Berlin" },
      ] };
      return { wa: w.toWebAnnotations(result, { source: "https://example.org/a" }), dc: w.toDisplacy(result), live: document.querySelector("article-annotator").annotator.toWebAnnotations().items.length };
    });
    const item = r.wa.items[0];
    assert.equal(r.wa["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert.equal(item.type, "Annotation");
    const quote = item.target.selector.find((s) => s.type === "TextQuoteSelector");
    const pos = item.target.selector.find((s) => s.type === "TextPositionSelector");
    assert.equal(quote.exact, "Angela Merkel");
    assert.equal(quote.prefix, "🎉 Zoë met ");
    const cps = [..."🎉 Zoë met Angela Merkel in Berlin."];
    assert.equal(cps.slice(pos.start, pos.end).join(""), "Angela Merkel");
    assert.deepEqual(r.dc.ents.map((e) => cps.slice(e.start, e.end).join("")), ["Angela Merkel", "Berlin"]);
    assert.ok(r.live > 0);
  });
});

test("clear() removes every highlight, the tooltip and the widget's attributes", async () => {
  await withPage(env.browser.context, "embed-clear", async (page) => {
    await page.goto(`${env.server.url}embed-example.html`);
    const original = await page.evaluate(async () => {
      // Fetch the untouched markup of the story for comparison.
      const html = await (await fetch("embed-example.html")).text();
      const doc = new DOMParser().parseFromString(html, "text/html");
      return doc.querySelector("article-annotator").innerHTML;
    });
    await page.waitForFunction(() => document.querySelector("article-annotator")?.annotator, null, { timeout: 30000 });
    const after = await page.evaluate(() => {
      const el = document.querySelector("article-annotator");
      el.annotator.clear();
      return { html: el.innerHTML, attrs: [...el.attributes].map((a) => a.name), tips: document.querySelectorAll(".aa-tooltip").length };
    });
    assert.equal(after.html, original);
    assert.deepEqual(after.attrs, ["observe"]);
    assert.equal(after.tips, 0);
  });
});

test("a very large article is marked in slices: the page's timers keep running while it is annotated", async () => {
  await withPage(env.browser.context, "embed-large", async (page, problems) => {
    await openEmbed(page);
    const r = await page.evaluate(async () => {
      const { annotateArticle, LARGE_TEXT } = await import("./widget.js");
      const para = "Russian president Vladimir Putin met Grant Shapps in Moscow on December 30, 2023. " +
        "\u201CWe will not stop,\u201D Shapps said. ";
      const article = document.createElement("article");
      let chars = 0;
      while (chars < 2.2 * LARGE_TEXT) {
        const p = document.createElement("p");
        p.textContent = para.repeat(8);
        article.append(p);
        chars += p.textContent.length;
      }
      document.body.append(article);
      const textBefore = article.textContent;
      let ticks = 0;
      const timer = setInterval(() => ticks++, 4);
      const t0 = performance.now();
      const widget = await annotateArticle(article, {});
      const elapsed = performance.now() - t0;
      clearInterval(timer);
      return {
        chars, ticks, elapsed,
        marks: article.querySelectorAll("mark.aa-mark").length,
        annotations: widget.summary.annotations.length,
        same: article.textContent === textBefore,
      };
    });
    assert.ok(r.chars > 2 * 200000, `built ${r.chars} characters`);
    assert.ok(r.marks > 1000, `${r.marks} marks`);
    assert.ok(r.same, "textContent unchanged");
    // Synchronous marking would let no timer run until it returned.
    assert.ok(r.ticks > 0, `timers ran ${r.ticks} times during ${Math.round(r.elapsed)} ms of annotation`);
    assert.deepEqual(problems, []);
  });
});
