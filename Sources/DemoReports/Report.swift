import Foundation
import Terminal

/// Builds a demo report line by line for one `TerminalSettings`: every line is kept within
/// `settings.width` (wrapped or cut), escapes appear only when colour is on, and ASCII mode
/// uses no character outside ASCII.
struct Report {
    let settings: TerminalSettings
    private(set) var lines: [String] = []
    /// The title of the last section begun: the title a chart drawn in it carries as SVG.
    private(set) var currentSection: String?

    init(settings: TerminalSettings) {
        self.settings = settings
    }

    var width: Int { max(settings.width, 10) }

    /// The one-line (wrapped if need be) summary in words, in bold.
    mutating func headline(_ text: String) {
        for line in TextWrap.wrap(glyphs(text), width: width) { lines.append(settings.paint(line, .bold)) }
    }

    /// A section title, wrapped on a narrow screen.
    mutating func section(_ title: String) {
        currentSection = title
        blank()
        for line in TextWrap.wrap(glyphs(title), width: width) {
            lines.append(settings.paint(line, Style.bold.with(.cyan)))
        }
    }

    /// Wrapped prose.
    mutating func paragraph(_ text: String, indent: String = "", hang: String? = nil) {
        lines += TextWrap.wrap(glyphs(text), width: width, indent: indent, hang: hang ?? indent)
    }

    /// A note in dim type.
    mutating func note(_ text: String) {
        for line in TextWrap.wrap(glyphs(text), width: width) { lines.append(settings.paint(line, .dim)) }
    }

    mutating func blank() {
        if let last = lines.last, last.isEmpty { return }
        if !lines.isEmpty { lines.append("") }
    }

    /// Lines already fitted to the width (tables, charts); cut again to be safe.
    /// A blank line follows, so prose never runs into a table or chart.
    mutating func block(_ block: [String]) {
        lines += block.map { DisplayWidth.of($0) > width ? cut($0, width) : $0 }
        blank()
    }

    var text: String {
        var all = lines
        while all.last == "" { all.removeLast() }
        return all.joined(separator: "\n") + "\n"
    }

    /// Replaces the few non-ASCII characters prose uses when ASCII is asked for.
    func glyphs(_ text: String) -> String {
        guard settings.ascii else { return text }
        var out = text
        for (unicode, ascii) in [
            ("τ", "tau"), ("γ", "gamma"), ("α", "alpha"), ("→", "->"), ("—", "--"), ("–", "-"),
            ("≤", "<="), ("≥", ">="), ("×", "x"), ("·", "*"), ("…", "..."), ("≈", "~"),
            ("²", "^2"), ("ᵏ", "^k"), ("“", "\""), ("”", "\""), ("’", "'"), ("−", "-"),
        ] {
            out = out.replacingOccurrences(of: unicode, with: ascii)
        }
        return String(out.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
    }

    /// `text` cut to `columns`, ending in an ellipsis when something was dropped (see
    /// `DisplayWidth.truncate`: escape sequences pass through uncounted, and a cut coloured line
    /// ends with a reset so the colour never bleeds into the next line).
    func cut(_ text: String, _ columns: Int) -> String {
        DisplayWidth.truncate(text, columns: columns, ellipsis: settings.ascii ? "." : "…")
    }
}

/// Number formatting shared by the reports.
enum Format {
    /// 0.9134 → "91.3%".
    static func percent(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        return String(format: "%.\(digits)f%%", value * 100)
    }

    /// 0.4128 → "41%".
    static func wholePercent(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        return String(format: "%.0f%%", value * 100)
    }

    static func fixed(_ value: Double, _ digits: Int = 2) -> String {
        guard value.isFinite else { return "—" }
        return String(format: "%.\(digits)f", value)
    }

    /// A number as short as it can be: 8 → "8", 0.5 → "0.5".
    static func short(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        if value == value.rounded() { return String(Int(value)) }
        var text = String(format: "%.3f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    static func optional(_ value: Double?, _ digits: Int = 2) -> String {
        value.map { fixed($0, digits) } ?? "—"
    }

    /// Multiply-adds, grouped: 3216 → "3,216".
    static func count(_ value: Double) -> String {
        guard value.isFinite else { return "—" }
        let rounded = Int(value.rounded())
        var digits = String(abs(rounded))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (rounded < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// Signed points: 0.012 → "+1.2 pts".
    static func points(_ value: Double) -> String {
        String(format: "%+.1f pts", value * 100)
    }
}
