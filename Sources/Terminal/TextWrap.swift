/// The one word wrapper: by display width (see `DisplayWidth`), for text such as report lines,
/// prompts and quiz notes (Markdown goes through the renderer). Breaks at spaces and tabs and
/// between wide (CJK) characters; a word longer than the width is split between grapheme
/// clusters. Newlines in the text are kept as line breaks. Escape sequences (`EscapeSequences`)
/// take no width but are not re-opened on continuation lines, so styling that spans a break
/// does not carry over: wrap plain text and style the resulting lines.
public enum TextWrap {
    /// The lines of `text` wrapped to `width` columns (at least 1). Trailing spaces are dropped;
    /// an empty text gives one empty line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(paragraph, width: width, into: &lines)
        }
        return lines
    }

    /// `text` wrapped to `width`, with `indent` before the first line and `hang` before the rest;
    /// the prefixes' widths are taken from the width.
    public static func wrap(_ text: String, width: Int, indent: String, hang: String) -> [String] {
        let room = max(1, width - max(DisplayWidth.of(indent), DisplayWidth.of(hang)))
        return wrap(text, width: room).enumerated().map { ($0.offset == 0 ? indent : hang) + $0.element }
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        var word = ""
        var wordWidth = 0
        var spaceBefore = false  // whether the pending word was preceded by a space

        func placeWord() {
            guard !word.isEmpty else { return }
            if wordWidth == 0 {
                // Only escape sequences (a style's reset after the last word): no gap, no break.
                line += word
                word = ""
                return
            }
            let gap = (spaceBefore && lineWidth > 0) ? 1 : 0
            if lineWidth > 0 && lineWidth + gap + wordWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 && gap == 1 {
                line += " "
                lineWidth += 1
            }
            line += word
            lineWidth += wordWidth
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
                lines.append(line)
                line = ""
                lineWidth = 0
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
        lines.append(line)
    }
}
