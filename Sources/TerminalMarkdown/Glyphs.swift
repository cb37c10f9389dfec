/// The characters that draw structure: Unicode by default, plain ASCII with `--ascii`.
struct Glyphs {
    var bullets: [String]
    var quoteBar: String
    var rule: String
    var heading1Rule: String
    var heading2Rule: String
    var codeTop: String
    var codeSide: String
    var codeBottom: String
    var table: TableGlyphs
    var openQuote: String
    var closeQuote: String

    struct TableGlyphs {
        var horizontal: String
        var headerHorizontal: String
        var vertical: String
        /// Corners and joints: top (left, middle, right), header separator, middle, bottom.
        var top: (String, String, String)
        var header: (String, String, String)
        var bottom: (String, String, String)
    }

    static let unicode = Glyphs(
        bullets: ["•", "◦", "▪"], quoteBar: "│", rule: "─", heading1Rule: "━", heading2Rule: "─",
        codeTop: "╭─", codeSide: "│", codeBottom: "╰─",
        table: TableGlyphs(
            horizontal: "─", headerHorizontal: "─", vertical: "│",
            top: ("┌", "┬", "┐"), header: ("├", "┼", "┤"), bottom: ("└", "┴", "┘")),
        openQuote: "\u{201C}", closeQuote: "\u{201D}")

    static let ascii = Glyphs(
        bullets: ["*", "-", "+"], quoteBar: "|", rule: "-", heading1Rule: "=", heading2Rule: "-",
        codeTop: "+-", codeSide: "|", codeBottom: "+-",
        table: TableGlyphs(
            horizontal: "-", headerHorizontal: "=", vertical: "|",
            top: ("+", "+", "+"), header: ("+", "+", "+"), bottom: ("+", "+", "+")),
        openQuote: "\"", closeQuote: "\"")
}
