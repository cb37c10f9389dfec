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
        var escape = EscapeScanner()
        for character in text {
            if escape.consume(character) {
                result.append(character)
                continue
            }
            let columns = DisplayWidth.of(character)
            if used + columns > room { break }
            result.append(character)
            used += columns
        }
        let hasEscape = result.contains("\u{1B}")
        // A hyperlink left open would run on past the line: close it as well as the styles.
        let close = hasEscape ? (escape.openLink ? "\u{1B}]8;;\u{1B}\\" : "") + "\u{1B}[0m" : ""
        return result + (width >= DisplayWidth.of(ellipsis) ? ellipsis : "") + close
    }

    /// `text` without ANSI control sequences: CSI (`ESC [ … final byte`) and OSC (`ESC ] … BEL` or
    /// `ESC \\`, as in hyperlinks).
    static func withoutEscapes(_ text: String) -> String {
        var escape = EscapeScanner()
        return String(text.filter { !escape.consume($0) })
    }

    /// Dashes tandem writes itself, spelled in ASCII for `--ascii` terminals.
    static func asciiPunctuation(_ text: String) -> String {
        text.replacingOccurrences(of: "—", with: "-").replacingOccurrences(of: "–", with: "-")
            .replacingOccurrences(of: "±", with: "+/-").replacingOccurrences(of: "…", with: "...")
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
                if currentWidth > 0 {
                    current += " "
                    currentWidth += 1
                }
                current += word
                currentWidth += wordWidth
            }
            lines.append(indent + current)
        }
        return lines
    }

    private static func truncateHard(_ text: String, width: Int) -> String {
        let result = DisplayWidth.prefix(text, columns: width)
        return result.isEmpty ? String(text.prefix(1)) : result
    }
}

/// Follows ANSI control sequences character by character, so text can be measured or cut without
/// counting (or splitting) them: CSI (`ESC [ params final`) and OSC (`ESC ] … BEL` or `ESC \\`).
struct EscapeScanner {
    private enum State { case text, escape, csi, osc, oscEscape }
    private var state = State.text
    private var oscText = ""
    /// True after an OSC 8 hyperlink was opened and not yet closed.
    private(set) var openLink = false

    /// True when `character` belongs to a control sequence (and takes no columns).
    mutating func consume(_ character: Character) -> Bool {
        switch state {
        case .text:
            guard character == "\u{1B}" else { return false }
            state = .escape
        case .escape:
            state = character == "[" ? .csi : character == "]" ? .osc : .text
            oscText = ""
        case .csi:
            if let value = character.asciiValue, (0x40...0x7E).contains(value) { state = .text }
        case .osc:
            if character == "\u{07}" {
                finishOSC()
            } else if character == "\u{1B}" {
                state = .oscEscape
            } else {
                oscText.append(character)
            }
        case .oscEscape:
            finishOSC()
        }
        return true
    }

    private mutating func finishOSC() {
        state = .text
        if oscText.hasPrefix("8;") { openLink = oscText != "8;;" }
    }
}
