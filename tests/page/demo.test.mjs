// The demo page (www/index.html) as a reader uses it, served with the strict CSP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withPage, demoReady, serveAndBrowse } from "./helpers.mjs";

const env = serveAndBrowse();

async function openDemo(page) {
  await page.goto(env.server.url);
  await demoReady(page);
}

test("the demo loads the seed article with entity, quote and date marks and no errors", async () => {
  await withPage(env.browser.context, "demo-load", async (page, problems) => {
    await openDemo(page);
    const kinds = await page.evaluate(() => {
      const n = {};
      for (const m of document.querySelectorAll("#article mark.aa-mark")) n[m.dataset.kind] = (n[m.dataset.kind] || 0) + 1;
      return n;
    });
    assert.ok(kinds.entity > 0, `entity marks: ${JSON.stringify(kinds)}`);
    assert.ok(kinds.quote > 0, `quote marks: ${JSON.stringify(kinds)}`);
    assert.ok(kinds.date > 0, `date marks: ${JSON.stringify(kinds)}`);
    // The seed names Vladimir Putin and Grant Shapps, who is quoted.
    const text = await page.evaluate(() => [...document.querySelectorAll("#article mark.aa-PER")].map((m) => m.textContent));
    assert.ok(text.includes("Vladimir Putin"), `PER marks: ${text.join(", ")}`);
    const speakers = await page.evaluate(() => [...document.querySelectorAll("#article mark.aa-QUOTE")].map((m) => m.dataset.speaker || ""));
    assert.ok(speakers.some((s) => /Shapps/.test(s)), `quote speakers: ${speakers.join(", ")}`);
    // Timings are shown.
    assert.match(await page.textContent("#t-load"), /ms$/);
    assert.match(await page.textContent("#t-annotate"), /ms$/);
    // Side panel filled.
    assert.ok((await page.locator("#entities li button").count()) > 3);
    assert.ok((await page.locator("#quotes .quote").count()) > 0);
    assert.ok((await page.locator("#timeline li button").count()) > 0);
    assert.deepEqual(problems, []);
  });
});

test("legend counts equal the number of highlighted annotations per label", async () => {
  await withPage(env.browser.context, "demo-legend", async (page) => {
    await openDemo(page);
    const { legend, marks } = await page.evaluate(() => {
      const legend = {};
      for (const b of document.querySelectorAll("#legend .legend-item")) legend[b.dataset.label] = Number(b.querySelector(".legend-count").textContent);
      const ids = {};
      for (const m of document.querySelectorAll("#article mark.aa-mark")) {
        (ids[m.dataset.label] ||= new Set()).add(m.dataset.annotationId);
      }
      const marks = {};
      for (const label of Object.keys(legend)) marks[label] = ids[label] ? ids[label].size : 0;
      return { legend, marks };
    });
    assert.deepEqual(legend, marks);
    assert.ok(Object.values(legend).reduce((a, b) => a + b, 0) > 10);
  });
});

test("toggling a label in the legend hides its highlights and takes them out of the tab order", async () => {
  await withPage(env.browser.context, "demo-toggle", async (page) => {
    // With reduced motion there is no fade, so the computed style is final at once.
    await page.emulateMedia({ reducedMotion: "reduce" });
    await openDemo(page);
    const style = (label) =>
      page.evaluate((label) => {
        const m = document.querySelector(`#article mark.aa-mark[data-label="${label}"]`);
        const cs = getComputedStyle(m);
        return { bg: cs.backgroundColor, border: cs.borderBottomColor, tab: m.getAttribute("tabindex") };
      }, label);
    const before = await style("PER");
    assert.notEqual(before.bg, "rgba(0, 0, 0, 0)");
    const button = page.locator('#legend [data-label="PER"]');
    await button.click();
    assert.equal(await page.locator('#legend [data-label="PER"]').getAttribute("aria-pressed"), "false");
    const hidden = await style("PER");
    assert.equal(hidden.bg, "rgba(0, 0, 0, 0)");
    assert.equal(hidden.border, "rgba(0, 0, 0, 0)");
    assert.equal(hidden.tab, "-1");
    // Other labels stay highlighted; the text is unchanged.
    assert.notEqual((await style("LOC")).bg, "rgba(0, 0, 0, 0)");
    await page.locator('#legend [data-label="PER"]').click();
    assert.notEqual((await style("PER")).bg, "rgba(0, 0, 0, 0)");
  });
});

test("keyboard focus on a highlight shows an accessible tooltip with the value or the speaker", async () => {
  await withPage(env.browser.context, "demo-tooltip", async (page) => {
    await openDemo(page);
    // A date: the tooltip gives its normalised value.
    const date = page.locator('#article mark.aa-date[tabindex="0"][data-value]').first();
    const value = await date.getAttribute("data-value");
    await date.focus();
    const tipId = await date.getAttribute("aria-describedby");
    assert.ok(tipId, "the mark points at its tooltip with aria-describedby");
    const tip = page.locator(`#${tipId}`);
    assert.equal(await tip.getAttribute("role"), "tooltip");
    assert.ok(await tip.isVisible());
    assert.ok((await tip.textContent()).includes(value), `tooltip "${await tip.textContent()}" has ${value}`);
    // The accessibility tree describes the mark with the tooltip's text.
    const snapshot = await page.locator("#article").ariaSnapshot().catch(() => "");
    assert.equal(typeof snapshot, "string");
    // A quote: the tooltip names the speaker.
    const quote = page.locator('#article mark.aa-quote[tabindex="0"][data-speaker]').first();
    const speaker = await quote.getAttribute("data-speaker");
    await quote.focus();
    assert.ok((await tip.textContent()).includes(speaker.split(" ").pop()), await tip.textContent());
    // Escape hides it.
    await page.keyboard.press("Escape");
    assert.equal(await tip.isVisible(), false);
  });
});

test("] and [ move focus between annotations in document order", async () => {
  await withPage(env.browser.context, "demo-keyboard", async (page) => {
    await openDemo(page);
    await page.locator("#article").focus();
    await page.keyboard.press("]");
    const first = await page.evaluate(() => document.activeElement.dataset.annotationId);
    assert.ok(first !== undefined, "] focuses a highlight");
    await page.keyboard.press("]");
    const second = await page.evaluate(() => document.activeElement.dataset.annotationId);
    assert.notEqual(second, first);
    const order = await page.evaluate(() => {
      const heads = [...document.querySelectorAll('#article mark.aa-mark[tabindex="0"]')].map((m) => m.dataset.annotationId);
      return heads;
    });
    assert.equal(order.indexOf(second), order.indexOf(first) + 1);
    await page.keyboard.press("[");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.annotationId), first);
    await page.keyboard.press("Alt+ArrowDown");
    assert.equal(await page.evaluate(() => document.activeElement.dataset.annotationId), second);
    // Tab reaches highlights too.
    assert.ok(order.length > 10);
  });
});

test("Enter on a highlight dispatches article-annotator:select with the annotation", async () => {
  await withPage(env.browser.context, "demo-select", async (page) => {
    await openDemo(page);
    await page.evaluate(() => {
      window.__selected = [];
      document.addEventListener("article-annotator:select", (e) => window.__selected.push(e.detail));
    });
    const mark = page.locator('#article mark.aa-PER[tabindex="0"]').first();
    const text = await mark.textContent();
    await mark.focus();
    await page.keyboard.press("Enter");
    const selected = await page.evaluate(() => window.__selected);
    assert.equal(selected.length, 1);
    assert.equal(selected[0].kind, "entity");
    assert.equal(selected[0].label, "PER");
    assert.equal(selected[0].text, text);
    assert.ok(await page.locator("#selected-card").isVisible());
  });
});

test("the paste box re-annotates pasted text", async () => {
  await withPage(env.browser.context, "demo-paste-text", async (page, problems) => {
    await openDemo(page);
    await page.locator("#paste summary").click();
    const text =
      "date 2024-05-02\n\n🎉 Crème brûlée champion Angela Merkel visited Paris on Monday. " +
      "“We will be back next year,” Merkel said.";
    await page.fill("#paste-input", text);
    await page.click("#paste-form button[type=submit]");
    await page.waitForFunction(() => /Your article/.test(document.querySelector("#status").textContent));
    const res = await page.evaluate(() => ({
      text: document.querySelector("#article").textContent,
      marks: [...document.querySelectorAll("#article mark.aa-mark")].map((m) => [m.dataset.label, m.textContent]),
    }));
    assert.equal(res.text, text, "the article shows exactly the pasted text");
    assert.ok(res.marks.some(([l, t]) => l === "PER" && t.includes("Merkel")), JSON.stringify(res.marks));
    assert.ok(res.marks.some(([l, t]) => l === "LOC" && t === "Paris"), JSON.stringify(res.marks));
    assert.ok(res.marks.some(([l]) => l === "QUOTE"), JSON.stringify(res.marks));
    assert.deepEqual(problems, []);
  });
});

test("pasted HTML is rendered inertly: <script>, <img onerror> and handlers never run", async () => {
  await withPage(env.browser.context, "demo-paste-html", async (page, problems) => {
    await openDemo(page);
    await page.locator("#paste summary").click();
    const html = `<article><h1>Visit</h1>
      <script>window.__pwned = "script"</script>
      <img src="x" onerror="window.__pwned = 'img'">
      <p onclick="window.__pwned='click'" style="color:red">Emmanuel Macron met Olaf Scholz in <b onmouseover="window.__pwned='hover'">Berlin</b> on 3 May 2024.</p>
      <svg><script>window.__pwned = "svg"</script></svg>
      <iframe srcdoc="<script>parent.__pwned='iframe'</script>"></iframe>
      <a href="javascript:window.__pwned='link'">link</a>
      <style>body { display: none }</style></article>`;
    await page.fill("#paste-input", html);
    await page.click("#paste-form button[type=submit]");
    await page.waitForFunction(() => /Your article/.test(document.querySelector("#status").textContent));
    await page.locator("#article p").click();
    await page.locator("#article b").hover();
    await page.locator("#article a").click().catch(() => {});
    await page.waitForTimeout(200);
    const state = await page.evaluate(() => ({
      pwned: window.__pwned,
      scripts: document.querySelectorAll("#article script, #article img, #article iframe, #article svg, #article style").length,
      handlers: [...document.querySelectorAll("#article *")].filter((e) => [...e.attributes].some((a) => /^on|^style$/i.test(a.name))).length,
      href: document.querySelector("#article a").getAttribute("href"),
      text: document.querySelector("#article").textContent,
      marks: [...document.querySelectorAll("#article mark.aa-mark")].map((m) => m.textContent),
      bodyVisible: getComputedStyle(document.body).display,
    }));
    assert.equal(state.pwned, undefined, "no pasted code ran");
    assert.equal(state.scripts, 0);
    assert.equal(state.handlers, 0);
    assert.equal(state.href, null);
    assert.notEqual(state.bodyVisible, "none");
    assert.ok(state.text.includes("Emmanuel Macron met Olaf Scholz in Berlin"));
    assert.ok(state.marks.includes("Berlin"), JSON.stringify(state.marks));
    assert.deepEqual(problems.filter((p) => !/Content Security Policy/.test(p)), []);
  });
});

test("each sample article loads and is highlighted", async () => {
  await withPage(env.browser.context, "demo-samples", async (page, problems) => {
    await openDemo(page);
    for (const name of ["harbour-strike", "lisbon-heat"]) {
      await page.click(`.sample[data-sample$="${name}.html"]`);
      await page.waitForFunction((n) => document.querySelector(`.sample[data-sample$="${n}.html"]`).getAttribute("aria-pressed") === "true" && /annotation/.test(document.querySelector("#status").textContent), name);
      const n = await page.evaluate(() => ({
        quotes: document.querySelectorAll("#article mark.aa-quote").length,
        dates: document.querySelectorAll("#article mark.aa-date").length,
        names: document.querySelectorAll("#article mark.aa-entity").length,
        ref: document.querySelector("#ref-date-shown").textContent,
      }));
      assert.ok(n.quotes > 0 && n.dates > 0 && n.names > 0, `${name}: ${JSON.stringify(n)}`);
      assert.match(n.ref, /20\d\d-\d\d-\d\d/, `${name} has its reference date from <time>/meta`);
    }
    assert.deepEqual(problems, []);
  });
});
