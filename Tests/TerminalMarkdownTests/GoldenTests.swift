import Foundation
import Terminal
import TestSupport
import Testing

@testable import TerminalMarkdown

/// Golden files: each `Goldens/NAME.md` rendered at widths 40 and 80, with and without colour,
/// with Unicode and ASCII glyphs, must match `Goldens/NAME.golden` (ESC shown as `␛`).
/// Set `TANDEM_UPDATE_GOLDENS=1` to rewrite the goldens after a deliberate change, then review the diff.
@Suite struct GoldenTests {
    static let directory = checkoutRoot.appendingPathComponent("Tests/TerminalMarkdownTests/Goldens")
    static let names = ["headings", "inline", "links", "code", "quotes", "lists", "blocks", "tables", "unicode"]

    static func variants(of markdown: String) -> String {
        var sections: [String] = []
        for ascii in [false, true] {
            for color in [false, true] {
                for width in [40, 80] {
                    let settings = TerminalSettings(width: width, color: color, ascii: ascii)
                    let output = MarkdownRenderer(settings: settings).render(markdown)
                    let header =
                        "=== width \(width) · \(color ? "colour" : "no colour") · \(ascii ? "ascii" : "unicode") ==="
                    sections.append(header + "\n" + output.replacingOccurrences(of: "\u{1B}", with: "␛"))
                }
            }
        }
        return sections.joined()
    }

    @Test(arguments: names)
    func matchesGolden(_ name: String) throws {
        let markdown = try String(contentsOf: Self.directory.appendingPathComponent("\(name).md"), encoding: .utf8)
        let rendered = Self.variants(of: markdown)
        let goldenURL = Self.directory.appendingPathComponent("\(name).golden")
        if ProcessInfo.processInfo.environment["TANDEM_UPDATE_GOLDENS"] == "1" {
            try rendered.write(to: goldenURL, atomically: true, encoding: .utf8)
            return
        }
        let golden = try String(contentsOf: goldenURL, encoding: .utf8)
        if rendered != golden {
            let renderedLines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
            let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(renderedLines, goldenLines).enumerated().first { $0.element.0 != $0.element.1 }
            let detail =
                first.map {
                    "line \($0.offset + 1): got \(String($0.element.0).debugDescription), golden \(String($0.element.1).debugDescription)"
                }
                ?? "line counts differ: \(renderedLines.count) vs \(goldenLines.count)"
            Issue.record(
                "\(name).golden differs (\(detail)); rerun with TANDEM_UPDATE_GOLDENS=1 if the change is intended")
        }
    }

    @Test(arguments: names)
    func goldenInputsKeepTheWidth(_ name: String) throws {
        let markdown = try String(contentsOf: Self.directory.appendingPathComponent("\(name).md"), encoding: .utf8)
        for width in [40, 80] {
            for color in [false, true] {
                for ascii in [false, true] {
                    let (text, exempt) = MarkdownRenderer(
                        settings: TerminalSettings(width: width, color: color, ascii: ascii)
                    ).renderReportingExemptLines(markdown)
                    let overlong = RendererTesting.overlongLines(text, width: width, exempt: exempt)
                    #expect(overlong.isEmpty, "\(name) at width \(width): \(overlong.first ?? "")")
                    if !color { #expect(!text.utf8.contains(0x1B)) }
                    if ascii {
                        // Every non-ASCII character shown must come from the document's own text.
                        let fromText = Set(
                            MarkdownRenderer.parse(markdown).literals().joined().unicodeScalars.filter { !$0.isASCII })
                        let shown = Set(text.unicodeScalars.filter { !$0.isASCII })
                        #expect(
                            shown.isSubset(of: fromText),
                            "\(name): glyphs \(String(String.UnicodeScalarView(Array(shown.subtracting(fromText))))) in ASCII mode"
                        )
                    }
                }
            }
        }
    }
}
