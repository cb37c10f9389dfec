import Terminal

/// One finished output line: bytes (escapes included, no newline) and its display width.
struct RenderedLine {
    var bytes: ArraySlice<UInt8>
    var width: Int
}

/// Finished lines sharing one byte buffer (one allocation per block, not per line).
struct RenderedLines: RandomAccessCollection {
    var storage: [UInt8] = []
    var bounds: [(start: Int, end: Int, width: Int)] = []

    var startIndex: Int { 0 }
    var endIndex: Int { bounds.count }
    subscript(position: Int) -> RenderedLine {
        let bound = bounds[position]
        return RenderedLine(bytes: storage[bound.start..<bound.end], width: bound.width)
    }
}

/// Fills lines greedily with styled text, breaking at spaces and between wide characters, by
/// display width. Works on UTF-8 bytes: ASCII is measured byte by byte and only non-ASCII runs are
/// segmented into grapheme clusters. A word wider than the whole line is split between clusters.
/// Styles are written as escape transitions; each line opens its first style and resets at its end,
/// so lines can be prefixed, padded and reordered freely.
struct LineWriter {
    let width: Int
    let color: Bool
    private var output = RenderedLines()
    /// The widest word placed so far (a table column narrower than this must split words).
    private(set) var widestWord = 0

    /// Where the current line starts in `output.storage`; the line is everything after it.
    private var lineStart = 0
    private var lineWidth = 0
    private var lineEnd = SpanStyle.plain
    /// The pending word is written in place at the end of `output.storage`, preceded by its
    /// joiner (the space and style change that attach it to the line). If it does not fit, it is
    /// moved to a new line — once per line, instead of copying every word.
    private var wordActive = false
    private var joinStart = 0
    private var wordOffset = 0
    private var wordGap = 0
    private var wordWidth = 0
    private var wordStart = SpanStyle.plain
    private var wordEnd = SpanStyle.plain
    private var pendingSpace = false
    private var spaceStyle = SpanStyle.plain

    init(width: Int, color: Bool) {
        self.width = max(1, width)
        self.color = color
    }

    /// Appends text in `style`. Spaces and tabs are break opportunities (runs collapse to one);
    /// control characters are shown as U+FFFD so that input can never smuggle an escape byte.
    mutating func text(_ bytes: UnsafeBufferPointer<UInt8>, _ style: SpanStyle, encoder: inout StyleEncoder) {
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                space(style, encoder: &encoder)
                index += 1
                continue
            }
            if byte < 0x80 {
                var end = index
                while end < count {
                    let next = bytes[end]
                    if next <= 0x20 || next >= 0x7F { break }
                    end += 1
                }
                if end == index {  // a control character
                    appendGrapheme(replacement, width: 1, style, encoder: &encoder)
                    index += 1
                    continue
                }
                appendASCII(UnsafeBufferPointer(rebasing: bytes[index..<end]), style, encoder: &encoder)
                index = end
                continue
            }
            var end = index
            while end < count && bytes[end] >= 0x80 { end += 1 }
            appendNonASCII(UnsafeBufferPointer(rebasing: bytes[index..<end]), style, encoder: &encoder)
            index = end
        }
    }

    mutating func text(_ string: String, _ style: SpanStyle, encoder: inout StyleEncoder) {
        var copy = string
        copy.withUTF8 { text($0, style, encoder: &encoder) }
    }

    /// A break opportunity shown as one space when the line does not break there.
    mutating func space(_ style: SpanStyle, encoder: inout StyleEncoder) {
        placeWord(encoder: &encoder)
        if lineWidth > 0 && !pendingSpace {
            pendingSpace = true
            spaceStyle = style
        }
    }

    /// Ends the current line here (a hard break).
    mutating func hardBreak(encoder: inout StyleEncoder) {
        placeWord(encoder: &encoder)
        endLine(encoder: &encoder)
    }

    /// Places what is pending; the last line is kept only when it holds something.
    mutating func finish(encoder: inout StyleEncoder) -> RenderedLines {
        placeWord(encoder: &encoder)
        if lineWidth > 0 || output.storage.count > lineStart { endLine(encoder: &encoder) }
        let result = output
        output = RenderedLines()
        lineStart = 0
        return result
    }

    // MARK: - Words

    private let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    private mutating func appendASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, _ style: SpanStyle, encoder: inout StyleEncoder
    ) {
        var index = 0
        while index < bytes.count {
            if wordActive && wordWidth >= width {  // the word fills a whole line: split it
                placeWord(encoder: &encoder)
                endLine(encoder: &encoder)
            }
            let take = min(bytes.count - index, width - wordWidth)
            addToWord(UnsafeBufferPointer(rebasing: bytes[index..<index + take]), width: take, style, encoder: &encoder)
            index += take
        }
    }

    private mutating func appendNonASCII(
        _ bytes: UnsafeBufferPointer<UInt8>, _ style: SpanStyle, encoder: inout StyleEncoder
    ) {
        let string = String(decoding: bytes, as: UTF8.self)
        for character in string {
            let columns = DisplayWidth.of(character)
            if columns == 2 {
                // Lines may break before and after a wide character.
                placeWord(encoder: &encoder)
                appendGrapheme(Array(character.utf8), width: 2, style, encoder: &encoder)
                placeWord(encoder: &encoder)
            } else if character.unicodeScalars.first.map({ $0.value >= 0x80 && $0.value < 0xA0 }) == true {
                appendGrapheme(replacement, width: 1, style, encoder: &encoder)  // C1 control
            } else {
                appendGrapheme(Array(character.utf8), width: columns, style, encoder: &encoder)
            }
        }
    }

    private mutating func appendGrapheme(
        _ bytes: [UInt8], width columns: Int, _ style: SpanStyle, encoder: inout StyleEncoder
    ) {
        if wordWidth + columns > width && wordWidth > 0 {
            placeWord(encoder: &encoder)
            endLine(encoder: &encoder)
        }
        bytes.withUnsafeBufferPointer { addToWord($0, width: columns, style, encoder: &encoder) }
    }

    private mutating func addToWord(
        _ bytes: UnsafeBufferPointer<UInt8>, width columns: Int, _ style: SpanStyle, encoder: inout StyleEncoder
    ) {
        if !wordActive {
            wordActive = true
            wordStart = style
            wordEnd = style
            joinStart = output.storage.count
            wordGap = pendingSpace && lineWidth > 0 ? 1 : 0
            writeJoiner(encoder: &encoder)
            wordOffset = output.storage.count
        } else if color && style != wordEnd {
            encoder.transition(from: wordEnd, to: style, into: &output.storage)
            wordEnd = style
        }
        output.storage.append(contentsOf: bytes)
        wordWidth += columns
    }

    /// The space (when `wordGap` is 1) and the style change from the line's end to the word.
    private mutating func writeJoiner(encoder: inout StyleEncoder) {
        if color {
            var from = lineEnd
            if wordGap == 1 {
                // The space takes the style around it only when the next word continues that style.
                let style = spaceStyle == wordStart ? spaceStyle : SpanStyle.plain
                encoder.transition(from: from, to: style, into: &output.storage)
                output.storage.append(0x20)
                from = style
            }
            encoder.transition(from: from, to: wordStart, into: &output.storage)
        } else if wordGap == 1 {
            output.storage.append(0x20)
        }
    }

    private mutating func placeWord(encoder: inout StyleEncoder) {
        guard wordActive else { return }
        if wordWidth > widestWord { widestWord = wordWidth }
        if lineWidth > 0 && lineWidth + wordGap + wordWidth > width {
            // Move the word to a new line: drop its joiner, end the line, rejoin without a space.
            let word = Array(output.storage[wordOffset...])
            output.storage.removeSubrange(joinStart...)
            endLine(encoder: &encoder)
            wordGap = 0
            writeJoiner(encoder: &encoder)
            output.storage.append(contentsOf: word)
        }
        lineWidth += wordGap + wordWidth
        lineEnd = wordEnd
        wordActive = false
        wordWidth = 0
        pendingSpace = false
    }

    private mutating func endLine(encoder: inout StyleEncoder) {
        if color && lineEnd != .plain {
            encoder.transition(from: lineEnd, to: .plain, into: &output.storage)
        }
        output.bounds.append((lineStart, output.storage.count, lineWidth))
        lineStart = output.storage.count
        lineWidth = 0
        lineEnd = .plain
        pendingSpace = false
    }
}
