//! Offset maps: where each piece of a derived string came from.
//!
//! Every stage that rewrites text (decoding, normalisation) records its edits in
//! an [`OffsetMap`]: a sparse, sorted list of [`Edit`]s, each saying "bytes
//! `target` of my output were produced from bytes `source` of my input". Outside
//! the edits the output is a verbatim copy of the input, shifted by the edits
//! before it. Clean UTF-8 news text produces no edits at all, so the common map
//! is empty and mapping is a binary search over nothing.
//!
//! Maps compose as functions: a [`SourceMap`] chains the normalisation map and
//! the decoding map, so a span of the final text maps back to the original
//! input bytes. This module is the only place offsets are mapped.

use std::ops::Range;

/// One rewritten region: output bytes `target` came from input bytes `source`.
///
/// Either range may be empty (an insertion or a deletion).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Byte range in the output of the stage.
    pub target: Range<usize>,
    /// Byte range in the input of the stage.
    pub source: Range<usize>,
}

/// A sparse list of edits from one string (the target) back to another (the source).
///
/// # Example
///
/// ```
/// use vnpipe::offset::OffsetMap;
///
/// // "a\r\nb" became "a\nb": output byte 1..2 came from input bytes 1..3.
/// let mut map = OffsetMap::new();
/// map.push(1..2, 1..3);
/// assert_eq!(map.map_start(2), 3); // "b" starts at input byte 3
/// assert_eq!(map.map_range(0..3), 0..4);
/// assert_eq!(map.map_range(1..2), 1..3); // the newline covers "\r\n"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OffsetMap {
    edits: Vec<Edit>,
}

impl OffsetMap {
    /// An empty map: the identity.
    pub fn new() -> OffsetMap {
        OffsetMap::default()
    }

    /// Records that output bytes `target` came from input bytes `source`.
    ///
    /// Edits must be pushed in order and must not overlap. A stage need not
    /// record a one-character replacement of equal byte length: the identity
    /// already maps it exactly.
    ///
    /// # Panics
    ///
    /// Panics when an edit starts before the end of the previous one, or when
    /// its target and source do not line up with the shift of the edits before
    /// it (a bug in the stage that records it).
    pub fn push(&mut self, target: Range<usize>, source: Range<usize>) {
        let (t_end, s_end) = self
            .edits
            .last()
            .map_or((0, 0), |e| (e.target.end, e.source.end));
        assert!(
            target.start >= t_end && source.start >= s_end,
            "offset edits must be pushed in order"
        );
        assert_eq!(
            target.start - t_end,
            source.start - s_end,
            "the copied run between two edits must have the same length on both sides"
        );
        // Merge touching deletions, so that a run of them maps as one region.
        if let Some(last) = self.edits.last_mut() {
            if last.target.is_empty() && target.is_empty() && last.source.end == source.start {
                last.target.end = target.end;
                last.source.end = source.end;
                return;
            }
        }
        self.edits.push(Edit { target, source });
    }

    /// The edits, in order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// True when the map is the identity.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Maps a start position (inclusive) of the target to the source.
    ///
    /// A position inside an edit maps to the start of the edit's source, so a
    /// span that starts in a rewritten region covers all of its origin.
    pub fn map_start(&self, pos: usize) -> usize {
        // Index of the first edit whose target ends after `pos`.
        let i = self.edits.partition_point(|e| e.target.end <= pos);
        match self.edits.get(i) {
            Some(e) if e.target.start <= pos => e.source.start,
            _ => self.shift_after(i, pos),
        }
    }

    /// Maps an end position (exclusive) of the target to the source.
    ///
    /// A position inside an edit maps to the end of the edit's source.
    pub fn map_end(&self, pos: usize) -> usize {
        // Index of the first edit whose target ends at or after `pos`.
        let i = self.edits.partition_point(|e| e.target.end < pos);
        match self.edits.get(i) {
            Some(e) if e.target.start < pos => e.source.end,
            _ => self.shift_after(i, pos),
        }
    }

    /// Maps a target range to the smallest source range that produced it.
    pub fn map_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map_start(range.start);
        let end = self.map_end(range.end).max(start);
        start..end
    }

    /// Position in the source of a target position in the copied run that
    /// follows the first `i` edits.
    fn shift_after(&self, i: usize, pos: usize) -> usize {
        match i.checked_sub(1).map(|j| &self.edits[j]) {
            Some(e) => e.source.end + (pos - e.target.end),
            None => pos,
        }
    }
}

/// Maps offsets of the final text back through every stage to the input bytes.
///
/// The maps are applied innermost first: `maps[0]` is the last stage's map
/// (normalised → decoded), the last one is the first stage's (decoded → input).
///
/// # Example
///
/// ```
/// use vnpipe::offset::{OffsetMap, SourceMap};
///
/// let mut decode = OffsetMap::new();
/// decode.push(0..0, 0..3); // a UTF-8 byte-order mark was dropped
/// let mut normalize = OffsetMap::new();
/// normalize.push(2..2, 2..5); // a zero-width space was dropped after "ab"
/// let map = SourceMap::new(vec![normalize, decode]);
/// assert_eq!(map.map_range(0..4), 3..10); // "abcd" ← BOM + "ab" + ZWSP + "cd"
/// assert_eq!(map.map_range(2..4), 8..10); // "cd"
/// ```
#[derive(Debug, Clone, Default)]
pub struct SourceMap {
    maps: Vec<OffsetMap>,
}

impl SourceMap {
    /// Chains `maps`, innermost (last stage) first.
    pub fn new(maps: Vec<OffsetMap>) -> SourceMap {
        let maps = maps.into_iter().filter(|m| !m.is_identity()).collect();
        SourceMap { maps }
    }

    /// Maps a range of the final text to the input bytes it came from.
    pub fn map_range(&self, range: Range<usize>) -> Range<usize> {
        self.maps.iter().fold(range, |r, m| m.map_range(r))
    }
}

/// Converts increasing byte offsets of a string to code-point offsets in one pass.
///
/// Queries should come in increasing order; a query behind the cursor restarts
/// from the beginning of the string (correct, just slower).
///
/// # Example
///
/// ```
/// use vnpipe::offset::CharCursor;
///
/// let text = "Việt Nam";
/// let mut cursor = CharCursor::new(text);
/// assert_eq!(cursor.char_offset(0), 0);
/// assert_eq!(cursor.char_offset(text.find("Nam").unwrap()), 5);
/// ```
#[derive(Debug)]
pub struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> CharCursor<'a> {
        CharCursor {
            text,
            byte: 0,
            chars: 0,
        }
    }

    /// Code-point offset of byte offset `byte`, which must be a char boundary.
    /// Cheap when offsets come in order or step back a little.
    pub fn char_offset(&mut self, byte: usize) -> usize {
        if byte < self.byte {
            // Step back over the characters in between (small steps: an
            // entity nested in the one before).
            let between = &self.text.as_bytes()[byte..self.byte];
            self.chars -= between.iter().filter(|&&b| (b as i8) >= -0x40).count();
            self.byte = byte;
            return self.chars;
        }
        let between = &self.text.as_bytes()[self.byte..byte];
        // Count bytes that start a code point (everything but continuation bytes).
        self.chars += between.iter().filter(|&&b| (b as i8) >= -0x40).count();
        self.byte = byte;
        self.chars
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_to_itself() {
        let map = OffsetMap::new();
        assert_eq!(map.map_range(3..7), 3..7);
    }

    #[test]
    fn deletion_is_skipped_by_spans_around_it() {
        // "ab\u{200B}cd" (ZWSP is 3 bytes) became "abcd".
        let mut map = OffsetMap::new();
        map.push(2..2, 2..5);
        assert_eq!(map.map_range(0..2), 0..2);
        assert_eq!(map.map_range(2..4), 5..7);
        assert_eq!(map.map_range(0..4), 0..7);
    }

    #[test]
    fn adjacent_edits_merge() {
        let mut map = OffsetMap::new();
        map.push(1..1, 1..2);
        map.push(1..1, 2..3);
        assert_eq!(map.edits().len(), 1);
        assert_eq!(map.map_range(1..2), 3..4);
    }

    #[test]
    fn replacement_maps_inner_positions_to_its_whole_source() {
        // "e\u{301}" (3 bytes) at 4..7 became "é" (2 bytes) at 4..6.
        let mut map = OffsetMap::new();
        map.push(4..6, 4..7);
        assert_eq!(map.map_range(4..6), 4..7);
        assert_eq!(map.map_range(6..8), 7..9);
        assert_eq!(map.map_range(0..4), 0..4);
    }
}
