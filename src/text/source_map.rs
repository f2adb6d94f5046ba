//! Alignment between the article text read from markup and the source bytes it came from.

/// Maps byte ranges of the article text back to byte ranges of the source HTML.
///
/// The text is a sequence of segments. A *copied* segment is source bytes taken verbatim
/// (text byte `t` comes from source byte `src + (t - text)`); any other segment (a decoded
/// character reference, a collapsed whitespace run, a line break standing for a block
/// boundary) maps as a whole to its source range, which is empty for inserted breaks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    segs: Vec<Seg>,
    text_len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    text: usize,
    src: usize,
    src_end: usize,
    copied: bool,
}

impl SourceMap {
    /// Records that the text bytes from the current end, `len` long, came from
    /// `src..src_end` (verbatim when `copied`).
    pub(crate) fn push(&mut self, len: usize, src: usize, src_end: usize, copied: bool) {
        if len == 0 {
            return;
        }
        let text = self.text_len;
        self.text_len += len;
        if let Some(last) = self.segs.last_mut() {
            if copied && last.copied && last.src_end == src && last.text + (last.src_end - last.src) == text {
                last.src_end = src_end;
                return;
            }
        }
        self.segs.push(Seg { text, src, src_end, copied });
    }

    /// Length of the text this map covers.
    pub fn text_len(&self) -> usize {
        self.text_len
    }

    /// The source byte range that the text bytes `start..end` came from. Ranges inside a
    /// decoded reference widen to the whole reference; an empty or out-of-range text range
    /// gives an empty source range.
    pub fn to_source(&self, start: usize, end: usize) -> (usize, usize) {
        let end = end.min(self.text_len);
        if self.segs.is_empty() {
            return (0, 0);
        }
        let seg_of = |t: usize| self.segs.partition_point(|s| s.text <= t).saturating_sub(1);
        let a = &self.segs[seg_of(start.min(end))];
        let s = if a.copied { a.src + (start - a.text).min(a.src_end - a.src) } else { a.src };
        if end <= start {
            return (s, s);
        }
        let b = &self.segs[seg_of(end - 1)];
        let e = if b.copied { b.src + (end - b.text).min(b.src_end - b.src) } else { b.src_end };
        (s, e.max(s))
    }

    /// The source byte ranges the text bytes `start..end` came from, one per segment, in
    /// text order (empty ranges of inserted line breaks left out). Unlike
    /// [`SourceMap::to_source`], the gaps between them (tags, comments, markup the text left
    /// out) are not included, so a highlight can be drawn on exactly the source that
    /// produced the words. Cost: a binary search plus the segments covered.
    pub fn runs(&self, start: usize, end: usize, mut f: impl FnMut(usize, usize)) {
        let end = end.min(self.text_len);
        if end <= start {
            return;
        }
        let mut k = self.segs.partition_point(|s| s.text <= start).saturating_sub(1);
        while let Some(seg) = self.segs.get(k) {
            if seg.text >= end {
                break;
            }
            let seg_len = seg.src_end - seg.src;
            let (s, e) = if seg.copied {
                let from = start.saturating_sub(seg.text).min(seg_len);
                let to = (end - seg.text).min(seg_len);
                (seg.src + from, seg.src + to)
            } else {
                (seg.src, seg.src_end)
            };
            if s < e {
                f(s, e);
            }
            k += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_and_decoded_segments() {
        // text "a&b" from source "a&amp;b"
        let mut m = SourceMap::default();
        m.push(1, 0, 1, true);
        m.push(1, 1, 6, false);
        m.push(1, 6, 7, true);
        assert_eq!(m.to_source(0, 3), (0, 7));
        assert_eq!(m.to_source(1, 2), (1, 6));
        assert_eq!(m.to_source(2, 3), (6, 7));
        assert_eq!(m.to_source(5, 9), (7, 7));
    }

    #[test]
    fn runs_leave_out_the_gaps_between_segments() {
        // text "Grant Shapps" from source "<em>Grant</em> Shapps"
        let mut m = SourceMap::default();
        m.push(5, 4, 9, true);
        m.push(1, 14, 15, true);
        m.push(6, 15, 21, true);
        let mut runs = Vec::new();
        m.runs(0, 12, |s, e| runs.push((s, e)));
        assert_eq!(runs, vec![(4, 9), (14, 21)]);
        runs.clear();
        m.runs(2, 8, |s, e| runs.push((s, e)));
        assert_eq!(runs, vec![(6, 9), (14, 17)]);
        runs.clear();
        m.runs(8, 50, |s, e| runs.push((s, e)));
        assert_eq!(runs, vec![(17, 21)]);
        m.runs(3, 3, |_, _| panic!("empty range"));
    }
}
