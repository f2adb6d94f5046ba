//! The page's metadata: title, byline, published date, language, and the raw date strings
//! handed to [`crate::dates`] as the article's own date.
//!
//! Sources, best first (the order Readability.js uses, which the reference data follows):
//!
//! - title: JSON-LD `headline`/`name` of an Article-type object; `dc:title`, `og:title`,
//!   `title`, `twitter:title`, `parsely-title` meta tags; else `<title>` with the site part
//!   cut off at the last ` | `, ` - `, ` – `, ` » ` (or the first part kept when what is left
//!   is too short), or the only `<h1>` when the title is very short or long.
//! - byline: JSON-LD `author.name` (several joined with ", "); `dc:creator`, `author`,
//!   `parsely-author`, `article:author` (unless a URL) meta tags; else the byline element
//!   the body extraction found; else a "By ..." line at the head of the text.
//! - published: JSON-LD `datePublished`, `article:published_time`, `parsely-pub-date`, then
//!   `itemprop=datePublished`, other date meta tags (`date`, `pubdate`, `dc.date.issued`,
//!   ...), the first `<time datetime>`.
//! - language: `<html lang>`.
//!
//! The published string is only trimmed (pages state ISO 8601 there); the strings go into
//! `date_hints` for the date grammar to read.

use super::extract::similarity;
use super::html::{collapse_ws, Dom, NodeData};
use crate::contract::Metadata;

#[derive(Default)]
pub struct PageMeta {
    pub metadata: Metadata,
    pub date_hints: Vec<String>,
    /// The title from `<title>`/headings (for dropping a heading that repeats it).
    pub title_for_body: Option<String>,
}

#[derive(Default)]
struct JsonLd {
    title: Option<String>,
    byline: Option<String>,
    published: Option<String>,
}

pub fn read(dom: &Dom, src: &str) -> PageMeta {
    let mut values: Vec<(String, String)> = Vec::new();
    let mut extra_dates: Vec<String> = Vec::new();
    let mut time_dates: Vec<String> = Vec::new();
    let mut doc_title: Option<String> = None;
    let mut lang: Option<String> = None;
    let mut jsonld_srcs: Vec<(usize, usize)> = Vec::new();
    let mut headings: Vec<(String, String)> = Vec::new(); // (tag, text)

    for id in dom.descendants(0) {
        let Some(e) = dom.element(id) else { continue };
        match e.name.as_str() {
            "html" if lang.is_none() => {
                lang = e.attr("lang").or_else(|| e.attr("xml:lang")).map(str::trim).filter(|l| !l.is_empty()).map(String::from);
            }
            "title" if doc_title.is_none() && !in_svg(dom, id) => {
                doc_title = Some(dom.text_upto(src, id, 2000));
            }
            "h1" | "h2" if headings.len() < 50 => {
                headings.push((e.name.clone(), dom.text_upto(src, id, 1000)));
            }
            "meta" => {
                let content = e.attr("content").map(str::trim).unwrap_or("");
                if content.is_empty() {
                    continue;
                }
                let content = unescape_basic(content);
                let mut matched = false;
                if let Some(key) = e.attr("property").and_then(property_key) {
                    values.push((key, content.clone()));
                    matched = true;
                }
                if !matched {
                    if let Some(name) = e.attr("name") {
                        let n: String = name.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
                        if name_matches(&n) {
                            values.push((n.replace('.', ":"), content.clone()));
                        }
                    }
                }
                let key = e.attr("name").or_else(|| e.attr("property")).or_else(|| e.attr("itemprop")).unwrap_or("").to_ascii_lowercase();
                if matches!(
                    key.as_str(),
                    "datepublished" | "date" | "pubdate" | "publishdate" | "publish-date" | "publish_date"
                        | "dc.date.issued" | "dc.date" | "dcterms.date" | "dcterms.created" | "sailthru.date"
                        | "article.published" | "og:published_time" | "article:published"
                        | "citation_publication_date" | "parsely-pub-date"
                ) {
                    extra_dates.push(content.clone());
                }
            }
            "script" => {
                if e.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) && jsonld_srcs.len() < 16 {
                    if let Some(&c) = dom.nodes[id].children.first() {
                        if let NodeData::Text { start, end, .. } = dom.nodes[c].data {
                            jsonld_srcs.push((start, end));
                        }
                    }
                }
            }
            "time" => {
                if let Some(dt) = e.attr("datetime").map(str::trim).filter(|d| !d.is_empty()) {
                    if e.attr("itemprop").is_some_and(|p| p.contains("datePublished")) || e.attr("pubdate").is_some() {
                        extra_dates.insert(0, dt.to_string());
                    } else if time_dates.len() < 4 {
                        time_dates.push(dt.to_string());
                    }
                }
            }
            _ => {
                if e.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|t| t == "datePublished")) {
                    if let Some(v) = e.attr("content").or_else(|| e.attr("datetime")).map(str::trim).filter(|v| !v.is_empty()) {
                        extra_dates.insert(0, v.to_string());
                    }
                }
            }
        }
    }

    let get = |k: &str| values.iter().rev().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    let doc_title = doc_title.map(|t| collapse_ws(&t)).unwrap_or_default();
    let html_title = article_title(&doc_title, &headings);
    let jl = jsonld_srcs
        .iter()
        .find_map(|&(a, b)| read_jsonld(src.get(a..b).unwrap_or(""), &html_title))
        .unwrap_or_default();

    let title = jl
        .title
        .clone()
        .or_else(|| get("dc:title"))
        .or_else(|| get("dcterm:title"))
        .or_else(|| get("og:title"))
        .or_else(|| get("weibo:article:title"))
        .or_else(|| get("weibo:webpage:title"))
        .or_else(|| get("title"))
        .or_else(|| get("twitter:title"))
        .or_else(|| get("parsely-title"))
        .or_else(|| Some(html_title.clone()).filter(|t| !t.is_empty()))
        .map(|t| collapse_ws(&t));
    let article_author = get("article:author").filter(|a| !(a.starts_with("http://") || a.starts_with("https://")));
    let byline = jl
        .byline
        .clone()
        .or_else(|| get("dc:creator"))
        .or_else(|| get("dcterm:creator"))
        .or_else(|| get("author"))
        .or_else(|| get("parsely-author"))
        .or(article_author)
        .map(|t| collapse_ws(&t))
        .filter(|t| !t.is_empty());
    let mut hints: Vec<String> = Vec::new();
    for d in [jl.published.clone(), get("article:published_time"), get("parsely-pub-date")].into_iter().flatten() {
        hints.push(d);
    }
    hints.extend(extra_dates);
    hints.extend(time_dates);
    let mut date_hints: Vec<String> = Vec::new();
    for h in hints {
        let h = h.trim().to_string();
        if !h.is_empty() && !date_hints.contains(&h) {
            date_hints.push(h);
        }
    }
    let published = date_hints.first().cloned();
    PageMeta {
        metadata: Metadata { title, byline, published, language: lang },
        date_hints,
        title_for_body: Some(html_title).filter(|t| !t.is_empty()),
    }
}

fn in_svg(dom: &Dom, id: usize) -> bool {
    let mut p = dom.nodes[id].parent;
    let mut k = 0;
    while p != 0 && k < 32 {
        if dom.name(p) == "svg" {
            return true;
        }
        p = dom.nodes[p].parent;
        k += 1;
    }
    false
}

/// Readability's `(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|...)` found anywhere
/// in the `property` attribute ("og:article:author" gives "article:author").
fn property_key(prop: &str) -> Option<String> {
    const PRE: &[&str] = &["article", "dcterm", "dc", "og", "twitter"];
    const SUF: &[&str] = &["author", "creator", "description", "published_time", "title", "site_name"];
    let t: String = prop.to_ascii_lowercase();
    let mut best: Option<(usize, String)> = None;
    for (j, _) in t.match_indices(':') {
        let before = t[..j].trim_end();
        let after = t[j + 1..].trim_start();
        let Some(pre) = PRE.iter().find(|p| before.ends_with(*p)) else { continue };
        let Some(suf) = SUF.iter().find(|s| after.starts_with(*s)) else { continue };
        let at = before.len() - pre.len();
        if best.as_ref().map_or(true, |(b, _)| at < *b) {
            best = Some((at, format!("{pre}:{suf}")));
        }
    }
    best.map(|(_, k)| k)
}

fn name_matches(n: &str) -> bool {
    const SUFFIXES: &[&str] = &["author", "creator", "pub-date", "description", "title", "site_name"];
    const PREFIXES: &[&str] = &["dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"];
    SUFFIXES.iter().any(|s| {
        if n == *s {
            return true;
        }
        n.strip_suffix(s).is_some_and(|rest| {
            rest.strip_suffix(['-', '.', ':']).is_some_and(|p| PREFIXES.contains(&p))
        })
    })
}

/// Readability unescapes these once more in metadata (pages double-escape them).
fn unescape_basic(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::new();
    super::html::decode_text(s, true, |a, b, piece| {
        let raw = &s[a..b];
        if raw.starts_with("&#") || matches!(raw, "&quot;" | "&amp;" | "&apos;" | "&lt;" | "&gt;") {
            out.push_str(piece);
        } else {
            out.push_str(raw);
        }
    });
    out
}

fn is_separator(c: char) -> bool {
    matches!(c, '|' | '-' | '\u{2013}' | '\u{2014}' | '\\' | '/' | '>' | '\u{bb}')
}

fn word_count(s: &str) -> usize {
    // JS: str.split(/\s+/).length
    s.split(char::is_whitespace).filter(|w| !w.is_empty()).count().max(1)
}

/// Readability's `_getArticleTitle`.
fn article_title(orig: &str, headings: &[(String, String)]) -> String {
    let mut cur = orig.to_string();
    let mut hierarchical = false;
    // " X " separators: byte positions of the separator's space before.
    let chars: Vec<(usize, char)> = orig.char_indices().collect();
    let seps: Vec<(usize, char)> = chars
        .windows(3)
        .filter(|w| w[0].1 == ' ' && w[2].1 == ' ' && is_separator(w[1].1))
        .map(|w| (w[0].0, w[1].1))
        .collect();
    if let Some(&(last, _)) = seps.last() {
        hierarchical = seps.iter().any(|&(_, c)| matches!(c, '\\' | '/' | '>' | '\u{bb}'));
        cur = orig[..last].to_string();
        if word_count(&cur) < 3 {
            // Drop the first part instead.
            if let Some(p) = orig.find(is_separator) {
                let c = orig[p..].chars().next().map_or(1, char::len_utf8);
                cur = orig[p + c..].to_string();
            }
        }
    } else if orig.contains(": ") {
        let trimmed = orig.trim();
        if !headings.iter().any(|(_, t)| t.trim() == trimmed) {
            let last = orig.rfind(':').unwrap_or(0);
            cur = orig[last + 1..].to_string();
            if word_count(&cur) < 3 {
                let first = orig.find(':').unwrap_or(0);
                cur = orig[first + 1..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.to_string();
            }
        }
    } else if orig.chars().count() > 150 || orig.chars().count() < 15 {
        let h1s: Vec<&String> = headings.iter().filter(|(t, _)| t == "h1").map(|(_, x)| x).collect();
        if h1s.len() == 1 {
            cur = h1s[0].clone();
        }
    }
    let cur = collapse_ws(&cur);
    let wc = word_count(&cur);
    let stripped: String = orig.chars().filter(|&c| !is_separator(c)).collect();
    if wc <= 4 && (!hierarchical || wc != word_count(&stripped) - 1) {
        return orig.to_string();
    }
    cur
}

fn read_jsonld(s: &str, html_title: &str) -> Option<JsonLd> {
    use serde_json::Value;
    let s = s.trim();
    let s = s.strip_prefix("<![CDATA[").unwrap_or(s);
    let s = s.strip_suffix("]]>").unwrap_or(s).trim();
    let s = s.strip_prefix("<!--").unwrap_or(s);
    let s = s.strip_suffix("-->").unwrap_or(s).trim();
    let parsed: Value = serde_json::from_str(s).ok()?;
    let is_article = |v: &Value| {
        let ty = match v.get("@type") {
            Some(Value::String(t)) => vec![t.clone()],
            Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str().map(String::from)).collect(),
            _ => vec![],
        };
        ty.iter().any(|t| {
            const TYPES: &[&str] = &[
                "Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
                "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
                "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
                "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting", "BlogPosting",
                "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", "APIReference",
            ];
            TYPES.iter().any(|k| t == k)
        })
    };
    let schema = |v: &Value| {
        let ok = |s: &str| {
            let s = s.trim_end_matches('/');
            s == "http://schema.org" || s == "https://schema.org"
        };
        match v.get("@context") {
            Some(Value::String(c)) => ok(c),
            Some(Value::Object(o)) => o.get("@vocab").and_then(Value::as_str).is_some_and(ok),
            _ => false,
        }
    };
    let mut obj = match &parsed {
        Value::Array(items) => items.iter().find(|v| is_article(v))?.clone(),
        v => v.clone(),
    };
    if !schema(&obj) {
        return None;
    }
    if obj.get("@type").is_none() {
        if let Some(Value::Array(g)) = obj.get("@graph") {
            obj = g.iter().find(|v| is_article(v))?.clone();
        }
    }
    if !is_article(&obj) {
        return None;
    }
    let string = |k: &str| obj.get(k).and_then(Value::as_str).map(|s| s.trim().to_string());
    let title = match (string("name"), string("headline")) {
        (Some(n), Some(h)) if n != h => {
            let name_ok = similarity(&n, html_title) > 0.75;
            let head_ok = similarity(&h, html_title) > 0.75;
            Some(if head_ok && !name_ok { h } else { n })
        }
        (Some(n), _) => Some(n),
        (None, h) => h,
    };
    let byline = match obj.get("author") {
        Some(Value::Object(a)) => a.get("name").and_then(Value::as_str).map(|s| s.trim().to_string()),
        Some(Value::Array(list)) => {
            let names: Vec<String> =
                list.iter().filter_map(|a| a.get("name").and_then(Value::as_str)).map(|s| s.trim().to_string()).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    };
    Some(JsonLd { title, byline, published: string("datePublished") })
}

