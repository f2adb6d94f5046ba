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
//! cold). Not measured: coreference accuracy beyond the seed article.

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

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// `words(s).join(" ")`, borrowed when `s` already is its words joined by single spaces
/// (almost every mention: no allocation).
fn joined(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let single_spaced = !b.first().is_some_and(|&c| c == b' ')
        && !b.last().is_some_and(|&c| c == b' ')
        && !b.windows(2).any(|w| w[0] == b' ' && w[1] == b' ')
        && !s.chars().any(|c| c != ' ' && c.is_whitespace());
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
fn key_joined(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    push_lower(&mut k, s);
    if k.starts_with("the ") {
        k.drain(..4);
    }
    k.retain(|c| c != '.' && c != ' ');
    k
}

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

/// Fills `entity` of every mention (mentions in text order).
///
/// First makes labels consistent: the majority label of identical mentions wins, and a one-word mention that is the last word of a person's
/// full name elsewhere in the article is that person ("Shoigu left for Moscow" after
/// "Sergei Shoigu").
pub fn assign_entities(text: &str, mentions: &mut [Mention]) {
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
    let rank = |j: usize| -> (usize, usize) {
        (lower_words[j].len(), count.get(lower(j)).copied().unwrap_or(0))
    };
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
                let (rj, rb) = (ranks.get(&j).copied().unwrap_or_default(), ranks.get(e).copied().unwrap_or_default());
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
    let mut freq: HashMap<(usize, &str), (usize, usize)> = HashMap::with_capacity_and_hasher(cap, Default::default());
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

#[cfg(test)]
mod tests {
    use super::*;

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
