//! The JavaScript API (design.md, contract 2). (Skeleton.)
