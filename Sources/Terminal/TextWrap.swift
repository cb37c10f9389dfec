/// The one word wrapper: by display width (see `DisplayWidth`), for text such as report lines,
/// prompts and quiz notes (Markdown goes through the renderer). Breaks at spaces and tabs and
/// between wide (CJK) characters; a word longer than the width is split between grapheme
/// clusters. Newlines in the text are kept as line breaks. Escape sequences (`EscapeSequences`)
/// take no width but are not re-opened on continuation lines, so styling that spans a break
/// does not carry over: wrap plain text and style the resulting lines.
///
/// `wrap(words:…)` lays out words the caller has already cut (each may be styled, padded or hold
/// spaces), with a choice of what happens to a word longer than the line (`LongWord`).
public enum TextWrap {
    /// What happens to a word wider than the room left for it.
    public enum LongWord: Sendable, Equatable {
        /// Split between grapheme clusters, filling each line.
        case split
        /// Split like `.split`, but after the last `/` of a piece when that falls in its last two
        /// thirds, so a path in a message breaks between its parts (`Sources/Name/File.swift:22:`).
        case splitPaths
        /// Cut to the room left (at least one column), ending in `ellipsis` (`DisplayWidth.truncate`):
        /// for screens where every word fits on one line or is visibly shortened.
        case truncate(ellipsis: String)
    }

    /// The lines of `text` wrapped to `width` columns (at least 1). Trailing spaces are dropped;
    /// an empty text gives one empty line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(paragraph, width: width)
        }
        return lines
    }

    /// `text` wrapped to `width`, with `indent` before the first line and `hang` before the rest;
    /// the prefixes' widths are taken from the width.
    public static func wrap(_ text: String, width: Int, indent: String, hang: String) -> [String] {
        let room = max(1, width - max(DisplayWidth.of(indent), DisplayWidth.of(hang)))
        return wrap(text, width: room).enumerated().map { ($0.offset == 0 ? indent : hang) + $0.element }
    }

    /// `words` laid out greedily in lines of `width` columns, one space between words, each word
    /// kept whole unless it is wider than the room left (`longWords` says what then). The first
    /// line starts with `first`, the others with `rest`; both count toward the width, each on its
    /// own line. A line no wider than `rest` is not broken (the word would start no further left
    /// on the next), so a word beside a short label fills the line instead. An empty word adds one
    /// more space, so `text.split(separator: " ", omittingEmptySubsequences: false)` keeps runs of
    /// spaces (aligned columns) as they are.
    public static func wrap(
        words: [String], width: Int, first: String = "", rest: String = "", longWords: LongWord = .split
    ) -> [String] {
        var filler = LineFiller(width: width, first: first, rest: rest)
        for word in words {
            var columns = DisplayWidth.of(word)
            filler.makeRoom(columns: columns, gap: true)
            guard columns > filler.room else {
                filler.append(word, columns: columns)
                continue
            }
            switch longWords {
            case .truncate(let ellipsis):
                let cut = DisplayWidth.truncate(word, columns: max(filler.room, 1), ellipsis: ellipsis)
                columns = DisplayWidth.of(cut)
                filler.append(cut, columns: columns)
            case .split, .splitPaths:
                filler.appendSplitting(word, atSlashes: longWords == .splitPaths)
            }
        }
        return filler.finish()
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        var filler = LineFiller(width: width, first: "", rest: "")
        var word = ""
        var wordWidth = 0
        var spaceBefore = false  // whether the pending word was preceded by a space

        func placeWord() {
            guard !word.isEmpty else { return }
            if wordWidth == 0 {
                // Only escape sequences (a style's reset after the last word): no gap, no break.
                filler.line += word
                word = ""
                return
            }
            filler.makeRoom(columns: wordWidth, gap: spaceBefore)
            filler.append(word, columns: wordWidth)
            word = ""
            wordWidth = 0
            spaceBefore = false
        }

        func place(_ character: Character) {
            if character == " " || character == "\t" {
                placeWord()
                spaceBefore = true
                return
            }
            let columns = DisplayWidth.of(character)
            if columns == 2 {
                // A break is allowed before and after a wide character.
                placeWord()
                word = String(character)
                wordWidth = 2
                placeWord()
                spaceBefore = false
                return
            }
            if wordWidth + columns > width && !word.isEmpty {
                // The word alone is wider than a line: split it here.
                placeWord()
                filler.breakLine()
            }
            word.append(character)
            wordWidth += columns
        }

        for piece in EscapeSequences.pieces(String(paragraph)) {
            switch piece {
            case .escape(let sequence): word += sequence
            case .visible(let run): for character in run { place(character) }
            }
        }
        placeWord()
        return filler.finish()
    }
}

/// The lines being filled: the one place that decides where a line breaks.
private struct LineFiller {
    let width: Int
    let rest: String
    let restWidth: Int
    var lines: [String] = []
    var line: String
    var lineWidth: Int
    /// Whether the line holds a word (beyond its prefix), so the next word needs a gap.
    var hasWord = false

    init(width: Int, first: String, rest: String) {
        self.width = width
        self.rest = rest
        self.restWidth = DisplayWidth.of(rest)
        self.line = first
        self.lineWidth = DisplayWidth.of(first)
    }

    /// Columns left on the line.
    var room: Int { width - lineWidth }

    mutating func breakLine() {
        lines.append(line)
        line = rest
        lineWidth = restWidth
        hasWord = false
    }

    /// Before a word of `columns`: a new line when it does not fit, else the gap (when `gap` and
    /// the line holds a word). A line no wider than the next line's prefix is never broken:
    /// the word would start no further left there.
    mutating func makeRoom(columns: Int, gap: Bool) {
        let gapWidth = gap && hasWord ? 1 : 0
        if lineWidth > restWidth && lineWidth + gapWidth + columns > width {
            breakLine()
        } else if gapWidth == 1 {
            line += " "
            lineWidth += 1
        }
    }

    mutating func append(_ word: String, columns: Int) {
        line += word
        lineWidth += columns
        hasWord = true
    }

    /// `word` split between grapheme clusters over as many lines as it needs, filling the room
    /// left on this line first; with `atSlashes`, a piece ends after its last `/` when that falls
    /// in its last two thirds. Escape sequences take no room and stay with the text before them.
    /// When not even one character fits, the rest goes on this line as it is.
    mutating func appendSplitting(_ word: String, atSlashes: Bool) {
        var tokens: [(text: String, columns: Int, visible: Bool)] = []
        for piece in EscapeSequences.pieces(word) {
            switch piece {
            case .escape(let sequence): tokens.append((sequence, 0, false))
            case .visible(let run):
                for character in run { tokens.append((String(character), DisplayWidth.of(character), true)) }
            }
        }
        var start = 0
        while true {
            var end = start
            var used = 0
            var visible = 0
            var slash: (end: Int, used: Int, position: Int)?
            while end < tokens.count {
                let token = tokens[end]
                if token.visible && used + token.columns > room { break }
                used += token.columns
                end += 1
                if token.visible {
                    if token.text == "/" { slash = (end, used, visible) }
                    visible += 1
                }
            }
            if end < tokens.count && visible == 0 {
                // Nothing fits: the rest goes here as it is.
                end = tokens.count
                used = tokens[start...].reduce(0) { $0 + $1.columns }
            }
            if end == tokens.count {
                append(tokens[start...].map(\.text).joined(), columns: used)
                return
            }
            if atSlashes, let slash, slash.position >= visible / 3 {
                end = slash.end
                used = slash.used
            }
            append(tokens[start..<end].map(\.text).joined(), columns: used)
            breakLine()
            start = end
        }
    }

    mutating func finish() -> [String] {
        lines.append(line)
        return lines
    }
}
