import Course
import Foundation
import Terminal

/// Turns check results into what the student reads, or into `--json`.
public struct CheckReport {
    public var settings: TerminalSettings

    public init(settings: TerminalSettings) {
        self.settings = settings
    }

    /// The `--json` document: `{"exercises":[…],"passed":P,"total":N}`.
    public static func json(_ results: [CheckResult]) -> String {
        let entries: [[String: Any]] = results.map {
            ["id": $0.exercise.id, "title": $0.exercise.title, "lesson": $0.exercise.lesson,
             "status": $0.status.rawValue, "message": $0.message]
        }
        let document: [String: Any] = ["exercises": entries, "passed": results.filter { $0.status == .passed }.count,
                                       "total": results.count]
        let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    func paint(_ text: String, _ code: String) -> String {
        settings.color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func mark(_ status: CheckStatus) -> String {
        switch status {
        case .passed: return paint(settings.ascii ? "[ok]" : "✓", "32")
        default: return paint(settings.ascii ? "[x]" : "✗", "31")
        }
    }

    /// The headline: `✓ 1 majority-vote: passed`.
    public func headline(_ result: CheckResult) -> String {
        let label: String
        switch result.status {
        case .passed: label = "passed"
        case .failed: label = "not yet: a check failed"
        case .compileError: label = "does not compile"
        case .crashed: label = "crashed"
        case .timeout: label = "timed out"
        }
        return wrap("\(mark(result.status)) \(result.exercise.number) \(result.exercise.title) (\(result.exercise.id)): \(label)", indent: 2)
    }

    /// Full details of one result, ending with the next step.
    public func detail(_ result: CheckResult, file: String) -> String {
        var lines = [headline(result)]
        switch result.status {
        case .passed:
            lines.append(wrap("  All \(result.casesPassed) cases pass. Well done.", indent: 2))
        case .failed:
            if let failure = result.failure {
                lines.append(wrap("  case:     \(failure.name)", indent: 12))
                lines.append(wrap("  input:    \(failure.input)", indent: 12))
                lines.append(wrap("  expected: \(failure.expected)", indent: 12))
                lines.append(wrap("  actual:   \(failure.actual)", indent: 12))
            }
        case .compileError:
            for error in result.compileErrors.prefix(8) { lines.append(wrap("  " + error.description, indent: 4)) }
            if result.compileErrors.count > 8 { lines.append("  … and \(result.compileErrors.count - 8) more") }
            if result.compileErrors.contains(where: { $0.file.contains("/Checks/") }) {
                lines.append(wrap("  (The checks could not call your code: keep the names and signatures the task gives.)", indent: 3))
            }
        case .crashed, .timeout:
            lines.append(wrap("  " + result.message, indent: 2))
        }
        if result.status != .passed {
            lines.append(wrap("  Edit \(file), then `tandem check \(result.exercise.number)`. Stuck? `tandem hint \(result.exercise.number)`.", indent: 2))
        }
        return lines.joined(separator: "\n")
    }

    /// The `--all` summary line.
    public func summary(_ results: [CheckResult]) -> String {
        let passed = results.filter { $0.status == .passed }.count
        return wrap("\(passed) of \(results.count) exercises pass.")
    }

    /// Hard-wraps to the width (by display width), indenting continuation lines.
    public func wrap(_ text: String, indent: Int = 0) -> String {
        let width = max(settings.width, indent + 10)
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        var first = true
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordWidth = DisplayWidth.of(word)
            if !first {
                if currentWidth > indent && currentWidth + 1 + wordWidth > width {
                    lines.append(current)
                    current = String(repeating: " ", count: indent)
                    currentWidth = indent
                } else {
                    current += " "
                    currentWidth += 1
                }
            }
            first = false
            // A word wider than the line is cut into pieces.
            var rest = Substring(word)
            while currentWidth + DisplayWidth.of(rest) > width {
                var piece = ""
                var pieceWidth = 0
                for character in rest {
                    let w = DisplayWidth.of(character)
                    if currentWidth + pieceWidth + w > width { break }
                    piece.append(character)
                    pieceWidth += w
                }
                if piece.isEmpty { break }
                lines.append(current + piece)
                rest = rest.dropFirst(piece.count)
                current = String(repeating: " ", count: indent)
                currentWidth = indent
            }
            current += rest
            currentWidth += DisplayWidth.of(rest)
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }
}
