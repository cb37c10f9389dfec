import Foundation
import Terminal
import Testing

@testable import Quiz

/// Files written for mdbook-quiz load and grade unchanged: the shapes real quiz files use
/// (fixture `mdbook-style.toml`), Windows line ends, and what mdbook-quiz tolerates.
@Suite struct MdbookCompatibilityTests {
    static let headerLines = [5, 27, 58, 75, 95, 124, 133, 143]

    @Test func mdbookStyleFileLoadsWithNoProblems() throws {
        let loaded = QuizLoader.load(Fixtures.url("mdbook-style.toml"), displayPath: "mdbook-style.toml")
        #expect(loaded.problems.isEmpty, "\(loaded.problems.map(\.description))")
        let quiz = try #require(loaded.quiz)
        #expect(quiz.questions.map(\.line) == Self.headerLines)
        #expect(
            quiz.questions.map(\.type) == [
                .tracing, .multipleChoice, .tracing, .multipleChoice, .multipleChoice,
                .multipleChoice, .multipleChoice, .shortAnswer,
            ])
        #expect(quiz.questions.allSatisfy { $0.hasExplicitID })  // ids given after the other fields count too
        #expect(quiz.questions[0].multipartContext?.hasPrefix("A router sends") == true)
        #expect(quiz.questions[1].multipart == "routing")
        guard case .multipleChoice(let codeOptions) = quiz.questions[4].body else {
            Issue.record("not MC")
            return
        }
        #expect(codeOptions.multipleAnswers && codeOptions.answers.count == 1)  // a one-item array
        #expect(codeOptions.answers[0].hasPrefix("```rust\nfn cascade(query: &str"))
    }

    /// Every question graded against its own answer: by the option's source text (as an answers
    /// file gives it) and by the letters a student types.
    @Test func mdbookStyleFileGradesItsOwnAnswers() throws {
        let quiz = try Fixtures.quiz("mdbook-style.toml")
        let byText = QuizReport(
            quiz: quiz, answers: Dictionary(uniqueKeysWithValues: quiz.questions.map { ($0.id, $0.expectedAnswer) }))
        #expect(byText.score == 8 && byText.total == 8)
        #expect(byText.results.allSatisfy { $0.grade.status == .correct })

        for question in quiz.questions {
            guard case .multipleChoice(let mc) = question.body else { continue }
            let letters = mc.options(questionID: question.id).filter(\.isCorrect).map(\.letter)
            let answer: Answer = mc.multipleAnswers ? .list(letters) : .text(letters.joined())
            #expect(grade(question, answer).status == .correct, "\(question.id)")
        }
        // Options that look like numbers are matched by their text, not read as letters.
        let seconds = try #require(quiz.question(id: "d5e6f7a8-b9c0-4d1e-8f2a-3b4c5d6e7f80"))
        #expect(grade(seconds, .text("15")).status == .correct)
        #expect(grade(seconds, .text("5")).status == .incorrect)
    }

    /// "\r\n" is one Character in Swift: header lines must still count from a CRLF file.
    @Test func windowsLineEndsKeepLineNumbers() throws {
        let source = try Fixtures.source("mdbook-style.toml").replacingOccurrences(of: "\n", with: "\r\n")
        let loaded = QuizLoader.load(source: source, path: "crlf.toml")
        #expect(loaded.errors.isEmpty)
        let crlfQuiz = try #require(loaded.quiz)
        #expect(crlfQuiz.questions.map(\.line) == Self.headerLines)

        let duplicate = try Fixtures.source("malformed/duplicate-ids.toml").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(
            QuizLoader.validate(source: duplicate, path: "d.toml").map(\.description)
                == ["d.toml:7: question same: duplicate id (also used by the question at line 1)"])
    }

    @Test func answersFileKeepsKeyOrderWithWindowsLineEnds() throws {
        let answers = try AnswersFile.parse("c = 1\r\nb = 2\r\na = 3\r\n", path: "a.toml")
        #expect(answers.ids == ["c", "b", "a"])
    }

    /// mdbook-quiz shows a repeated option twice and grades it like any other; so does tandem,
    /// with a warning, rather than dropping the question.
    @Test func aRepeatedDistractorIsAWarningAndTheQuestionStillGrades() throws {
        let source = """
            [[questions]]
            id = "twice"
            type = "MultipleChoice"
            prompt.prompt = "Pick."
            prompt.distractors = ["x", "x"]
            prompt.answerIndex = 2
            answer.answer = "y"
            """
        let loaded = QuizLoader.load(source: source, path: "t.toml")
        #expect(
            loaded.problems.map(\.description) == ["t.toml:1: question twice: warning: option \"x\" is listed twice"])
        let question = try #require(loaded.quiz?.questions.first)
        #expect(grade(question, .text("C")).status == .correct)
        #expect(grade(question, .text("B")).status == .incorrect)
        #expect(grade(question, .text("x")).status == .incorrect)
    }

    /// mdbook-quiz's own schema example uses options "A"–"D": it loads and grades by letter, and
    /// `--check` warns that answering by such an option's text means its letter.
    @Test func optionsThatAreLettersLoadWithAWarning() throws {
        let source = """
            [[questions]]
            id = "hello world"
            type = "MultipleChoice"
            prompt.prompt = "What's up"
            answer.answer = "A"
            prompt.distractors = ["B", "C", "D"]
            context = "Ok!"
            """
        let loaded = QuizLoader.load(source: source, path: "s.toml")
        #expect(loaded.errors.isEmpty)
        #expect(
            loaded.warnings.map(\.description) == [
                "s.toml:1: question hello world: warning: options \"A\", \"B\", \"C\", \"D\" read as letters: typing one picks the option at that letter, so answer by letter"
            ])
        let question = try #require(loaded.quiz?.questions.first)
        let right = try #require(question.body.multipleChoiceOptions?.first { $0.isCorrect })
        #expect(grade(question, .text(right.letter)).status == .correct)
    }

    /// The shuffle is a function of the id alone: pinned here so no build or run can change the
    /// letters students and answers files refer to.
    @Test func shuffledOrderIsPinnedForAnID() {
        let mc = MultipleChoice(answers: ["a"], distractors: ["b", "c", "d"])
        #expect(mc.options(questionID: "cascade-threshold").map(\.text) == ["d", "a", "c", "b"])
    }

    @Test func aWrongLineNumberIsNamedOnce() throws {
        let quiz = try Fixtures.quiz("mdbook-style.toml")
        let question = try #require(quiz.question(id: "9e8d7c6b-5a49-4382-a1b0-c9d8e7f6a5b4"))
        let presenter = QuestionPresenter(settings: TerminalSettings(width: 80, color: false, ascii: false))
        let wrongLine = Answer.tracing(TracingResponse(doesCompile: false, lineNumber: 4))
        let shown = presenter.feedback(question, answer: wrongLine, grade: grade(question, wrongLine))
        #expect(shown.contains("The error is on line 3, not 4."))
        #expect(shown.components(separatedBy: "line 3").count == 2, "\(shown)")
        let rightLine = Answer.tracing(TracingResponse(doesCompile: false, lineNumber: 3))
        #expect(
            presenter.feedback(question, answer: rightLine, grade: grade(question, rightLine)).contains(
                "The error is on line 3."))
    }
}

extension Question.Body {
    var multipleChoiceOptions: [ChoiceOption]? {
        if case .multipleChoice(let mc) = self { return mc.options(questionID: "hello world") }
        return nil
    }
}
