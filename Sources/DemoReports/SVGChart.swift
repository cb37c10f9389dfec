import Foundation
import Terminal

/// One chart a report drew, as a value the SVG writer reads: the same `BarChart` or `LinePlot`
/// the terminal drawing used, and the report section it sits in (its title).
public struct ChartFigure: @unchecked Sendable {
    // @unchecked: `LinePlot` holds its axis formatters as closures; figures are made and read
    // on one thread (inside `ChartCapture.collect`).
    enum Kind {
        case bars(BarChart)
        case lines(LinePlot)
    }

    var kind: Kind
    public var title: String

    /// The chart as a standalone SVG document.
    public var svg: String { SVGChart.document(self) }
}

/// Collects every chart the reports draw while `collect` runs: `BarChart.render` and
/// `LinePlot.render` hand themselves in, so any report (and any chart a new demo adds) can be
/// written as SVG without the report knowing.
public enum ChartCapture {
    /// The charts drawn so far inside `collect` (nil outside it).
    @TaskLocal static var collector: Locked<[ChartFigure]>?

    /// Runs `body` (which renders a report) and returns its result with the charts it drew.
    public static func collect<T>(_ body: () throws -> T) rethrows -> (T, [ChartFigure]) {
        let collector = Locked([ChartFigure]())
        let value = try $collector.withValue(collector) { try body() }
        return (value, collector.withLock { $0 })
    }

    static func record(_ kind: ChartFigure.Kind, title: String?) {
        collector?.withLock { $0.append(ChartFigure(kind: kind, title: title ?? "Chart")) }
    }
}

/// The SVG writer: axes with ticks and labels, a legend, and the chart's series — one `<path>`
/// per line series, one `<rect>` per bar — at the coordinates the data puts them.
enum SVGChart {
    static let width = 760.0
    static let font = "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\""

    static func document(_ figure: ChartFigure) -> String {
        switch figure.kind {
        case .bars(let bars): return barDocument(bars, title: figure.title)
        case .lines(let plot): return lineDocument(plot, title: figure.title)
        }
    }

    /// Terminal colours as print colours (the terminal's plain text is dark grey).
    static func colour(_ style: Style) -> String {
        switch style.foreground {
        case .red?, .brightRed?: "#d62728"
        case .green?, .brightGreen?: "#2ca02c"
        case .yellow?, .brightYellow?: "#e6a100"
        case .blue?, .brightBlue?: "#1f77b4"
        case .magenta?, .brightMagenta?: "#9467bd"
        case .cyan?, .brightCyan?: "#17a2b8"
        default: "#444444"
        }
    }

    static func escaped(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                // XML 1.0 allows no control characters but tab, newline and carriage return.
                if scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r" { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func header(height: Double, title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(number(width))" height="\(number(height))" \
        viewBox="0 0 \(number(width)) \(number(height))" \(font) font-size="13">
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text class="title" x="\(number(width / 2))" y="24" text-anchor="middle" font-size="16" font-weight="bold">\
        \(escaped(title))</text>

        """
    }

    /// Five round tick values across `range`.
    static func ticks(_ range: ClosedRange<Double>) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return [range.lowerBound] }
        let raw = span / 4
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var values: [Double] = []
        var value = (range.lowerBound / step).rounded(.up) * step
        while value <= range.upperBound + step * 1e-9 {
            values.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return values
    }

    /// A tick value with as many decimals as the tick step needs (0.85, not 0.8500000001).
    static func tickLabel(_ value: Double, in range: ClosedRange<Double>) -> String {
        let values = ticks(range)
        let step = values.count > 1 ? values[1] - values[0] : 1
        let decimals = max(
            0, min(6, Int((-log10(step)).rounded(.up)) + (step * pow(10, (-log10(step)).rounded(.up)) == 2.5 ? 1 : 0)))
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return escaped(text)
    }

    /// The two axes of a plot area, as one group.
    static func axes(left: Double, right: Double, top: Double, bottom: Double) -> String {
        "<g class=\"axes\" stroke=\"#222222\" stroke-width=\"1\">\n"
            + "<line class=\"x-axis\" x1=\"\(number(left))\" y1=\"\(number(bottom))\" "
            + "x2=\"\(number(right))\" y2=\"\(number(bottom))\"/>\n"
            + "<line class=\"y-axis\" x1=\"\(number(left))\" y1=\"\(number(top))\" "
            + "x2=\"\(number(left))\" y2=\"\(number(bottom))\"/>\n</g>\n"
    }

    /// One tick below the x axis at `x`, with its (already escaped) label.
    static func xTick(at x: Double, bottom: Double, label: String) -> String {
        "<line x1=\"\(number(x))\" y1=\"\(number(bottom))\" x2=\"\(number(x))\" "
            + "y2=\"\(number(bottom + 5))\" stroke=\"#222222\"/>"
            + "<text x=\"\(number(x))\" y=\"\(number(bottom + 18))\">\(label)</text>\n"
    }

    /// A small cross centred on (x, y): the marker of a marker series, as path data.
    static func cross(_ x: Double, _ y: Double) -> String {
        "M\(number(x - 4)) \(number(y - 4))L\(number(x + 4)) \(number(y + 4))"
            + "M\(number(x - 4)) \(number(y + 4))L\(number(x + 4)) \(number(y - 4))"
    }

    /// The stroke-dasharray attribute of a line style ("" for solid).
    static func dashAttribute(_ dash: LinePlot.Dash) -> String {
        switch dash {
        case .solid: return ""
        case .dashed: return " stroke-dasharray=\"8 4\""
        case .dotted: return " stroke-dasharray=\"2 4\""
        }
    }

    // MARK: - Bars

    static func barDocument(_ chart: BarChart, title: String) -> String {
        let labelWidth = 150.0
        let left = labelWidth + 20
        let right = width - 110
        let top = 50.0
        let rowHeight = 28.0
        let plotHeight = rowHeight * Double(max(chart.bars.count, 1))
        let height = top + plotHeight + 60
        let span = max(chart.maximum - chart.minimum, 1e-12)
        func x(_ value: Double) -> Double {
            left + (min(max(value, chart.minimum), chart.maximum) - chart.minimum) / span * (right - left)
        }
        var svg = header(height: height, title: title)
        svg += axes(left: left, right: right, top: top, bottom: top + plotHeight)
        svg += "<g class=\"x-ticks\" font-size=\"11\" text-anchor=\"middle\">\n"
        for tick in ticks(chart.minimum...chart.maximum) {
            svg += xTick(
                at: x(tick), bottom: top + plotHeight, label: tickLabel(tick, in: chart.minimum...chart.maximum))
        }
        svg += "</g>\n<g class=\"bars\">\n"
        for (index, bar) in chart.bars.enumerated() {
            let y = top + Double(index) * rowHeight + 5
            let barWidth = x(bar.value) - left
            svg += "<text class=\"label\" x=\"\(number(left - 8))\" y=\"\(number(y + 13))\" text-anchor=\"end\">"
            svg += "\(escaped(bar.label))</text>\n"
            svg += "<rect class=\"bar\" data-value=\"\(bar.value)\" x=\"\(number(left))\" y=\"\(number(y))\" "
            svg += "width=\"\(number(max(barWidth, 0)))\" height=\"\(number(rowHeight - 10))\" "
            svg += "fill=\"\(colour(bar.style))\"/>\n"
            svg += "<text class=\"value\" x=\"\(number(left + max(barWidth, 0) + 6))\" y=\"\(number(y + 13))\">"
            svg += "\(escaped(bar.text))</text>\n"
        }
        svg += "</g>\n"
        // Legend: one entry per colour, named by the bars that carry it.
        var groups: [(colour: String, names: [String])] = []
        for bar in chart.bars {
            let c = colour(bar.style)
            if let index = groups.firstIndex(where: { $0.colour == c }) {
                groups[index].names.append(bar.label)
            } else {
                groups.append((c, [bar.label]))
            }
        }
        svg += "<g class=\"legend\" font-size=\"11\">\n"
        var legendX = left
        let legendY = top + plotHeight + 42
        for group in groups {
            let name =
                group.names.count > 3
                ? group.names.prefix(3).joined(separator: ", ") + "…"
                : group.names.joined(
                    separator: ", ")
            svg += "<rect x=\"\(number(legendX))\" y=\"\(number(legendY - 9))\" width=\"10\" height=\"10\" "
            svg += "fill=\"\(group.colour)\"/><text x=\"\(number(legendX + 14))\" y=\"\(number(legendY))\">"
            svg += "\(escaped(name))</text>\n"
            legendX += 24 + Double(name.count) * 6.5
        }
        svg += "</g>\n</svg>\n"
        return svg
    }

    // MARK: - Lines

    static func lineDocument(_ plot: LinePlot, title: String) -> String {
        let left = 80.0
        let right = width - 30
        let top = 50.0
        let plotHeight = 320.0
        let bottom = top + plotHeight
        let legendRows = Double((plot.series.count + 2) / 3)
        let height = bottom + 60 + legendRows * 18
        let xSpan = max(plot.xRange.upperBound - plot.xRange.lowerBound, 1e-12)
        let ySpan = max(plot.yRange.upperBound - plot.yRange.lowerBound, 1e-12)
        func px(_ x: Double) -> Double { left + (x - plot.xRange.lowerBound) / xSpan * (right - left) }
        func py(_ y: Double) -> Double { bottom - (y - plot.yRange.lowerBound) / ySpan * plotHeight }
        func inside(_ p: (x: Double, y: Double)) -> Bool {
            p.x.isFinite && p.y.isFinite && p.x >= plot.xRange.lowerBound - 1e-9 * xSpan
                && p.x <= plot.xRange.upperBound + 1e-9 * xSpan && p.y >= plot.yRange.lowerBound - 1e-9 * ySpan
                && p.y <= plot.yRange.upperBound + 1e-9 * ySpan
        }
        var svg = header(height: height, title: title)
        svg += "<g class=\"grid\" stroke=\"#e5e5e5\" stroke-width=\"1\">\n"
        for tick in ticks(plot.yRange) {
            svg += "<line x1=\"\(number(left))\" y1=\"\(number(py(tick)))\" x2=\"\(number(right))\" "
            svg += "y2=\"\(number(py(tick)))\"/>\n"
        }
        svg += "</g>\n" + axes(left: left, right: right, top: top, bottom: bottom)
        svg += "<g class=\"x-ticks\" font-size=\"11\" text-anchor=\"middle\">\n"
        for tick in ticks(plot.xRange) {
            svg += xTick(at: px(tick), bottom: bottom, label: escaped(plot.formatX(tick)))
        }
        svg += "</g>\n<g class=\"y-ticks\" font-size=\"11\" text-anchor=\"end\">\n"
        for tick in ticks(plot.yRange) {
            svg += "<line x1=\"\(number(left - 5))\" y1=\"\(number(py(tick)))\" x2=\"\(number(left))\" "
            svg += "y2=\"\(number(py(tick)))\" stroke=\"#222222\"/>"
            svg +=
                "<text x=\"\(number(left - 8))\" y=\"\(number(py(tick) + 4))\">\(escaped(plot.formatY(tick)))</text>\n"
        }
        svg += "</g>\n"
        svg += "<text class=\"x-label\" x=\"\(number((left + right) / 2))\" y=\"\(number(bottom + 38))\" "
        svg += "text-anchor=\"middle\">\(escaped(plot.xLabel))</text>\n"
        svg += "<g class=\"plot\" fill=\"none\" stroke-width=\"2\">\n"
        for series in plot.series {
            var d = ""
            var penDown = false
            for point in series.points {
                guard inside(point) else {
                    penDown = false
                    continue
                }
                let (x, y) = (number(px(point.x)), number(py(point.y)))
                if series.marker != nil {
                    // A marker series: a small cross at each point, all in one path.
                    d += cross(px(point.x), py(point.y))
                } else {
                    d += (penDown ? "L" : "M") + "\(x) \(y)"
                    penDown = true
                }
            }
            svg += "<path class=\"series\" data-name=\"\(escaped(series.name))\" d=\"\(d)\" "
            svg += "stroke=\"\(colour(series.style))\"\(dashAttribute(series.dash))/>\n"
        }
        svg += "</g>\n<g class=\"legend\" font-size=\"11\">\n"
        for (index, series) in plot.series.enumerated() {
            let lx = left + Double(index % 3) * ((right - left) / 3)
            let ly = bottom + 58 + Double(index / 3) * 18
            if series.marker != nil {
                // The key of a marker series is the marker: a cross.
                svg += "<path d=\"\(cross(lx + 12, ly - 4))\" "
                svg += "stroke=\"\(colour(series.style))\" stroke-width=\"2\"/>"
            } else {
                svg += "<line x1=\"\(number(lx))\" y1=\"\(number(ly - 4))\" x2=\"\(number(lx + 24))\" "
                svg += "y2=\"\(number(ly - 4))\" stroke=\"\(colour(series.style))\" stroke-width=\"2\""
                svg += "\(dashAttribute(series.dash))/>"
            }
            svg += "<text x=\"\(number(lx + 30))\" y=\"\(number(ly))\">\(escaped(series.name))</text>\n"
        }
        svg += "</g>\n</svg>\n"
        return svg
    }
}
