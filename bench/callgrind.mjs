#!/usr/bin/env node
// Repeatable cost per stage: valgrind's instruction counts for one annotate() of the seed
// article repeated COPIES times (default 10) in one document, so that the one-time model
// load shows apart. Wall-clock figures on the shared machine are noisy; these are not.
//
//   node bench/callgrind.mjs [--bin target/release/bench] [--copies N] [--file FILE] [--repeat N]
//                            [--baseline bench/callgrind-baseline.json] [--write-baseline] [--targets]
//
// `--repeat N` annotates the document N times in separate calls, as a page annotating one
// article after another does, and prints the cost of one warm call: the counts of N calls
// minus those of one call, over N - 1 (two valgrind runs). `--copies 1 --repeat 11` is the
// per-article workload of bench/node.mjs.
//
// With --baseline, each stage's instructions per byte are compared with the recorded ones
// (the default workload only) and the change is printed; --targets exits 1 when the total
// grew by more than 5%. --write-baseline records the current counts there: do it, and say so
// in the commit, when a slower change is worth its cost.
//
// Needs the native bench binary (`cargo build --release --features tools --bin bench`) and
// valgrind. Prints, per stage function, the inclusive instructions and instructions per
// input byte.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const targetDir = process.env.CARGO_TARGET_DIR || path.join(ROOT, "target");
const BIN = path.resolve(opt("--bin", path.join(targetDir, "release", "bench")));
const COPIES = Math.max(1, Number(opt("--copies", "10")));
const FILE = opt("--file", path.join(ROOT, "tests", "data", "seed-article.txt"));
const BASELINE = opt("--baseline", null);
const WRITE = argv.includes("--write-baseline");
const TARGETS = argv.includes("--targets");
const REPEAT = Math.max(1, Number(opt("--repeat", "1")));
const MAX_GROWTH = 1.05;

if (!fs.existsSync(BIN)) {
  console.error(`callgrind: no ${BIN}; build it with: cargo build --release --features tools --bin bench`);
  process.exit(1);
}
const one = fs.readFileSync(FILE, "utf8");
const doc = Array(COPIES).fill(one).join("\n\n");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "aa-callgrind-"));
const input = path.join(tmp, "input.txt");
const out = path.join(tmp, "callgrind.out");
fs.writeFileSync(input, doc);

// Inclusive instruction counts by function name, for `calls` separate annotate() calls.
function profile(calls) {
  const run = spawnSync("valgrind", ["--tool=callgrind", `--callgrind-out-file=${out}`, BIN, "--once", input, "--repeat", String(calls)], {
    encoding: "utf8",
  });
  if (run.status !== 0) {
    console.error(`callgrind: valgrind failed (${run.status}): ${run.stderr.slice(-2000)}`);
    process.exit(1);
  }
  const ann = spawnSync("callgrind_annotate", ["--inclusive=yes", out], { encoding: "utf8", maxBuffer: 1 << 28 });
  const counts = new Map();
  for (const line of ann.stdout.split("\n")) {
    const m = line.match(/^\s*([\d,]+)\s+\([^)]*\)\s+\S*?:(\S+)\s/);
    if (m && !counts.has(m[2])) counts.set(m[2], Number(m[1].replace(/,/g, "")));
  }
  return { counts, text: ann.stdout };
}
const first = profile(1);
// With --repeat N: (N calls - 1 call) / (N - 1) is exactly the cost of one warm call; the
// model load and every other first-call cost fall out, wherever they sit in the call tree.
const later = REPEAT > 1 ? profile(REPEAT) : null;
fs.rmSync(tmp, { recursive: true, force: true });
const ann = { stdout: first.text };

// [label, function, module prefix]: the function's inclusive count, or, when the optimiser
// inlined it away, the largest inclusive count of any function of the module (its entry).
const STAGES = [
  ["annotate (total)", "article_annotator::annotate", null],
  ["  model load (once)", "article_annotator::entities::model::Model::parse", null],
  ["  markup", "article_annotator::text::read", "article_annotator::text::"],
  ["  tokens", "article_annotator::tokenize::tokenize", "article_annotator::tokenize::"],
  ["  entities", "article_annotator::entities::find_with", "article_annotator::entities::find_passes"],
  ["    tagger", "article_annotator::entities::tag", "article_annotator::entities::tag"],
  ["    grouping", "article_annotator::entities::group::assign_entities", "article_annotator::entities::group::"],
  ["  quotes", "article_annotator::quotes::find", "article_annotator::quotes::"],
  ["  dates", "article_annotator::dates::find", "article_annotator::dates::"],
  ["  result (UTF-16, shapes)", "article_annotator::analyze::Analysis::to_result", null],
];
const counts = new Map(first.counts);
if (later) {
  for (const [name, n] of later.counts) {
    if (name.endsWith("Model::parse")) continue;
    counts.set(name, Math.round((n - (first.counts.get(name) || 0)) / (REPEAT - 1)));
  }
}
function countOf(fn, prefix) {
  if (counts.has(fn)) return [counts.get(fn), fn];
  if (!prefix) return [undefined, fn];
  let best = [undefined, fn];
  for (const [name, n] of counts) {
    if (name.startsWith(prefix) && !name.includes("{{closure}}") && (best[0] === undefined || n > best[0])) best = [n, name];
  }
  return best;
}
const bytes = Buffer.byteLength(doc);
let base = null;
if (BASELINE && fs.existsSync(BASELINE) && !WRITE) base = JSON.parse(fs.readFileSync(BASELINE, "utf8"));
const perCall = REPEAT > 1 ? `, one warm call of ${REPEAT} separate ones` : "";
console.log(`callgrind: ${path.basename(FILE)} x ${COPIES} in one document (${bytes} bytes)${perCall}, inclusive instructions`);
const record = { file: path.relative(ROOT, FILE), copies: COPIES, bytes, perByte: {} };
for (const [label, wanted, prefix] of STAGES) {
  const [n, found] = countOf(wanted, prefix);
  const fn = wanted; // the baseline is keyed by the stage's function name
  const via = found !== wanted ? `   (${found})` : "";
  if (n === undefined) {
    console.log(`${label.padEnd(28)} ${"(inlined or absent)".padStart(14)}`);
    continue;
  }
  const once = fn.endsWith("Model::parse");
  const pb = n / bytes;
  if (!once) record.perByte[fn] = Math.round(pb);
  let delta = "";
  const was = base && base.perByte[fn];
  if (!once && was && REPEAT === 1) delta = `   was ${String(was).padStart(5)} (${pb >= was ? "+" : ""}${((100 * (pb - was)) / was).toFixed(1)}%)`;
  console.log(`${label.padEnd(28)} ${n.toLocaleString("en").padStart(14)} ${once ? "" : `${pb.toFixed(0).padStart(8)} /byte`}${delta}${via}`);
}
const hot = [...ann.stdout.matchAll(/^\s*([\d,]+)\s+\([^)]*\)\s+\S*?:(core::str::converts::from_utf8)\s/gm)][0];
if (hot) console.log(`(of which core::str::from_utf8: ${hot[1]})`);
if (WRITE && BASELINE && REPEAT === 1) {
  fs.writeFileSync(BASELINE, JSON.stringify(record, null, 2) + "\n");
  console.log(`baseline written to ${BASELINE}`);
}
const total = record.perByte["article_annotator::annotate"];
const wasTotal = base && base.perByte["article_annotator::annotate"];
if (wasTotal && total > wasTotal * MAX_GROWTH) {
  console.log(`SLOWER: ${total} instructions per byte, baseline ${wasTotal} (more than +${Math.round((MAX_GROWTH - 1) * 100)}%)`);
  if (TARGETS) process.exit(1);
}
