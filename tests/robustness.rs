#![cfg(not(target_arch = "wasm32"))]
//! Hostile, malformed and huge inputs (issue 9): each must end with a valid result, quickly,
//! without a panic (a panic in wasm kills the widget on the page). Every result is checked
//! against the shared invariants (`fuzz/invariants.rs`: offsets in range, on UTF-16
//! boundaries, `text == slice`); cost must stay linear (40x the input, at most 60x the time)
//! and memory must stay proportional to the input.
//!
//! Time bounds are for `cargo test --release` (what `make test` runs); a debug build gets ten
//! times more. Crash inputs found by the fuzzer live in `tests/data/regressions/` and are
//! replayed by [`fuzz_regressions_stay_fixed`].

#[path = "../fuzz/invariants.rs"]
mod invariants;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

use article_annotator::{analyze, annotate, annotate_bytes, text, AnnotationResult, InputKind, Options};

// ---------------------------------------------------------------------------------------
// A counting allocator: live and peak bytes per thread, so that tests running in parallel
// do not see each other's allocations.

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn note(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| {
            if now > peak.get() {
                peak.set(now)
            }
        });
    });
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            note(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            note(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        note(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            note(new_size as isize - layout.size() as isize);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f` and returns its result with the peak bytes it had allocated at once (on this
/// thread, above what was live when it started).
fn peak_bytes<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let base = LIVE.with(|l| l.get());
    PEAK.with(|p| p.set(base));
    let out = f();
    let peak = PEAK.with(|p| p.get());
    (out, (peak - base).max(0) as usize)
}

// ---------------------------------------------------------------------------------------
// Helpers

/// The tests of this file run one at a time: they are heavy, the machine has few cores, and
/// the timing tests must not share them with a 5 MB input.
static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    SERIAL.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// CPU time of the calling thread. The machine running the tests is often shared (other
/// builds, two cores): wall-clock time then charges a long run for every time slice it
/// waited, which makes a 2 MB run look superlinear against a 64 KB one that fits in one
/// slice. CPU time of this thread counts only the work done (including page faults).
/// Falls back to wall-clock time where the clock is not available.
#[derive(Clone, Copy)]
struct Clock(Duration);

impl Clock {
    fn now() -> Clock {
        #[cfg(target_os = "linux")]
        {
            #[repr(C)]
            struct Timespec {
                sec: i64,
                nsec: i64,
            }
            extern "C" {
                fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
            }
            const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
            let mut ts = Timespec { sec: 0, nsec: 0 };
            // SAFETY: a plain libc call writing into a valid Timespec (64-bit Linux layout).
            if cfg!(target_pointer_width = "64")
                && unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0
            {
                return Clock(Duration::new(ts.sec as u64, ts.nsec as u32));
            }
        }
        Clock(EPOCH.with(|e| e.elapsed()))
    }

    fn elapsed(self) -> Duration {
        Clock::now().0.saturating_sub(self.0)
    }
}

thread_local! {
    static EPOCH: Instant = Instant::now();
}

/// The time one hostile input may take (release build; ten times that in debug).
fn limit(seconds: u64) -> Duration {
    let scale = if cfg!(debug_assertions) { 10 } else { 1 };
    Duration::from_secs(seconds * scale)
}

fn options(input: &str) -> Options {
    Options {
        reference_date: Some("2024-01-09".into()),
        input: Some(input.into()),
        ..Options::default()
    }
}

/// Annotates `input` read as `kind` ("text", "html", "auto"), checks every invariant and
/// that it took less than five seconds of CPU; returns the result. The work runs on its own
/// thread, so that a quadratic blow-up fails the test after a minute instead of hanging it.
fn must_survive(name: &str, input: &str, kind: &str) -> AnnotationResult {
    let (tx, rx) = std::sync::mpsc::channel();
    let (owned, opts) = (input.to_string(), options(kind));
    std::thread::spawn(move || {
        let started = Clock::now();
        let result = annotate(&owned, &opts);
        let _ = tx.send((result, started.elapsed()));
    });
    let (result, took) = match rx.recv_timeout(limit(60)) {
        Ok(done) => done,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{name} ({kind}): still running after {:?} ({} bytes)", limit(60), input.len())
        }
        Err(e) => panic!("{name} ({kind}): the annotating thread died (a panic?): {e}"),
    };
    let result = result.unwrap_or_else(|e| panic!("{name} ({kind}): refused with {e}"));
    assert!(took < limit(5), "{name} ({kind}): took {took:?} of CPU for {} bytes", input.len());
    if let Err(e) = invariants::check_all(input, &result) {
        panic!("{name} ({kind}): {e}");
    }
    result
}

fn survive_all_kinds(name: &str, input: &str) {
    for kind in ["text", "html", "auto"] {
        must_survive(name, input, kind);
    }
}

// ---------------------------------------------------------------------------------------
// The inputs of the issue, one test each.

#[test]
fn five_megabytes_of_one_letter() {
    let _serial = serial();
    survive_all_kinds("5 MB of 'a'", &"a".repeat(5 << 20));
    must_survive("5 MB of 'A'", &"A".repeat(5 << 20), "text");
    must_survive("5 MB of 'a '", &"a ".repeat(5 << 19), "text");
    must_survive("5 MB of 'A '", &"A ".repeat(5 << 19), "text");
}

#[test]
fn a_million_quotation_marks() {
    let _serial = serial();
    survive_all_kinds("1M ASCII double quotes", &"\"".repeat(1_000_000));
    must_survive("1M curly quotes", &"\u{201c}\u{201d}".repeat(500_000), "text");
    must_survive("1M apostrophes", &"'".repeat(1_000_000), "text");
    must_survive("1M guillemets", &"\u{ab}".repeat(1_000_000), "text");
    must_survive("1M quotes between words", &"\"a ".repeat(1_000_000), "text");
}

#[test]
fn two_hundred_thousand_unclosed_opening_quotes() {
    let _serial = serial();
    must_survive("200k opening quotes", &"\u{201c}".repeat(200_000), "text");
    must_survive(
        "200k unclosed quotes with speakers",
        &"\u{201c}We will act, Vladimir Putin said. ".repeat(200_000),
        "text",
    );
    must_survive("200k ASCII openers", &"said \"Putin ".repeat(200_000), "text");
}

#[test]
fn thousands_of_unbalanced_quotes() {
    let _serial = serial();
    let marks = ["\"", "\u{201c}", "\u{201d}", "'", "\u{2018}", "\u{2019}", "\u{ab}", "\u{bb}", "\u{201e}"];
    let words = ["Putin", "said", "“We", "will", "act", "Biden", "told", "reporters", "it's", "."];
    let mut rng = Rng(7);
    let mut s = String::new();
    for _ in 0..20_000 {
        if rng.below(3) == 0 {
            s.push_str(marks[rng.below(marks.len())]);
        } else {
            s.push_str(words[rng.below(words.len())]);
            s.push(' ');
        }
    }
    survive_all_kinds("unbalanced quotes", &s);
}

#[test]
fn a_hundred_thousand_nested_divs() {
    let _serial = serial();
    let n = 100_000;
    let nested = format!("{}Vladimir Putin said \"No.\"{}", "<div>".repeat(n), "</div>".repeat(n));
    let r = must_survive("100k nested divs", &nested, "html");
    assert!(r.text.as_deref().unwrap_or("").contains("Vladimir Putin"), "the text inside survives");
    must_survive("100k nested divs (auto)", &nested, "auto");
    must_survive("100k unclosed divs", &"<div>x ".repeat(n), "html");
    must_survive("100k nested spans", &"<span><b><i>".repeat(n), "html");
    must_survive("100k stray closing tags", &"</div></p></b>".repeat(n), "html");
}

/// Bug (entities, src/entities/group.rs, found here): grouping people under canonical
/// names compared each mention with every other full name sharing its surname, so an
/// article listing many different people called Smith froze the page (32,000 of them:
/// 977 KB, 290 s). 20,000 distinct "Mr. X Smith" must take seconds, like any text.
/// Fixed in commit bccf686 (a suffix map: one lookup per bare surname).
#[test]
fn many_people_sharing_a_surname() {
    let _serial = serial();
    const SYL: &[&str] = &["ka", "lo", "mi", "ra", "vet", "son", "dan", "el", "gor", "ish", "ber", "tu"];
    let mut s = String::new();
    for i in 0..20_000usize {
        let (mut x, mut first) = (i, String::new());
        loop {
            first.push_str(SYL[x % SYL.len()]);
            x /= SYL.len();
            if x == 0 {
                break;
            }
        }
        s.push_str(&format!("Mr. {}{} Smith said so. ", first[..1].to_ascii_uppercase(), &first[1..]));
    }
    must_survive("20k people named Smith", &s, "text");
    must_survive("20k Smiths in markup", &format!("<p>{s}</p>"), "html");
}

#[test]
fn unclosed_tags_comments_and_attributes() {
    let _serial = serial();
    for (name, input) in [
        ("unclosed start tag", "<p>Putin said <b"),
        ("unclosed attribute", "<p>Biden <a href=\"x said \"no\" on Monday"),
        ("unclosed single-quoted attribute", "<div class='a>Grant Shapps</div>"),
        ("unclosed comment", "<p>Hi</p><!-- Vladimir Putin said"),
        ("unclosed script", "<p>Hi</p><script>Vladimir Putin said \"x\""),
        ("unclosed style", "<style>p { content: \"Putin\" }"),
        ("unclosed CDATA", "<p>a<![CDATA[ Putin said"),
        ("unclosed doctype", "<!DOCTYPE html"),
        ("lone less-than", "<p>a < b and 3 <4 and <</p>"),
        ("bare end tag open", "</"),
        ("only a less-than", "<"),
        ("attribute soup", "<p a=b c='d' e=\"f\" g h=>Text</p>"),
        ("tag name with non-ASCII", "<p\u{e9}>caf\u{e9}</p\u{e9}> <\u{1f600}>x"),
        ("textarea", "<textarea>Putin said \"x\"</textarea>"),
    ] {
        survive_all_kinds(name, input);
    }
    // Linear, not quadratic, when a '<' or '&' never finds its end.
    survive_all_kinds("200k '<a' without '>'", &"<a".repeat(200_000));
    survive_all_kinds("1M '<'", &"<".repeat(1_000_000));
    survive_all_kinds("1M '&'", &"&".repeat(1_000_000));
    survive_all_kinds("200k '<!--'", &"<!--".repeat(200_000));
    survive_all_kinds("200k '<script>'", &"<script>".repeat(200_000));
    survive_all_kinds("200k '&#'", &"&#".repeat(200_000));
}

#[test]
fn script_and_style_bodies_full_of_names_stay_out() {
    let _serial = serial();
    let names = "Vladimir Putin said \"We will act\" on December 30. Joe Biden, London, Reuters. ";
    let page = format!(
        "<html><head><title>T</title><style>{s}</style><script>{s}</script></head>\
         <body><p>Nothing here.</p><script type=\"application/ld+json\">{s}</script>\
         <noscript>plain</noscript><style>{s}</style></body></html>",
        s = names.repeat(10_000)
    );
    for kind in ["html", "auto"] {
        let r = must_survive("script and style", &page, kind);
        let t = r.text.as_deref().unwrap_or("");
        assert!(!t.contains("Putin"), "{kind}: script/style text leaked into the article text");
        assert!(
            r.annotations.iter().all(|a| !a.text.contains("Putin") && !a.text.contains("Biden")),
            "{kind}: annotation from a script or style body"
        );
    }
}

#[test]
fn character_references_valid_invalid_and_out_of_range() {
    let _serial = serial();
    let refs = "&amp; &lt; &gt; &quot; &apos; &nbsp; &eacute; &hearts; &#233; &#xE9; &#X1F600; \
                &#128512; &bogus; &#; &#x; &#xZZ; &#x110000; &#xD800; &#xDFFF; &#0; &#x0; \
                &#99999999999999999999999; &#xFFFFFFFFFFFFFFFFFFFF; &amp &lt &#65 &#x41 \
                &NotNestedGreaterGreater; &&&; &;; &#-1; &#+1; &#\u{e9}; &\u{1f600};";
    let html = format!("<p>{refs} Caf&eacute; owner Vladimir Putin said &ldquo;yes&rdquo;.</p>");
    let r = must_survive("character references", &html, "html");
    let t = r.text.unwrap_or_default();
    assert!(t.contains("& < >"), "the basic references decode: {t:?}");
    survive_all_kinds("references as text", refs);
    survive_all_kinds("200k references", &"&#x1F600;&#xD800;&amp;".repeat(70_000));
}

#[test]
fn cdata_sections() {
    let _serial = serial();
    for input in [
        "<p>x<![CDATA[Vladimir Putin said \"yes\"]]>y</p>",
        "<svg><![CDATA[ ]]> ]]> <![CDATA[</svg>",
        "<![CDATA[<![CDATA[<![CDATA[ ]]>",
    ] {
        survive_all_kinds("CDATA", input);
    }
    survive_all_kinds("100k CDATA", &"<![CDATA[a]]>".repeat(100_000));
}

#[test]
fn emoji_and_combining_marks_before_names() {
    let _serial = serial();
    let prefix = "😀👩\u{200d}👩\u{200d}👧🇺🇦 e\u{301}\u{301}\u{301} a\u{308} \u{1f3fd} ";
    let body = "Vladimir Putin said on December 30: \u{201c}We will act.\u{201d} Joe Biden, of Washington, disagreed.";
    let input = format!("{prefix}{body}");
    survive_all_kinds("emoji before names", &input);
    let html = format!("<p>{prefix}<b>{body}</b></p>");
    survive_all_kinds("emoji before names in markup", &html);
    // A name written with combining marks, and a combining mark with no base at the start.
    survive_all_kinds("combining marks", "\u{301}\u{301}Jose\u{301} Marti\u{301}nez said \"hola\" today.");
    survive_all_kinds("100k combining marks", &"\u{301}".repeat(100_000));
    survive_all_kinds("500k emoji", &"😀".repeat(500_000));
}

#[test]
fn right_to_left_overrides_and_invisible_characters() {
    let _serial = serial();
    for input in [
        "\u{202e}Vladimir Putin\u{202c} said \u{202e}\"won't\"\u{202c} on Monday.",
        "\u{200f}\u{200e}\u{2066}Grant Shapps\u{2069} said \u{2067}\"yes\"\u{2069}.",
        "\u{feff}\u{200b}Joe\u{200b}Biden\u{2060} said \"x\"\u{200d}.",
        "مرحبا Vladimir Putin قال \"نعم\" 2024-01-09",
    ] {
        survive_all_kinds("bidi", input);
    }
    survive_all_kinds("100k overrides", &"\u{202e}Putin ".repeat(100_000));
}

#[test]
fn nul_and_control_characters() {
    let _serial = serial();
    let controls: String = (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32).collect();
    let input = format!("{controls}Vladimir\0Putin said \"\0\" on\u{1}December 30\u{7}.{controls}");
    survive_all_kinds("control characters", &input);
    survive_all_kinds("1M NUL", &"\0".repeat(1_000_000));
    survive_all_kinds("1M CR", &"\r".repeat(1_000_000));
    survive_all_kinds("1M newlines", &"\n".repeat(1_000_000));
    survive_all_kinds("line and paragraph separators", &"\u{2028}Putin\u{2029}said \u{85}\"x\"".repeat(10_000));
    survive_all_kinds("html with NUL", "<p>a\0b</p>\0<b\0>Putin</b>");
}

#[test]
fn numbers_and_dates_at_the_edges_of_the_calendar() {
    let _serial = serial();
    let input = "On 99999999999999999999-12-31, in 99999999999999999999 days, 4294967296 years ago, \
                 December 99999999999, 2023, at 25:61, 00:00, 9999-12-31, 0000-01-01, -1 BC, \
                 February 29, 2023, 31/31/31, 1e308 weeks, every 0 days, 18446744073709551616 \
                 hours later, the 1990s, the 99999990s, 2024-W53, 2024-W99, week 0, Q9 2024, \
                 tomorrow, yesterday, next year, last century.";
    for date in ["0001-01-01", "9999-12-31", "2024-02-29", "1970-01-01"] {
        let options = Options { reference_date: Some(date.into()), ..Options::default() };
        let r = annotate(input, &options).unwrap_or_else(|e| panic!("reference {date}: {e}"));
        if let Err(e) = invariants::check_all(input, &r) {
            panic!("reference {date}: {e}");
        }
    }
    survive_all_kinds("1M digits", &"9".repeat(1_000_000));
    survive_all_kinds("dates repeated", &"2024-01-09 December 30, 2023 at 6:00 AM ".repeat(50_000));
    survive_all_kinds("200k sentence dots", &"Mr. A. B. ".repeat(200_000));
}

#[test]
fn input_that_is_not_utf8_gets_a_clear_error() {
    let _serial = serial();
    for (bytes, offset) in [
        (&b"abc\xff"[..], 3usize),
        (&b"caf\xc3"[..], 3),                // truncated multi-byte char
        (&b"x\xed\xa0\x80y"[..], 1),         // an encoded surrogate
        (&b"\xc0\xafpath"[..], 0),           // overlong encoding
        (&b"<p>Putin</p>\xfe\xff"[..], 12),  // inside markup
    ] {
        for kind in ["text", "html", "auto"] {
            let e = annotate_bytes(bytes, &options(kind)).expect_err("must refuse non-UTF-8");
            assert!(e.is_invalid_input(), "{e}");
            let msg = e.message();
            assert!(msg.contains("UTF-8"), "{msg}");
            assert!(msg.contains(&format!("offset {offset}")), "{msg} should name offset {offset}");
        }
    }
    // And valid UTF-8 bytes behave like the string.
    let ok = annotate_bytes("é😀 Putin".as_bytes(), &options("text")).unwrap();
    assert_eq!(ok, annotate("é😀 Putin", &options("text")).unwrap());
}

#[test]
fn a_document_over_the_size_limit_gets_a_clear_error() {
    let _serial = serial();
    let big = " ".repeat(analyze::MAX_INPUT_BYTES + 1);
    let started = Instant::now();
    let e = annotate(&big, &Options::default()).expect_err("over the limit");
    assert!(started.elapsed() < limit(1), "refusing must be immediate");
    assert!(e.is_invalid_input());
    assert!(e.message().contains(&(analyze::MAX_INPUT_BYTES + 1).to_string()), "{e}");
    assert!(e.message().contains("limit"), "{e}");
}

#[test]
fn markup_reader_alone_survives_hostile_markup() {
    let _serial = serial();
    // text::read is what the highlighter's own path calls; it must never panic either.
    for input in [
        "<", "<!", "<!-", "<!--", "</", "<a", "&", "&#", "&#x", "<![CDATA[", "<script", "<script>",
        "<style>", "<title>", "<p>\u{0}</p>", "<p\u{1f600}>", "\u{1f600}<", "&\u{1f600}", "<a b=\u{1f600}",
    ] {
        let doc = text::read(input, InputKind::Html);
        assert!(doc.html);
        let doc = text::read(input, InputKind::Auto);
        let _ = doc.text.len();
    }
}

// ---------------------------------------------------------------------------------------
// Regression inputs from the fuzzer.

/// Every file in tests/data/regressions/ once crashed a fuzz target (its name says which
/// target and the bug). Each is replayed through `annotate_bytes` with every input kind and
/// through the markup reader.
#[test]
fn fuzz_regressions_stay_fixed() {
    let _serial = serial();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/regressions");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for kind in ["text", "html", "auto"] {
            match annotate_bytes(&bytes, &options(kind)) {
                Ok(r) => {
                    let input = std::str::from_utf8(&bytes).unwrap();
                    if let Err(e) = invariants::check_all(input, &r) {
                        panic!("{} ({kind}): {e}", path.display());
                    }
                }
                Err(e) => assert!(
                    std::str::from_utf8(&bytes).is_err() && e.is_invalid_input(),
                    "{} ({kind}): refused with {e}",
                    path.display()
                ),
            }
        }
        if let Ok(s) = std::str::from_utf8(&bytes) {
            let _ = text::read(s, InputKind::Html);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Linear cost and bounded memory.

/// A small deterministic generator (xorshift), so the inputs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A made-up capitalised name, so that a longer text has more distinct names (grouping
/// mentions under canonical names must not compare every pair).
fn name(rng: &mut Rng) -> String {
    const SYL: &[&str] = &["ka", "lo", "mi", "ra", "vet", "son", "dan", "el", "gor", "ish", "ber", "tu"];
    let mut s = String::new();
    for i in 0..2 + rng.below(2) {
        let syl = SYL[rng.below(SYL.len())];
        if i == 0 {
            s.push_str(&syl[..1].to_ascii_uppercase());
            s.push_str(&syl[1..]);
        } else {
            s.push_str(syl);
        }
    }
    s
}

/// News-like text of about `bytes` bytes: names, places, dates, quotes, emoji.
fn news(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut s = String::with_capacity(bytes + 200);
    let months = ["January", "March", "June", "December"];
    while s.len() < bytes {
        let (a, b, c) = (name(&mut rng), name(&mut rng), name(&mut rng));
        match rng.below(5) {
            0 => s.push_str(&format!(
                "{a} {b}, the {c} minister, said on {} {} that talks would resume. ",
                months[rng.below(4)],
                1 + rng.below(28)
            )),
            1 => s.push_str(&format!("\u{201c}We will not back down,\u{201d} {a} told reporters in {c} on Tuesday. ")),
            2 => s.push_str(&format!("Mr. {b}'s office in {c} City declined to comment, according to Reuters. 😀\n")),
            3 => s.push_str(&format!("The {a} {b} Company reported 3 days ago, on 2023-12-{:02}. ", 1 + rng.below(28))),
            _ => s.push_str(&format!("\"It's over,\" said {a}. {b} did not reply. Caf\u{e9} {c} \u{2014} more. ")),
        }
    }
    s
}

/// Quote-heavy text: nested, unbalanced and attributed quotations.
fn quotes_heavy(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut s = String::with_capacity(bytes + 200);
    while s.len() < bytes {
        let a = name(&mut rng);
        match rng.below(4) {
            0 => s.push_str(&format!("\u{201c}Yes,\u{201d} said {a}. \u{201c}No \u{2018}never\u{2019} {a}. ")),
            1 => s.push_str(&format!("\"Open \"\" unbalanced \u{ab}{a}\u{bb} \u{201e}x\u{201c} '{a}' said ")),
            2 => s.push_str(&format!("{a} added: \"It's what it's, they're\" ")),
            _ => s.push_str(&format!("\u{201c}{a}\u{201d} \u{201c}\u{201c}\u{201d}\u{201d} \" ")),
        }
    }
    s
}

/// Markup: nested blocks and inline tags, attributes, references, scripts, comments.
fn markup(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut s = String::with_capacity(bytes + 400);
    s.push_str("<!DOCTYPE html><html><head><title>T</title></head><body><article>");
    while s.len() < bytes {
        let (a, b) = (name(&mut rng), name(&mut rng));
        match rng.below(4) {
            0 => s.push_str(&format!("<p><a href=\"/x?a=1&amp;b=2\">{a} {b}</a> said &ldquo;yes&rdquo; on <time datetime=\"2024-01-09\">Tuesday</time>.</p>\n")),
            1 => s.push_str(&format!("<div class='c'><span><b>{a}</b></span> of <em>{b}</em> &amp; co &#233;&#x1F600;</div><!-- c -->")),
            2 => s.push_str(&format!("<script>var x = \"{a} said\";</script><style>.x{{}}</style><p>{b} left.<br>")),
            _ => s.push_str(&format!("<blockquote>\u{201c}{a} <i>will</i> win,\u{201d} {b} said.</blockquote>")),
        }
    }
    s.push_str("</article></body></html>");
    s
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn time_of(input: &str, kind: &str, runs: usize) -> Duration {
    let opts = options(kind);
    median(
        (0..runs)
            .map(|_| {
                let t = Clock::now();
                let r = annotate(input, &opts).expect("annotates");
                let took = t.elapsed();
                std::hint::black_box(r);
                took
            })
            .collect(),
    )
}

/// time(40x input) <= 60 x time(1x input), medians of several runs, in CPU time of the
/// thread (see [`Clock`]). The machine is shared, so a failing ratio is measured once more
/// before the test fails.
fn assert_linear(name: &str, make: fn(usize, u64) -> String, kind: &str) {
    const BASE: usize = 64 * 1024;
    let small = make(BASE, 1);
    let large = make(BASE * 40, 1);
    let mut last = (Duration::ZERO, Duration::ZERO, 0.0);
    for _attempt in 0..2 {
        let _ = time_of(&small, kind, 2); // warm up
        let t1 = time_of(&small, kind, 7);
        let t40 = time_of(&large, kind, 3);
        let ratio = t40.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        eprintln!(
            "linearity {name}: {} B in {t1:?}, {} B in {t40:?}, ratio {ratio:.1} (limit 60)",
            small.len(),
            large.len()
        );
        last = (t1, t40, ratio);
        if ratio <= 60.0 {
            return;
        }
    }
    panic!("{name}: 40x the input took {:.1}x the time ({:?} vs {:?})", last.2, last.1, last.0);
}

/// Bug (entities, found here; measured 2026-05 in CPU time): news-like text with many
/// distinct names takes 74-86x the time for 40x the input, markup 68-103x; the entity stage
/// goes from ~144 to ~322 ns/byte (tokenize, quotes, dates and the HTML reader stay flat).
/// Cause: the quadratic surname grouping of [`many_people_sharing_a_surname`]; fixed by the
/// linear suffix map in `src/entities/group.rs` (commit bccf686).
#[test]
fn cost_is_linear_for_news_text() {
    let _serial = serial();
    assert_linear("news text", news, "text");
}

#[test]
fn cost_is_linear_for_quote_heavy_text() {
    let _serial = serial();
    assert_linear("quote-heavy text", quotes_heavy, "text");
}

/// Same bug as [`cost_is_linear_for_news_text`] (the entity stage), through the HTML reader.
#[test]
fn cost_is_linear_for_markup() {
    let _serial = serial();
    assert_linear("markup", markup, "html");
}

/// Peak memory while annotating stays proportional to the input: 40x the input at most 60x
/// the peak. (The per-byte ceiling is checked in the ignored test below: news text now
/// peaks at ~61 B/B, quote-heavy text ~70 B/B.)
#[test]
fn memory_is_bounded_and_linear() {
    let _serial = serial();
    for (name, make, kind) in [
        ("news text", news as fn(usize, u64) -> String, "text"),
        ("quote-heavy text", quotes_heavy, "text"),
        ("markup", markup, "html"),
    ] {
        let small = make(64 * 1024, 3);
        let large = make(64 * 1024 * 40, 3);
        let (_, p1) = peak_bytes(|| annotate(&small, &options(kind)).map(|r| r.annotations.len()));
        let (_, p40) = peak_bytes(|| annotate(&large, &options(kind)).map(|r| r.annotations.len()));
        eprintln!(
            "memory {name}: {} B -> peak {p1} B ({:.1}/B); {} B -> peak {p40} B ({:.1}/B)",
            small.len(),
            p1 as f64 / small.len() as f64,
            large.len(),
            p40 as f64 / large.len() as f64
        );
        assert!(p40 <= 60 * p1.max(1 << 16), "{name}: 40x the input took {p40} B against {p1} B");
    }
}

/// Bug (tokenize + dates + entities, found here; issue 9): one-character tokens cost about
/// 119 bytes of peak memory per input byte (1M quotation marks: 119 MB), so a document near
/// the 32 MiB limit would need gigabytes, beyond what a wasm32 page can allocate: the widget
/// would die on an allocation failure instead of answering. Fixed by cutting sentences at
/// 256 tokens (the tagger's per-sentence buffers no longer grow with the input), keeping the
/// token vector at its length (not a doubled capacity) and freeing it before the dates stage,
/// and 48-byte quotation drafts (were 96): 69 B/B. What is left at the peak on 1M quotes:
/// the tokens (24 B/B), the quotation drafts and spans, and the tagger's document-wide maps.
#[test]
fn memory_per_byte_is_bounded_on_pathological_inputs() {
    let _serial = serial();
    for (name, input, kind) in [
        ("5 MB of one letter", "a".repeat(5 << 20), "text"),
        ("1M quotes", "\"".repeat(1_000_000), "text"),
        ("100k nested divs", "<div>".repeat(100_000), "html"),
    ] {
        let (_, peak) = peak_bytes(|| annotate(&input, &options(kind)).map(|r| r.annotations.len()));
        eprintln!("memory {name}: {} B -> peak {peak} B ({:.1}/B)", input.len(), peak as f64 / input.len() as f64);
        assert!(peak <= 64 * input.len() + (8 << 20), "{name}: peak {peak} B for {} B", input.len());
    }
}
