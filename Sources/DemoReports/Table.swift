import Terminal

/// A plain table: a header row, a rule, and rows; numbers right-aligned. When the table is wider
/// than the report, it switches to `shortHeaders`, then leaves out the secondary columns in
/// `dropOrder`, and only then cuts the first column (the labels).
struct Table {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []
    /// Rows (by index) drawn in bold: the highlighted ones.
    var highlighted: Set<Int> = []
    /// Columns (by index) that may be left out on a narrow screen, the least needed first.
    var dropOrder: [Int] = []
    /// Headers for a narrow screen (the report's legend explains them).
    var shortHeaders: [String]?

    init(_ headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.indices.map { $0 == 0 ? .left : .right }
    }

    mutating func add(_ row: [String], highlight: Bool = false) {
        if highlight { highlighted.insert(rows.count) }
        rows.append(row)
    }

    /// The headers and columns shown at the report's width.
    func layout(_ report: Report) -> (headers: [String], kept: [Int]) {
        func natural(_ heads: [String]) -> [Int] {
            let cells = ([heads] + rows).map { $0.map { report.glyphs($0) } }
            return heads.indices.map { c in cells.map { c < $0.count ? DisplayWidth.of($0[c]) : 0 }.max() ?? 0 }
        }
        var kept = Array(headers.indices)
        func total(_ widths: [Int]) -> Int { kept.map { widths[$0] }.reduce(0, +) + 2 * (kept.count - 1) }
        if total(natural(headers)) <= report.width { return (headers, kept) }
        let heads = shortHeaders ?? headers
        let widths = natural(heads)
        for column in dropOrder where total(widths) > report.width { kept.removeAll { $0 == column } }
        return (heads, kept)
    }

    /// The columns shown at the report's width.
    func keptColumns(_ report: Report) -> [Int] { layout(report).kept }

    /// Whether the report is narrow enough for the short headers.
    func usesShortHeaders(_ report: Report) -> Bool { shortHeaders != nil && layout(report).headers != headers }

    func render(_ report: Report) -> [String] {
        let (heads, kept) = layout(report)
        let alignments = kept.map { self.alignments[$0] }
        let cells = ([heads] + rows).map { row in kept.map { c in c < row.count ? report.glyphs(row[c]) : "" } }
        var widths = kept.indices.map { c in cells.map { DisplayWidth.of($0[c]) }.max() ?? 0 }
        let gap = 2
        let total = widths.reduce(0, +) + gap * (widths.count - 1)
        if total > report.width { widths[0] = max(4, widths[0] - (total - report.width)) }
        func line(_ row: [String]) -> String {
            var parts: [String] = []
            for (c, cell) in row.enumerated() {
                let text = DisplayWidth.of(cell) > widths[c] ? report.cut(cell, widths[c]) : cell
                let pad = String(repeating: " ", count: max(0, widths[c] - DisplayWidth.of(text)))
                parts.append(alignments[c] == .left ? text + pad : pad + text)
            }
            var joined = parts.joined(separator: String(repeating: " ", count: gap))
            while joined.hasSuffix(" ") { joined.removeLast() }
            return joined
        }
        let ruleWidth = min(report.width, widths.reduce(0, +) + gap * (widths.count - 1))
        var out = [
            report.settings.paint(line(cells[0]), .bold),
            String(repeating: report.settings.ascii ? "-" : "─", count: ruleWidth),
        ]
        for (r, row) in cells.dropFirst().enumerated() {
            let text = line(row)
            out.append(highlighted.contains(r) ? report.settings.paint(text, .bold) : text)
        }
        return out
    }
}
