import Foundation
import Terminal

/// Horizontal bars, one per row, scaled to `maximum`: Unicode eighth blocks, or `#` in ASCII.
struct BarChart {
    struct Bar {
        var label: String
        var value: Double
        var text: String
        var style: Style = .plain
    }

    var bars: [Bar] = []
    var minimum = 0.0
    var maximum = 1.0

    mutating func add(_ label: String, _ value: Double, _ text: String, style: Style = .plain) {
        bars.append(Bar(label: label, value: value, text: text, style: style))
    }

    func render(_ report: Report) -> [String] {
        ChartCapture.record(.bars(self), title: report.currentSection)
        let labelWidth = min(bars.map { DisplayWidth.of(report.glyphs($0.label)) }.max() ?? 0, report.width / 3)
        let textWidth = bars.map { DisplayWidth.of(report.glyphs($0.text)) }.max() ?? 0
        let room = max(4, min(50, report.width - labelWidth - textWidth - 3))
        return bars.map { bar in
            let label = report.cut(report.glyphs(bar.label), labelWidth)
            let pad = String(repeating: " ", count: labelWidth - DisplayWidth.of(label))
            let share = maximum > minimum ? min(1, max(0, (bar.value - minimum) / (maximum - minimum))) : 0
            let eighths = Int((share * Double(room) * 8).rounded())
            var drawn: String
            if report.settings.ascii {
                drawn = String(repeating: "#", count: eighths / 8)
            } else {
                drawn = String(repeating: "█", count: eighths / 8)
                let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
                drawn += partial
            }
            let fill = String(repeating: " ", count: max(0, room - DisplayWidth.of(drawn)))
            return label + pad + " " + report.settings.paint(drawn, bar.style) + fill + " " + report.glyphs(bar.text)
        }
    }
}

/// A small x–y plot: series drawn as lines of braille dots (2×4 dots per cell; `*` cells in
/// ASCII) or as single-letter markers, with a y axis on the left and x labels below.
struct LinePlot {
    struct Series {
        var name: String
        var points: [(x: Double, y: Double)]
        /// A marker letter at each point instead of a line.
        var marker: Character?
        var style: Style = .plain
        /// The ASCII glyph of a line series.
        var asciiGlyph: Character = "*"
        /// How the line is broken, so reference lines stay apart from the data without colour.
        var dash: Dash = .solid
    }

    /// A line's pattern along x: the legend shows a sample drawn with the same rule, so each
    /// series can be told apart without colour.
    enum Dash: Sendable {
        case solid
        /// Three dots on, one off.
        case dashed
        /// Every third dot.
        case dotted

        /// Whether the dot in plot column `x` is drawn.
        func draws(_ x: Int) -> Bool {
            switch self {
            case .solid: true
            case .dashed: x % 4 < 3
            case .dotted: x % 3 == 0
            }
        }

        /// Two braille cells of a horizontal line in this pattern, through the cells' second dot row.
        var brailleSample: String {
            let bits: [UInt32] = [0x02, 0x10]
            return (0..<2).map { cell in
                let pattern = (0..<2).reduce(UInt32(0)) { sum, half in draws(cell * 2 + half) ? sum | bits[half] : sum }
                return String(Character(UnicodeScalar(0x2800 + pattern) ?? " "))
            }.joined()
        }
    }

    /// The legend's key for a series: its marker letter, or a sample of its line (two cells).
    static func legendKey(_ s: Series, ascii: Bool) -> String {
        if let marker = s.marker { return String(marker) }
        return ascii ? String(repeating: s.asciiGlyph, count: 2) : s.dash.brailleSample
    }

    var series: [Series] = []
    var xRange: ClosedRange<Double>
    var yRange: ClosedRange<Double>
    var height = 10
    var xLabel: String
    var formatX: (Double) -> String
    var formatY: (Double) -> String

    func render(_ report: Report) -> [String] {
        ChartCapture.record(.lines(self), title: report.currentSection)
        let yLabels = (0..<height).map { row -> String in
            let y = yRange.upperBound - (yRange.upperBound - yRange.lowerBound) * Double(row) / Double(height - 1)
            return row % 3 == 0 || row == height - 1 ? formatY(y) : ""
        }
        let labelWidth = yLabels.map { DisplayWidth.of($0) }.max() ?? 0
        let columns = max(10, min(60, report.width - labelWidth - 2))
        let dotsX = columns * 2
        let dotsY = height * 4
        var dots = [[UInt8]](repeating: [UInt8](repeating: 0, count: columns), count: height)
        var cellStyle = [[Style]](repeating: [Style](repeating: .plain, count: columns), count: height)
        var asciiCell = [[Character]](repeating: [Character](repeating: " ", count: columns), count: height)
        var markers = [[Character?]](repeating: [Character?](repeating: nil, count: columns), count: height)

        func dot(_ x: Double, _ y: Double) -> (Int, Int)? {
            guard x.isFinite, y.isFinite else { return nil }
            let fx = (x - xRange.lowerBound) / max(xRange.upperBound - xRange.lowerBound, 1e-12)
            let fy = (y - yRange.lowerBound) / max(yRange.upperBound - yRange.lowerBound, 1e-12)
            guard fx >= -1e-9, fx <= 1 + 1e-9, fy >= -1e-9, fy <= 1 + 1e-9 else { return nil }
            return (
                min(dotsX - 1, Int((fx * Double(dotsX - 1)).rounded())),
                min(dotsY - 1, Int(((1 - fy) * Double(dotsY - 1)).rounded()))
            )
        }
        let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        for s in series {
            if let marker = s.marker {
                for p in s.points {
                    if let (dx, dy) = dot(p.x, p.y) {
                        markers[dy / 4][dx / 2] = marker
                        cellStyle[dy / 4][dx / 2] = s.style
                    }
                }
                continue
            }
            var previous: (Int, Int)?
            for p in s.points {
                guard let current = dot(p.x, p.y) else {
                    previous = nil
                    continue
                }
                let from = previous ?? current
                let steps = max(abs(current.0 - from.0), abs(current.1 - from.1), 1)
                for k in 0...steps where s.dash.draws(from.0 + (current.0 - from.0) * k / steps) {
                    let dx = from.0 + (current.0 - from.0) * k / steps
                    let dy = from.1 + (current.1 - from.1) * k / steps
                    dots[dy / 4][dx / 2] |= bits[dy % 4][dx % 2]
                    cellStyle[dy / 4][dx / 2] = s.style
                    asciiCell[dy / 4][dx / 2] = s.asciiGlyph
                }
                previous = current
            }
        }
        var out: [String] = []
        let axis = report.settings.ascii ? "|" : "┤"
        for row in 0..<height {
            var line = String(repeating: " ", count: labelWidth - DisplayWidth.of(yLabels[row])) + yLabels[row] + axis
            for c in 0..<columns {
                let glyph: String
                if let marker = markers[row][c] {
                    glyph = String(marker)
                } else if report.settings.ascii {
                    glyph = String(asciiCell[row][c])
                } else {
                    glyph = dots[row][c] == 0 ? " " : String(UnicodeScalar(0x2800 + UInt32(dots[row][c]))!)
                }
                line += glyph == " " ? glyph : report.settings.paint(glyph, cellStyle[row][c])
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out.append(line)
        }
        let corner = report.settings.ascii ? "+" : "└"
        let rule = report.settings.ascii ? "-" : "─"
        out.append(String(repeating: " ", count: labelWidth) + corner + String(repeating: rule, count: columns))
        let left = formatX(xRange.lowerBound)
        let right = formatX(xRange.upperBound)
        let middle = report.glyphs(xLabel)
        let free = columns + 1 - DisplayWidth.of(left) - DisplayWidth.of(right)
        if free >= DisplayWidth.of(middle) + 2 {
            let before = (free - DisplayWidth.of(middle)) / 2
            out.append(
                String(repeating: " ", count: labelWidth) + left + String(repeating: " ", count: before) + middle
                    + String(repeating: " ", count: free - before - DisplayWidth.of(middle)) + right)
        } else {
            out.append(
                String(repeating: " ", count: labelWidth) + left + String(repeating: " ", count: max(1, free)) + right)
        }
        // Legend.
        var legend: [String] = []
        for s in series {
            legend.append(
                report.settings.paint(Self.legendKey(s, ascii: report.settings.ascii), s.style) + " "
                    + report.glyphs(s.name))
        }
        out += TextWrapLegend.pack(legend, width: report.width, indent: String(repeating: " ", count: labelWidth + 1))
        return out
    }
}

/// Packs legend entries onto as few lines as fit.
enum TextWrapLegend {
    static func pack(_ entries: [String], width: Int, indent: String) -> [String] {
        var lines: [String] = []
        var line = indent
        for entry in entries {
            let candidate = line == indent ? line + entry : line + "   " + entry
            if DisplayWidth.of(candidate) > width && line != indent {
                lines.append(line)
                line = indent + entry
            } else {
                line = candidate
            }
        }
        if line != indent { lines.append(line) }
        return lines
    }
}
