// The annotation objects of `annotate()`, built from the compact form Rust writes
// (`Analysis::write_compact` in src/analyze.rs): object literals, with the same keys in the
// same order as serde's JSON of the result (a browser test compares the two), about 8x
// cheaper in V8 than `JSON.parse` of that JSON, and the texts are sliced from the input
// instead of crossing from wasm as UTF-8.
//
// Bundled by wasm-bindgen as a snippet module next to article_annotator.js (no eval).

/** Label codes: `COMPACT_LABELS` in src/analyze.rs. */
const LABELS = ["PER", "ORG", "LOC", "MISC", "QUOTE", "DATE", "TIME", "DURATION", "SET"];
const SPEAKER = 1 << 8;
const SPEAKER_ENTITY = 1 << 9;
const CUE = 1 << 10;

/**
 * Appends to `list` the annotations of one chunk.
 * @param {object[]} list the result's `annotations`
 * @param {string} source the analysed text (the offsets are UTF-16 code units into it)
 * @param {Uint32Array} words headers, offsets and string lengths (a view of wasm memory)
 * @param {string} strings the entity names, cues and values, one after another
 */
export function push_annotations(list, source, words, strings) {
  const n = words.length;
  let w = 0;
  let p = 0;
  const next = () => {
    const q = p + words[w++];
    const s = strings.slice(p, q);
    p = q;
    return s;
  };
  while (w + 2 < n) {
    const head = words[w];
    const start = words[w + 1];
    const end = words[w + 2];
    w += 3;
    const label = LABELS[(head >>> 2) & 15];
    const text = source.slice(start, end);
    switch (head & 3) {
      case 0:
        list.push({ kind: "entity", label, start, end, text, entity: next() });
        break;
      case 2:
        list.push({ kind: "date", label, start, end, text, value: next() });
        break;
      default: {
        let speaker = null;
        if (head & SPEAKER) {
          const s = words[w];
          const e = words[w + 1];
          w += 2;
          speaker = { text: source.slice(s, e), start: s, end: e };
          if (head & SPEAKER_ENTITY) speaker.entity = next();
        }
        const quote = { kind: "quote", label, start, end, text, speaker };
        if (head & CUE) quote.cue = next();
        list.push(quote);
      }
    }
  }
}
