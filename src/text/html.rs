//! Markup to text. (First skeleton: tags dropped, blocks become newlines, script and
//! style skipped, the common character references decoded. The real reader replaces it.)

use super::Document;
use crate::contract::Metadata;

pub(super) fn read(input: &str) -> Document {
    let mut text = String::with_capacity(input.len());
    let mut rest = input;
    let mut skip_until: Option<&str> = None;
    while !rest.is_empty() {
        if let Some(end_tag) = skip_until {
            match find_ci(rest, end_tag) {
                Some(i) => {
                    rest = &rest[i..];
                    skip_until = None;
                }
                None => break,
            }
            continue;
        }
        match rest.find('<') {
            Some(0) => {
                let close = rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
                let tag = rest[..close].to_ascii_lowercase();
                let name: String = tag
                    .trim_start_matches('<')
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                if !tag.starts_with("</") && (name == "script" || name == "style") {
                    skip_until = Some(if name == "script" { "</script" } else { "</style" });
                }
                if is_block(&name) && !text.ends_with('\n') && !text.is_empty() {
                    text.push('\n');
                }
                rest = &rest[close..];
            }
            Some(i) => {
                decode_into(&rest[..i], &mut text);
                rest = &rest[i..];
            }
            None => {
                decode_into(rest, &mut text);
                rest = "";
            }
        }
    }
    Document { text, html: true, metadata: Metadata::default(), date_hints: Vec::new() }
}

fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let n = needle.as_bytes();
    (0..h.len().saturating_sub(n.len() - 1)).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "br" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "ul" | "ol"
            | "article" | "section" | "header" | "footer" | "blockquote" | "figure"
            | "figcaption" | "table" | "tr" | "td" | "th" | "main" | "aside" | "nav" | "title"
            | "pre" | "hr"
    )
}

fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|j| j + 1).filter(|&j| j < 12);
        let decoded = end.and_then(|j| match &rest[1..j] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some('\u{a0}'),
            _ => None,
        });
        match (decoded, end) {
            (Some(c), Some(j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}
