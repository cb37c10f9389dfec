/// Display width of text in terminal columns, measured per grapheme cluster from tandem's own
/// table (`WidthTable`, generated from the Unicode database) — never Glibc's `wcwidth`
/// (locale-dependent, wrong for emoji), bytes or `Character` counts.
///
/// Rules: East Asian Wide and Fullwidth take 2 columns, and so do emoji presentation sequences
/// (a variation selector 16, ZWJ sequences led by a wide emoji, flag pairs); combining marks,
/// format and zero-width characters take 0; control characters take 0; ANSI escape sequences
/// (CSI `ESC [ … final` and OSC `ESC ] … BEL|ESC \`, as `EscapeSequences` reads them) take 0.
public enum DisplayWidth {
    /// Columns taken by `text`; ANSI escape sequences count as zero.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        var copy = String(text)
        return copy.withUTF8 { of(utf8: $0) }
    }

    /// Columns taken by UTF-8 bytes (invalid sequences count as one replacement character each).
    /// ASCII is measured byte by byte; only non-ASCII runs are segmented into grapheme clusters.
    public static func of(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var total = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x1B {
                index = EscapeSequences.end(in: bytes, from: index)
                continue
            }
            if byte < 0x80 {
                if byte >= 0x20 && byte != 0x7F { total += 1 }
                index += 1
                continue
            }
            // A run of non-ASCII bytes: measure it per grapheme cluster.
            var end = index
            while end < count && bytes[end] >= 0x80 { end += 1 }
            total += ofNonASCII(UnsafeBufferPointer(rebasing: bytes[index..<end]))
            index = end
        }
        return total
    }

    /// The longest prefix of plain `text` (no escapes) that fits in `columns`, never splitting a
    /// grapheme cluster: `truncate` with no ellipsis.
    public static func prefix(_ text: String, columns: Int) -> String {
        truncate(text, columns: columns, ellipsis: "")
    }

    /// `text` cut to `columns`, ending in `ellipsis` when something was cut (the ellipsis counts
    /// toward the columns and is left out when even it does not fit). Escape sequences before the
    /// cut are kept and take no columns; when any was kept, the result ends by closing an open
    /// hyperlink and resetting the style, so neither runs on past the line.
    public static func truncate(_ text: String, columns: Int, ellipsis: String) -> String {
        guard of(text) > columns else { return text }
        let ellipsisWidth = of(ellipsis)
        let room = max(columns - ellipsisWidth, 0)
        var result = ""
        var used = 0
        var keptEscape = false
        var linkOpen = false
        pieces: for piece in EscapeSequences.pieces(text) {
            switch piece {
            case .escape(let sequence):
                result += sequence
                keptEscape = true
                linkOpen = EscapeSequences.opensHyperlink(sequence) ?? linkOpen
            case .visible(let run):
                for character in run {
                    let width = of(character)
                    if used + width > room { break pieces }
                    result.append(character)
                    used += width
                }
            }
        }
        if columns >= ellipsisWidth { result += ellipsis }
        if keptEscape { result += (linkOpen ? EscapeSequences.hyperlinkEnd : "") + Style.reset }
        return result
    }

    /// Columns taken by one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let base = of(scalar: first)
        var iterator = scalars.makeIterator()
        _ = iterator.next()
        guard let second = iterator.next() else { return base }
        if isRegionalIndicator(first.value) && isRegionalIndicator(second.value) { return 2 }  // a flag
        if base == 0 { return 0 }  // a lone combining mark, a control pair such as CR LF
        var presentation = base
        for scalar in scalars {
            if scalar.value == 0xFE0F {
                presentation = 2
            }  // emoji presentation selector
            else if scalar.value == 0xFE0E, base == 2, isEmojiTextable(first.value) {
                presentation = 1
            }
        }
        return presentation
    }

    /// Columns taken by a single scalar on its own: 0, 1 or 2.
    public static func of(scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        if contains(WidthTable.zero, value) { return 0 }
        if value >= 0x1100 && contains(WidthTable.wide, value) { return 2 }
        return 1
    }

    static func ofNonASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var total = 0
        for character in String(decoding: bytes, as: UTF8.self) { total += of(character) }
        return total
    }

    static func isRegionalIndicator(_ value: UInt32) -> Bool { (0x1F1E6...0x1F1FF).contains(value) }

    /// Wide symbols that a text presentation selector (U+FE0E) narrows in most terminals.
    static func isEmojiTextable(_ value: UInt32) -> Bool {
        (0x2300...0x2BFF).contains(value) || (0x1F000...0x1FAFF).contains(value)
    }

    /// Binary search over flattened inclusive ranges.
    static func contains(_ table: [UInt32], _ value: UInt32) -> Bool {
        var low = 0
        var high = table.count / 2 - 1
        while low <= high {
            let middle = (low + high) / 2
            if value < table[2 * middle] {
                high = middle - 1
            } else if value > table[2 * middle + 1] {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
