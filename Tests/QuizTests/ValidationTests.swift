import Foundation
import Testing

@testable import Quiz

struct MalformedCase: Sendable, CustomTestStringConvertible {
    var file: String
    /// Every problem `--check` must report, exactly, in order (errors and warnings).
    var expected: [String]
    var testDescription: String { file }
}

private func m(_ file: String, _ expected: String...) -> MalformedCase {
    MalformedCase(file: file, expected: expected.map { "malformed/\(file):" + $0 })
}

let malformedFiles: [MalformedCase] = [
    m(
        "syntax-error.toml",
        "4: TOML syntax error at column 30: the string is not closed before the end of the line"),
    m(
        "unknown-type.toml",
        "9: question essay: unknown type 'Essay' (expected one of MultipleChoice, ShortAnswer, Tracing, TrueFalse, Numeric, SelfGraded)"
    ),
    m("duplicate-ids.toml", "7: question same: duplicate id (also used by the question at line 1)"),
    m("mc-no-answer.toml", "1: question mc: MultipleChoice has no answer (answer.answer)"),
    m("mc-answer-is-distractor.toml", "1: question mc-dup: answer \"b\" is also a distractor"),
    m("mc-answer-index.toml", "1: question idx: prompt.answerIndex 5 is outside 0...2"),
    m(
        "numeric-no-tolerance.toml",
        "1: question num: Numeric needs answer.tolerance or answer.range (use tolerance = 0 for an exact answer)"),
    m("empty-prompt.toml", "1: question blank: empty prompt"),
    m("wrong-kind-truefalse.toml", "1: question tf: answer.answer must be true or false, not a string"),
    m("wrong-kind-tracing.toml", "1: question trace: answer.doesCompile must be true or false, not a string"),
    m("empty.toml", "1: no questions: a quiz file holds [[questions]] tables"),
    m("multipart-missing.toml", "4: question part: multipart 'b' is not a key of the [multipart] table"),
    m(
        "prompt-not-table.toml",
        "1: question old: 'prompt' must be a table (write prompt.prompt = …), not a string",
        "1: question old: 'answer' must be a table (write answer.answer = …), not a string"),
    // The `[[questions]]` inside the first prompt's multi-line string is not a header: line 11 is.
    m("header-in-string.toml", "11: question bad-answer: answer.answer must be a string, not an integer"),
]

@Suite struct ValidationTests {
    @Test(arguments: malformedFiles)
    func malformedFileReportsItsLines(_ row: MalformedCase) {
        let problems = validateQuiz(at: Fixtures.url("malformed/\(row.file)"), displayPath: "malformed/\(row.file)")
        #expect(problems.map(\.description) == row.expected)
        #expect(problems.contains { $0.isError })
        // The file never loads into a quiz holding the broken question.
        let loaded = QuizLoader.load(Fixtures.url("malformed/\(row.file)"), displayPath: row.file)
        #expect(loaded.quiz?.questions.count ?? 0 < loaded.questionIDs.count || loaded.quiz == nil)
    }

    @Test func goodFixturesHaveNoProblems() {
        for name in ["mdbook-example.toml", "all-types.toml"] {
            #expect(validateQuiz(at: Fixtures.url(name), displayPath: name).isEmpty, "\(name)")
        }
    }

    @Test func missingIDsAreWarningsNotErrors() {
        let problems = validateQuiz(at: Fixtures.url("no-ids.toml"), displayPath: "no-ids.toml")
        #expect(
            problems.map(\.description) == [
                "no-ids.toml:1: question q1: warning: has no id; using 'q1' from its position (add an id so progress survives reordering)",
                "no-ids.toml:6: question q2: warning: has no id; using 'q2' from its position (add an id so progress survives reordering)",
            ])
        #expect(!problems.contains { $0.isError })
        #expect(quizQuestionIDs(at: Fixtures.url("no-ids.toml")) == ["q1", "q2"])
    }

    @Test func everyProblemIsReportedAtOnce() {
        let source = """
            [[questions]]
            id = "a"
            type = "Numeric"
            prompt.prompt = ""
            answer.answer = "three"

            [[questions]]
            id = "a"
            type = "MultipleChoice"
            prompt.prompt = "Pick."
            prompt.distractors = ["x", "y"]
            answer.answer = ["y", "z"]

            [[questions]]
            type = "Riddle"
            prompt.prompt = "?"
            answer.answer = "?"
            """
        let problems = QuizLoader.validate(source: source, path: "q.toml").map(\.description)
        #expect(
            problems == [
                "q.toml:1: question a: empty prompt",
                "q.toml:1: question a: answer.answer must be a number for Numeric, not a string",
                "q.toml:7: question a: answer \"y\" is also a distractor",
                "q.toml:7: question a: duplicate id (also used by the question at line 1)",
                "q.toml:14: question q3: unknown type 'Riddle' (expected one of MultipleChoice, ShortAnswer, Tracing, TrueFalse, Numeric, SelfGraded)",
                "q.toml:14: question q3: warning: has no id; using 'q3' from its position (add an id so progress survives reordering)",
            ])
    }

    /// Each typed field reader (required or optional; string, true/false, integer, array of
    /// strings) names the field and, for a value of the wrong type, the kind it found.
    @Test func everyFieldReaderNamesTheFieldAndTheKindFound() {
        let source = """
            [[questions]]
            id = "mc"
            type = "MultipleChoice"
            multipart = 3
            prompt.prompt = "Pick."
            prompt.distractors = "x"
            prompt.answerIndex = "first"
            prompt.sortAnswers = 1
            partial = "yes"
            answer.answer = "a"

            [[questions]]
            id = "sa"
            type = "ShortAnswer"
            prompt.response = 5
            answer.answer = "yes"
            answer.alternatives = ["ok", 2]

            [[questions]]
            id = "tr"
            type = "Tracing"
            prompt.program = "fn main() {}"
            answer.doesCompile = false
            answer.lineNumber = "two"

            [[questions]]
            id = "tf"
            type = "TrueFalse"
            prompt.prompt = "Sure?"
            answer.other = true

            [[questions]]
            id = "sg"
            type = "SelfGraded"
            prompt.prompt = "Explain."
            answer.rubric = "one point"
            """
        let problems = QuizLoader.validate(source: source, path: "f.toml").map(\.description)
        #expect(
            problems == [
                "f.toml:1: question mc: multipart must be a string, not an integer",
                "f.toml:1: question mc: prompt.distractors must be an array of strings, not a string",
                "f.toml:1: question mc: prompt.answerIndex must be an integer, not a string",
                "f.toml:1: question mc: prompt.sortAnswers must be true or false, not an integer",
                "f.toml:1: question mc: 'partial' must be true or false, not a string",
                "f.toml:12: question sa: empty prompt (missing prompt.prompt)",
                "f.toml:12: question sa: answer.alternatives must hold only strings (found an integer)",
                "f.toml:12: question sa: prompt.response must be a string, not an integer",
                "f.toml:19: question tr: answer.lineNumber must be an integer, not a string",
                "f.toml:26: question tf: missing answer.answer (true or false)",
                "f.toml:32: question sg: missing answer.model",
                "f.toml:32: question sg: answer.rubric must be an array of strings, not a string",
            ], "\(problems)")
    }

    @Test func unreadableFileIsOneProblem() {
        let problems = validateQuiz(at: Fixtures.url("does-not-exist.toml"), displayPath: "missing.toml")
        #expect(problems.map(\.description) == ["missing.toml:1: no such file"])
    }

    @Test func checkSummarisesAndFailsOnlyOnErrors() {
        let bad = QuizRun.check(url: Fixtures.url("malformed/duplicate-ids.toml"), displayPath: "d.toml")
        #expect(bad.failed)
        #expect(bad.text.hasSuffix("d.toml: 1 error, 0 warnings\n"))
        let warned = QuizRun.check(url: Fixtures.url("no-ids.toml"), displayPath: "n.toml")
        #expect(!warned.failed)
        #expect(warned.text.hasSuffix("n.toml: 0 errors, 2 warnings\n"))
        let good = QuizRun.check(url: Fixtures.url("mdbook-example.toml"), displayPath: "e.toml")
        #expect(!good.failed)
        #expect(good.text == "e.toml: 8 questions, no problems\n")
    }

    /// Question lines come from the TOML reader's positions: headers inside strings and comments
    /// are not headers, and spacing inside `[[ questions ]]` does not matter.
    @Test func questionLinesSkipStringsAndComments() {
        let source = """
            # [[questions]] in a comment is not a header
            title = 'it is [[questions]]'
            [[questions]]
            prompt.prompt = '''
            [[questions]]
            '''
              [[ questions ]]
            text = "\\"\\"\\" still one line"
            [[questions]]
            [multipart]
            part = 3
            """
        let problems = QuizLoader.validate(source: source, path: "s.toml").filter(\.isError)
        #expect(
            problems.map(\.description) == [
                "s.toml:3: question q1: missing 'type' (one of MultipleChoice, ShortAnswer, Tracing, TrueFalse, Numeric, SelfGraded)",
                "s.toml:7: question q2: missing 'type' (one of MultipleChoice, ShortAnswer, Tracing, TrueFalse, Numeric, SelfGraded)",
                "s.toml:9: question q3: missing 'type' (one of MultipleChoice, ShortAnswer, Tracing, TrueFalse, Numeric, SelfGraded)",
                "s.toml:11: multipart.part must be a string (Markdown)",
            ])
    }
}
