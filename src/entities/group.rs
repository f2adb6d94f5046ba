//! Canonical names: which mentions in one article refer to the same thing.
//!
//! - People: a mention whose words are the last words of a longer person mention ("Putin",
//!   "Mr Putin" minus the title) takes that longer name ("Vladimir Putin"); a lone first name
//!   does too when exactly one longer name starts with it. Titles (Mr., President, ...) are
//!   not part of mentions, the tagger leaves them out.
//! - Everything else: mentions are keyed by their text lowercased, without dots and without a
//!   leading "the", so "U.S.", "US" and "the U.S." are one thing; an acronym joins the
//!   multi-word name whose initials it spells ("UN" and "United Nations"). The canonical name
//!   is the longest form in the group, then the most frequent, then the first.
//!
//! Linear in the number of mentions (hash maps keyed by words). A mention's surface borrows
//! the text when it already is its words joined by single spaces (almost always), and ASCII
//! names are lowercased in place: 243K -> 206K instructions on the seed article (callgrind,
//! cold). Issue 8 round 3: every fact that depends only on a surface (its lowercase form,
//! grouping key, glued form, person, group) is computed once per distinct surface (a
//! `Form`) and kept in one vector indexed by form, not in hash maps keyed by strings per
//! mention; byte-level scans where the characters do not matter; buffers and maps sized once:
//! 204K -> 109K per warm seed call (`node bench/callgrind.mjs --copies 1 --repeat 11`; about
//! 20K of the rest is allocating each mention's own `entity` string, 67 on the seed), the
//! result checked against the previous implementation on random articles. Not measured:
//! coreference accuracy beyond the seed article.

// Maps keyed by the article's own words, private to one call: the crate's fast fixed-seed
// hasher rather than SipHash (nothing here depends on iteration order, which SipHash's
// random seed already varied from run to run).
type HashMap<K, V> = std::collections::HashMap<K, V, super::features::FastState>;
type HashSet<K> = std::collections::HashSet<K, super::features::FastState>;

use std::borrow::Cow;

use super::{EntityLabel, Mention};

/// Appends `s.to_lowercase()` to `buf` (ASCII without an intermediate string).
fn push_lower(buf: &mut String, s: &str) {
    if s.is_ascii() {
        let a = buf.len();
        buf.push_str(s);
        if let Some(t) = buf.get_mut(a..) {
            t.make_ascii_lowercase();
        }
    } else {
        buf.push_str(&s.to_lowercase());
    }
}

#[cfg(test)]
fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// `words(s).join(" ")`, borrowed when `s` already is its words joined by single spaces
/// (almost every mention: no allocation). One pass over the bytes; the characters are
/// decoded only when there are non-ASCII ones (for Unicode whitespace).
fn joined(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    // After a space (or at the start): another space is a double or leading one.
    let mut after_space = true;
    let mut ascii = true;
    let mut single_spaced = true;
    for &c in b {
        if c == b' ' {
            if after_space {
                single_spaced = false;
                break;
            }
            after_space = true;
        } else {
            if c >= 0x80 {
                ascii = false;
            } else if c.is_ascii_whitespace() || c == 0x0b {
                single_spaced = false;
                break;
            }
            after_space = false;
        }
    }
    if b.last() == Some(&b' ') || (!ascii && s.chars().any(|c| !c.is_ascii() && c.is_whitespace())) {
        single_spaced = false;
    }
    if single_spaced {
        return Cow::Borrowed(s);
    }
    Cow::Owned(joined_owned(s))
}

/// [`joined`] into a new string.
fn joined_owned(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// The grouping key of a surface (its words joined by single spaces): lowercased, without
/// a leading "the", dots and spaces ("the U.S." and "US" -> "us"). One allocation.
#[cfg(test)]
fn key_joined(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    push_lower(&mut k, s);
    if k.starts_with("the ") {
        k.drain(..4);
    }
    k.retain(|c| c != '.' && c != ' ');
    k
}

/// [`initials`] into `out`: whether there are any.
fn initials_into(s: &str, out: &mut String) -> bool {
    out.clear();
    if s.split_whitespace().nth(1).is_none() {
        return false;
    }
    for w in s.split_whitespace() {
        let Some(c) = w.chars().next() else { return false };
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if !matches!(w, "of" | "the" | "and" | "for" | "de" | "du" | "des" | "la" | "le" | "&") {
            return false;
        }
    }
    out.chars().count() >= 2
}

#[cfg(test)]
fn initials(s: &str) -> Option<String> {
    let ws = words(s);
    if ws.len() < 2 {
        return None;
    }
    let mut out = String::new();
    for w in ws {
        let c = w.chars().next()?;
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if !matches!(w, "of" | "the" | "and" | "for" | "de" | "du" | "des" | "la" | "le" | "&") {
            return None;
        }
    }
    (out.chars().count() >= 2).then_some(out)
}

/// Marks an unset entry of [`Form`]'s cached ids.
const UNSET: u32 = u32::MAX;
/// Marks an entry of [`Form`]'s cached ids that has no answer.
const NONE: u32 = u32::MAX - 1;

/// What [`assign_entities`] knows of one distinct surface (a "form") of the article's
/// mentions: every fact that depends only on the surface is computed once per form.
#[derive(Clone)]
struct Form {
    /// Two or more words (the surface has a space).
    multi: bool,
    /// The surface lowercased (`str::to_lowercase`): `lower[a..b]`.
    lower: (usize, usize),
    /// Mentions with this surface per label (before any change).
    votes: [u32; 4],
    /// A one-word form that a multi-word mention glued together: 0 unknown, 1 none, 2 + label.
    glued: u8,
    /// The form that is this multi-word form's last word ([`NONE`] if no mention is).
    last: u32,
    /// Person full names ending in this one-word form, and its mentions labelled otherwise.
    full: u32,
    others: u32,
    /// The id of the lowercased form among the person mentions' ones.
    lid: u32,
    /// The mention whose surface names this form's person ([`NONE`]: its own).
    person: u32,
    /// The mention whose surface names this form's non-person mentions' group.
    other: u32,
    /// The grouping key (`keys[a..b]`) and group of the form's non-person mentions.
    key: (usize, usize),
    group: u32,
    /// The form's non-person mentions and the first of them.
    count: u32,
    first: u32,
}

/// Fills `entity` of every mention (mentions in text order).
///
/// First makes labels consistent: the majority label of identical mentions wins, and a one-word mention that is the last word of a person's
/// full name elsewhere in the article is that person ("Shoigu left for Moscow" after
/// "Sergei Shoigu").
pub fn assign_entities(text: &str, mentions: &mut [Mention]) {
    if mentions.is_empty() {
        return;
    }
    // Each mention's words joined by single spaces (borrowed from the text almost always).
    let surfaces: Vec<Cow<str>> = mentions.iter().map(|m| joined(text.get(m.start..m.end).unwrap_or(""))).collect();
    // Maps hold distinct forms: sized for an article's, not for every mention of a long
    // document (pre-sizing them to the mention count cost 37 MiB on a 5 MB input).
    let cap = mentions.len().min(256);
    let mut form_of: HashMap<&str, u32> = HashMap::with_capacity_and_hasher(cap, Default::default());
    let mut texts: Vec<&str> = Vec::with_capacity(cap);
    let mut fid: Vec<u32> = Vec::with_capacity(mentions.len());
    let mut lower = String::with_capacity(surfaces.iter().map(|s| s.len()).sum());
    let mut forms: Vec<Form> = Vec::with_capacity(cap);
    // Forms, and the votes of the next step.
    for (s, m) in surfaces.iter().zip(mentions.iter()) {
        let next = texts.len() as u32;
        let f = *form_of.entry(&**s).or_insert(next);
        if f == next {
            texts.push(s);
            let a = lower.len();
            push_lower(&mut lower, s);
            forms.push(Form {
                multi: s.as_bytes().contains(&b' '),
                lower: (a, lower.len()),
                votes: [0; 4],
                glued: 0,
                last: UNSET,
                full: 0,
                others: 0,
                lid: UNSET,
                person: UNSET,
                other: NONE,
                key: (0, 0),
                group: UNSET,
                count: 0,
                first: 0,
            });
        }
        fid.push(f);
        if let Some(v) = forms.get_mut(f as usize).and_then(|f| f.votes.get_mut(m.label.index())) {
            *v += 1;
        }
    }

    // The same name written the same way is one thing: the majority label wins (the first
    // label on ties; a mention keeps its label when it has as many votes).
    // Glued forms ("HindustanTimes" in a page footer after "Hindustan Times"): a one-word
    // mention that is a multi-word mention without its spaces takes that mention's label
    // (the first such mention's; its label after the vote).
    // (Bytes: dropping ASCII spaces from UTF-8 leaves UTF-8, and byte strings compare as
    // the strings do.)
    let mut squashed: Vec<u8> = Vec::with_capacity(lower.len());
    let mut squashed_at: Vec<(usize, usize, EntityLabel)> = Vec::with_capacity(forms.len());
    for (m, &f) in mentions.iter_mut().zip(&fid) {
        let Some(form) = forms.get_mut(f as usize) else { continue };
        let v = form.votes;
        let mut best = 0;
        for k in 1..4 {
            if v[k] > v[best] {
                best = k;
            }
        }
        if v[best] > v[m.label.index()] {
            if let Some(l) = EntityLabel::from_index(best) {
                m.label = l;
            }
        }
        if form.multi && form.glued == 0 {
            form.glued = 1;
            let a = squashed.len();
            squashed.extend(at(&lower, form.lower).bytes().filter(|&c| c != b' '));
            squashed_at.push((a, squashed.len(), m.label));
        }
    }
    let mut glued: HashMap<&[u8], EntityLabel> =
        HashMap::with_capacity_and_hasher(squashed_at.len(), Default::default());
    for &(a, b, l) in &squashed_at {
        glued.entry(squashed.get(a..b).unwrap_or(&[])).or_insert(l);
    }

    // Per last word of a person's full name: (full-name mentions, one-word mentions of that
    // word labelled otherwise). The one-word mentions become the person unless they
    // outnumber the full names more than twice: "Lebed Chechnya" (a headline the tagger read
    // as one person) must not turn seven mentions of "Chechnya" into people. (In the pass
    // that gives one-word mentions their glued label: that leaves multi-word ones alone.)
    for (m, &f) in mentions.iter_mut().zip(&fid) {
        let Some(form) = forms.get_mut(f as usize) else { continue };
        if !form.multi {
            if glued.is_empty() {
                continue;
            }
            if form.glued == 0 {
                form.glued = match glued.get(at(&lower, form.lower).as_bytes()) {
                    Some(&l) => 2 + l.index() as u8,
                    None => 1,
                };
            }
            if let Some(l) = EntityLabel::from_index((form.glued as usize).wrapping_sub(2)) {
                m.label = l;
            }
            continue;
        }
        if m.label != EntityLabel::Per {
            continue;
        }
        if form.last == UNSET {
            let last = texts.get(f as usize).and_then(|s| s.rsplit(' ').next()).unwrap_or("");
            form.last = form_of.get(last).copied().unwrap_or(NONE);
        }
        let last = form.last;
        if let Some(w) = forms.get_mut(last as usize) {
            w.full += 1;
        }
    }
    for (m, &f) in mentions.iter().zip(&fid) {
        if let Some(form) = forms.get_mut(f as usize) {
            if m.label != EntityLabel::Per && !form.multi && form.full > 0 {
                form.others += 1;
            }
        }
    }
    for (m, &f) in mentions.iter_mut().zip(&fid) {
        if let Some(form) = forms.get(f as usize) {
            if m.label != EntityLabel::Per && !form.multi && form.full > 0 && form.others <= 2 * form.full {
                m.label = EntityLabel::Per;
            }
        }
    }

    people(mentions, &fid, &texts, &mut forms, &lower);
    others(mentions, &fid, &texts, &mut forms, &lower);

    for (m, &f) in mentions.iter_mut().zip(&fid) {
        let Some(form) = forms.get(f as usize) else { continue };
        let j = if m.label == EntityLabel::Per { form.person } else { form.other };
        let name = fid.get(j as usize).or(Some(&f)).and_then(|&g| texts.get(g as usize)).copied().unwrap_or("");
        m.entity.clear();
        m.entity.push_str(name);
    }
}

/// `buf[r.0..r.1]` (empty if out of range).
fn at(buf: &str, r: (usize, usize)) -> &str {
    buf.get(r.0..r.1).unwrap_or("")
}

/// People. Linear: each distinct full name (deduplicated ASCII-case-insensitively, in order
/// of first occurrence) offers itself once for each of its word suffixes; a map from suffix
/// to the best offer (most words, then most mentions, then earliest) answers every form
/// with one lookup. (Was: every mention scanned every full name sharing its surname,
/// quadratic on many people called Smith.) Sets [`Form::person`] of the person mentions'
/// forms.
fn people(mentions: &[Mention], fid: &[u32], texts: &[&str], forms: &mut [Form], lower: &str) {
    // Person mentions per lowercased form.
    let cap = forms.len().min(256);
    let mut lid_of: HashMap<&str, u32> = HashMap::with_capacity_and_hasher(cap, Default::default());
    let mut lcount: Vec<u32> = Vec::with_capacity(cap);
    // Full names: the first mention of each multi-word form, with the ASCII-lowercased
    // surface it is deduplicated by (non-ASCII ones in `ascii`; ASCII ones are their
    // lowercase form).
    let mut cands: Vec<(u32, u32, bool, (usize, usize))> = Vec::with_capacity(cap);
    let mut ascii = String::new();
    for (i, (m, &f)) in mentions.iter().zip(fid).enumerate() {
        if m.label != EntityLabel::Per {
            continue;
        }
        let Some(form) = forms.get_mut(f as usize) else { continue };
        if form.lid == UNSET {
            let next = lcount.len() as u32;
            form.lid = *lid_of.entry(at(lower, form.lower)).or_insert(next);
            if form.lid == next {
                lcount.push(0);
            }
            if form.multi {
                let s = texts.get(f as usize).copied().unwrap_or("");
                if s.is_ascii() {
                    cands.push((i as u32, f, false, form.lower));
                } else {
                    let a = ascii.len();
                    ascii.push_str(s);
                    if let Some(t) = ascii.get_mut(a..) {
                        t.make_ascii_lowercase();
                    }
                    cands.push((i as u32, f, true, (a, ascii.len())));
                }
            }
        }
        if let Some(c) = lcount.get_mut(form.lid as usize) {
            *c += 1;
        }
    }
    if lcount.is_empty() {
        return;
    }
    let words_of = |f: u32| forms.get(f as usize).map_or("", |form| at(lower, form.lower)).split(' ');
    let mut seen: HashSet<&str> = HashSet::with_capacity_and_hasher(cands.len(), Default::default());
    // (mention, form, rank: words then mentions).
    let mut full_names: Vec<(u32, u32, (usize, u32))> = Vec::with_capacity(cands.len());
    let mut by_first: HashMap<&str, (u32, usize)> = HashMap::with_capacity_and_hasher(cands.len(), Default::default());
    for &(i, f, in_ascii, r) in &cands {
        if !seen.insert(at(if in_ascii { &ascii } else { lower }, r)) {
            continue;
        }
        let count = forms.get(f as usize).and_then(|form| lcount.get(form.lid as usize)).copied().unwrap_or(0);
        full_names.push((i, f, (words_of(f).count(), count)));
        if let Some(w) = words_of(f).next() {
            by_first.entry(w).or_insert((i, 0)).1 += 1;
        }
    }
    drop(seen);
    // Suffixes keyed by a 64-bit hash of their word ids (built from the end, so a name of
    // k words costs k steps); a hit is verified by comparing words.
    let n_words: usize = full_names.iter().map(|n| n.2 .0).sum();
    let mut word_id: HashMap<&str, u64> = HashMap::with_capacity_and_hasher(n_words, Default::default());
    let suffix_step = |h: u64, id: u64| h.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29) ^ id.wrapping_add(1);
    let mut best_for: HashMap<(u64, usize), usize> = HashMap::with_capacity_and_hasher(n_words, Default::default());
    for (k, &(_, f, rank)) in full_names.iter().enumerate() {
        let mut h = 0u64;
        for (d, w) in words_of(f).rev().enumerate() {
            let next = word_id.len() as u64;
            let id = *word_id.entry(w).or_insert(next);
            h = suffix_step(h, id);
            let e = best_for.entry((h, d + 1)).or_insert(k);
            if *e != k && full_names.get(*e).is_some_and(|b| rank > b.2) {
                *e = k;
            }
        }
    }
    let mut ws: Vec<&str> = Vec::new();
    let mut wj: Vec<&str> = Vec::new();
    // Per form: the mention naming its person (UNSET: not looked up yet).
    let mut person: Vec<u32> = vec![UNSET; forms.len()];
    for (m, &f) in mentions.iter().zip(fid) {
        let Some(form) = forms.get(f as usize) else { continue };
        if m.label != EntityLabel::Per || person.get(f as usize) != Some(&UNSET) {
            continue;
        }
        ws.clear();
        ws.extend(at(lower, form.lower).split(' '));
        let Some(&last) = ws.last() else { continue };
        let mut h = 0u64;
        let mut known = true;
        for w in ws.iter().rev() {
            match word_id.get(w) {
                Some(&id) => h = suffix_step(h, id),
                None => {
                    known = false;
                    break;
                }
            }
        }
        let mut best: Option<u32> = None;
        if known {
            if let Some(&(j, fj, _)) = best_for.get(&(h, ws.len())).and_then(|&k| full_names.get(k)) {
                wj.clear();
                wj.extend(words_of(fj));
                if wj.len() >= ws.len() && wj[wj.len() - ws.len()..] == ws[..] {
                    best = Some(j);
                }
            }
        }
        if best.is_none() && ws.len() == 1 {
            if let Some(&(j, 1)) = by_first.get(last) {
                best = Some(j);
            }
        }
        if let Some(p) = person.get_mut(f as usize) {
            *p = best.unwrap_or(NONE);
        }
    }
    for (form, p) in forms.iter_mut().zip(person) {
        form.person = p;
    }
}

/// Everything but people: mentions grouped by key ([`key_joined`]), acronyms joined to their
/// expansions; the canonical name of a group is its longest form (in words), then the most
/// frequent, then the first. Sets [`Form::other`] of the non-person mentions' forms.
fn others(mentions: &[Mention], fid: &[u32], texts: &[&str], forms: &mut [Form], lower: &str) {
    // Grouping keys as bytes (see the glued forms).
    let mut keys: Vec<u8> = Vec::with_capacity(lower.len());
    let mut any = false;
    for (i, (m, &f)) in mentions.iter().zip(fid).enumerate() {
        if m.label == EntityLabel::Per {
            continue;
        }
        let Some(form) = forms.get_mut(f as usize) else { continue };
        any = true;
        form.count += 1;
        if form.group == UNSET {
            form.group = NONE;
            form.first = i as u32;
            let a = keys.len();
            let l = at(lower, form.lower);
            keys.extend(l.strip_prefix("the ").unwrap_or(l).bytes().filter(|&c| c != b'.' && c != b' '));
            form.key = (a, keys.len());
        }
    }
    if !any {
        return;
    }
    let cap = mentions.len().min(256);
    let mut group_of_key: HashMap<&[u8], u32> = HashMap::with_capacity_and_hasher(cap, Default::default());
    // Per group: its first mention.
    let mut first_of: Vec<u32> = Vec::with_capacity(forms.len());
    for (i, (m, &f)) in mentions.iter().zip(fid).enumerate() {
        if m.label == EntityLabel::Per {
            continue;
        }
        let Some(form) = forms.get_mut(f as usize) else { continue };
        if form.group == NONE {
            let next = first_of.len() as u32;
            form.group = *group_of_key.entry(keys.get(form.key.0..form.key.1).unwrap_or(&[])).or_insert(next);
            if form.group == next {
                first_of.push(i as u32);
            }
        }
    }
    // Acronyms: a one-word group whose key equals the initials of a multi-word group.
    let mut merge_into: Vec<u32> = (0..first_of.len() as u32).collect();
    let mut ini = String::new();
    for (g, &i) in first_of.iter().enumerate() {
        let s = fid.get(i as usize).and_then(|&f| texts.get(f as usize)).copied().unwrap_or("");
        if initials_into(s, &mut ini) {
            if let Some(&a) = group_of_key.get(ini.as_bytes()) {
                if a as usize != g && merge_into.get(a as usize) == Some(&a) {
                    merge_into[a as usize] = g as u32;
                }
            }
        }
    }
    // Per merged group: (words, count, first mention) of the best form so far.
    let mut best: Vec<Option<(usize, u32, u32)>> = vec![None; first_of.len()];
    for (form, s) in forms.iter().zip(texts) {
        if form.count == 0 {
            continue;
        }
        let Some(&fg) = merge_into.get(form.group as usize) else { continue };
        // Words: a surface is words joined by single spaces.
        let words = if s.is_empty() { 0 } else { 1 + s.bytes().filter(|&c| c == b' ').count() };
        let cand = (words, form.count, form.first);
        if let Some(b) = best.get_mut(fg as usize) {
            let better = match *b {
                None => true,
                Some((w, c, f)) => cand.0.cmp(&w).then(cand.1.cmp(&c)).then(f.cmp(&cand.2)).is_gt(),
            };
            if better {
                *b = Some(cand);
            }
        }
    }
    for form in forms.iter_mut() {
        if form.count > 0 {
            if let Some(Some((_, _, j))) = merge_into.get(form.group as usize).and_then(|&fg| best.get(fg as usize)) {
                form.other = *j;
            }
        }
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    /// The implementation before issue 8 round 3 (hash maps keyed by strings per mention):
    /// the reference [`assign_entities`] must agree with.
    ///
    /// First makes labels consistent: the majority label of identical mentions wins, and a one-word mention that is the last word of a person's
    /// full name elsewhere in the article is that person ("Shoigu left for Moscow" after
    /// "Sergei Shoigu").
    fn assign_entities_reference(text: &str, mentions: &mut [Mention]) {
        // Each mention's words joined by single spaces (one allocation per mention).
        let surfaces: Vec<Cow<str>> = mentions.iter().map(|m| joined(text.get(m.start..m.end).unwrap_or(""))).collect();
        // Whether each surface has two or more words (words are joined by single spaces).
        let multi: Vec<bool> = surfaces.iter().map(|s| s.as_bytes().contains(&b' ')).collect();
        // The same name written the same way is one thing: the majority label wins.
        let n = mentions.len();
        // Maps hold distinct forms: sized for an article's, not for every mention of a long
        // document (pre-sizing them to the mention count cost 37 MiB on a 5 MB input).
        let cap = n.min(256);
        let mut votes: HashMap<&str, [usize; 4]> = HashMap::with_capacity_and_hasher(cap, Default::default());
        for (m, s) in mentions.iter().zip(&surfaces) {
            votes.entry(&**s).or_insert([0; 4])[m.label.index()] += 1;
        }
        for (m, s) in mentions.iter_mut().zip(&surfaces) {
            if let Some(v) = votes.get(&**s) {
                let own = v[m.label.index()];
                if let Some((best, &n)) = v.iter().enumerate().max_by_key(|&(i, &n)| (n, usize::MAX - i)) {
                    if n > own {
                        if let Some(l) = EntityLabel::from_index(best) {
                            m.label = l;
                        }
                    }
                }
            }
        }
        // Glued forms ("HindustanTimes" in a page footer after "Hindustan Times"): a one-word
        // mention that is a multi-word mention without its spaces takes that mention's label.
        let mut glued: HashMap<String, EntityLabel> = HashMap::default();
        for ((m, s), &multi) in mentions.iter().zip(&surfaces).zip(&multi) {
            if multi {
                let mut g = String::with_capacity(s.len());
                push_lower(&mut g, s);
                g.retain(|c| c != ' ');
                glued.entry(g).or_insert(m.label);
            }
        }
        let mut lower_s = String::new();
        for ((m, s), &multi) in mentions.iter_mut().zip(&surfaces).zip(&multi) {
            if !glued.is_empty() && !multi {
                lower_s.clear();
                push_lower(&mut lower_s, s);
                if let Some(&l) = glued.get(lower_s.as_str()) {
                    m.label = l;
                }
            }
        }
        // Per last word of a person's full name: (full-name mentions, one-word mentions of that
        // word labelled otherwise). The one-word mentions become the person unless they
        // outnumber the full names more than twice: "Lebed Chechnya" (a headline the tagger read
        // as one person) must not turn seven mentions of "Chechnya" into people.
        let mut surnames: HashMap<&str, (usize, usize)> = HashMap::with_capacity_and_hasher(cap, Default::default());
        for ((m, s), &multi) in mentions.iter().zip(&surfaces).zip(&multi) {
            // A surface is words joined by single spaces: two or more words iff it has a space.
            if m.label == EntityLabel::Per && multi {
                if let Some(l) = s.rsplit(' ').next() {
                    surnames.entry(l).or_insert((0, 0)).0 += 1;
                }
            }
        }
        for ((m, s), &multi) in mentions.iter().zip(&surfaces).zip(&multi) {
            if m.label != EntityLabel::Per && !multi {
                if let Some(c) = surnames.get_mut(&**s) {
                    c.1 += 1;
                }
            }
        }
        for ((m, s), &multi) in mentions.iter_mut().zip(&surfaces).zip(&multi) {
            if m.label != EntityLabel::Per && !multi {
                if let Some(&(full, others)) = surnames.get(&**s) {
                    if others <= 2 * full {
                        m.label = EntityLabel::Per;
                    }
                }
            }
        }

        // People. Linear: each distinct full name (deduplicated ASCII-case-insensitively, in
        // order of first occurrence) offers itself once for each of its word suffixes; a map
        // from suffix to the best offer (most words, then most mentions, then earliest) answers
        // every mention with one lookup. (Was: every mention scanned every full name sharing
        // its surname, quadratic on many people called Smith.)
        // Each person mention lowercased once; its words are slices of that (lowercasing never
        // makes or removes spaces, so they are the lowercased words of the surface).
        // (In one buffer: a vector of strings cost 24 bytes per mention on long documents.)
        let mut lower_buf = String::new();
        let mut lower_at: Vec<(u32, u32)> = vec![(0, 0); mentions.len()];
        for ((m, s), at) in mentions.iter().zip(&surfaces).zip(lower_at.iter_mut()) {
            if m.label == EntityLabel::Per {
                let a = lower_buf.len();
                push_lower(&mut lower_buf, s);
                *at = (a as u32, lower_buf.len() as u32);
            }
        }
        let lower = |i: usize| -> &str {
            lower_at.get(i).and_then(|&(a, b)| lower_buf.get(a as usize..b as usize)).unwrap_or("")
        };
        let mut count: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(cap, Default::default());
        let mut lower_words: Vec<Vec<&str>> = vec![Vec::new(); mentions.len()];
        for (i, m) in mentions.iter().enumerate() {
            if m.label != EntityLabel::Per {
                continue;
            }
            *count.entry(lower(i)).or_default() += 1;
            lower_words[i] = lower(i).split(' ').collect();
        }
        let mut seen: HashSet<String> = HashSet::default();
        let mut full_names: Vec<usize> = Vec::new();
        let mut by_first: HashMap<&str, (usize, usize)> = HashMap::default();
        for (i, m) in mentions.iter().enumerate() {
            if m.label != EntityLabel::Per || lower_words[i].len() < 2 {
                continue;
            }
            if seen.insert(surfaces[i].to_ascii_lowercase()) {
                full_names.push(i);
                if let Some(&f) = lower_words[i].first() {
                    by_first.entry(f).or_insert((i, 0)).1 += 1;
                }
            }
        }
        drop(seen);
        let rank = |j: usize| -> (usize, usize) { (lower_words[j].len(), count.get(lower(j)).copied().unwrap_or(0)) };
        let ranks: HashMap<usize, (usize, usize)> = full_names.iter().map(|&j| (j, rank(j))).collect();
        // Suffixes keyed by a 64-bit hash of their word ids (built from the end, so a name of
        // k words costs k steps); a hit is verified by comparing words.
        let mut word_id: HashMap<&str, u64> = HashMap::default();
        let suffix_step = |h: u64, id: u64| h.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29) ^ id.wrapping_add(1);
        let mut best_for: HashMap<(u64, usize), usize> = HashMap::default();
        for &j in &full_names {
            let mut h = 0u64;
            for (k, w) in lower_words[j].iter().rev().enumerate() {
                let next = word_id.len() as u64;
                let id = *word_id.entry(w).or_insert(next);
                h = suffix_step(h, id);
                let e = best_for.entry((h, k + 1)).or_insert(j);
                if *e != j {
                    let (rj, rb) =
                        (ranks.get(&j).copied().unwrap_or_default(), ranks.get(e).copied().unwrap_or_default());
                    if rj > rb {
                        *e = j;
                    }
                }
            }
        }
        let mut per_name: Vec<Option<String>> = vec![None; mentions.len()];
        for (i, m) in mentions.iter().enumerate() {
            if m.label != EntityLabel::Per {
                continue;
            }
            let ws = &lower_words[i];
            let Some(last) = ws.last() else { continue };
            let mut h = 0u64;
            let mut known = true;
            for w in ws.iter().rev() {
                match word_id.get(w) {
                    Some(&id) => h = suffix_step(h, id),
                    None => {
                        known = false;
                        break;
                    }
                }
            }
            let mut best: Option<usize> = None;
            if known {
                if let Some(&j) = best_for.get(&(h, ws.len())) {
                    let wj = &lower_words[j];
                    if wj.len() >= ws.len() && wj[wj.len() - ws.len()..] == ws[..] {
                        best = Some(j);
                    }
                }
            }
            if best.is_none() && ws.len() == 1 {
                if let Some(&(j, 1)) = by_first.get(last) {
                    best = Some(j);
                }
            }
            per_name[i] = Some(best.map(|j| surfaces[j].to_string()).unwrap_or_else(|| surfaces[i].to_string()));
        }

        // Everything else: groups by key, acronyms joined to their expansions.
        let mut group_of_key: HashMap<String, usize> = HashMap::with_capacity_and_hasher(cap, Default::default());
        // Per group: its first mention.
        let mut first_of: Vec<usize> = Vec::new();
        let mut group_of: Vec<usize> = vec![usize::MAX; mentions.len()];
        for (i, m) in mentions.iter().enumerate() {
            if m.label == EntityLabel::Per {
                continue;
            }
            let k = key_joined(&surfaces[i]);
            let g = *group_of_key.entry(k).or_insert_with(|| {
                first_of.push(i);
                first_of.len() - 1
            });
            group_of[i] = g;
        }
        // Acronyms: a one-word group whose key equals the initials of a multi-word group.
        let mut merge_into: Vec<usize> = (0..first_of.len()).collect();
        for (g, &i) in first_of.iter().enumerate() {
            if let Some(ini) = initials(&surfaces[i]) {
                if let Some(&a) = group_of_key.get(&ini) {
                    if a != g && merge_into[a] == a {
                        merge_into[a] = g;
                    }
                }
            }
        }
        // The canonical name of each merged group: its longest form (in words), then the most
        // frequent, then the first. One map over (merged group, form) for all groups; a form
        // belongs to one key, so its first mention is its earliest.
        let mut freq: HashMap<(usize, &str), (usize, usize)> =
            HashMap::with_capacity_and_hasher(cap, Default::default());
        for (i, &g) in group_of.iter().enumerate() {
            let Some(&fg) = merge_into.get(g) else { continue };
            freq.entry((fg, &*surfaces[i])).or_insert((0, i)).0 += 1;
        }
        // Per merged group: (words, count, first mention) of the best form so far.
        let mut best: Vec<Option<(usize, usize, usize)>> = vec![None; first_of.len()];
        for (&(fg, form), &(count, first)) in &freq {
            let cand = (form.split_whitespace().count(), count, first);
            if let Some(b) = best.get_mut(fg) {
                let better = match *b {
                    None => true,
                    Some((w, c, f)) => cand.0.cmp(&w).then(cand.1.cmp(&c)).then(f.cmp(&cand.2)).is_gt(),
                };
                if better {
                    *b = Some(cand);
                }
            }
        }
        for (i, m) in mentions.iter_mut().enumerate() {
            m.entity = if m.label == EntityLabel::Per {
                per_name[i].take().unwrap_or_default()
            } else {
                let g = group_of.get(i).copied().unwrap_or(usize::MAX);
                merge_into
                    .get(g)
                    .and_then(|&fg| best.get(fg).copied().flatten())
                    .and_then(|(_, _, j)| surfaces.get(j).map(|s| s.to_string()))
                    .unwrap_or_else(|| surfaces[i].to_string())
            };
        }
    }

    /// Guards the rewrite by distinct forms (issue 8 round 3): on random articles of names
    /// in mixed case, accents, dots, "the", acronyms, glued forms and odd whitespace, labels
    /// and canonical names must be the reference implementation's.
    #[test]
    fn forms_agree_with_the_reference_implementation() {
        const WORDS: &[&str] = &[
            "Putin",
            "PUTIN",
            "putin",
            "Vladimir",
            "U.S.",
            "US",
            "the",
            "The",
            "United",
            "States",
            "Nations",
            "UN",
            "Élise",
            "ÉLISE",
            "élise",
            "Smith",
            "Bob",
            "bob",
            "of",
            "Bank",
            "England",
            "BoE",
            "Hindustan",
            "Times",
            "HindustanTimes",
            "hindustantimes",
            "Chechnya",
            "Lebed",
            "Café",
            "É.U.",
            "Ann",
            "Lee",
            "Mary",
            "BE",
            "Σ",
        ];
        let mut seed = 0x853C_49E6_748F_EA9Bu64;
        let mut next = |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        let mut changed = 0;
        for round in 0..3000 {
            let mut text = String::from("😀 é ");
            let mut ms = Vec::new();
            for _ in 0..1 + round % 37 {
                let start = text.len();
                for w in 0..1 + next(3) {
                    if w > 0 {
                        text.push_str([" ", " ", " ", "  ", "\n"][next(5)]);
                    }
                    text.push_str(WORDS[next(WORDS.len())]);
                }
                let label = EntityLabel::from_index(next(4)).unwrap();
                ms.push(Mention { start, end: text.len(), label, entity: String::new() });
                text.push_str(" said. ");
            }
            let mut want = ms.clone();
            assign_entities_reference(&text, &mut want);
            assign_entities(&text, &mut ms);
            changed += want.iter().filter(|m| text[m.start..m.end] != *m.entity).count();
            assert_eq!(ms, want, "round {round}: {text:?}");
        }
        assert!(changed > 1000, "{changed}");
    }

    fn mention(text: &str, needle: &str, nth: usize, label: EntityLabel) -> Mention {
        let start = text.match_indices(needle).nth(nth).map(|(i, _)| i).unwrap();
        Mention { start, end: start + needle.len(), label, entity: String::new() }
    }

    /// A headline the tagger read as one person ("Lebed Chechnya peace plan") must not turn
    /// every later "Chechnya" into a person (7 errors in CoNLL dev); a surname mentioned as
    /// often as its full name still joins the person.
    #[test]
    fn a_place_outnumbering_a_misread_full_name_stays_a_place() {
        let text = "😀 Café: Yeltsin endorses Lebed Chechnya peace plan. Chechnya is calm. \
                    Troops left Chechnya. Chechnya voted. Sergei Shoigu spoke; Shoigu left.";
        let mut ms = vec![mention(text, "Lebed Chechnya", 0, EntityLabel::Per)];
        for k in 1..4 {
            ms.push(mention(text, "Chechnya", k, EntityLabel::Loc));
        }
        ms.push(mention(text, "Sergei Shoigu", 0, EntityLabel::Per));
        ms.push(mention(text, "Shoigu", 1, EntityLabel::Org));
        assign_entities(text, &mut ms);
        for m in &ms[1..4] {
            assert_eq!((&text[m.start..m.end], m.label), ("Chechnya", EntityLabel::Loc));
        }
        assert_eq!((&text[ms[5].start..ms[5].end], ms[5].label), ("Shoigu", EntityLabel::Per));
    }

    /// A mention's surface is its words joined by single spaces, whatever whitespace the
    /// text has between them (guards the borrowed fast path of `joined`).
    #[test]
    fn surfaces_join_words_by_single_spaces() {
        for (s, want) in [
            ("Vladimir Putin", "Vladimir Putin"),
            ("😀 Café Noir", "😀 Café Noir"),
            ("Vladimir  Putin", "Vladimir Putin"),
            ("Vladimir\nPutin", "Vladimir Putin"),
            ("Vladimir\u{b}Putin", "Vladimir Putin"),
            ("Café\u{a0}Noir", "Café Noir"),
            (" Putin ", "Putin"),
            ("", ""),
        ] {
            assert_eq!(joined(s), want, "{s:?}");
            assert_eq!(joined(s), s.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        let mut buf = String::from("x");
        push_lower(&mut buf, "ÉCOLE U.S.");
        push_lower(&mut buf, "ΟΔΟΣ");
        push_lower(&mut buf, "New York");
        assert_eq!(buf, format!("x{}{}new york", "ÉCOLE U.S.".to_lowercase(), "ΟΔΟΣ".to_lowercase()));
    }

    #[test]
    fn surnames_take_the_full_name_and_acronyms_their_expansion() {
        let text = "😀 Café: Putin met Vladimir Putin in the U.S. and US officials of the United States. Shoigu = Sergei Shoigu.";
        let mut ms = vec![
            mention(text, "Putin", 0, EntityLabel::Per),
            mention(text, "Vladimir Putin", 0, EntityLabel::Per),
            mention(text, "U.S.", 0, EntityLabel::Loc),
            mention(text, "US", 0, EntityLabel::Loc),
            mention(text, "United States", 0, EntityLabel::Loc),
            mention(text, "Shoigu", 0, EntityLabel::Per),
            mention(text, "Sergei Shoigu", 0, EntityLabel::Per),
        ];
        assign_entities(text, &mut ms);
        let names: Vec<&str> = ms.iter().map(|m| m.entity.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Vladimir Putin",
                "Vladimir Putin",
                "United States",
                "United States",
                "United States",
                "Sergei Shoigu",
                "Sergei Shoigu"
            ]
        );
    }

    /// Bug guarded: grouping people was quadratic in the number of full names sharing a
    /// surname (20,000 "Mr. X Smith" froze the page). The linear version must still pick,
    /// for a bare surname, the longest then most frequent then earliest full name.
    #[test]
    fn many_full_names_sharing_a_surname_resolve_linearly_and_by_frequency() {
        let mut text = String::from("😀 é ");
        let mut spans = Vec::new();
        for i in 0..3000 {
            let name = format!("Ann{i} Smith");
            spans.push((text.len(), text.len() + name.len()));
            text.push_str(&name);
            text.push_str(" said. ");
        }
        for name in ["Bob Smith", "Bob Smith", "Smith", "bob smith", "Mary Ann Lee", "Lee", "Ann Lee"] {
            spans.push((text.len(), text.len() + name.len()));
            text.push_str(name);
            text.push_str(" said. ");
        }
        let mut ms: Vec<Mention> = spans
            .iter()
            .map(|&(start, end)| Mention { start, end, label: EntityLabel::Per, entity: String::new() })
            .collect();
        assign_entities(&text, &mut ms);
        assert_eq!(ms[17].entity, "Ann17 Smith");
        let tail: Vec<&str> = ms[3000..].iter().map(|m| m.entity.as_str()).collect();
        assert_eq!(
            tail,
            ["Bob Smith", "Bob Smith", "Bob Smith", "Bob Smith", "Mary Ann Lee", "Mary Ann Lee", "Mary Ann Lee"]
        );
        assert_eq!(&text[ms[3006].start..ms[3006].end], "Ann Lee");
    }
}
