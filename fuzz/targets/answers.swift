// libFuzzer target: the answers-file reader, graded against the repository's all-types quiz.
import Foundation
import Terminal

@testable import Quiz

let fixtureQuiz: QuizFile = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/QuizTests/Fixtures/all-types.toml")
    guard let quiz = QuizLoader.load(url, displayPath: "all-types.toml").quiz else {
        fatalError("cannot load the fixture quiz at \(url.path)")
    }
    return quiz
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnswers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let answers = try AnswersFile.parse(text, path: "answers.toml")
        precondition(Set(answers.ids).count == answers.ids.count, "an id listed twice")
        let report = QuizReport(quiz: fixtureQuiz, answers: answers.answers)
        _ = report.json
        _ = report.text(settings: TerminalSettings(width: 30, color: false, ascii: true))
    } catch {
        precondition(error.line >= 1)
    }
    return 0
}
