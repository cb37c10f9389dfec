import Testing

@testable import Terminal

@Suite struct DisplayWidthTests {
    @Test func asciiCountsOneColumnPerCharacter() {
        #expect(DisplayWidth.of("hello world") == 11)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test func cjkAndFullwidthTakeTwoColumns() {
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("한국어") == 6)
        #expect(DisplayWidth.of("ｆｕｌｌ") == 8)
        #expect(DisplayWidth.of("カタカナ") == 8)
    }

    /// The table follows Unicode 15.0 (scripts/generate-width-table.py): code points assigned after
    /// Unicode 14 are measured, and unassigned ones take one column.
    @Test func unicode15AssignmentsAndUnassignedCodePoints() {
        #expect(DisplayWidth.of(scalar: "\u{378}") == 1)  // unassigned (two columns before)
        #expect(DisplayWidth.of(scalar: "\u{3134B}") == 1)  // reserved, listed W in EastAsianWidth.txt
        #expect(DisplayWidth.of(scalar: "\u{E0080}") == 1)  // unassigned
        #expect(DisplayWidth.of(scalar: "\u{1FAE8}") == 2)  // shaking face, new in 15.0
        #expect(DisplayWidth.of(scalar: "\u{31350}") == 2)  // CJK Extension H, new in 15.0
        #expect(DisplayWidth.of(scalar: "\u{11F00}") == 0)  // Kawi sign, a 15.0 nonspacing mark
        #expect(DisplayWidth.of("a\u{378}b") == 3)
    }

    @Test func emojiIncludingZWJSequencesAndFlagsTakeTwoColumns() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧‍👦") == 2)  // ZWJ family
        #expect(DisplayWidth.of("🏳️‍🌈") == 2)  // flag with VS16 and ZWJ
        #expect(DisplayWidth.of("🇯🇵") == 2)  // regional indicator pair
        #expect(DisplayWidth.of("❤️") == 2)  // text symbol with emoji presentation selector
        #expect(DisplayWidth.of("👍🏽") == 2)  // skin tone modifier
    }

    @Test func combiningMarksAndZeroWidthCharactersTakeNoColumns() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{301}") == 0)
        #expect(DisplayWidth.of("ñ̃") == 1)
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)  // conjoining jamo form one syllable
    }

    @Test func escapeSequencesTakeNoColumns() {
        #expect(DisplayWidth.of("\u{1B}[1;31mred\u{1B}[0m") == 3)
        #expect(DisplayWidth.of("\u{1B}]8;;https://example.com\u{1B}\\link\u{1B}]8;;\u{1B}\\") == 4)
        #expect(DisplayWidth.of("\u{1B}]8;;x\u{07}ab") == 2)
    }

    @Test func controlCharactersTakeNoColumns() {
        #expect(DisplayWidth.of("a\u{7}b") == 2)
    }
}

@Suite struct TextWrapTests {
    @Test func wrapsAtSpacesByDisplayWidth() {
        #expect(TextWrap.wrap("the quick brown fox jumps", width: 10) == ["the quick", "brown fox", "jumps"])
    }

    @Test func keepsNewlinesAndEmptyText() {
        #expect(TextWrap.wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(TextWrap.wrap("", width: 10) == [""])
    }

    @Test func breaksBetweenCJKCharacters() {
        let lines = TextWrap.wrap("漢字漢字漢字", width: 5)
        #expect(lines == ["漢字", "漢字", "漢字"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 5 })
    }

    @Test func splitsOverlongWordsBetweenGraphemeClusters() {
        let lines = TextWrap.wrap("abcdefghij", width: 4)
        #expect(lines == ["abcd", "efgh", "ij"])
        let emoji = TextWrap.wrap("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦", width: 4)
        #expect(emoji.count == 2)
        #expect(emoji.allSatisfy { DisplayWidth.of($0) <= 4 })
    }

    @Test func indentAndHang() {
        #expect(TextWrap.wrap("one two three", width: 9, indent: "- ", hang: "  ") == ["- one two", "  three"])
    }
}

@Suite struct StyleTests {
    @Test func emitsNothingWhenColourIsOff() {
        #expect(Style.bold.apply("x", enabled: false) == "x")
        #expect(TerminalSettings(color: false).paint("x", .red.with(.underline)) == "x")
    }

    @Test func emitsSGRWhenColourIsOn() {
        #expect(Style.bold.apply("x", enabled: true) == "\u{1B}[0;1mx\u{1B}[0m")
        #expect(Style(bold: true, foreground: .brightRed).escape == "\u{1B}[0;1;91m")
        #expect(Style.dim.with(.cyan).escape == "\u{1B}[0;2;36m")
        #expect(Style.plain.apply("x", enabled: true) == "x")
    }
}

@Suite struct OutputTests {
    @Test func findsCommandsOnThePath() {
        #expect(commandExists("sh", path: "/usr/bin:/bin"))
        #expect(!commandExists("surely-no-such-pager-here", path: "/usr/bin:/bin"))
        #expect(!commandExists("sh", path: "/nonexistent"))
    }
}

@Suite struct DisplayWidthPrefixTests {
    @Test func prefixFitsColumnsWithoutSplittingClusters() {
        #expect(DisplayWidth.prefix("hello", columns: 3) == "hel")
        #expect(DisplayWidth.prefix("日本語", columns: 5) == "日本")
        #expect(DisplayWidth.prefix("👩‍👩‍👧x", columns: 2) == "👩‍👩‍👧")
        #expect(DisplayWidth.prefix("e\u{301}tude", columns: 2) == "e\u{301}t")
        #expect(DisplayWidth.prefix("abc", columns: 0) == "")
        #expect(DisplayWidth.prefix("abc", columns: 10) == "abc")
    }
}
