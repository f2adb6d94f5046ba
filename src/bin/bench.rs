//! Native per-stage benchmark: where the time of one `annotate()` goes (issue 8).
//!
//! ```text
//! cargo run --release --features tools --bin bench -- [--rounds N] [--copies N] [--strict] [FILE...]
//! cargo run --release --features tools --bin bench -- --once FILE [--repeat N]  (N separate annotate() calls, for callgrind)
//! ```
//!
//! Workloads (defaults: the seed article and every file in `bench/samples/`):
//!
//! - **per-article**: COPIES (200) copies of the seed, each run through the pipeline alone;
//! - **samples**: every sample file alone (plain text and HTML), repeated COPIES/10 times;
//! - **long**: the COPIES seed copies joined into one document (~0.5 MB), run once.
//!
//! Each round runs the stages one after the other, timing each: `markup` (text::read:
//! markup -> article text, or the copy of plain text), `tokens` (tokenize), `entities`
//! (entities::find: features, model, decoding, grouping), `quotes` (quotes::find), `dates`
//! (dates::find against the stated date) and `result` (Analysis::to_result: UTF-16 offsets and
//! the contract's shapes); then `annotate` times the public `annotate()` call as a whole. The
//! figure is the median over the rounds (after one warm-up round), as MB/s of input bytes.
//! The stage split mirrors [`article_annotator::analyze`]; `annotate` minus the stages is the
//! work `analyze` does besides them (finding the stated date, sorting).
//!
//! Before timing, the answers are checked on the seed ("Vladimir Putin" PER, "December 30"
//! -> 2023-12-30, its four required quotations, offsets that slice to the text; every copy's
//! date in the long document): a failed check prints a warning, or exits 1 with `--strict`.
//!
//! Then the heap of each stage over one 5 MB document (`--memory MB`): the peak above what
//! was live before the stage and what it keeps, through a counting global allocator.
//!
//! `--once FILE` runs one `annotate()` of FILE and nothing else, so that
//! `valgrind --tool=callgrind target/release/bench --once tests/data/seed-article.txt`
//! counts the instructions of exactly one annotation (plus the model load, which
//! `callgrind_annotate --inclusive=yes` shows apart under `entities::model`).

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

use article_annotator::analyze::{Analysis, Item};
use article_annotator::contract::{AnnotationResult, InputKind, Kind, Options};
use article_annotator::{dates, entities, quotes, text, tokenize};

/// Counts heap bytes in use and their peak, so that the memory of each stage shows.
struct Counting;
static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let now = CURRENT.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(now, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        CURRENT.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            // During a moving realloc both blocks are alive: count the peak as old + new.
            let now = CURRENT.fetch_add(new_size, Relaxed) + new_size;
            PEAK.fetch_max(now, Relaxed);
            CURRENT.fetch_sub(layout.size(), Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const STAGES: [&str; 7] = [
    "markup", "tokens", "entities", "quotes", "dates", "result", "annotate",
];

struct Args {
    rounds: usize,
    copies: usize,
    memory_mb: usize,
    strict: bool,
    once: Option<PathBuf>,
    repeat: usize,
    files: Vec<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        rounds: 7,
        copies: 200,
        memory_mb: 5,
        strict: false,
        once: None,
        repeat: 1,
        files: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut number = |name: &str| -> Result<usize, String> {
            let v = it.next().ok_or_else(|| format!("{name} needs a number"))?;
            v.parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("{name} needs a positive number, not {v:?}"))
        };
        match a.as_str() {
            "--rounds" => args.rounds = number("--rounds")?,
            "--copies" => args.copies = number("--copies")?,
            "--memory" => args.memory_mb = number("--memory")?,
            "--repeat" => args.repeat = number("--repeat")?,
            "--strict" => args.strict = true,
            "--once" => {
                args.once = Some(PathBuf::from(it.next().ok_or("--once needs a file")?));
            }
            "-h" | "--help" => {
                return Err("usage: bench [--rounds N] [--copies N] [--memory MB] [--strict] [FILE...] | bench --once FILE [--repeat N]".into())
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s:?}")),
            _ => args.files.push(PathBuf::from(a)),
        }
    }
    Ok(args)
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Per-stage nanoseconds of one pass over some inputs.
type StageTimes = [f64; 7];

/// Runs the pipeline stage by stage over `input`, adding each stage's time to `t`.
fn staged(input: &str, t: &mut StageTimes) -> Analysis {
    let settings = Options::default().validate().unwrap_or_default();
    let clock = Instant::now();
    let document = text::read(input, InputKind::Auto);
    let mut last = lap(clock, 0, 0.0, t);
    let tx = document.text.as_str();
    let tokens = tokenize::tokenize(tx);
    last = lap(clock, 1, last, t);
    let mentions = entities::find(tx, &tokens);
    last = lap(clock, 2, last, t);
    let found_quotes = quotes::find(tx, &tokens, &mentions);
    last = lap(clock, 3, last, t);
    let reference = document
        .date_hints
        .iter()
        .find_map(|h| dates::parse_published(h));
    let found_dates = dates::find(tx, reference);
    last = lap(clock, 4, last, t);
    let mut items: Vec<Item> = found_quotes.into_iter().map(Item::Quote).collect();
    items.extend(mentions.into_iter().map(Item::Entity));
    items.extend(found_dates.into_iter().map(Item::Date));
    let analysis = Analysis {
        document,
        reference_date: reference.or(settings.reference_date),
        items,
    };
    let result = analysis.to_result();
    lap(clock, 5, last, t);
    std::hint::black_box(&result);
    analysis
}

fn lap(clock: Instant, stage: usize, last: f64, t: &mut StageTimes) -> f64 {
    let now = clock.elapsed().as_nanos() as f64;
    t[stage] += now - last;
    now
}

fn annotate(input: &str) -> Result<AnnotationResult, String> {
    article_annotator::annotate(input, &Options::default()).map_err(|e| e.to_string())
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(|a, b| a.total_cmp(b));
    let m = xs.len() / 2;
    if xs.is_empty() {
        f64::NAN
    } else if xs.len() % 2 == 1 {
        xs[m]
    } else {
        (xs[m - 1] + xs[m]) / 2.0
    }
}

/// Times `rounds` rounds (after a warm-up) of the stages and of `annotate()` over `inputs`;
/// prints one line per stage and returns the median annotate() MB/s.
fn workload(name: &str, inputs: &[&str], rounds: usize) -> f64 {
    let bytes: usize = inputs.iter().map(|s| s.len()).sum();
    let mut per_round: Vec<StageTimes> = Vec::new();
    for round in 0..=rounds {
        let mut t: StageTimes = [0.0; 7];
        for input in inputs {
            std::hint::black_box(staged(input, &mut t));
        }
        let clock = Instant::now();
        for input in inputs {
            let _ = std::hint::black_box(annotate(input));
        }
        t[6] = clock.elapsed().as_nanos() as f64;
        if round > 0 {
            per_round.push(t);
        }
    }
    println!(
        "\n{name}: {} input(s), {bytes} bytes, median of {rounds} rounds",
        inputs.len()
    );
    println!(
        "  {:<10} {:>10} {:>10} {:>7}",
        "stage", "ms", "MB/s", "share"
    );
    let medians: Vec<f64> = (0..7)
        .map(|s| median(per_round.iter().map(|t| t[s]).collect()))
        .collect();
    let staged_sum: f64 = medians[..6].iter().sum();
    for (s, stage) in STAGES.iter().enumerate() {
        let ns = medians[s];
        let share = if s < 6 {
            format!("{:>6.1}%", 100.0 * ns / staged_sum)
        } else {
            String::new()
        };
        println!(
            "  {:<10} {:>10.2} {:>10.2} {share}",
            stage,
            ns / 1e6,
            bytes as f64 / 1e6 / (ns / 1e9)
        );
    }
    bytes as f64 / 1e6 / (medians[6] / 1e9)
}

/// Heap use of each stage over one document of about `mb` MB (seed copies): the peak above
/// what was live before the stage, and what the stage leaves live (its output). Native
/// sizes: on wasm32 pointers and `usize` take 4 bytes instead of 8, so token and span
/// vectors are smaller there; strings are the same.
fn memory(seed: &str, mb: usize) {
    let copies = (mb * 1_000_000).div_ceil(seed.len() + 2).max(1);
    let doc = vec![seed; copies].join("\n\n");
    let mib = |b: usize| b as f64 / (1 << 20) as f64;
    let mut rows: Vec<(&str, usize, usize)> = Vec::new();
    let mark = || {
        let cur = CURRENT.load(Relaxed);
        PEAK.store(cur, Relaxed);
        cur
    };
    let base = mark();
    let before = mark();
    let document = text::read(&doc, InputKind::Auto);
    rows.push((
        "markup",
        PEAK.load(Relaxed) - before,
        CURRENT.load(Relaxed) - before,
    ));
    let tx = document.text.as_str();
    let before = mark();
    let tokens = tokenize::tokenize(tx);
    rows.push((
        "tokens",
        PEAK.load(Relaxed) - before,
        CURRENT.load(Relaxed) - before,
    ));
    let before = mark();
    let mentions = entities::find(tx, &tokens);
    rows.push((
        "entities",
        PEAK.load(Relaxed) - before,
        CURRENT.load(Relaxed) - before,
    ));
    let before = mark();
    let found_quotes = quotes::find(tx, &tokens, &mentions);
    rows.push((
        "quotes",
        PEAK.load(Relaxed) - before,
        CURRENT.load(Relaxed) - before,
    ));
    let before = mark();
    let reference = document
        .date_hints
        .iter()
        .find_map(|h| dates::parse_published(h));
    let found_dates = dates::find(tx, reference);
    rows.push((
        "dates",
        PEAK.load(Relaxed) - before,
        CURRENT.load(Relaxed) - before,
    ));
    let before = mark();
    let mut items: Vec<Item> = found_quotes.into_iter().map(Item::Quote).collect();
    items.extend(mentions.into_iter().map(Item::Entity));
    items.extend(found_dates.into_iter().map(Item::Date));
    let analysis = Analysis {
        document,
        reference_date: reference,
        items,
    };
    let result = analysis.to_result();
    rows.push((
        "result",
        PEAK.load(Relaxed) - before,
        CURRENT.load(Relaxed) - before,
    ));
    let staged_total = CURRENT.load(Relaxed) - base;
    let n = result.annotations.len();
    drop((result, analysis, tokens));
    let before = mark();
    let r = annotate(&doc);
    let whole = PEAK.load(Relaxed) - before;
    drop(r);
    println!(
        "\nheap, one document of {} bytes ({copies} seed copies, {n} annotations), native sizes",
        doc.len()
    );
    println!("  {:<10} {:>12} {:>12}", "stage", "peak MiB", "kept MiB");
    for (name, peak, kept) in rows {
        println!("  {:<10} {:>12.1} {:>12.1}", name, mib(peak), mib(kept));
    }
    println!("  all stages keep {:.1} MiB; annotate() peaks at {:.1} MiB above the input ({:.1} bytes per input byte)",
        mib(staged_total), mib(whole), whole as f64 / doc.len() as f64);
}

/// The answers the benchmark times. Returns the failures.
fn check_answers(seed: &str, long: &str, copies: usize) -> Vec<String> {
    let mut failures = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            failures.push(what);
        }
    };
    match annotate(seed) {
        Err(e) => check(false, format!("annotate(seed) failed: {e}")),
        Ok(r) => {
            check(
                r.reference_date.as_deref() == Some("2024-01-09"),
                format!("seed: referenceDate {:?}", r.reference_date),
            );
            let has = |kind: Kind, text: &str, label: &str, value: Option<&str>| {
                r.annotations.iter().any(|a| {
                    a.kind == kind
                        && a.text == text
                        && a.label == label
                        && (value.is_none() || a.value.as_deref() == value)
                })
            };
            check(
                has(Kind::Entity, "Vladimir Putin", "PER", None),
                "seed: no entity \"Vladimir Putin\" PER".into(),
            );
            check(
                has(Kind::Date, "December 30", "DATE", Some("2023-12-30")),
                "seed: no date \"December 30\" = 2023-12-30".into(),
            );
            let quotes: Vec<&str> = r
                .annotations
                .iter()
                .filter(|a| a.kind == Kind::Quote)
                .map(|a| a.text.as_str())
                .collect();
            for q in [
                "“The world has turned its back on Russia, forcing Putin into the humiliation.\"",
                "“The world has turned its back on Russia, forcing Putin into the humiliation of",
                "\"In doing so",
                "\"Overnight on 8 January",
            ] {
                check(
                    quotes.iter().any(|t| t.starts_with(q)),
                    format!("seed: no quote starting {q:?} among {}", quotes.len()),
                );
            }
            let units: Vec<u16> = seed.encode_utf16().collect();
            let bad = r
                .annotations
                .iter()
                .filter(|a| {
                    units
                        .get(a.start..a.end)
                        .map(String::from_utf16_lossy)
                        .as_deref()
                        != Some(a.text.as_str())
                })
                .count();
            check(
                bad == 0,
                format!(
                    "seed: {bad} annotation(s) whose UTF-16 offsets do not slice to their text"
                ),
            );
        }
    }
    match annotate(long) {
        Err(e) => check(false, format!("annotate(long) failed: {e}")),
        Ok(r) => {
            let n = r
                .annotations
                .iter()
                .filter(|a| a.text == "December 30" && a.value.as_deref() == Some("2023-12-30"))
                .count();
            check(
                n == copies,
                format!("long: \"December 30\" = 2023-12-30 found {n} times, expected {copies}"),
            );
        }
    }
    failures
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bench: {e}");
            return ExitCode::from(2);
        }
    };
    if let Some(path) = &args.once {
        // `--repeat N`: N separate calls, as a page annotating one article after another
        // (the first fills the per-thread memo; callgrind then shows the warm cost).
        let once = |s: String| {
            let mut r = annotate(&s);
            for _ in 1..args.repeat {
                r = annotate(&s);
            }
            r
        };
        return match read(path).and_then(once) {
            Ok(r) => {
                println!("{} annotations", r.annotations.len());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("bench: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = match read(&root.join("tests/data/seed-article.txt")) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut files = args.files.clone();
    if files.is_empty() {
        if let Ok(dir) = std::fs::read_dir(root.join("bench/samples")) {
            files = dir
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            files.sort();
        }
    }
    let samples: Vec<String> = match files.iter().map(|p| read(p)).collect() {
        Ok(v) => v,
        Err(e) => {
            eprintln!("bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    let long = vec![seed.as_str(); args.copies].join("\n\n");

    let clock = Instant::now();
    let model = entities::model().map(|_| ()).map_err(|e| e.to_string());
    println!(
        "model load: {:.2} ms ({:?})",
        clock.elapsed().as_secs_f64() * 1e3,
        model
    );

    let failures = check_answers(&seed, &long, args.copies);
    for f in &failures {
        println!("{}: {f}", if args.strict { "FAILED" } else { "WARNING" });
    }

    let per_article = workload(
        "per-article (seed, each copy alone)",
        &vec![seed.as_str(); args.copies],
        args.rounds,
    );
    let reps = (args.copies / 10).max(1);
    let sample_inputs: Vec<&str> = (0..reps)
        .flat_map(|_| samples.iter().map(|s| s.as_str()))
        .collect();
    workload(
        &format!("samples ({} files x {reps})", samples.len()),
        &sample_inputs,
        args.rounds,
    );
    let long_rate = workload(
        "long (the copies as one document)",
        &[long.as_str()],
        (args.rounds / 2).max(3),
    );
    println!(
        "\nannotate(): per-article {per_article:.2} MB/s, long {long_rate:.2} MB/s, long/per-article {:.2}x (target >= 0.8x)",
        long_rate / per_article
    );
    memory(&seed, args.memory_mb);
    if !failures.is_empty() {
        println!(
            "{} check(s) failed{}",
            failures.len(),
            if args.strict {
                ""
            } else {
                " (warnings; --strict makes them fatal)"
            }
        );
        if args.strict {
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
