import Foundation
import Terminal
import Testing
import ToyEngine

@testable import DemoReports
@testable import Demos

/// The reports' goldens (width 80, no colour) and their terminal manners. Regenerate the goldens
/// with `TANDEM_UPDATE_GOLDENS=1 swift test --filter DemosTests`.
@Suite struct ReportTests {
    /// The lessons' favourite commands, as demo calls.
    static let cases: [(name: String, render: @Sendable (TerminalSettings) -> String)] = [
        ("cascade", { CascadeDemo.report(CascadeDemo.run(seed: 1), settings: $0) }),
        (
            "cascade-threshold-0.8",
            { s in
                var o = CascadeDemo.Options()
                o.threshold = 0.8
                return CascadeDemo.report(CascadeDemo.run(o, seed: 1), settings: s)
            }
        ),
        (
            "cascade-learned-target-0.95-tiers-3",
            { s in
                var o = CascadeDemo.Options()
                o.scorer = .learned
                o.targetAccuracy = 0.95
                o.tiers = 3
                return CascadeDemo.report(CascadeDemo.run(o, seed: 1), settings: s)
            }
        ),
        ("ensemble", { EnsembleDemo.report(EnsembleDemo.run(seed: 1), settings: $0) }),
        (
            "ensemble-members-15",
            { s in
                var o = EnsembleDemo.Options()
                o.members = 15
                return EnsembleDemo.report(EnsembleDemo.run(o, seed: 1), settings: s)
            }
        ),
        (
            "weak-to-strong",
            { WeakToStrongDemo.report(WeakToStrongDemo.run(seed: WeakToStrongDemo.defaultSeed), settings: $0) }
        ),
        (
            "weak-to-strong-curve-bootstrap",
            { s in
                var o = WeakToStrongDemo.Options()
                o.curve = true
                o.bootstrap = true
                return WeakToStrongDemo.report(WeakToStrongDemo.run(o, seed: WeakToStrongDemo.defaultSeed), settings: s)
            }
        ),
        (
            "weak-to-strong-sweep",
            { s in
                var o = WeakToStrongDemo.Options()
                o.sweep = true
                return WeakToStrongDemo.report(WeakToStrongDemo.run(o, seed: 1), settings: s)
            }
        ),
        (
            "weak-to-strong-four-classes",
            { s in
                var o = WeakToStrongDemo.Options()
                o.classes = 4
                return WeakToStrongDemo.report(WeakToStrongDemo.run(o, seed: 1), settings: s)
            }
        ),
        ("filter", { FilterDemo.report(FilterDemo.run(seed: 1), settings: $0) }),
        ("distill", { DistillDemo.report(DistillDemo.run(seed: 1), settings: $0) }),
        ("speculative", { SpeculativeDemo.report(SpeculativeDemo.run(seed: 1), settings: $0) }),
        ("router", { RouterDemo.report(RouterDemo.run(seed: 1), settings: $0) }),
        ("salt", { SaltDemo.report(SaltDemo.run(seed: 1), settings: $0) }),
    ]

    static var goldenDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens")
    }

    @Test(arguments: cases.map(\.name))
    func reportMatchesGoldenAndKeepsTerminalManners(name: String) throws {
        let render = try #require(Self.cases.first { $0.name == name }).render
        let text = render(TerminalSettings(width: 80, color: false, ascii: false))
        let file = Self.goldenDirectory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["TANDEM_UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.goldenDirectory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: file, encoding: .utf8)
        #expect(
            text == golden,
            "\(name) differs from its golden; regenerate with TANDEM_UPDATE_GOLDENS=1 if the change is intended")

        for settings in [
            TerminalSettings(width: 80, color: false, ascii: false),
            TerminalSettings(width: 40, color: true, ascii: false),
            TerminalSettings(width: 60, color: false, ascii: true),
        ] {
            let output = settings == TerminalSettings(width: 80, color: false, ascii: false) ? text : render(settings)
            for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(DisplayWidth.of(line) <= settings.width, "\(name) at width \(settings.width): \(line)")
            }
            if !settings.color { #expect(!output.utf8.contains(0x1B), "\(name): escape byte without colour") }
            if settings.color {
                // Every line closes what it opens, so no colour bleeds past a cut line.
                for line in output.split(separator: "\n") {
                    let opens = line.components(separatedBy: "\u{1B}[0;").count - 1
                    let resets = line.components(separatedBy: "\u{1B}[0m").count - 1
                    #expect(opens <= resets, "\(name): unclosed style in \(line)")
                }
            }
            if settings.ascii { #expect(output.utf8.allSatisfy { $0 < 0x80 }, "\(name): non-ASCII byte in ASCII mode") }
            #expect(
                output.range(of: #"\b(nan|inf)\b"#, options: .regularExpression) == nil,
                "\(name): a non-number leaked into the report")
        }
    }

    /// The legends of a report's line plots: each chart's legend is the lines after its x-axis
    /// labels (the line under the axis rule) up to the next blank line; entries are separated by
    /// three spaces and start with their key.
    static func legendKeys(_ text: String) -> [[String]] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var charts: [[String]] = []
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            let isAxisRule =
                trimmed.hasPrefix("└─") || (trimmed.hasPrefix("+--") && trimmed.dropFirst().allSatisfy { $0 == "-" })
            guard isAxisRule else {
                index += 1
                continue
            }
            var keys: [String] = []
            index += 2  // the rule, then the x labels
            while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                for entry in lines[index].trimmingCharacters(in: .whitespaces).components(separatedBy: "   ")
                where !entry.isEmpty {
                    keys.append(String(entry.trimmingCharacters(in: .whitespaces).prefix { $0 != " " }))
                }
                index += 1
            }
            charts.append(keys)
        }
        return charts
    }

    @Test(arguments: cases.map(\.name))
    func withoutColourEveryLegendEntryHasItsOwnKey(name: String) throws {
        let render = try #require(Self.cases.first { $0.name == name }).render
        for settings in [
            TerminalSettings(width: 80, color: false, ascii: false),
            TerminalSettings(width: 60, color: false, ascii: true),
        ] {
            let text = render(settings)
            let charts = Self.legendKeys(text)
            // Every demo but distill draws a line plot; weak-to-strong only with --curve or --sweep.
            if !["distill", "weak-to-strong", "weak-to-strong-four-classes"].contains(name) {
                #expect(!charts.isEmpty, "\(name): no line plot found")
            }
            for keys in charts {
                #expect(keys.count >= 2, "\(name): a chart with a legend of \(keys.count) entries")
                #expect(
                    Set(keys).count == keys.count, "\(name) (ascii: \(settings.ascii)): legend keys repeat: \(keys)")
            }
        }
    }

    @Test func legendSamplesFollowTheLinePattern() {
        #expect(LinePlot.Dash.solid.brailleSample == "⠒⠒")
        #expect(LinePlot.Dash.dashed.brailleSample == "⠒⠂")
        #expect(LinePlot.Dash.dotted.brailleSample == "⠂⠐")
        // The pattern the legend shows is the one the plot draws: a dotted line leaves two of three dots out.
        #expect((0..<12).filter { LinePlot.Dash.dotted.draws($0) } == [0, 3, 6, 9])
    }

    @Test func colourAddsEscapesAndNothingElse() {
        let result = DistillDemo.run(seed: 1)
        let plain = DistillDemo.report(result, settings: TerminalSettings(width: 80, color: false))
        let coloured = DistillDemo.report(result, settings: TerminalSettings(width: 80, color: true))
        #expect(coloured.utf8.contains(0x1B))
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain)
    }

    @Test func headlinesSayWhatHappenedForSeedOne() {
        #expect(
            CascadeDemo.headline(CascadeDemo.run(seed: 1)).hasPrefix(
                "The cascade matches the large model within 1 point"))
        #expect(
            EnsembleDemo.headline(EnsembleDemo.run(seed: 1)).contains("boosting 25 of the same small models reaches"))
    }

    @Test func listingNamesEveryDemoWithinTheWidth() throws {
        let text = DemoCatalogue.listing(settings: TerminalSettings(width: 50, color: false))
        for demo in DemoCatalogue.demos { #expect(text.contains(demo.name)) }
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 50 })
        // The list is one block: a summary wrapped at this width keeps its lines together, and
        // every line after the heading's blank names a demo or continues one (no blank between).
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var list = try #require(lines.firstIndex(of: "").map { Array(lines[($0 + 1)...]) })
        if list.last == "" { list.removeLast() }
        #expect(!list.contains(""), "blank lines inside the listing: \(list)")
        #expect(list.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.count == DemoCatalogue.demos.count)
        #expect(list.count > DemoCatalogue.demos.count, "no summary wraps at width 50, so the test proves nothing")
    }

    @Test func sameSeedSameReportDifferentSeedDifferentNumbers() {
        let settings = TerminalSettings(width: 80)
        #expect(
            FilterDemo.report(FilterDemo.run(seed: 3), settings: settings)
                == FilterDemo.report(FilterDemo.run(seed: 3), settings: settings))
        #expect(FilterDemo.run(seed: 3) != FilterDemo.run(seed: 4))
    }
}
