import Foundation
import Terminal
import Testing

@testable import TerminalMarkdown

/// Tables wider than the width never overflow: they shrink, and where even that cannot fit
/// (too many columns, a wide character in a narrow column) they become records.
@Suite struct WideTableTests {
    static func table(columns: Int, emojiAt: Int? = nil) -> String {
        let header = (0..<columns).map { " head\($0) " }.joined(separator: "|")
        let rule = (0..<columns).map { _ in "---" }.joined(separator: "|")
        let row = (0..<columns).map { $0 == emojiAt ? " 😀 " : " value\($0) " }.joined(separator: "|")
        return "|\(header)|\n|\(rule)|\n|\(row)|\n|\(row)|\n"
    }

    @Test(arguments: [40, 60, 100])
    func noLineIsWiderThanTheWidth(width: Int) {
        for markdown in [
            Self.table(columns: 30), Self.table(columns: 9, emojiAt: 3), Self.table(columns: 3),
            Self.table(columns: 1, emojiAt: 0), Self.table(columns: 24, emojiAt: 5),
        ] {
            for ascii in [false, true] {
                let settings = TerminalSettings(width: width, color: false, ascii: ascii)
                let rendered = MarkdownRenderer(settings: settings).renderReportingExemptLines(markdown)
                #expect(rendered.exemptLines.isEmpty)
                for line in rendered.text.split(separator: "\n") {
                    #expect(DisplayWidth.of(String(line)) <= width, "\(width): \(line)")
                }
            }
        }
    }

    @Test func aThirtyColumnTableAtFortyIsRecords() {
        let text = MarkdownRenderer(settings: TerminalSettings(width: 40)).render(Self.table(columns: 30))
        #expect(text.hasPrefix("head0\n  value0\nhead1\n  value1\n"), "\(text)")
        #expect(text.contains("\n\nhead0\n  value0\n"), "records are separated by a blank line")
    }

    @Test func tablesThatFitAreStillDrawnAsTables() {
        let text = MarkdownRenderer(settings: TerminalSettings(width: 100)).render(Self.table(columns: 3))
        #expect(text.hasPrefix("┌"), "\(text)")
    }
}
