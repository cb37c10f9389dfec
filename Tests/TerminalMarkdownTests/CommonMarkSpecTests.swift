import Foundation
import Terminal
import Testing

@testable import TerminalMarkdown

/// Every example of the CommonMark spec (and cmark's regression file) renders at widths 20, 40
/// and 80, with and without colour: no text or code is lost, no line is too wide, and colourless
/// output holds no escape byte.
@Suite struct CommonMarkSpecTests {
    static let spec = RendererTesting.commonMarkFile("spec.txt")
    static let regression = RendererTesting.commonMarkFile("regression.txt")

    @Test(
        .enabled(
            if: RendererTesting.exists(spec),
            "NOTICE: ../shared/commonmark/spec.txt is absent; CommonMark spec examples skipped"))
    func specExamples() {
        let examples = RendererTesting.examples(in: Self.spec)
        #expect(examples.count == 652)
        check(examples, source: "spec.txt")
    }

    @Test(
        .enabled(
            if: RendererTesting.exists(regression),
            "NOTICE: ../shared/commonmark/regression.txt is absent; regression examples skipped"))
    func regressionExamples() {
        let examples = RendererTesting.examples(in: Self.regression)
        #expect(!examples.isEmpty)
        check(examples, source: "regression.txt")
    }

    /// One `<!-- … -->` and nothing else but whitespace around it.
    static func isComment(_ literal: String) -> Bool {
        let trimmed = literal.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->"), trimmed.count >= 7 else { return false }
        return !trimmed.dropFirst(4).dropLast(3).contains("-->")
    }

    private func check(_ examples: [(number: Int, markdown: String)], source: String) {
        var failures: [String] = []
        var literalsChecked = 0
        for (number, markdown) in examples {
            let literals = MarkdownRenderer.parse(markdown).literals()
            for width in [20, 40, 80] {
                for color in [false, true] {
                    let renderer = MarkdownRenderer(settings: TerminalSettings(width: width, color: color))
                    let (text, exempt) = renderer.renderReportingExemptLines(markdown)
                    let overlong = RendererTesting.overlongLines(text, width: width, exempt: exempt)
                    if !overlong.isEmpty {
                        failures.append(
                            "\(source) example \(number) width \(width) colour \(color): line too wide: \(overlong[0].debugDescription)"
                        )
                    }
                    if !text.isEmpty && !text.hasSuffix("\n") {
                        failures.append("\(source) example \(number): output does not end in a newline")
                    }
                    guard !color else { continue }
                    if text.utf8.contains(0x1B) {
                        failures.append("\(source) example \(number) width \(width): escape byte without colour")
                    }
                    let output = RendererTesting.squeezed(text)
                    for literal in literals {
                        // An HTML comment renders as nothing, as in every Markdown renderer (the same
                        // text inside a code block is a code literal and does show; it is not checked
                        // here, RendererBehaviourTests checks comments).
                        if Self.isComment(literal) { continue }
                        let wanted = RendererTesting.squeezed(RendererTesting.visible(literal))
                        literalsChecked += 1
                        if !wanted.isEmpty && !output.contains(wanted) {
                            failures.append(
                                "\(source) example \(number) width \(width): literal \(literal.debugDescription) missing from \(text.debugDescription)"
                            )
                        }
                    }
                }
            }
        }
        #expect(literalsChecked >= examples.count, "the examples hold literals to check")
        #expect(failures.isEmpty, "\(failures.count) failures; first: \(failures.prefix(5).joined(separator: "\n"))")
    }
}
