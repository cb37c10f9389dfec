import Terminal

/// ANSI styling that disappears entirely when colour is off.
struct Style {
    let settings: TerminalSettings

    private func wrap(_ code: String, _ text: String) -> String {
        settings.color ? "\u{1B}[\(code)m" + text + "\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap("1", text) }
    func dim(_ text: String) -> String { wrap("2", text) }
    func red(_ text: String) -> String { wrap("31", text) }
    func green(_ text: String) -> String { wrap("32", text) }
    func yellow(_ text: String) -> String { wrap("33", text) }
    func cyan(_ text: String) -> String { wrap("36", text) }
}

/// Plain-text fitting for the few lines the quiz writes itself (Markdown goes through the renderer).
enum TextFit {
    /// Cuts `text` to `width` columns, ending in an ellipsis when something was cut.
    static func truncate(_ text: String, width: Int, ascii: Bool = false) -> String {
        let text = ascii ? asciiPunctuation(text) : text
        guard DisplayWidth.of(text) > width else { return text }
        let ellipsis = ascii ? "..." : "…"
        let room = max(width - DisplayWidth.of(ellipsis), 0)
        var result = ""
        var used = 0
        var inEscape = false
        for character in text {
            if character == "\u{1B}" { inEscape = true; result.append(character); continue }
            if inEscape {
                result.append(character)
                if let ascii = character.asciiValue, (0x40...0x7E).contains(ascii), character != "[" { inEscape = false }
                continue
            }
            let columns = DisplayWidth.of(character)
            if used + columns > room { break }
            result.append(character)
            used += columns
        }
        let hasEscape = result.contains("\u{1B}")
        return result + (width >= DisplayWidth.of(ellipsis) ? ellipsis : "") + (hasEscape ? "\u{1B}[0m" : "")
    }

    /// Dashes tandem writes itself, spelled in ASCII for `--ascii` terminals.
    static func asciiPunctuation(_ text: String) -> String {
        text.replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "–", with: "-")
    }

    /// Word-wraps plain text to `width` columns, each line starting with `indent`. Words longer than
    /// a line are cut.
    static func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
        let room = max(width - DisplayWidth.of(indent), 1)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            var currentWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if currentWidth > 0 && currentWidth + 1 + wordWidth > room {
                    lines.append(indent + current)
                    current = ""
                    currentWidth = 0
                }
                while wordWidth > room {
                    let head = truncateHard(word, width: room)
                    lines.append(indent + head)
                    word = String(word.dropFirst(head.count))
                    wordWidth = DisplayWidth.of(word)
                }
                if currentWidth > 0 { current += " "; currentWidth += 1 }
                current += word
                currentWidth += wordWidth
            }
            lines.append(indent + current)
        }
        return lines
    }

    private static func truncateHard(_ text: String, width: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > width { break }
            result.append(character)
            used += columns
        }
        return result.isEmpty ? String(text.prefix(1)) : result
    }
}
