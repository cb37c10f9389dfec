// libFuzzer target: the quiz loader and grader. The input is a quiz file; the part after the first
// NUL byte (or the whole input) is also read as an answers file and graded against the quiz.
import Terminal

@testable import Quiz

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuiz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let split = bytes.firstIndex(of: 0)
    let quizText = String(decoding: bytes[..<(split ?? bytes.count)], as: UTF8.self)
    let answersText = split.map { String(decoding: bytes[($0 + 1)...], as: UTF8.self) } ?? quizText
    let loaded = QuizLoader.load(source: quizText, path: "quiz.toml")
    for problem in loaded.problems { precondition(problem.line >= 1) }
    guard let quiz = loaded.quiz else { return 0 }
    let samples: [Answer] = [
        .text(""), .text("A"), .text("b, c"), .text(String(answersText.prefix(40))), .bool(true), .number(0),
        .number(.nan), .number(-.infinity), .number(1e300), .list([]), .list(["A", "A", "zz"]),
        .tracing(TracingResponse(doesCompile: true, stdout: "x", lineNumber: -1)),
        .tracing(TracingResponse(doesCompile: false, lineNumber: Int.max)),
    ]
    for question in quiz.questions {
        _ = grade(question, nil)
        for answer in samples { _ = grade(question, answer) }
    }
    if let answers = try? AnswersFile.parse(answersText, path: "answers.toml") {
        let report = QuizReport(quiz: quiz, answers: answers.answers)
        _ = report.json
        _ = report.text(settings: TerminalSettings(width: 40, color: true, ascii: false))
    }
    return 0
}
