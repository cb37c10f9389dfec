import Terminal
import Testing

@testable import TerminalMarkdown

/// Focused checks of what each construct must look like.
@Suite struct RendererBehaviourTests {
    func render(_ markdown: String, width: Int = 40, color: Bool = false, ascii: Bool = false) -> String {
        MarkdownRenderer(settings: TerminalSettings(width: width, color: color, ascii: ascii)).render(markdown)
    }

    func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func headingLevelsAreDistinctWithoutColour() {
        let out = lines(render("# One\n\n## Two\n\n### Three\n\n#### Four"))
        #expect(out[0] == "One" && out[1] == "━━━")
        #expect(out[3] == "Two" && out[4] == "───")
        #expect(out.contains("### Three") && out.contains("#### Four"))
        let ascii = lines(render("# One\n\n## Two", ascii: true))
        #expect(ascii[1] == "===" && ascii[4] == "---")
    }

    @Test func headingsUseStyleNotHashesWithColour() {
        let out = render("### Three", color: true)
        #expect(!out.contains("#"))
        #expect(out.contains("\u{1B}[0;1;4mThree"))
        // With colour every level still looks different from every other.
        let styles = (1...6).map { level -> String in
            let text = render(String(repeating: "#", count: level) + " H", color: true)
            return String(text.prefix { $0 != "H" })
        }
        #expect(Set(styles).count == 6)
    }

    /// Only colours that read on light and dark backgrounds alike: no yellow or white text
    /// (unreadable on a light background), no black text, and no background colours at all.
    @Test func paletteReadsOnLightAndDarkBackgrounds() throws {
        let markdown = """
            # H1\n\n## H2\n\n### H3\n\n#### H4\n\n##### H5\n\n###### H6\n\n*em* **strong** `code` [link](http://x) ![alt](i.png) <http://auto>

            > quote\n\n- a\n- b\n\n1. one\n\n---\n\n<div>html</div>

            ```swift
            let s = "string" // comment
            func f() -> Int { return 42 }
            ```

            ```sh
            echo "hi" | grep h # note
            ```

            | a | b |
            |---|--:|
            | *x* | `y` |
            """
        let out = render(markdown, width: 60, color: true)
        var forbidden: [String] = []
        var rest = Substring(out)
        while let start = rest.range(of: "\u{1B}[") {
            let tail = rest[start.upperBound...]
            guard let end = tail.firstIndex(where: { $0.isLetter }) else { break }
            if tail[end] == "m" {
                for parameter in tail[..<end].split(separator: ";") {
                    guard let code = Int(parameter) else { continue }
                    if [30, 33, 37, 90, 93, 97].contains(code) || (40...49).contains(code) || (100...107).contains(code)
                    {
                        forbidden.append(String(code))
                    }
                }
            }
            rest = tail[end...]
        }
        #expect(out.contains("\u{1B}["))
        #expect(forbidden.isEmpty, "SGR codes unreadable on some background: \(forbidden)")
    }

    @Test func paragraphsWrapAndSoftBreaksBecomeSpaces() {
        let out = render("alpha beta\ngamma delta epsilon zeta eta theta", width: 20)
        #expect(lines(out) == ["alpha beta gamma", "delta epsilon zeta", "eta theta", ""])
    }

    @Test func htmlCommentsAreInvisibleAndOtherHTMLShows() {
        // Inline: the comment leaves no trace, not even a space.
        #expect(
            lines(render("It reaches 87.3%<!-- live: run cascade .x --> at a fifth of the cost.", width: 60))
                == ["It reaches 87.3% at a fifth of the cost.", ""])
        // A comment that spans lines inside a paragraph.
        #expect(lines(render("one<!-- a\nb -->\ntwo", width: 60)) == ["one two", ""])
        // A comment block between paragraphs keeps exactly one blank line; at the end, none.
        #expect(lines(render("first\n\n<!-- note -->\n\nsecond\n\n<!-- end -->\n")) == ["first", "", "second", ""])
        #expect(lines(render("<!-- top -->\n\nbody")) == ["body", ""])
        // Not comments: other HTML, and a block that holds more than the comment.
        #expect(render("a <b>bold</b> word").contains("<b>"))
        #expect(render("<!-- a --> <div>x</div>\n").contains("<div>"))
        #expect(!render("x <!-- a --> y <!-- b -->", width: 60).contains("<!--"))
    }

    @Test func hardBreaksAreKept() {
        #expect(lines(render("one\\\ntwo  \nthree")) == ["one", "two", "three", ""])
    }

    @Test func cjkWrapsBetweenCharactersByDisplayWidth() {
        let out = lines(render(String(repeating: "漢", count: 25), width: 20))
        #expect(out[0] == String(repeating: "漢", count: 10))
        #expect(out.dropLast().allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    @Test func emojiSequencesAreMeasuredAsTwoColumns() {
        let family = "👨‍👩‍👧‍👦"
        let out = lines(render(Array(repeating: family, count: 12).joined(separator: " "), width: 20))
        // Each family takes 2 columns: seven and their six spaces fill exactly 20 columns.
        #expect(out[0].components(separatedBy: family).count - 1 == 7)
        #expect(out.dropLast().allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    @Test func combiningMarksDoNotCountTowardsWidth() {
        let word = "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}"  // five columns
        let out = lines(render([word, word, word].joined(separator: " "), width: 17))
        #expect(out[0] == [word, word, word].joined(separator: " "))
    }

    @Test func inlineCodeIsVisibleWithoutColour() {
        #expect(render("use `swift build` now").contains("`swift build`"))
    }

    @Test func linksAreNumberedAndListedAtTheEnd() {
        let out = render(
            "See [docs](https://a.example/x) and [more](https://b.example) and [docs again](https://a.example/x).")
        #expect(out.contains("docs[1]") && out.contains("more[2]") && out.contains("again[1]"))
        #expect(out.hasSuffix("[1] https://a.example/x\n[2] https://b.example\n"))
    }

    @Test func longURLsWrapInTheLinkList() {
        let url = "https://example.com/" + String(repeating: "a", count: 100)
        let out = render("[x](\(url))", width: 40)
        #expect(lines(out).allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(testSupportSqueeze(out).contains(url))
    }

    @Test func colourLinksAreOSC8Hyperlinks() {
        let out = render("[docs](https://a.example)", color: true)
        #expect(out.contains("\u{1B}]8;;https://a.example\u{1B}\\"))
        #expect(out.contains("\u{1B}]8;;\u{1B}\\"))
    }

    @Test func imagesShowAltTextAndURL() {
        let out = render("![a cat](cat.png)")
        #expect(out.contains("[image: a cat][1]"))
        #expect(out.contains("[1] cat.png"))
    }

    @Test func codeBlocksAreIndentedNeverWrappedAndShowTheLanguage() {
        let long = String(repeating: "x", count: 100)
        let out = lines(render("```swift\nlet a = 1\n\(long)\n```", width: 40))
        #expect(out[0] == "╭─ swift")
        #expect(out[1] == "│ let a = 1")
        #expect(out[2] == "│ " + long)
    }

    @Test func swiftAndShellCodeGetLightColouringOnlyWithColour() {
        let swift = render("```swift\nlet s = \"x\" // note\n```", color: true)
        #expect(swift.contains("\u{1B}[0;35mlet\u{1B}[0m"))
        #expect(swift.contains("\u{1B}[0;32m\"x\""))
        #expect(swift.contains("\u{1B}[0;2m// note"))
        let shell = render("```sh\n$ swift build # go\n```", color: true)
        #expect(shell.contains("\u{1B}[0;1mswift\u{1B}[0m build"))
        #expect(render("```swift\nlet s = 1\n```").contains("│ let s = 1"))
        #expect(!render("```python\nlet = 1\n```", color: true).contains("\u{1B}[0;35mlet"))
    }

    @Test func nestedQuotesStackBars() {
        let out = lines(render("> a\n>\n> > b"))
        #expect(out == ["│ a", "│", "│ │ b", ""])
        #expect(lines(render("> a", ascii: true))[0] == "| a")
    }

    @Test func orderedListsKeepStartNumbersAndHangingIndents() {
        let out = lines(render("9. nine\n10. ten is a longer item that has to wrap", width: 20))
        #expect(out[0] == " 9. nine")
        #expect(out[1] == "10. ten is a longer")
        #expect(out[2].hasPrefix("    item"))
    }

    @Test func tightAndLooseListsKeepTheirSpacing() {
        #expect(lines(render("- a\n- b")) == ["• a", "• b", ""])
        #expect(lines(render("- a\n\n- b")) == ["• a", "", "• b", ""])
        #expect(lines(render("- a\n- b", ascii: true)) == ["* a", "* b", ""])
    }

    @Test func nestedBulletsChangeGlyph() {
        #expect(lines(render("- a\n  - b\n    - c")) == ["• a", "  ◦ b", "    ▪ c", ""])
    }

    @Test func thematicBreakSpansTheWidth() {
        #expect(lines(render("***", width: 30))[0] == String(repeating: "─", count: 30))
        #expect(lines(render("***", width: 30, ascii: true))[0] == String(repeating: "-", count: 30))
    }

    @Test func rawHTMLIsShownDimmed() {
        #expect(render("<div>x</div>").contains("<div>x</div>"))
        #expect(render("<div>x</div>", color: true).contains("\u{1B}[0;2m<div>x</div>"))
    }

    @Test func pipeTablesAlignAndRenderInlineMarkup() {
        let out = lines(render("| a | b | c |\n|:--|:-:|--:|\n| *x* | y | 10 |\n| long | yy | 1 |", width: 40))
        #expect(out[0] == "┌──────┬────┬────┐")
        #expect(out[1] == "│ a    │ b  │  c │")
        #expect(out[3] == "│ _x_  │ y  │ 10 │")
        #expect(out[4] == "│ long │ yy │  1 │")
        #expect(out[5] == "└──────┴────┴────┘")
    }

    @Test func tableCellsWrapToFitTheWidth() {
        let cell = Array(repeating: "word", count: 20).joined(separator: " ")
        let out = lines(render("| a | b |\n|---|---|\n| \(cell) | \(cell) |", width: 40))
        #expect(out.dropLast().allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(out.count > 6)
    }

    /// Too many columns for the width: the table becomes records rather than overflow (it used to
    /// overflow; issue 15 asks that nothing be wider than the width).
    @Test func tablesWithTooManyColumnsBecomeRecords() {
        let header = "|" + String(repeating: " a |", count: 15)
        let delimiter = "|" + String(repeating: "---|", count: 15)
        let (text, exempt) = MarkdownRenderer(settings: TerminalSettings(width: 40)).renderReportingExemptLines(
            header + "\n" + delimiter + "\n")
        #expect(exempt.isEmpty)
        #expect(text == String(repeating: "a\n", count: 15), "\(text)")
    }

    @Test func noEscapeByteWithoutColour() {
        let markdown = "# h\n\n*e* **s** `c` [l](u) <b>x</b>\n\n> q\n\n- i\n\n```\nc\n```\n\n| a |\n|---|\n| b |\n"
        #expect(!render(markdown).utf8.contains(0x1B))
        #expect(render(markdown, color: true).utf8.contains(0x1B))
    }

    @Test func escapeBytesInInputAreNeutralised() {
        let out = render("a \u{1B}[31m red\n\n```\n\u{1B}[2J\n```")
        #expect(!out.utf8.contains(0x1B))
        #expect(out.contains("\u{FFFD}[31m"))
    }

    @Test func invalidUTF8IsReplaced() {
        let bytes: [UInt8] = [0x61, 0xFF, 0x62, 0x0A]
        let out = MarkdownRenderer(settings: TerminalSettings()).render(utf8: bytes)
        #expect(String(decoding: out, as: UTF8.self) == "a\u{FFFD}b\n")
    }

    @Test func deepQuotesFlattenInsteadOfOverflowing() {
        let out = render(String(repeating: ">", count: 200) + " deep", width: 40)
        #expect(lines(out).allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(out.contains("deep"))
    }

    @Test func renderInlineWrapsWithoutBlockDecoration() {
        let renderer = MarkdownRenderer(settings: TerminalSettings(width: 20))
        #expect(
            renderer.renderInline("pick the **small** model when it is sure")
                == "pick the **small**\nmodel when it is\nsure")
        #expect(renderer.renderInline("see [x](http://y)") == "see x[1]\n[1] http://y")
        #expect(renderer.renderInline("pick:\n\n```\nlet a = 1\n```") == "pick:\n\n╭─\n│ let a = 1\n╰─")
    }

    @Test func emptyDocumentRendersNothing() {
        #expect(render("") == "")
        #expect(render("\n\n") == "")
    }
}

private func testSupportSqueeze(_ text: String) -> String { RendererTesting.squeezed(text) }
