//! The one place where UTF-8 byte offsets become UTF-16 code units (and back).
//!
//! The core works in byte offsets into the analysed `&str`; JavaScript's `String.slice`
//! and the contract count UTF-16 code units. An emoji is 4 bytes and 2 code units, `é` is 2
//! bytes and 1 unit: converting anywhere else is how highlights drift by one.
//!
//! [`Utf16Map`] stores one entry per non-ASCII character (not one entry per byte), so a
//! 5 MB mostly-ASCII article costs little memory, and a lookup is a binary search (or, for offsets in rising order,
//! a few steps on from the last one: [`Utf16Map::to_utf16_from`]).

/// How many wide chars [`Utf16Map::to_utf16_from`] steps over before it binary searches
/// (keeps a lookup O(log n) in a text of only wide chars).
const HINT_STEPS: usize = 8;

/// Converts byte offsets of one text to UTF-16 offsets and back.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// One entry per non-ASCII char, in text order.
    wide: Vec<WideChar>,
    len_bytes: usize,
    len_utf16: usize,
}

#[derive(Debug, Clone, Copy)]
struct WideChar {
    byte: usize,
    unit: usize,
    bytes: u8,
    units: u8,
}

impl Utf16Map {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        let mut shift = 0usize; // bytes minus units so far
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // Runs of ASCII (most of a news text) eight bytes at a time.
            if let Some(chunk) = bytes.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
                if u64::from_le_bytes(chunk) & 0x8080_8080_8080_8080 == 0 {
                    i += 8;
                    continue;
                }
            }
            if b < 0x80 {
                i += 1;
                continue;
            }
            // `i` is at a char's lead byte (a `&str` is valid UTF-8 and every step is a whole char).
            let n = match b {
                0xF0.. => 4,
                0xE0.. => 3,
                _ => 2,
            };
            let units = if n == 4 { 2 } else { 1 };
            wide.push(WideChar { byte: i, unit: i - shift, bytes: n as u8, units: units as u8 });
            shift += n - units;
            i += n;
        }
        Utf16Map { wide, len_bytes: text.len(), len_utf16: text.len() - shift }
    }

    /// UTF-16 length of the whole text.
    pub fn len_utf16(&self) -> usize {
        self.len_utf16
    }

    /// The UTF-16 offset of byte offset `byte`. A byte inside a multi-byte char maps to the
    /// start of that char; offsets past the end clamp to the end.
    pub fn to_utf16(&self, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        self.unit_at(self.wide.partition_point(|w| w.byte < byte), byte)
    }

    /// The UTF-16 offset of `byte` (at most the text's length), given `idx`, the number of
    /// wide chars that start before it.
    #[inline]
    fn unit_at(&self, idx: usize, byte: usize) -> usize {
        match idx.checked_sub(1).and_then(|i| self.wide.get(i)) {
            None => byte,
            Some(w) if byte >= w.byte + w.bytes as usize => {
                w.unit + w.units as usize + (byte - w.byte - w.bytes as usize)
            }
            Some(w) => w.unit,
        }
    }

    /// [`Self::to_utf16`] for offsets that mostly come in rising order (the result's
    /// annotations, sorted by start): `hint` is the number of wide chars below the last
    /// offset asked, and the search steps on from there over at most [`HINT_STEPS`] wide
    /// chars; an offset that went backwards, or further on, is binary searched as before.
    pub fn to_utf16_from(&self, hint: &mut usize, byte: usize) -> usize {
        let byte = byte.min(self.len_bytes);
        let mut idx = (*hint).min(self.wide.len());
        if idx > 0 && self.wide.get(idx - 1).is_some_and(|w| w.byte >= byte) {
            idx = self.wide.partition_point(|w| w.byte < byte);
        } else {
            let mut steps = 0;
            while self.wide.get(idx).is_some_and(|w| w.byte < byte) {
                if steps == HINT_STEPS {
                    idx = self.wide.partition_point(|w| w.byte < byte);
                    break;
                }
                idx += 1;
                steps += 1;
            }
        }
        *hint = idx;
        self.unit_at(idx, byte)
    }

    /// The byte offset of UTF-16 offset `unit`. A unit inside a surrogate pair maps to the
    /// start of that char; offsets past the end clamp to the end.
    pub fn to_byte(&self, unit: usize) -> usize {
        let unit = unit.min(self.len_utf16);
        let idx = self.wide.partition_point(|w| w.unit < unit);
        match idx.checked_sub(1).map(|i| self.wide[i]) {
            None => unit,
            Some(w) if unit >= w.unit + w.units as usize => {
                w.byte + w.bytes as usize + (unit - w.unit - w.units as usize)
            }
            Some(w) => w.byte,
        }
    }
}

/// Converts `[start, end)` byte offsets into UTF-16 offsets (see [`Utf16Map::to_utf16`]).
pub fn span_to_utf16(map: &Utf16Map, start: usize, end: usize) -> (usize, usize) {
    (map.to_utf16(start), map.to_utf16(end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16_of(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn agrees_with_std_on_mixed_text() {
        let text = "a😀é—b 東京 x\u{301}y 🇺🇦 end";
        let map = Utf16Map::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let u = map.to_utf16(i);
            assert_eq!(u, utf16_of(text, i), "byte {i}");
            assert_eq!(map.to_byte(u), i, "unit {u}");
        }
        assert_eq!(map.len_utf16(), text.encode_utf16().count());
    }

    /// The map skips ASCII eight bytes at a time: wide chars at every position of such a
    /// step, after runs of every length, must still be found.
    #[test]
    fn agrees_with_std_when_ascii_runs_straddle_eight_byte_steps() {
        for run in 0..20 {
            for wide in ["é", "—", "😀", "東"] {
                let text = format!("{}{wide}{}{wide}x{wide}", "a".repeat(run), "b".repeat(run * 3 % 17));
                let map = Utf16Map::new(&text);
                for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                    assert_eq!(map.to_utf16(i), utf16_of(&text, i), "{text:?} byte {i}");
                }
                assert_eq!(map.len_utf16(), text.encode_utf16().count(), "{text:?}");
            }
        }
    }

    /// The hinted lookup agrees with the plain one whatever order the offsets come in
    /// (guards the cursor: a stale hint after a backward step gave offsets of a later char).
    #[test]
    fn hinted_lookup_agrees_in_any_order() {
        let text = "😀 Café — a\u{301}b 東京 🇺🇦 x";
        let map = Utf16Map::new(text);
        let mut order: Vec<usize> = (0..=text.len() + 2).collect();
        order.extend((0..=text.len()).rev());
        order.extend((0..=text.len()).map(|i| i * 7 % (text.len() + 1)));
        let mut hint = 0;
        for &b in &order {
            assert_eq!(map.to_utf16_from(&mut hint, b), map.to_utf16(b), "byte {b}");
        }
        let mut hint = 99;
        assert_eq!(map.to_utf16_from(&mut hint, 5), map.to_utf16(5), "a hint past the end");
    }

    #[test]
    fn unit_inside_a_surrogate_pair_maps_to_the_char_start() {
        let text = "x😀y";
        let map = Utf16Map::new(text);
        assert_eq!(map.to_byte(2), 1); // between the two halves of the emoji
        assert_eq!(map.to_byte(3), 5);
        let text = "😀y";
        let map = Utf16Map::new(text);
        assert_eq!(map.to_byte(1), 0);
    }

    #[test]
    fn ascii_only_text_is_identity() {
        let map = Utf16Map::new("plain text");
        assert_eq!(map.to_utf16(5), 5);
        assert_eq!(map.to_byte(5), 5);
        assert_eq!(map.to_utf16(99), 10);
    }
}
