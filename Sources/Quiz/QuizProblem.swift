import Foundation

/// One problem found in a quiz file. `description` is the line `lint` and `--check` print:
/// `PATH:LINE: question ID: message` (without `question ID: ` for problems of the whole file).
public struct QuizProblem: Sendable, Equatable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Equatable { case error, warning }

    public var path: String
    public var line: Int
    public var questionID: String?
    public var message: String
    public var severity: Severity

    public init(path: String, line: Int, questionID: String? = nil, message: String, severity: Severity = .error) {
        self.path = path
        self.line = line
        self.questionID = questionID
        self.message = message
        self.severity = severity
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        let text = severity == .warning ? "warning: " + message : message
        if let questionID { return "\(path):\(line): question \(questionID): \(text)" }
        return "\(path):\(line): \(text)"
    }
}

/// Everything `--check` and `lint` report about the file at `url`, errors and warnings, in line
/// order. `displayPath` is the path printed in each message. An unreadable file is one problem.
public func validateQuiz(at url: URL, displayPath: String) -> [QuizProblem] {
    switch QuizLoader.read(url, displayPath: displayPath) {
    case .success(let source): return QuizLoader.validate(source: source, path: displayPath)
    case .failure(let problem): return [problem]
    }
}

/// The ids of the questions in the file at `url` (explicit or `q<N>`), in file order; empty when the
/// file cannot be read or parsed.
public func quizQuestionIDs(at url: URL) -> [String] {
    guard case .success(let source) = QuizLoader.read(url, displayPath: url.path) else { return [] }
    return QuizLoader.load(source: source, path: url.path).quiz?.questions.map(\.id) ?? []
}
