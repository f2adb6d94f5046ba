//! Inline highlighting of a live DOM (design.md, contract 2: `highlight` and
//! `clearHighlights`).
//!
//! Owns: turning an [`Analysis`] of the text of a DOM subtree into `<mark>` elements, and
//! taking them away again. The work is split so that every decision is tested natively:
//!
//! - [`plan`] (pure Rust) decides which pieces of which text nodes to wrap, with nesting,
//!   element-crossing annotations cut into several marks, and UTF-16 offsets per node;
//! - this module (pure Rust) decides what each mark says ([`mark_attributes`]) and what the
//!   caller gets back ([`Summary`]);
//! - `dom` (wasm32 only, web-sys) collects the text nodes, runs the analysis, applies the plan
//!   back to front and undoes it.
//!
//! # The marks
//!
//! Each mark is a `<mark>` element with
//!
//! | attribute            | value                                                        |
//! |----------------------|--------------------------------------------------------------|
//! | `class`              | `aa-mark aa-<kind> aa-<LABEL>`, e.g. `aa-mark aa-entity aa-PER` |
//! | `data-annotation-id` | index of the annotation in `Summary.annotations`; every mark of an annotation split by element boundaries carries the same id |
//! | `data-kind`          | `entity`, `quote` or `date`                                  |
//! | `data-label`         | PER ORG LOC MISC, QUOTE, DATE TIME DURATION SET               |
//! | `data-entity`        | entities: the canonical name                                  |
//! | `data-speaker`       | quotes with a speaker: the speaker's canonical entity, else its text |
//! | `data-cue`           | quotes with a reporting cue ("said")                          |
//! | `data-value`         | dates: the TIMEX3 value                                       |
//! | `data-part`          | only on split annotations: `first`, `middle` or `last`        |
//!
//! No `title`, `aria-*` or `tabindex`: tooltips and keyboard behaviour belong to the page's
//! widget (`www/`), which reads these attributes.
//!
//! # The summary
//!
//! `highlight` returns `{ annotations, marks, counts, text, referenceDate }`: the contract's
//! annotations (UTF-16 offsets into `text`, the analysed text: the subtree's text nodes with a
//! `"\n"` at block boundaries), the number of `<mark>` elements made, the number of
//! annotations per label, and the reference date used (or `null`).

pub mod plan;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod dom;

/// The JavaScript exports, reachable from Rust for the browser tests (`tests/browser.rs`).
#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub use crate::wasm::{
    annotate as js_annotate, clear_highlights as js_clear_highlights, highlight as js_highlight,
    highlight_async as js_highlight_async,
};

use std::collections::BTreeMap;

use serde::Serialize;

use crate::analyze::{Analysis, Item};
use crate::contract::{Annotation, Kind};
use crate::error::Error;

/// Every label an annotation can carry (the `labels` option accepts these).
pub const LABELS: [&str; 9] = [
    "PER", "ORG", "LOC", "MISC", "QUOTE", "DATE", "TIME", "DURATION", "SET",
];

/// The class and tag name of our marks, and the attribute that tells them apart from a page's
/// own `<mark>`s.
pub const MARK_TAG: &str = "mark";
pub const MARK_CLASS: &str = "aa-mark";
pub const ID_ATTRIBUTE: &str = "data-annotation-id";
/// What `clearHighlights` looks for.
pub const MARK_SELECTOR: &str = "mark.aa-mark[data-annotation-id]";

/// What `highlight` returns (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    pub annotations: Vec<Annotation>,
    pub marks: usize,
    pub counts: BTreeMap<String, usize>,
    pub text: String,
    pub reference_date: Option<String>,
}

/// Which labels to highlight: `None` = all.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelFilter(Option<Vec<String>>);

impl LabelFilter {
    /// Checks every label against [`LABELS`]; the error names the first unknown one.
    pub fn new(labels: Option<Vec<String>>) -> Result<Self, Error> {
        if let Some(list) = &labels {
            if let Some(bad) = list.iter().find(|l| !LABELS.contains(&l.as_str())) {
                return Err(Error::invalid_option(format!(
                    "labels may hold {}, not {bad:?}",
                    LABELS.join(", ")
                )));
            }
        }
        Ok(LabelFilter(labels))
    }

    pub fn allows(&self, label: &str) -> bool {
        self.0
            .as_ref()
            .map_or(true, |l| l.iter().any(|x| x == label))
    }
}

/// The annotations to mark, chosen from an analysis of `layout`'s text: the plan spans
/// (ids = index in the returned annotations) and the summary without its mark count.
pub fn select(analysis: &Analysis, labels: &LabelFilter) -> (Vec<plan::Span>, Summary) {
    let result = analysis.to_result();
    let mut spans = Vec::new();
    let mut annotations = Vec::new();
    let mut counts = BTreeMap::new();
    for (item, annotation) in analysis.items.iter().zip(result.annotations) {
        if !labels.allows(&annotation.label) {
            continue;
        }
        let (start, end) = item.span();
        let rank = match item {
            Item::Quote(_) => 0,
            Item::Entity(_) => 1,
            Item::Date(_) => 2,
        };
        spans.push(plan::Span {
            start,
            end,
            id: annotations.len(),
            rank,
        });
        *counts.entry(annotation.label.clone()).or_insert(0) += 1;
        annotations.push(annotation);
    }
    let summary = Summary {
        annotations,
        marks: 0,
        counts,
        text: analysis.document.text.clone(),
        reference_date: result.reference_date,
    };
    (spans, summary)
}

/// Where a mark sits among the marks of its annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Only,
    First,
    Middle,
    Last,
}

/// For every wrap of `plan`, in plan order, its [`Part`].
pub fn parts(plan: &plan::Plan) -> Vec<Part> {
    let mut total: BTreeMap<usize, usize> = BTreeMap::new();
    for w in plan.nodes.iter().flat_map(|n| &n.wraps) {
        *total.entry(w.id).or_insert(0) += 1;
    }
    let mut seen: BTreeMap<usize, usize> = BTreeMap::new();
    plan.nodes
        .iter()
        .flat_map(|n| &n.wraps)
        .map(|w| {
            let n = total.get(&w.id).copied().unwrap_or(1);
            let i = seen.entry(w.id).or_insert(0);
            *i += 1;
            match (n, *i) {
                (1, _) => Part::Only,
                (_, 1) => Part::First,
                (n, i) if i == n => Part::Last,
                _ => Part::Middle,
            }
        })
        .collect()
}

/// The attributes of a mark for annotation `a` with summary id `id` (see the module docs).
pub fn mark_attributes(a: &Annotation, id: usize, part: Part) -> Vec<(&'static str, String)> {
    let kind = a.kind.as_str();
    let mut attrs = vec![
        ("class", format!("{MARK_CLASS} aa-{kind} aa-{}", a.label)),
        (ID_ATTRIBUTE, id.to_string()),
        ("data-kind", kind.to_string()),
        ("data-label", a.label.clone()),
    ];
    if let Some(entity) = &a.entity {
        attrs.push(("data-entity", entity.clone()));
    }
    if a.kind == Kind::Quote {
        if let Some(Some(speaker)) = &a.speaker {
            attrs.push((
                "data-speaker",
                speaker
                    .entity
                    .clone()
                    .unwrap_or_else(|| speaker.text.clone()),
            ));
        }
        if let Some(cue) = &a.cue {
            attrs.push(("data-cue", cue.clone()));
        }
    }
    if let Some(value) = &a.value {
        attrs.push(("data-value", value.clone()));
    }
    match part {
        Part::Only => {}
        Part::First => attrs.push(("data-part", "first".into())),
        Part::Middle => attrs.push(("data-part", "middle".into())),
        Part::Last => attrs.push(("data-part", "last".into())),
    }
    attrs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contract::Speaker;

    fn annotation(kind: Kind, label: &str) -> Annotation {
        Annotation {
            kind,
            label: label.into(),
            start: 0,
            end: 1,
            text: "x".into(),
            entity: None,
            speaker: None,
            cue: None,
            value: None,
        }
    }

    #[test]
    fn entity_marks_carry_kind_label_entity_and_class() {
        let mut a = annotation(Kind::Entity, "PER");
        a.entity = Some("Grant Shapps".into());
        let attrs = mark_attributes(&a, 4, Part::Only);
        assert_eq!(
            attrs,
            vec![
                ("class", "aa-mark aa-entity aa-PER".to_string()),
                ("data-annotation-id", "4".to_string()),
                ("data-kind", "entity".to_string()),
                ("data-label", "PER".to_string()),
                ("data-entity", "Grant Shapps".to_string()),
            ]
        );
    }

    #[test]
    fn quote_marks_name_the_speaker_entity_or_text() {
        let mut a = annotation(Kind::Quote, "QUOTE");
        a.speaker = Some(Some(Speaker {
            text: "he".into(),
            start: 0,
            end: 2,
            entity: Some("Grant Shapps".into()),
        }));
        a.cue = Some("said".into());
        let attrs = mark_attributes(&a, 0, Part::First);
        assert!(attrs.contains(&("data-speaker", "Grant Shapps".into())));
        assert!(attrs.contains(&("data-cue", "said".into())));
        assert!(attrs.contains(&("data-part", "first".into())));
        a.speaker = Some(Some(Speaker {
            text: "the ministry".into(),
            start: 0,
            end: 2,
            entity: None,
        }));
        assert!(
            mark_attributes(&a, 0, Part::Only).contains(&("data-speaker", "the ministry".into()))
        );
        a.speaker = Some(None);
        assert!(!mark_attributes(&a, 0, Part::Only)
            .iter()
            .any(|(k, _)| *k == "data-speaker"));
    }

    #[test]
    fn date_marks_carry_the_timex_value() {
        let mut a = annotation(Kind::Date, "DATE");
        a.value = Some("2023-12-30".into());
        assert!(mark_attributes(&a, 0, Part::Only).contains(&("data-value", "2023-12-30".into())));
    }

    #[test]
    fn unknown_labels_are_refused_by_name() {
        let err = LabelFilter::new(Some(vec!["PER".into(), "PERSON".into()])).unwrap_err();
        assert!(err.message().contains("\"PERSON\""), "{err}");
        let f = LabelFilter::new(Some(vec!["LOC".into()])).unwrap();
        assert!(f.allows("LOC") && !f.allows("PER"));
        assert!(LabelFilter::new(None).unwrap().allows("PER"));
    }

    #[test]
    fn parts_of_a_split_annotation_are_first_middle_last() {
        let mut l = plan::Layout::new();
        l.push_text("a");
        l.push_text("b");
        l.push_text("c");
        l.push_text(" d");
        let p = plan::plan(
            &l,
            &[
                plan::Span {
                    start: 0,
                    end: 3,
                    id: 0,
                    rank: 0,
                },
                plan::Span {
                    start: 4,
                    end: 5,
                    id: 1,
                    rank: 0,
                },
            ],
        );
        assert_eq!(
            parts(&p),
            vec![Part::First, Part::Middle, Part::Last, Part::Only]
        );
    }
}
