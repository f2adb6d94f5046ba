//! Inline highlighting of a live DOM: [`plan`] decides (pure Rust, tested natively) which
//! pieces of which text nodes to wrap; `dom` (wasm only) applies that plan with web-sys.

pub mod plan;

#[cfg(target_arch = "wasm32")]
pub(crate) mod dom;
