#!/usr/bin/env node
// Two or more wasm builds of the core against each other, in one Node process: batches of
// annotate() calls alternate between the builds, so that load from other processes on the
// shared machine hits them alike (separate runs of bench/node.mjs under load differ by 30%;
// the ratio printed here moves by about 1%). For deciding whether a change helps in wasm,
// not only in valgrind's instruction counts (cache misses do not show there).
//
//   node bench/ab.mjs PKG_DIR PKG_DIR... [--file FILE] [--rounds N]
//
// PKG_DIR: a `wasm-pack build --release --target web --out-dir DIR` of each version (e.g.
// one from `git worktree add /tmp/base HEAD~1`). Prints per build the median time of one
// annotate(text, {}) (batches of 40 calls, after 300 warm-up calls) and its ratio to the first.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const FILE = opt("--file", path.join(ROOT, "tests", "data", "seed-article.txt"));
const ROUNDS = Math.max(1, Number(opt("--rounds", "60")));
const pkgs = argv.filter((a, i) => !a.startsWith("--") && !(i > 0 && argv[i - 1].startsWith("--")));
if (pkgs.length < 1) {
  console.error("usage: node bench/ab.mjs PKG_DIR PKG_DIR... [--file FILE] [--rounds N]");
  process.exit(2);
}
const text = fs.readFileSync(FILE, "utf8");
const mods = [];
for (const [k, dir] of pkgs.entries()) {
  const abs = path.resolve(dir);
  // A query string per build: each gets its own module instance and wasm memory.
  const mod = await import(pathToFileURL(path.join(abs, "article_annotator.js")).href + `?build=${k}`);
  mod.initSync({ module: new WebAssembly.Module(fs.readFileSync(path.join(abs, "article_annotator_bg.wasm"))) });
  const first = mod.annotate(text, {});
  if (!first || !Array.isArray(first.annotations) || first.annotations.length === 0) {
    console.error(`${dir}: annotate() found nothing`);
    process.exit(1);
  }
  for (let i = 0; i < 300; i++) mod.annotate(text, {});
  mods.push(mod);
}
const BATCH = 40;
const times = mods.map(() => []);
for (let r = 0; r < ROUNDS; r++) {
  for (let k = 0; k < mods.length; k++) {
    const i = (k + r) % mods.length; // rotate the order each round
    const t0 = process.hrtime.bigint();
    for (let j = 0; j < BATCH; j++) mods[i].annotate(text, {});
    times[i].push(Number(process.hrtime.bigint() - t0) / 1e3 / BATCH);
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const bytes = Buffer.byteLength(text);
const base = median(times[0]);
for (const [i, dir] of pkgs.entries()) {
  const m = median(times[i]);
  const ratio = i === 0 ? "" : `   ${(base / m).toFixed(3)}x the first`;
  console.log(`${dir.padEnd(28)} ${m.toFixed(1).padStart(8)} us per call  ${(bytes / m).toFixed(2).padStart(6)} MB/s${ratio}`);
}
