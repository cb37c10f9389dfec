import Testing

@testable import Terminal

/// The one escape-sequence reader, and what is built on it: stripping, cutting and wrapping styled text.
@Suite struct EscapeSequencesTests {
    static let link = "\u{1B}]8;;https://example.com\u{1B}\\\u{1B}[4mexample text\u{1B}[0m\u{1B}]8;;\u{1B}\\ after"

    @Test func piecesSplitSequencesFromVisibleTextAndJoinBack() {
        let text = "a\u{1B}[0;1mb\u{1B}[0m c\u{1B}]8;;u\u{07}x"
        let pieces = EscapeSequences.pieces(text)
        #expect(
            pieces == [
                .visible("a"), .escape("\u{1B}[0;1m"), .visible("b"), .escape("\u{1B}[0m"), .visible(" c"),
                .escape("\u{1B}]8;;u\u{07}"), .visible("x"),
            ])
        let joined = pieces.map { piece -> String in
            switch piece {
            case .escape(let text), .visible(let text): return text
            }
        }.joined()
        #expect(joined == text)
        #expect(EscapeSequences.pieces("") == [])
        #expect(EscapeSequences.pieces("plain") == [.visible("plain")])
    }

    @Test func escapesAreRemovedWholly() {
        #expect(EscapeSequences.removed(from: "a\u{1B}[0;1mb\u{1B}[0m c") == "ab c")
        #expect(EscapeSequences.removed(from: "\u{1B}]8;;https://x.org\u{1B}\\link\u{1B}]8;;\u{1B}\\!") == "link!")
        #expect(EscapeSequences.removed(from: "bell \u{1B}]8;;u\u{07}x") == "bell x")
        #expect(EscapeSequences.removed(from: Self.link) == "example text after")
        // Any other ESC X: the ESC and one whole character, never half of one.
        #expect(EscapeSequences.removed(from: "a\u{1B}éb") == "ab")
        #expect(EscapeSequences.removed(from: "a\u{1B}") == "a")
        #expect(EscapeSequences.removed(from: "a\u{1B}[31") == "a", "an unfinished sequence runs to the end")
    }

    @Test func widthAgreesWithTheVisibleText() {
        for text in [Self.link, "a\u{1B}éb", "漢\u{1B}[1m字\u{1B}[0m", "x\u{1B}]8;;u\u{1B}y"] {
            #expect(
                DisplayWidth.of(text) == DisplayWidth.of(EscapeSequences.removed(from: text)),
                "\(text.debugDescription)")
        }
    }

    @Test func truncateKeepsStylesAndClosesThem() {
        let cut = DisplayWidth.truncate(Self.link, columns: 8, ellipsis: "…")
        #expect(EscapeSequences.removed(from: cut) == "example…")
        #expect(cut.hasSuffix("…\u{1B}]8;;\u{1B}\\\u{1B}[0m"), "an open hyperlink is closed, then the style reset")
        #expect(DisplayWidth.truncate(Self.link, columns: 18, ellipsis: "…") == Self.link, "fits: unchanged")
        let red = "\u{1B}[0;31mred text\u{1B}[0m"
        #expect(DisplayWidth.truncate(red, columns: 5, ellipsis: ".") == "\u{1B}[0;31mred .\u{1B}[0m")
        #expect(DisplayWidth.truncate("plain text", columns: 6, ellipsis: "...") == "pla...")
        #expect(DisplayWidth.truncate("漢字漢字", columns: 4, ellipsis: "…") == "漢…", "never half a wide character")
        #expect(DisplayWidth.truncate("plain text", columns: 2, ellipsis: "...") == "", "no room even for the ellipsis")
        for columns in 0...12 {
            #expect(
                DisplayWidth.of(DisplayWidth.truncate(Self.link, columns: columns, ellipsis: "…")) <= max(columns, 0))
        }
    }

    @Test func wrapIgnoresEscapesWhenMeasuring() {
        let bold = Style.bold.apply("tandem review --all", enabled: true)
        let lines = TextWrap.wrap("To practise early anyway: " + bold, width: 30)
        #expect(lines.map(EscapeSequences.removed(from:)) == ["To practise early anyway:", "tandem review --all"])
        #expect(lines[1] == bold, "the styled words stay together with their sequences")
        #expect(
            TextWrap.wrap("one \u{1B}[1mtwo\u{1B}[0m", width: 7) == ["one \u{1B}[1mtwo\u{1B}[0m"], "a reset adds no gap"
        )
    }
}
