import Testing

@testable import Terminal

/// `TextWrap.wrap(words:…)`: whole words, per-line prefixes and the three long-word policies.
@Suite struct TextWrapWordsTests {
    @Test func keepsWordsWholeWithEachLinesOwnPrefix() {
        #expect(
            TextWrap.wrap(words: ["one", "two", "three"], width: 9, first: "- ", rest: "    ")
                == ["- one two", "    three"])
        // The first line has no prefix, so it gets the whole width; later lines hang by 4.
        #expect(TextWrap.wrap(words: ["abcdefgh", "ij"], width: 10, rest: "    ") == ["abcdefgh", "    ij"])
        // A padded word keeps its spaces; styled words take only their visible columns.
        let bold = "\u{1B}[1mNext:\u{1B}[0m"
        #expect(TextWrap.wrap(words: ["Lessons   ", "3/4"], width: 20) == ["Lessons    3/4"])
        #expect(TextWrap.wrap(words: [bold, "tandem", "read"], width: 12) == [bold + " tandem", "read"])
        #expect(TextWrap.wrap(words: [], width: 10, first: "> ") == ["> "])
    }

    @Test func emptyWordsKeepRunsOfSpaces() {
        let words = "  case:     name  two".split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        #expect(TextWrap.wrap(words: words, width: 40) == ["  case:     name  two"])
    }

    @Test func splitPathsBreaksAfterASlashAndSplitDoesNot() {
        let words = "  input:    Sources/Exercises/Report.swift:22:"
            .split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let hang = String(repeating: " ", count: 12)
        // The label's line is no wider than the hang, so the path starts beside it, not below it.
        #expect(
            TextWrap.wrap(words: words, width: 32, rest: hang, longWords: .splitPaths)
                == ["  input:    Sources/Exercises/", hang + "Report.swift:22:"])
        #expect(
            TextWrap.wrap(words: words, width: 32, rest: hang, longWords: .split)
                == ["  input:    Sources/Exercises/Re", hang + "port.swift:22:"])
        // A slash in the first third of a piece is too early to break at.
        #expect(
            TextWrap.wrap(words: ["a/bcdefghijkl"], width: 8, longWords: .splitPaths) == ["a/bcdefg", "hijkl"])
    }

    @Test func truncateCutsALongWordWithTheEllipsis() {
        #expect(
            TextWrap.wrap(words: ["see", "supercalifragilistic"], width: 10, longWords: .truncate(ellipsis: "…"))
                == ["see", "supercali…"])
        #expect(
            TextWrap.wrap(words: ["supercalifragilistic"], width: 10, rest: "  ", longWords: .truncate(ellipsis: "..."))
                == ["superca..."])
        // A styled word is cut too, and its style closed.
        let styled = "\u{1B}[1msupercalifragilistic\u{1B}[0m"
        let lines = TextWrap.wrap(words: [styled], width: 10, longWords: .truncate(ellipsis: "…"))
        #expect(lines == ["\u{1B}[1msupercali…" + Style.reset])
    }

    @Test func noLineIsWiderThanTheWidth() {
        let words = "the quick brown fox jumps over src/a/very/long/path/name/here.swift and supercalifragilistic"
            .split(separator: " ").map(String.init)
        for policy in [TextWrap.LongWord.split, .splitPaths, .truncate(ellipsis: "…")] {
            for width in 5...40 {
                let lines = TextWrap.wrap(words: words, width: width, first: "- ", rest: "  ", longWords: policy)
                #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(policy) at \(width): \(lines)")
                if policy != .truncate(ellipsis: "…") {
                    let text = lines.map { $0.dropFirst(2) }.joined()
                    #expect(text.filter { $0 != " " } == words.joined(), "\(policy) at \(width) loses nothing")
                }
            }
        }
    }
}
