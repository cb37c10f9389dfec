import Foundation
import JSON
import TestSupport
import Testing

@testable import Quiz

/// The course's own quiz files: they validate, and each grades its own expected answers, written
/// out as an answers file, as fully correct (so `expected` really has the answers-file shape).
@Suite struct CourseQuizTests {
    static let content = checkoutRoot.appendingPathComponent("content")

    static var quizFiles: [String] {
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: content.path)) ?? []
        return folders.sorted().filter {
            FileManager.default.fileExists(atPath: content.appendingPathComponent("\($0)/quiz.toml").path)
        }
        .map { "\($0)/quiz.toml" }
    }

    @Test(
        arguments: quizFiles + [
            "../Tests/QuizTests/Fixtures/all-types.toml", "../Tests/QuizTests/Fixtures/mdbook-example.toml",
            "../Tests/QuizTests/Fixtures/mdbook-style.toml",
        ])
    func expectedAnswersRoundTripThroughAnAnswersFile(_ relative: String) throws {
        let url = Self.content.appendingPathComponent(relative)
        let loaded = QuizLoader.load(url, displayPath: relative)
        #expect(loaded.errors.isEmpty, "\(loaded.errors.map(\.description))")
        let quiz = try #require(loaded.quiz)
        let source = quiz.questions.map { "\(tomlString($0.id)) = \(toml($0.expectedAnswer))" }.joined(separator: "\n")
        let answers = try AnswersFile.parse(source, path: "expected.toml")
        let report = QuizReport(quiz: quiz, answers: answers.answers)
        #expect(report.score == Double(report.total))
        for result in report.results where result.question.isAutoGraded {
            #expect(result.grade.status == .correct, "\(result.question.id): \(result.grade.note ?? "")")
        }
    }

    private func toml(_ answer: Answer) -> String {
        switch answer {
        case .text(let text): return tomlString(text)
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let value): return String(value)
        case .list(let items): return "[" + items.map(tomlString).joined(separator: ", ") + "]"
        case .tracing(let response):
            var fields = ["doesCompile = \(response.doesCompile == true)"]
            if let stdout = response.stdout { fields.append("stdout = \(tomlString(stdout))") }
            if let line = response.lineNumber { fields.append("lineNumber = \(line)") }
            return "{ " + fields.joined(separator: ", ") + " }"
        case .rubric(let response, _): return tomlString(response)
        }
    }

    /// A TOML basic string; JSON's escapes are a subset TOML accepts, except `\u` needs four digits (given).
    private func tomlString(_ text: String) -> String { JSONValue.string(text).serialized() }
}
