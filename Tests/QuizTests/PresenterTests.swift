import Terminal
import TestSupport
import Testing

@testable import Quiz

/// How questions and feedback look: wrapped options hang under their text, Markdown renders.
@Suite struct PresenterTests {
    static let guaranteeOption = "It guarantees higher accuracy than sending every query to the large model, always"
    static let longOptions = QuizTOML.multipleChoice(
        id: "wrap", prompt: "Which is the most significant *strategic* advantage of a cascade?",
        answer:
            "It cuts the average cost and latency per query by reserving the large model for the queries that need it",
        distractors: [guaranteeOption, "`x`"], sortAnswers: true,
        feedback: [
            guaranteeOption:
                "Nothing is guaranteed: a confidently wrong small model lets mistakes through to the student."
        ])

    func question(_ source: String) throws -> Question {
        let quiz = try #require(QuizLoader.load(source: source, path: "quiz.toml").quiz)
        return try #require(quiz.questions.first)
    }

    /// The lines between the first option and the instructions.
    func optionLines(_ shown: String) -> [String] {
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = lines.firstIndex { $0.hasPrefix("A) ") } ?? lines.count
        let end = lines[start...].firstIndex { $0.isEmpty } ?? lines.count
        return Array(lines[start..<end])
    }

    @Test func aPercentQuestionAsksForPercent() throws {
        let presenter = QuestionPresenter(settings: TerminalSettings(width: 80, color: false, ascii: false))
        let percent = try question(
            QuizTOML.numeric(
                id: "share", prompt: "What share of queries is deferred?", answer: 25, tolerance: 0.5, unit: "%"))
        let shown = presenter.question(percent, number: 1, of: 1, showMultipart: false)
        #expect(shown.contains("(answer in percent)"), "\(shown)")
        #expect(shown.contains("60 and 60% both mean 60%"), "\(shown)")
        #expect(!shown.contains("0.6, 60%"), "a percent question must not suggest typing a fraction")
    }

    @Test(arguments: [40, 80])
    func wrappedOptionsHangUnderTheirText(width: Int) throws {
        let presenter = QuestionPresenter(settings: TerminalSettings(width: width, color: false, ascii: false))
        let shown = presenter.question(try question(Self.longOptions), number: 1, of: 1, showMultipart: false)
        let options = optionLines(shown)
        // Sorted by source text: It cuts < It guarantees < `x`.
        let starts = options.enumerated().filter { !$0.element.hasPrefix("   ") }
        #expect(starts.map { String($0.element.prefix(3)) } == ["A) ", "B) ", "C) "], "\(options)")
        #expect(options.count > 3, "long options wrap at \(width)")
        for line in options {
            #expect(DisplayWidth.of(line) <= width, "\(line)")
            // Every line is a lettered first line or a continuation three columns in, never at column 0.
            #expect(line.range(of: #"^([A-C]\) |   )\S"#, options: .regularExpression) != nil, "\(line)")
        }
        // The words come back in order: nothing lost or duplicated by the indent.
        let joined = options.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("B) It guarantees higher accuracy than sending every query to the large model, always"))
        #expect(
            joined.contains(
                "A) It cuts the average cost and latency per query by reserving the large model for the queries that need it"
            ))
        // A code span after the letter is still a code span (shown in backticks without colour).
        #expect(options.last == "C) `x`")
    }

    @Test(arguments: [40, 80])
    func optionFeedbackHangsToo(width: Int) throws {
        let presenter = QuestionPresenter(settings: TerminalSettings(width: width, color: false, ascii: true))
        let q = try question(Self.longOptions)
        let shown = presenter.feedback(q, answer: .text("B"), grade: grade(q, .text("B")))
        let lines = shown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines { #expect(DisplayWidth.of(line) <= width, "\(line)") }
        // The right option under "The answer:", the pick under "Your pick:", its feedback marked
        // with an arrow under the option's text, wrapped lines hanging under the feedback's text.
        let answerAt = try #require(lines.firstIndex(of: "The answer:"), "\(shown)")
        #expect(lines[answerAt + 1].hasPrefix("A) It cuts the average cost"))
        let pickAt = try #require(lines.firstIndex(of: "Your pick:"), "\(shown)")
        #expect(lines[pickAt + 1].hasPrefix("B) It guarantees higher accuracy"))
        let arrowAt = try #require(lines.firstIndex { $0.hasPrefix("   -> Nothing is guaranteed") }, "\(shown)")
        #expect(arrowAt > pickAt + 1)
        #expect(
            lines[arrowAt + 1].hasPrefix("      ") && !lines[arrowAt + 1].hasPrefix("       "), "\(lines[arrowAt + 1])")
        for line in lines[(pickAt + 2)..<arrowAt] {
            #expect(line.hasPrefix("   ") && !line.hasPrefix("    "), "\(line)")
        }
    }

    @Test func aRightPickShowsItsFeedbackUnderItsLetter() throws {
        let source = """
            [[questions]]
            id = "right"
            type = "MultipleChoice"
            prompt.prompt = "Pick."
            prompt.answerIndex = 1
            prompt.distractors = ["no"]
            answer.answer = "yes"
            context = "Because."
            feedback.yes = "Right *here*."
            feedback.no = "Not shown on a right pick."
            """
        let presenter = QuestionPresenter(settings: TerminalSettings(width: 60, color: false, ascii: false))
        let q = try question(source)
        let shown = presenter.feedback(q, answer: .text("B"), grade: grade(q, .text("B")))
        #expect(shown == "\n✓ Correct.\nB) Right _here_.\n\nBecause.\n", "\(shown)")
    }

    @Test func notesReadAsSentences() throws {
        let presenter = QuestionPresenter(settings: TerminalSettings(width: 80, color: false, ascii: false))
        #expect(presenter.sentence("3 of 4 right options picked, 0 wrong") == "3 of 4 right options picked, 0 wrong.")
        #expect(presenter.sentence("the answer is empty") == "The answer is empty.")
        #expect(presenter.sentence("\"x\" is not a number") == "\"x\" is not a number.")
        #expect(presenter.sentence("done (see above)") == "Done (see above)")
        #expect(presenter.sentence("") == "")
    }

    @Test func colouredLabelsAreBoldAndHangByDisplayWidth() throws {
        let presenter = QuestionPresenter(settings: TerminalSettings(width: 40, color: true, ascii: false))
        let shown = presenter.question(try question(Self.longOptions), number: 1, of: 1, showMultipart: false)
        #expect(shown.contains("\u{1B}[0;1mA)\u{1B}[0m It cuts"))
        let lines = shown.split(separator: "\n").map(String.init)
        for line in lines { #expect(DisplayWidth.of(line) <= 40, "\(line)") }
        let index = try #require(lines.firstIndex { $0.contains("A)") })
        #expect(lines[index + 1].hasPrefix("   ") && !lines[index + 1].hasPrefix("    "))
    }

    @Test func optionsThatLookLikeBlocksStayText() throws {
        let source = QuizTOML.multipleChoice(
            id: "blocks", prompt: "Pick.", answer: "3. Both", distractors: ["- 1", "# none", "> 2", "*all*"],
            sortAnswers: true)
        let presenter = QuestionPresenter(settings: TerminalSettings(width: 60, color: false, ascii: true))
        let options = optionLines(presenter.question(try question(source), number: 1, of: 1, showMultipart: false))
        #expect(options.count == 5, "one line each: \(options)")
        #expect(options.contains { $0.hasSuffix(") 3. Both") }, "\(options)")
        #expect(options.contains { $0.hasSuffix(") - 1") }, "\(options)")
        #expect(options.contains { $0.hasSuffix(") # none") }, "\(options)")
        #expect(options.contains { $0.hasSuffix(") > 2") }, "\(options)")
        #expect(options.contains { $0.hasSuffix(") _all_") }, "emphasis is still emphasis: \(options)")
    }

    @Test func asParagraphEscapesOnlyBlockStarts() {
        #expect(InlineMarkdown.asParagraph("3. Both") == #"3\. Both"#)
        #expect(InlineMarkdown.asParagraph("3.5") == "3.5")
        #expect(InlineMarkdown.asParagraph("12) x") == #"12\) x"#)
        #expect(InlineMarkdown.asParagraph("- 1") == #"\- 1"#)
        #expect(InlineMarkdown.asParagraph("*emphasis*") == "*emphasis*")
        #expect(InlineMarkdown.asParagraph("* item") == #"\* item"#)
        #expect(InlineMarkdown.asParagraph("___") == #"\___"#)
        #expect(InlineMarkdown.asParagraph("`code`") == "`code`")
        #expect(InlineMarkdown.asParagraph("```") == #"\```"#)
        #expect(InlineMarkdown.asParagraph("    indented") == "indented")
        #expect(InlineMarkdown.asParagraph("plain words") == "plain words")
    }

    @Test func firstParagraphJoinsItsLinesAndStopsAtTheNextBlock() {
        #expect(InlineMarkdown.firstParagraph("\n  One\ntwo\n\nthree") == "One two")
        #expect(InlineMarkdown.firstParagraph("What prints?\n```swift\nprint(1)\n```") == "What prints?")
        #expect(InlineMarkdown.firstParagraph("Pick one:\n- a\n- b") == "Pick one:")
        #expect(InlineMarkdown.firstParagraph("```\ncode\n```") == "")
        #expect(InlineMarkdown.firstParagraph("  \n") == "")
    }

    /// Cutting styled text: a hyperlink's OSC 8 sequence takes no columns and is closed after
    /// the cut, as the styles are; stripping leaves only the visible text.
    @Test func truncateAndStripUnderstandHyperlinks() {
        let link = "\u{1B}]8;;https://example.com\u{1B}\\\u{1B}[4mexample text\u{1B}[0m\u{1B}]8;;\u{1B}\\ after"
        #expect(EscapeSequences.removed(from: link) == "example text after")
        let cut = TextFit.truncate(link, width: 8)
        #expect(EscapeSequences.removed(from: cut) == "example…")
        #expect(cut.hasSuffix("…\u{1B}]8;;\u{1B}\\\u{1B}[0m"), "\(cut.debugDescription)")
        #expect(TextFit.truncate(link, width: 18) == link, "fits: unchanged")
    }

    /// Too narrow to hang options: the letters lead their paragraphs, still without `**` when
    /// colour is off (and bold when it is on).
    @Test func narrowOptionsKeepPlainLabels() throws {
        let q = try question(Self.longOptions)
        let plain = QuestionPresenter(settings: TerminalSettings(width: 12, color: false, ascii: false))
            .question(q, number: 1, of: 1, showMultipart: false)
        #expect(!plain.contains("**"), "\(plain)")
        #expect(plain.contains("\nA) It cuts"), "\(plain)")
        let colored = QuestionPresenter(settings: TerminalSettings(width: 12, color: true, ascii: false))
            .question(q, number: 1, of: 1, showMultipart: false)
        #expect(!colored.contains("**") && colored.contains("\u{1B}[0;1m"), "\(colored)")
    }

    /// A short answer is literal text: "2*3*4" is shown as typed, not as emphasis.
    @Test func shortAnswersAreShownLiterally() throws {
        let q = try question(
            """
            [[questions]]
            id = "product"
            type = "ShortAnswer"
            prompt.prompt = "Write the product of 2, 3 and 4 as an expression."
            answer.answer = "2*3*4"
            answer.alternatives = ["`24`", "[24]"]
            """)
        let presenter = QuestionPresenter(settings: TerminalSettings(width: 80, color: false, ascii: false))
        let shown = presenter.feedback(q, answer: .text("6"), grade: grade(q, .text("6")))
        #expect(shown.contains("The answer: 2*3*4 (also accepted: `24`, [24])"), "\(shown)")
        #expect(InlineMarkdown.escaped("a_b*c`d") == #"a\_b\*c\`d"#)
    }
}
