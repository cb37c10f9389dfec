import Course
import Foundation
import JSON
import Terminal
import TestSupport
import Testing

@testable import Quiz

@Suite struct AnswersReportTests {
    static let answers = """
        cascade-threshold = "More queries reach the large model."
        cascade-cost = "3 units"
        cascade-share = 0.65
        ensembles-free = true
        ensembles-methods = ["Voting", "Pruning"]
        "speculative-name" = "drafter."
        tracing-sum = { doesCompile = true, stdout = "6\\n" }
        weak-to-strong-essay = "The strong student beats the weak teacher."
        not-a-question = "x"
        """

    @Test func answersFileReadsEveryShape() throws {
        let file = try AnswersFile.parse(Self.answers, path: "a.toml")
        #expect(file.ids.first == "cascade-threshold")
        #expect(file.ids.last == "not-a-question")
        #expect(file.answers["cascade-share"] == .number(0.65))
        #expect(file.answers["ensembles-free"] == .bool(true))
        #expect(file.answers["ensembles-methods"] == .list(["Voting", "Pruning"]))
        #expect(file.answers["speculative-name"] == .text("drafter."))
        #expect(file.answers["tracing-sum"] == .tracing(TracingResponse(doesCompile: true, stdout: "6\n")))
    }

    /// A tracing table read as typed: a number for the output, a word for the verdict, a line as
    /// text. The answer is graded, not reported as missing.
    @Test func tracingTablesAreReadLeniently() throws {
        let file = try AnswersFile.parse(
            """
            a = { doesCompile = true, stdout = 5 }
            b = { doesCompile = "no", lineNumber = "13" }
            c = { doesCompile = "perhaps", stdout = [1] }
            """, path: "a.toml")
        #expect(file.answers["a"] == .tracing(TracingResponse(doesCompile: true, stdout: "5")))
        #expect(file.answers["b"] == .tracing(TracingResponse(doesCompile: false, lineNumber: 13)))
        #expect(file.answers["c"] == .tracing(TracingResponse(doesCompile: nil)))
        let prints5 = Question(
            id: "a", prompt: "", body: .tracing(Tracing(program: "p", doesCompile: true, stdout: "5\n")))
        #expect(grade(prints5, try #require(file.answers["a"])).status == .correct)
    }

    @Test func answersSyntaxErrorNamesItsLine() {
        #expect(throws: QuizProblem.self) { try AnswersFile.parse("a = 1\nb = \n", path: "bad.toml") }
        do {
            _ = try AnswersFile.parse("a = 1\nb = \n", path: "bad.toml")
        } catch {
            #expect(error.description.hasPrefix("bad.toml:2: TOML syntax error"))
        }
    }

    @Test func reportGradesScoresAndPrintsJSON() throws {
        let quiz = try Fixtures.quiz("all-types.toml")
        let file = try AnswersFile.parse(Self.answers, path: "a.toml")
        let report = QuizReport(quiz: quiz, answers: file.answers)
        #expect(report.total == 7)
        #expect(
            report.results.map(\.grade.status) == [
                .correct, .correct, .correct, .incorrect, .incorrect, .correct, .correct, .selfGraded,
            ])
        #expect(report.score == 5)
        #expect(report.missed.map(\.question.id) == ["ensembles-free", "ensembles-methods"])

        let json = try parseJSONObject(report.json.serialized())
        #expect(json["file"] as? String == "all-types.toml")
        #expect(json["score"] as? Double == 5)
        #expect(json["total"] as? Int == 7)
        let questions = try #require(json["questions"] as? [[String: Any]])
        #expect(questions.count == 8)
        #expect(questions.map { $0["id"] as? String } == quiz.questions.map(\.id))
        let cost = questions[1]
        #expect(cost["status"] as? String == "correct")
        #expect(cost["correct"] as? Bool == true)
        #expect(cost["points"] as? Double == 1)
        #expect(cost["given"] as? String == "3 units")
        #expect(cost["expected"] as? Double == 3)
        let methods = questions[4]
        #expect(methods["expected"] as? [String] == ["Voting", "Averaging", "Stacking"])
        #expect(methods["given"] as? [String] == ["Voting", "Pruning"])
        #expect(methods["correct"] as? Bool == false)
        let free = questions[3]
        #expect(free["expected"] as? Bool == false)
        let tracing = try #require(questions[6]["expected"] as? [String: Any])
        #expect(tracing["doesCompile"] as? Bool == true)
        #expect(tracing["stdout"] as? String == "6")
        let essay = questions[7]
        #expect(essay["status"] as? String == "self-graded")
        #expect(essay["points"] as? Double == 0)
        // Keys appear in the documented order.
        #expect(
            report.json.serialized().hasPrefix(
                #"{"file":"all-types.toml","score":5,"total":7,"questions":[{"id":"cascade-threshold","status":"correct","correct":true,"points":1,"given":"#
            ))
    }

    /// docs/json.md's keys for `quiz --answers --json` are the report's, in order, with their types.
    @Test func jsonKeysMatchTheDeclaration() throws {
        let allTypes = QuizReport(
            quiz: try Fixtures.quiz("all-types.toml"),
            answers: try AnswersFile.parse(Self.answers, path: "a.toml").answers)
        let unanswered = QuizReport(
            quiz: try Fixtures.quiz("mdbook-example.toml"),
            answers: ["dbbaea6a-f469-464f-9d60-99ae98456b6a": .text("MUT")])
        #expect(JSONKeyDoc.mismatches(QuizReport.jsonKeys, samples: [allTypes.json, unanswered.json]) == [])
    }

    @Test func unansweredQuestionsAreReported() throws {
        let quiz = try Fixtures.quiz("mdbook-example.toml")
        let report = QuizReport(quiz: quiz, answers: ["dbbaea6a-f469-464f-9d60-99ae98456b6a": .text("MUT")])
        #expect(report.score == 1)
        #expect(report.results.filter { $0.grade.status == .unanswered }.count == 7)
        #expect(report.json.serialized().contains(#""status":"unanswered","correct":false,"points":0,"given":null"#))
    }

    @Test func textReportFitsWidthWithoutEscapes() throws {
        let quiz = try Fixtures.quiz("all-types.toml")
        let file = try AnswersFile.parse(Self.answers, path: "a.toml")
        let text = QuizReport(quiz: quiz, answers: file.answers).text(
            settings: TerminalSettings(width: 40, color: false, ascii: true))
        #expect(!text.contains("\u{1B}"))
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 40, "\(line)") }
        #expect(text.hasSuffix("all-types.toml: 5 / 7\n"))
        #expect(text.contains("x  ensembles-free  incorrect"))
        let colored = QuizReport(quiz: quiz, answers: file.answers).text(
            settings: TerminalSettings(width: 80, color: true))
        #expect(colored.contains("\u{1B}["))
    }

    /// With --ascii, tandem's own signs (`±` in a tolerance, `…` in notes) are ASCII too.
    @Test func asciiReportsAndFeedbackSpellSignsInASCII() throws {
        let quiz = try Fixtures.quiz("all-types.toml")
        let answers: [String: Answer] = ["cascade-cost": .number(4), "tracing-sum": .number(6)]
        let text = QuizReport(quiz: quiz, answers: answers).text(
            settings: TerminalSettings(width: 60, color: false, ascii: true))
        #expect(text.contains("expected: 3 units (+/- 0.01)"), "\(text)")
        #expect(text.contains("\"...\" }"), "\(text)")
        #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(text)")
        for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 60, "\(line)") }

        let cost = try #require(quiz.question(id: "cascade-cost"))
        let presenter = QuestionPresenter(settings: TerminalSettings(width: 60, color: false, ascii: true))
        let shown = presenter.feedback(cost, answer: .number(4), grade: grade(cost, .number(4)))
        #expect(shown.contains("The answer: 3 units (+/- 0.01)") && !shown.contains("±"), "\(shown)")
    }

    @Test func expectedAnswersHangUnderTheirText() throws {
        let source = """
            [[questions]]
            id = "pick"
            type = "MultipleChoice"
            prompt.prompt = "Which?"
            partial = true
            prompt.sortAnswers = true
            prompt.distractors = ["Zero"]
            answer.answer = ["Most queries are handled cheaply and quickly by the small model", "Hard ones get the large model"]

            [[questions]]
            id = "why"
            type = "ShortAnswer"
            prompt.prompt = "Why?"
            answer.answer = "because the small model is cheap and the large one is accurate"
            """
        let quiz = try #require(QuizLoader.load(source: source, path: "q.toml").quiz)
        let text = QuizReport(quiz: quiz, answers: ["pick": .list(["A"]), "why": .text("no")])
            .text(settings: TerminalSettings(width: 40, color: false, ascii: true))
        #expect(
            text.contains(
                """
                ~  pick  partial (0.5)
                   expected:
                     A) Hard ones get the large model
                     B) Most queries are handled cheaply
                        and quickly by the small model
                """), "\(text)")
        #expect(
            text.contains(
                """
                x  why  incorrect
                   expected: because the small model is
                             cheap and the large one is
                             accurate
                """), "\(text)")
    }

    @Test func gradeAnswersRecordsProgressAndWarnsAboutUnknownIDs() throws {
        let folder = try makeTemporaryFolder("quiz-tests")
        defer { try? FileManager.default.removeItem(at: folder) }
        let answersURL = folder.appendingPathComponent("answers.toml")
        try Self.answers.write(to: answersURL, atomically: true, encoding: .utf8)
        let store = ProgressStore(directory: folder.appendingPathComponent("state"), courseID: "test")
        let target = QuizTarget.file(Fixtures.url("all-types.toml").path)
        let quiz = try Fixtures.quiz("all-types.toml")
        var warnings: [String] = []
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let json = try QuizRun.gradeAnswers(
            quiz: quiz, target: target, answersURL: answersURL, answersPath: "answers.toml",
            store: store, settings: TerminalSettings(), json: true, now: now
        ) { warnings.append($0) }
        #expect(json.hasPrefix(#"{"file":"#))
        #expect(warnings == ["answers.toml: 'not-a-question' is not a question of \(target.displayPath) (ignored)"])
        let progress = try store.load()
        let record = try #require(progress.quizzes[target.key])
        #expect(target.key == "file:" + Fixtures.url("all-types.toml").standardizedFileURL.path)
        #expect(record.last == 5 && record.best == 5 && record.total == 7 && record.attempts == 1)
        let cost = try #require(progress.questions["cascade-cost"])
        #expect(cost.attempts == 1 && cost.correctCount == 1 && cost.lastResult == "correct")
        #expect(cost.due == now.addingTimeInterval(2 * 86_400), "right the first time: FSRS's two days")
        #expect(cost.fsrs?.phase == .review)
        let free = try #require(progress.questions["ensembles-free"])
        #expect(
            free.lastResult == "incorrect" && free.fsrs?.phase == .learning && free.due == now.addingTimeInterval(600))
        #expect(progress.questions["weak-to-strong-essay"]?.lastResult == "self-graded")

        // A second, better run keeps the best and moves the schedules on.
        try "ensembles-free = false\ncascade-cost = 3".write(to: answersURL, atomically: true, encoding: .utf8)
        _ = try QuizRun.gradeAnswers(
            quiz: quiz, target: target, answersURL: answersURL, answersPath: "answers.toml",
            store: store, settings: TerminalSettings(), json: false, now: now
        ) { warnings.append($0) }
        let after = try store.load()
        #expect(after.quizzes[target.key]?.last == 2)
        #expect(after.quizzes[target.key]?.best == 5)
        #expect(after.quizzes[target.key]?.attempts == 2)
        #expect(after.questions["cascade-cost"]?.fsrs?.reviews == 2)
        #expect(after.questions["ensembles-free"]?.fsrs?.phase == .review, "right now: out of the learning step")
        #expect((after.questions["ensembles-free"]?.due ?? now) >= now.addingTimeInterval(86_400))
        #expect(after.quizzes[target.key]?.lastRun?.map(\.questionID).sorted() == ["cascade-cost", "ensembles-free"])
    }

    @Test func missingAnswersFileIsAOneLineError() throws {
        let quiz = try Fixtures.quiz("all-types.toml")
        #expect(throws: QuizRunError.self) {
            try QuizRun.gradeAnswers(
                quiz: quiz, target: QuizTarget.file("x.toml"), answersURL: URL(fileURLWithPath: "/nonexistent/a.toml"),
                answersPath: "a.toml", store: nil, settings: TerminalSettings(), json: false
            ) { _ in }
        }
    }

    /// Ids keep file order without re-scanning the source: 5,000 keys (unknown to any quiz) read in
    /// well under a second even in a debug build (2,000 took 18 s when a sort comparator searched the text).
    @Test func manyAnswerKeysReadInFileOrderQuickly() throws {
        let count = 5000
        let ids = (0..<count).map { "k\((($0 * 7919) % count))" }
        let source = ids.map { "\($0) = \"x\"" }.joined(separator: "\n") + "\n\"quoted key\" = true\n"
        let clock = ContinuousClock()
        var file: AnswersFile?
        let elapsed = try clock.measure { file = try AnswersFile.parse(source, path: "a.toml") }
        #expect(file?.ids == ids + ["quoted key"])
        #expect(file?.answers["quoted key"] == .bool(true))
        #expect(elapsed < .seconds(1), "\(elapsed)")
    }

    @Test func duplicateAnswerKeyIsQuotedAsWritten() {
        do {
            _ = try AnswersFile.parse("\"abc\" = 1\n\"abc\" = 2\n", path: "a.toml")
            Issue.record("accepted a duplicate key")
        } catch {
            #expect(
                error.description
                    == "a.toml:2: TOML syntax error at column 1: duplicate key 'abc': already defined as an integer (line 1)"
            )
        }
    }

    /// The inputs that aborted the old parser (toml++ assertion) are syntax errors on line 1.
    @Test(arguments: ["[\n", "[ \n", "[#\n", "[=\n"])
    func truncatedHeaderIsASyntaxError(_ source: String) {
        #expect(throws: QuizProblem.self) { try AnswersFile.parse(source, path: "a.toml") }
        let loaded = QuizLoader.load(source: source, path: "q.toml")
        #expect(loaded.quiz == nil)
        #expect(loaded.problems.map(\.line) == [1])
        #expect(loaded.problems.first?.description.hasPrefix("q.toml:1: TOML syntax error at column ") == true)
    }
}
