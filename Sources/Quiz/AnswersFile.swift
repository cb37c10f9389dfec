import Foundation
import TOML

/// A TOML answers file keyed by question id:
/// `id = "text or letter"`, `id = true`, `id = 0.6`, `id = ["A", "C"]`,
/// `id = { doesCompile = true, stdout = "5" }`.
public struct AnswersFile: Sendable, Equatable {
    public var answers: [String: Answer]
    /// Ids in file order (for warnings about ids the quiz lacks).
    public var ids: [String]

    public init(answers: [String: Answer], ids: [String]) {
        self.answers = answers
        self.ids = ids
    }

    /// Parses an answers file. Throws `QuizProblem` for TOML syntax errors (with their line);
    /// values of an odd shape are kept as best they can be, so grading can say what was wrong.
    public static func parse(_ source: String, path: String) throws(QuizProblem) -> AnswersFile {
        let root: TOMLTable
        do {
            root = try TOMLDocument.parse(source).root
        } catch {
            throw QuizProblem(
                path: path, line: error.line, message: "TOML syntax error at column \(error.column): \(error.message)")
        }
        // The reader keeps keys in the order they were first written: file order, in one pass.
        var answers: [String: Answer] = [:]
        var ids: [String] = []
        for (id, _, value) in root.entries {
            ids.append(id)
            answers[id] = answer(from: value)
        }
        return AnswersFile(answers: answers, ids: ids)
    }

    static func answer(from value: TOMLValue) -> Answer {
        if let text = value.string { return .text(text) }
        if let flag = value.bool { return .bool(flag) }
        if let int = value.int { return .number(Double(int)) }
        if let double = value.double { return .number(double) }
        if let array = value.array {
            return .list(
                array.map { element in
                    if let text = element.string { return text }
                    if let int = element.int { return String(int) }
                    return element.text
                })
        }
        if let table = value.table {
            // Read leniently, as typed answers are: `stdout = 5` is the output "5", `doesCompile = "yes"`
            // a verdict, `lineNumber = "13"` a line. Only a value that cannot be read stays missing.
            let compiles = table["doesCompile"].flatMap { $0.bool ?? $0.string.flatMap(AnswerText.bool) }
            let stdout = table["stdout"].flatMap { $0.string ?? scalarText($0) }
            let lineNumber = table["lineNumber"].flatMap {
                $0.int ?? $0.string.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            }
            return .tracing(TracingResponse(doesCompile: compiles, stdout: stdout, lineNumber: lineNumber))
        }
        return .text(value.text)
    }

    /// A number or boolean as the text a program would print for it.
    static func scalarText(_ value: TOMLValue) -> String? {
        if let int = value.int { return String(int) }
        if let double = value.double { return formatNumber(double) }
        if let flag = value.bool { return flag ? "true" : "false" }
        return nil
    }
}
