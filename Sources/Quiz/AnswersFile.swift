import Foundation
import TOMLKit

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
            root = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw QuizProblem(
                path: path, line: max(1, error.source.begin.line), message: "TOML syntax error: \(error.description)")
        } catch {
            throw QuizProblem(path: path, line: 1, message: "cannot parse: \(error)")
        }
        var answers: [String: Answer] = [:]
        let ids = keysInFileOrder(root, source: source)
        for id in ids {
            guard let value = root[id] else { continue }
            answers[id] = answer(from: value)
        }
        return AnswersFile(answers: answers, ids: ids)
    }

    static func answer(from value: TOMLValueConvertible) -> Answer {
        if let text = value.string { return .text(text) }
        if let flag = value.bool { return .bool(flag) }
        if let int = value.int { return .number(Double(int)) }
        if let double = value.double { return .number(double) }
        if let array = value.array {
            return .list(
                array.map { element in
                    if let text = element.string { return text }
                    if let int = element.int { return String(int) }
                    return element.debugDescription
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
        return .text(value.debugDescription)
    }

    /// A number or boolean as the text a program would print for it.
    static func scalarText(_ value: TOMLValueConvertible) -> String? {
        if let int = value.int { return String(int) }
        if let double = value.double { return formatNumber(double) }
        if let flag = value.bool { return flag ? "true" : "false" }
        return nil
    }

    /// TOMLKit's tables do not keep order; the order of first appearance in the source does.
    /// (`isNewline`, not `"\n"`: in a CRLF file "\r\n" is one Character.)
    static func keysInFileOrder(_ table: TOMLTable, source: String) -> [String] {
        let keys = table.keys
        func position(_ key: String) -> String.Index {
            for candidate in [key, "\"\(key)\"", "'\(key)'"] {
                var searchStart = source.startIndex
                while let range = source.range(of: candidate, range: searchStart..<source.endIndex) {
                    let lineStart =
                        source[..<range.lowerBound].lastIndex(where: \.isNewline).map { source.index(after: $0) }
                        ?? source.startIndex
                    if source[lineStart..<range.lowerBound].allSatisfy({ $0 == " " || $0 == "\t" }) {
                        return range.lowerBound
                    }
                    searchStart = range.upperBound
                }
            }
            return source.endIndex
        }
        return keys.sorted { (position($0), $0) < (position($1), $1) }
    }
}
