//! Applies a highlight plan to the DOM with web-sys. (Skeleton.)
