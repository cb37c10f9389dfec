import Foundation
import Terminal
import Testing

@testable import DemoReports
@testable import Demos

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG writer over the charts' values: well-formed XML, axes, labels, a legend, one path per
/// line series (one rect per bar), and coordinates where the data puts them.
@Suite struct SVGTests {
    /// Every element of a document, with its attributes and text, from Foundation's XML parser:
    /// nil when the document is not well-formed.
    final class Elements: NSObject, XMLParserDelegate {
        var list: [(name: String, attributes: [String: String], text: String)] = []
        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String]
        ) {
            list.append((name, attributes, ""))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !list.isEmpty { list[list.count - 1].text += string }
        }
        static func parse(_ svg: String) -> Elements? {
            let parser = XMLParser(data: Data(svg.utf8))
            let elements = Elements()
            parser.delegate = elements
            return parser.parse() ? elements : nil
        }
        func all(_ name: String, class className: String? = nil) -> [[String: String]] {
            list.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }.map(
                \.attributes)
        }
        func texts() -> [String] {
            list.filter { $0.name == "text" }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
        }
    }

    @Test func barChartHasAxesLabelsLegendAndBarsToScale() throws {
        var chart = BarChart()
        chart.minimum = 0
        chart.maximum = 1
        chart.add("weak", 0.5, "50.0%", style: .yellow)
        chart.add("strong <&>", 1, "100.0%", style: .green)
        chart.add("none", 0, "0.0%", style: .cyan)
        let svg = ChartFigure(kind: .bars(chart), title: "Accuracy \"test\"").svg
        let doc = try #require(Elements.parse(svg), "well-formed")
        #expect(doc.list.first?.name == "svg")
        #expect(doc.all("line", class: "x-axis").count == 1 && doc.all("line", class: "y-axis").count == 1)
        let bars = doc.all("rect", class: "bar")
        #expect(bars.count == 3)
        // The plot runs from x = 170 to x = 650: 0.5 is half of it, 1 all of it, 0 nothing.
        #expect(bars.map { $0["width"] } == ["240", "480", "0"])
        #expect(bars.allSatisfy { $0["x"] == "170" })
        let texts = doc.texts()
        for label in ["Accuracy \"test\"", "weak", "strong <&>", "none", "50.0%", "0", "0.5", "1"] {
            #expect(texts.contains(label), "\(label) in \(texts)")
        }
        #expect(!doc.all("g", class: "legend").isEmpty && doc.all("rect").count >= 3 + 3)
    }

    @Test func linePlotHasOnePathPerSeriesAtTheDataCoordinates() throws {
        let plot = LinePlot(
            series: [
                .init(name: "accuracy", points: [(0, 0), (0.5, 0.5), (1, 1)], style: .cyan),
                .init(name: "reference", points: [(0, 1), (1, 0)], style: .plain, dash: .dashed),
                .init(name: "chosen", points: [(0.5, 0.25), (2, 2)], marker: "x"),
            ],
            xRange: 0...1, yRange: 0...1, xLabel: "cost", formatX: { "\(Int($0 * 100))%" },
            formatY: { "\(Int($0 * 100))%" })
        let svg = ChartFigure(kind: .lines(plot), title: "Accuracy against cost").svg
        let doc = try #require(Elements.parse(svg), "well-formed")
        let paths = doc.all("path", class: "series")
        #expect(paths.map { $0["data-name"] } == ["accuracy", "reference", "chosen"])
        // x: 80 … 730, y: 370 (bottom) … 50 (top).
        #expect(paths[0]["d"] == "M80 370L405 210L730 50")
        #expect(paths[1]["d"] == "M80 50L730 370" && paths[1]["stroke-dasharray"] == "8 4")
        // A marker series: a cross at (0.5, 0.25) → (405, 290); the point outside the ranges is left out.
        #expect(paths[2]["d"] == "M401 286L409 294M401 294L409 286")
        let texts = doc.texts()
        for label in ["Accuracy against cost", "cost", "0%", "50%", "100%", "accuracy", "reference", "chosen"] {
            #expect(texts.contains(label), "\(label) in \(texts)")
        }
        #expect(doc.all("line", class: "x-axis").count == 1 && doc.all("line", class: "y-axis").count == 1)
    }

    /// Capturing charts leaves the terminal report byte-identical, and every demo's charts come
    /// out as well-formed SVG with one series path per series.
    @Test func everyDemoChartIsCapturedAndTheReportUnchanged() throws {
        let settings = TerminalSettings(width: 80)
        let reports: [(String, () -> String)] = [
            ("cascade", { CascadeDemo.report(CascadeDemo.run(seed: 1), settings: settings) }),
            ("ensemble", { EnsembleDemo.report(EnsembleDemo.run(seed: 1), settings: settings) }),
            ("filter", { FilterDemo.report(FilterDemo.run(seed: 1), settings: settings) }),
            ("speculative", { SpeculativeDemo.report(SpeculativeDemo.run(seed: 1), settings: settings) }),
        ]
        for (name, report) in reports {
            let plain = report()
            let (captured, figures) = ChartCapture.collect { report() }
            #expect(captured == plain, "\(name): capturing changes nothing in the terminal")
            #expect(!figures.isEmpty, "\(name) draws charts")
            for figure in figures {
                let doc = try #require(Elements.parse(figure.svg), "\(name): \(figure.title)")
                if case .lines(let plot) = figure.kind {
                    #expect(doc.all("path", class: "series").count == plot.series.count)
                }
                if case .bars(let bars) = figure.kind {
                    #expect(doc.all("rect", class: "bar").count == bars.bars.count)
                }
                #expect(doc.texts().contains(figure.title))
            }
        }
        // Outside `collect`, nothing is kept.
        let (_, none) = ChartCapture.collect { 0 }
        #expect(none.isEmpty)
    }
}
