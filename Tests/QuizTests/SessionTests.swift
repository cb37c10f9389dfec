import Course
import Foundation
import Terminal
import TestSupport
import Testing

@testable import Quiz

/// Collects everything a session writes, and lets the test move the clock.
final class Transcript: @unchecked Sendable {
    var text = ""
    var now = Date(timeIntervalSince1970: 1_800_000_000)
    func write(_ s: String) { text += s }
}

private let smallQuiz = QuizTOML.file(
    QuizTOML.trueFalse(
        id: "small-vs-large", prompt: "A small model is always cheaper per query than a large one.", answer: true,
        hint: "Think of parameters.", context: "Fewer parameters, fewer operations."),
    QuizTOML.shortAnswer(
        id: "draft", prompt: "What is the small model called in speculative decoding?", answer: "draft model"),
    QuizTOML.numeric(
        id: "escalation", prompt: "What share of queries escalate?", answer: 0.2, tolerance: 0.001,
        unit: "of queries"))

private let tracingQuiz = """
    [[questions]]
    id = "trace"
    type = "Tracing"
    prompt.program = \"\"\"
    let x = 1
    x += 1
    print(x)
    \"\"\"
    answer.doesCompile = false
    answer.lineNumber = 2
    context = "`x` is a constant."
    """

struct SessionHarness {
    let folder: URL
    let store: ProgressStore
    let transcript = Transcript()
    let quiz: QuizFile
    let key = "small"

    init(source: String = smallQuiz) throws {
        folder = try makeTemporaryFolder("quiz-tests")
        store = ProgressStore(directory: folder, courseID: "test")
        guard let loaded = QuizLoader.load(source: source, path: "quiz.toml").quiz else {
            throw Fixtures.FixtureError(message: "quiz did not load")
        }
        quiz = loaded
    }

    init(quiz: QuizFile) throws {
        folder = try makeTemporaryFolder("quiz-tests")
        store = ProgressStore(directory: folder, courseID: "test")
        self.quiz = quiz
    }

    @discardableResult
    func run(
        _ inputs: [LineInput], settings: TerminalSettings = TerminalSettings(width: 120, color: false, ascii: false)
    ) -> (QuizSessionOutcome, ScriptedLineReader) {
        let transcript = self.transcript
        let reader = ScriptedLineReader(inputs, echo: { transcript.write($0) })
        let session = QuizSession(
            quiz: quiz, quizKey: key, title: "Quiz: small", store: store, reader: reader,
            settings: settings, resumeCommand: "tandem quiz small",
            clock: { transcript.now }, write: { transcript.write($0) })
        // A save failure here is a broken test setup: stop loudly.
        return (try! session.run(), reader)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: folder) }
}

private func lines(_ items: String...) -> [LineInput] { items.map { .line($0) } }

@Suite struct SessionTests {
    @Test func fullRunWithHintsAndInvalidInput() throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        let (outcome, reader) = harness.run(lines("?", "maybe", "yes", "", "Draft Model.", "a fifth", "20%"))
        #expect(outcome.completed)
        #expect(outcome.score == 3 && outcome.total == 3 && outcome.missed.isEmpty)
        #expect(reader.remaining == 0)
        let text = harness.transcript.text
        #expect(text.contains("Hint: Think of parameters."))
        #expect(text.contains("Answer true or false (t/f, yes/no and y/n also work)."))
        #expect(text.contains("Fewer parameters, fewer operations."))
        #expect(text.contains("Type an answer (Ctrl-D stops and keeps your answers)."))
        #expect(text.contains("Type a number, like 0.6, 60%, 1,200 or +3."))
        #expect(text.contains("(answer in of queries)"))
        #expect(text.contains("Score: 3 / 3"))
        #expect(text.contains("Every question right."))
        #expect(text.contains("Your answers — 3 of 3 right:"), "the review screen follows the score")
        #expect(!text.contains("\u{1B}"))

        let progress = try harness.store.load()
        let record = try #require(progress.quizzes["small"])
        #expect(
            record.best == 3 && record.last == 3 && record.total == 3 && record.attempts == 1 && record.resume == nil)
        #expect(record.lastTakenAt == harness.transcript.now)
        #expect(progress.questions.keys.sorted() == ["draft", "escalation", "small-vs-large"])
        #expect(progress.questions["draft"]?.quiz == "small")
        #expect(progress.questions["draft"]?.fsrs?.phase == .review)
        #expect(record.lastRun?.map(\.questionID) == ["small-vs-large", "draft", "escalation"], "in answer order")
    }

    @Test func wrongAnswerShowsTheAnswerAndRetryRecordsWithoutChangingScore() throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        let (outcome, _) = harness.run(lines("f", "draft model", "0.2", "y", "t"))
        #expect(outcome.completed)
        #expect(outcome.score == 2)
        #expect(outcome.missed.isEmpty)  // fixed on retry
        let text = harness.transcript.text
        #expect(text.contains("✗ Not quite."))
        #expect(text.contains("The answer: true"))
        #expect(text.contains("Missed:\n  small-vs-large: A small model is always cheaper"))
        #expect(text.contains("Retry it? [y/N] y"))
        #expect(text.contains("\n\nRetry 1 of 1  (small-vs-large)\n"))
        #expect(!text.contains("\n\n\n"), "one blank line between blocks")
        #expect(text.contains("Retry: 1 of 1 right this time (the quiz score stays 2 / 3)."))
        let progress = try harness.store.load()
        #expect(progress.quizzes["small"]?.last == 2)
        let record = try #require(progress.questions["small-vs-large"])
        #expect(record.attempts == 2 && record.correctCount == 1 && record.lastResult == "correct")
    }

    /// The "Missed:" list names each question by its prompt's first paragraph on one line:
    /// rendered (bold, not `**`) with colour, plain prose without, cut to the width with "…".
    @Test func missedListRendersThePromptAsOneLine() throws {
        let source = """
            [[questions]]
            id = "inference-time"
            type = "TrueFalse"
            prompt.prompt = \"\"\"
            Is a **cascade** an *inference-time* combination, like `route(query)` picking a model
            for each query?

            A second paragraph that the summary leaves out.
            \"\"\"
            answer.answer = true
            """
        let plain = try SessionHarness(source: source)
        defer { plain.cleanUp() }
        plain.run(lines("f", ""), settings: TerminalSettings(width: 60, color: false, ascii: false))
        let missed = try #require(
            plain.transcript.text.components(separatedBy: "Missed:\n").last?.split(separator: "\n").first)
        #expect(missed == "  inference-time: Is a cascade an inference-time combinatio…", "\(plain.transcript.text)")
        #expect(DisplayWidth.of(missed) <= 60)

        // The whole first paragraph (both source lines) fits at 120, and nothing of the second.
        let wide = try SessionHarness(source: source)
        defer { wide.cleanUp() }
        wide.run(lines("f", ""), settings: TerminalSettings(width: 120, color: false, ascii: false))
        #expect(
            wide.transcript.text.contains(
                "\n  inference-time: Is a cascade an inference-time combination, like route(query) picking a model for each query?\n"
            ),
            "\(wide.transcript.text)")
        #expect(
            wide.transcript.text.hasSuffix("for each query?\nRetry it? [y/N] \n"), "nothing of the second paragraph")

        let colored = try SessionHarness(source: source)
        defer { colored.cleanUp() }
        colored.run(lines("f", ""), settings: TerminalSettings(width: 50, color: true, ascii: false))
        let line = try #require(
            colored.transcript.text.components(separatedBy: "Missed:\n").last?.split(separator: "\n").first)
        #expect(
            !line.contains("**") && !line.contains("`") && line.contains("\u{1B}[") && line.contains("cascade"),
            "\(line)")
        #expect(line.hasSuffix("…\u{1B}[0m"), "cut with an ellipsis, styles closed: \(line)")
        #expect(DisplayWidth.of(line) <= 50)
    }

    @Test func decliningRetryLeavesMissed() throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        let (outcome, _) = harness.run(lines("f", "target model", "0.2", ""))
        #expect(outcome.missed == ["small-vs-large", "draft"])
        #expect(outcome.score == 1)
        #expect(harness.transcript.text.contains("Retry those 2? [y/N] "))
        #expect(try harness.store.load().questions["draft"]?.lastResult == "incorrect")
    }

    @Test(arguments: [LineInput.interrupted, .end])
    func interruptKeepsAnswersAndNextRunResumes(_ stop: LineInput) throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        let (first, _) = harness.run([.line("t"), stop])
        #expect(!first.completed)
        #expect(first.answeredThisRun == 1)
        #expect(
            harness.transcript.text.contains(
                "Stopped after 1 of 3 questions; your answers are saved. Run tandem quiz small to resume.\n"))
        var progress = try harness.store.load()
        #expect(progress.quizzes["small"]?.resume == ["small-vs-large": 1])
        #expect(progress.quizzes["small"]?.attempts == 0)
        #expect(progress.questions["small-vs-large"]?.attempts == 1)

        harness.transcript.text = ""
        let (second, reader) = harness.run(lines("", "draft model", "0.2"))
        #expect(second.completed)
        #expect(second.answeredThisRun == 2)
        #expect(second.score == 3)
        #expect(reader.prompts.first == "Resume? [Y/n] ")
        #expect(harness.transcript.text.contains("Last time you stopped after 1 of 3 questions."))
        #expect(!harness.transcript.text.contains("Question 1 of 3"))
        #expect(harness.transcript.text.contains("Question 2 of 3"))
        progress = try harness.store.load()
        #expect(progress.quizzes["small"]?.resume == nil)
        #expect(progress.quizzes["small"]?.best == 3)
        #expect(progress.questions["small-vs-large"]?.attempts == 1)
    }

    /// Stopping at the first question leaves nothing to resume, so no resume is promised.
    @Test(arguments: [LineInput.interrupted, .end])
    func stoppingBeforeAnyAnswerPromisesNoResume(_ stop: LineInput) throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        let (outcome, _) = harness.run([stop])
        #expect(!outcome.completed && outcome.answeredThisRun == 0)
        #expect(
            harness.transcript.text.hasSuffix(
                "Stopped before the first answer. Run tandem quiz small to start again.\n"),
            "\(harness.transcript.text)")
        #expect(!harness.transcript.text.contains("saved"))
        #expect(try harness.store.load().quizzes["small"]?.resume == nil)
    }

    @Test func stoppingARetryKeepsTheScoreAndSaysSo() throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        let (outcome, _) = harness.run([.line("f"), .line("draft model"), .line("0.2"), .line("y"), .end])
        #expect(outcome.completed && outcome.score == 2)
        #expect(outcome.missed == ["small-vs-large"])
        #expect(
            harness.transcript.text.hasSuffix(
                "Retry 1 of 1  (small-vs-large)\n"
                    + "A small model is always cheaper per query than a large one.\n\n"
                    + "Answer true or false (t/f, yes/no, y/n also work). Type ? for a hint.\n"
                    + "› ^D\n"
                    + "Stopped retrying; your score stays 2 / 3.\n"), "\(harness.transcript.text)")
        #expect(try harness.store.load().quizzes["small"]?.last == 2)
    }

    /// The stop message prints the command plainly: no backticks, bold only with colour.
    @Test func stopMessageNamesTheCommandPlainly() throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        harness.run([.line("t"), .end], settings: TerminalSettings(width: 80, color: true, ascii: false))
        let text = harness.transcript.text.replacingOccurrences(of: "\n", with: " ")
        #expect(text.contains("Run \u{1B}[0;1mtandem quiz small\u{1B}[0m to resume."), "\(harness.transcript.text)")
        #expect(!harness.transcript.text.contains("`"))
    }

    /// A lesson's quiz is resumed by the lesson's number, as the home screen names it; a file by
    /// its path, quoted for the shell when it needs to be.
    @Test func resumeCommandsUseTheLessonNumber() throws {
        let root = try makeTemporaryFolder("quiz-tests")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("content/01-why-combine")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try smallQuiz.write(to: folder.appendingPathComponent("quiz.toml"), atomically: true, encoding: .utf8)
        var manifest = CourseManifest(id: "test", title: "Test")
        let lesson = LessonEntry(number: 1, slug: "why-combine", title: "Why combine", folder: "01-why-combine")
        manifest.lessons = [lesson]
        let target = try QuizTarget.lesson(lesson, course: CourseFolder(root: root, manifest: manifest))
        #expect(target.command == "tandem quiz 1")
        #expect(target.key == "why-combine")
        #expect(QuizTarget.file("quizzes/extra.toml").command == "tandem quiz --file quizzes/extra.toml")
        #expect(QuizTarget.file("my quiz's.toml").command == #"tandem quiz --file 'my quiz'\''s.toml'"#)
    }

    @Test func resumingLeavesABlankLineBeforeTheTitle() throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        harness.run([.line("t"), .end])
        harness.transcript.text = ""
        harness.run(lines("y", "draft model", "0.2"))
        #expect(
            harness.transcript.text.hasPrefix(
                "Last time you stopped after 1 of 3 questions.\nResume? [Y/n] y\n\nQuiz: small — 3 questions."),
            "\(harness.transcript.text)")
    }

    @Test func decliningResumeStartsOver() throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        harness.run([.line("f"), .interrupted])
        let (outcome, _) = harness.run(lines("n", "t", "draft model", "0.2"))
        #expect(outcome.completed && outcome.score == 3 && outcome.answeredThisRun == 3)
        #expect(try harness.store.load().questions["small-vs-large"]?.attempts == 2)
    }

    @Test func interruptAtTheResumeQuestionChangesNothing() throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        harness.run([.line("t"), .end])
        let before = try harness.store.load()
        let (outcome, _) = harness.run([.interrupted])
        #expect(!outcome.completed)
        #expect(try harness.store.load() == before)
    }

    @Test func tracingAsksVerdictThenLine() throws {
        let harness = try SessionHarness(source: tracingQuiz)
        defer { harness.cleanUp() }
        let (outcome, _) = harness.run(lines("perhaps", "n", "two", "2"))
        #expect(outcome.score == 1)
        let text = harness.transcript.text
        for line in ["1 | let x = 1", "2 | x += 1", "3 | print(x)"] { #expect(text.contains(line)) }
        #expect(text.contains("Answer y or n (yes/no, true/false also work)."))
        #expect(text.contains("Two steps: whether it compiles (y/n), then what it prints or where the error is."))
        #expect(text.contains("Type a line number, or press Enter to skip."))
        #expect(text.contains("The error is on line 2."))
        #expect(text.contains("`x` is a constant."))
    }

    @Test func multipleChoiceShowsLettersAndFeedback() throws {
        let quiz = try Fixtures.quiz("all-types.toml")
        let question = try #require(quiz.question(id: "cascade-threshold"))
        let harness = try SessionHarness(quiz: QuizFile(path: "q.toml", questions: [question]))
        defer { harness.cleanUp() }
        guard case .multipleChoice(let mc) = question.body else {
            Issue.record("not MC")
            return
        }
        let options = mc.options(questionID: question.id)
        let wrong = try #require(options.first { $0.text == "Nothing changes." })
        harness.run(lines("Q", "A, B", wrong.letter, ""))
        let text = harness.transcript.text
        for option in options { #expect(text.contains("\n\(option.letter)) \(option.text)\n")) }
        #expect(text.contains("A cascade sends each query"))  // multipart context shown
        #expect(text.contains("That is not an option: answer with a letter A–C or an option's whole text."))
        #expect(text.contains("Pick one option (a letter A–C)."))
        // A wrong pick: the right option, then the pick, each with its feedback under it.
        let right = try #require(options.first { $0.isCorrect })
        #expect(
            text.contains(
                """
                The answer:
                \(right.letter)) More queries reach the large model.
                   ↳ Right: more answers fall below the bar.
                Your pick:
                \(wrong.letter)) Nothing changes.
                   ↳ The threshold decides every escalation.

                A higher bar means the small model is trusted less often.
                """), "\(text)")
    }

    @Test func selfGradedMarksRubric() throws {
        let quiz = try Fixtures.quiz("all-types.toml")
        let question = try #require(quiz.question(id: "weak-to-strong-essay"))
        let harness = try SessionHarness(quiz: QuizFile(path: "q.toml", questions: [question]))
        defer { harness.cleanUp() }
        let (outcome, _) = harness.run(
            lines("", "The student beats", "its teacher.", "", "maybe", "n", "y", "sometimes", "easy"))
        #expect(outcome.total == 0 && outcome.completed)
        let text = harness.transcript.text
        #expect(text.contains("Write an answer first"))
        #expect(text.contains("\nModel answer:\nA strong model"), "tandem's label, plain without colour: \(text)")
        #expect(!text.contains("**"))
        #expect(text.contains("Self-graded: 1 of 2 rubric points met"))
        let record = try #require(try harness.store.load().questions["weak-to-strong-essay"])
        #expect(record.lastResult == "self-graded" && record.lastPoints == 0.5)
        // The student's own rating schedules it: "easy" graduates at once, with easy's stability.
        #expect(text.contains("How well did you know it? 1 again (forgot), 2 hard, 3 good, 4 easy."))
        #expect(text.contains("Type 1, 2, 3 or 4 (or again, hard, good, easy)."))
        #expect(record.fsrs?.phase == .review && record.fsrs?.stability == FSRSScheduler.defaultParameters[3])
    }

    @Test func asciiModeUsesPlainMarks() throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        harness.run(lines("?", "t", "x", "0.2", ""), settings: TerminalSettings(width: 60, color: false, ascii: true))
        let text = harness.transcript.text
        #expect(text.contains("Correct."))
        #expect(!text.contains("✓") && !text.contains("✗") && !text.contains("💡") && !text.contains("—"))
        #expect(text.contains("Hint: Think"))
    }

    @Test func outputFitsTheWidthAndColourOnlyWhenAsked() throws {
        let harness = try SessionHarness()
        defer { harness.cleanUp() }
        harness.run(
            lines("?", "f", "target model", "0.3", "y", "t", "x", "0.2", "n"),
            settings: TerminalSettings(width: 30, color: false, ascii: false))
        let plain = harness.transcript.text
        #expect(!plain.contains("\u{1B}"))
        for line in plain.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 30, "\(line)") }

        let colored = try SessionHarness()
        defer { colored.cleanUp() }
        colored.run(lines("t", "draft model", "0.2"), settings: TerminalSettings(width: 80, color: true, ascii: false))
        #expect(colored.transcript.text.contains("\u{1B}["))
    }
}
