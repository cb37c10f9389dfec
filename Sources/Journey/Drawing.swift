import Terminal

/// Glyphs and colours of the journey screens. Colour is applied only when the settings allow it,
/// so colourless output holds no escape byte; ASCII mode uses only ASCII glyphs.
struct Drawing {
    let settings: TerminalSettings

    var readMark: String { settings.ascii ? "x" : "✓" }
    var unreadMark: String { settings.ascii ? "-" : "○" }
    var separator: String { settings.ascii ? " - " : " · " }
    var ellipsis: String { settings.ascii ? "..." : "…" }
    var dash: String { settings.ascii ? "-" : "–" }

    /// A bar of `cells` cells filled in proportion to `fraction` (Unicode eighths; ASCII `#`/`.`).
    func bar(_ fraction: Double, cells: Int, color: Style = .green) -> String {
        guard cells > 0 else { return "" }
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        if settings.ascii {
            let filled = Int((clamped * Double(cells)).rounded())
            return paint(String(repeating: "#", count: filled), color) + String(repeating: ".", count: cells - filled)
        }
        let eighths = Int((clamped * Double(cells * 8)).rounded())
        let full = eighths / 8
        let partial = eighths % 8
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        var filled = String(repeating: "█", count: full)
        if partial > 0 { filled += partials[partial] }
        let empty = cells - full - (partial > 0 ? 1 : 0)
        return paint(filled, color) + paint(String(repeating: "░", count: empty), .color(.brightBlack))
    }

    /// `text` in `style` when colour is on; unchanged otherwise.
    func paint(_ text: String, _ style: Style) -> String { settings.paint(text, style) }

    /// `text` cut to `width` columns, ending in the ellipsis when cut.
    func truncate(_ text: String, to width: Int) -> String {
        DisplayWidth.truncate(text, columns: width, ellipsis: ellipsis)
    }

    /// `words` wrapped to `width` (see `TextWrap.wrap(words:…)`); a word wider than a line is cut
    /// with the ellipsis, so every line of a journey screen fits.
    func wrap(_ words: [String], width: Int, first: String = "", rest: String = "") -> [String] {
        TextWrap.wrap(words: words, width: width, first: first, rest: rest, longWords: .truncate(ellipsis: ellipsis))
    }

    func bold(_ text: String) -> String { paint(text, .bold) }
    func dim(_ text: String) -> String { paint(text, .dim) }
}

/// Width-aware text helpers, measured in display columns (escapes count zero).
enum TextFit {
    /// Pads `text` with spaces to `width` columns.
    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }
}

/// Scores in points: whole numbers without a decimal point, halves and such with one digit.
func formatPoints(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e9 { return String(Int(value)) }
    return String((value * 10).rounded() / 10)
}
