#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/*.rs) for a set time: `make fuzz`, or
#   bash scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Installs cargo-fuzz if missing. Only stable Rust is assumed: RUSTC_BOOTSTRAP=1 lets stable
# rustc take the -Z flags cargo-fuzz passes; stable ships the ASan runtime for x86_64 Linux.
# If the AddressSanitizer build fails, the targets run without a sanitizer (-s none), which
# still catches every panic, out-of-bounds index and (with -a, debug assertions on)
# integer overflow.
#
# The corpus starts from the seed article and tests/data/regressions/; crashes land in
# fuzz/artifacts/<target>/. Keep each one as a regression case:
#   cp fuzz/artifacts/<target>/crash-<hash> tests/data/regressions/<target>-<what-broke>
# and `cargo test --release --test robustness` replays it from then on.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-${FUZZ_SECONDS:-60}}"
shift || true
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz: installing cargo-fuzz" >&2
    cargo install --locked cargo-fuzz
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for f in fuzz/fuzz_targets/*.rs; do targets+=("$(basename "$f" .rs)"); done
fi

sanitizer=()
if ! (cd fuzz && cargo fuzz build -O -a "${targets[0]}") >&2; then
    echo "fuzz: the AddressSanitizer build failed; running without a sanitizer" >&2
    sanitizer=(-s none)
fi

status=0
for t in "${targets[@]}"; do
    corpus="fuzz/corpus/$t"
    mkdir -p "$corpus" "fuzz/artifacts/$t"
    # Seeds: the seed article, a little markup, and every regression input.
    cp -n tests/data/seed-article.txt "$corpus/seed-article" 2>/dev/null || true
    printf '<p>\xf0\x9f\x98\x80 <b>Vladimir Putin</b> said on December 30: &ldquo;We will act.&rdquo;</p>' \
        > "$corpus/seed-markup"
    for r in tests/data/regressions/*; do
        [ -f "$r" ] && [ "${r##*.}" != md ] && cp -n "$r" "$corpus/" || true
    done
    echo "fuzz: $t for ${SECONDS_PER_TARGET}s" >&2
    if ! (cd fuzz && cargo fuzz run -O -a "${sanitizer[@]}" "$t" -- \
            -max_total_time="$SECONDS_PER_TARGET" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
            -print_final_stats=1); then
        echo "fuzz: $t found a crash; see fuzz/artifacts/$t/ and keep it in tests/data/regressions/" >&2
        status=1
    fi
done
exit $status
