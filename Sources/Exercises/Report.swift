import Course
import Foundation
import JSON
import Terminal

/// Turns check results into what the student reads, or into `--json`.
public struct CheckReport {
    public var settings: TerminalSettings

    public init(settings: TerminalSettings) {
        self.settings = settings
    }

    /// The `--json` document: `{"exercises":[…],"passed":P,"total":N}`, keys as `jsonKeys` lists them.
    public static func json(_ results: [CheckResult]) -> JSONValue {
        .object([
            (
                "exercises",
                .array(
                    results.map { result in
                        var entry: [(String, JSONValue)] = [
                            ("id", .string(result.exercise.id)), ("title", .string(result.exercise.title)),
                            ("lesson", .string(result.exercise.lesson)),
                            ("status", .string(result.status.rawValue)), ("message", .string(result.message)),
                            ("cases_passed", .integer(result.casesPassed)),
                        ]
                        if let score = result.score {
                            entry.append(
                                (
                                    "score",
                                    .object([
                                        ("accuracy", .number(score.accuracy)), ("cost_per_query", .number(score.cost)),
                                        ("budget", .number(score.budget)), ("bar", .number(score.bar)),
                                        ("oracle_accuracy", .number(score.oracle)),
                                        ("reference_accuracy", .number(score.referenceAccuracy)),
                                        ("reference_cost_per_query", .number(score.referenceCost)),
                                    ])
                                ))
                            entry.append(("beats_reference", .bool(score.beatsReference)))
                            entry.append(
                                (
                                    "previous_best",
                                    result.previousBest.map { best in
                                        .object([
                                            ("accuracy", .number(best.accuracy)),
                                            ("cost_per_query", .number(best.costPerQuery)),
                                        ])
                                    } ?? .null
                                ))
                        }
                        return .object(entry)
                    })
            ),
            ("passed", .integer(results.filter { $0.status == .passed }.count)),
            ("total", .integer(results.count)),
        ])
    }

    /// The keys of `json(_:)`, in order (docs/json.md is generated from this list).
    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("exercises", .array, "one entry per exercise checked"),
        JSONKeyDoc("exercises[].id", .string, "the exercise's id (`tandem check ID`)"),
        JSONKeyDoc("exercises[].title", .string, "its title"),
        JSONKeyDoc("exercises[].lesson", .string, "the slug of its lesson"),
        JSONKeyDoc(
            "exercises[].status", .string, "`passed`, `failed`, `compile-error`, `crashed` or `timeout`"),
        JSONKeyDoc(
            "exercises[].message", .string,
            "one plain-text summary: the failing case with its input, expected and actual values, the compiler's "
                + "errors, or why it crashed or timed out"),
        JSONKeyDoc("exercises[].cases_passed", .integer, "check cases that passed before the verdict"),
        JSONKeyDoc("exercises[].score", .object, "a scored exercise (the capstone) that ran: its held-out score"),
        JSONKeyDoc("exercises[].score.accuracy", .number, "accuracy on the held-out data (a fraction)"),
        JSONKeyDoc("exercises[].score.cost_per_query", .number, "mean cost per query"),
        JSONKeyDoc("exercises[].score.budget", .number, "the cost budget per query"),
        JSONKeyDoc("exercises[].score.bar", .number, "the accuracy needed to pass"),
        JSONKeyDoc("exercises[].score.oracle_accuracy", .number, "the oracle cascade's accuracy at the same cost"),
        JSONKeyDoc("exercises[].score.reference_accuracy", .number, "the reference solution's accuracy"),
        JSONKeyDoc("exercises[].score.reference_cost_per_query", .number, "the reference solution's cost per query"),
        JSONKeyDoc("exercises[].beats_reference", .boolean, "with a score: whether it beats the reference solution"),
        JSONKeyDoc(
            "exercises[].previous_best", .object, "with a score: the best recorded before this check, or null",
            nullable: true),
        JSONKeyDoc("exercises[].previous_best.accuracy", .number, "its accuracy"),
        JSONKeyDoc("exercises[].previous_best.cost_per_query", .number, "its cost per query"),
        JSONKeyDoc("passed", .integer, "exercises that passed"),
        JSONKeyDoc("total", .integer, "exercises checked"),
    ]

    func mark(_ status: CheckStatus) -> String {
        switch status {
        case .passed: return settings.paint(settings.ascii ? "[ok]" : "✓", .green)
        default: return settings.paint(settings.ascii ? "[x]" : "✗", .red)
        }
    }

    /// The headline: `✓ 1 majority-vote: passed`.
    public func headline(_ result: CheckResult) -> String {
        let label: String
        switch result.status {
        case .passed: label = "passed"
        case .failed: label = "not yet: a check failed"
        case .compileError: label = result.packageProblem == nil ? "does not compile" : "cannot be checked"
        case .crashed: label = "crashed"
        case .timeout: label = "timed out"
        }
        return wrap(
            "\(mark(result.status)) \(result.exercise.number) \(result.exercise.title) (\(result.exercise.id)): \(label)",
            indent: 2)
    }

    /// Full details of one result, ending with the next step.
    public func detail(_ result: CheckResult, file: String) -> String {
        var lines = [headline(result)]
        switch result.status {
        case .passed:
            lines.append(wrap("  All \(result.casesPassed) cases pass. Well done.", indent: 2))
            for line in result.score?.lines(previousBest: result.previousBest) ?? [] {
                lines.append(wrap("  " + line, indent: 2))
            }
        case .failed:
            if let failure = result.failure {
                lines.append(wrap("  case:     \(TerminalText.sanitize(failure.name))", indent: 12))
                lines.append(wrap("  input:    \(TerminalText.sanitize(failure.input))", indent: 12))
                lines.append(wrap("  expected: \(TerminalText.sanitize(failure.expected))", indent: 12))
                lines.append(wrap("  actual:   \(TerminalText.sanitize(failure.actual))", indent: 12))
            }
        case .compileError where result.packageProblem != nil:
            // Not the student's code: one line on what is wrong with the package, no "Edit" advice.
            lines.append(wrap("  " + TerminalText.sanitize(result.message), indent: 2))
            return lines.joined(separator: "\n")
        case .compileError:
            for error in result.compileErrors.prefix(8) {
                lines.append(wrap("  " + TerminalText.sanitize(error.description), indent: 4))
            }
            if result.compileErrors.count > 8 { lines.append("  … and \(result.compileErrors.count - 8) more") }
            if result.compileErrors.contains(where: \.inCheckerCode) {
                lines.append(
                    wrap(
                        "  (The checks could not call your code: keep the names and signatures the task gives.)",
                        indent: 3))
            }
        case .crashed, .timeout:
            lines.append(wrap("  " + TerminalText.sanitize(result.message), indent: 2))
        }
        if result.status != .passed {
            lines.append(
                wrap(
                    "  Edit \(file), then run tandem check \(result.exercise.number). Stuck? Run tandem hint \(result.exercise.number).",
                    indent: 2))
        }
        return lines.joined(separator: "\n")
    }

    /// The `--all` summary line.
    public func summary(_ results: [CheckResult]) -> String {
        let passed = results.filter { $0.status == .passed }.count
        return wrap("\(passed) of \(results.count) exercises pass.")
    }

    /// Inline Markdown from the course (hints) as the lesson renderer shows it: with colour, code
    /// spans in cyan and strong text in bold, without their markers; without colour the markers
    /// stay, as they do in `tandem read --color never`, so code still stands out from the prose.
    /// Every word is styled on its own, so wrapping never carries a colour onto the next line.
    public func inline(_ markdown: String) -> String {
        guard settings.color else { return markdown }
        var out = ""
        var rest = Substring(markdown)
        func styled(_ text: Substring, _ style: Style) -> String {
            text.split(separator: " ", omittingEmptySubsequences: false)
                .map { style.apply(String($0), enabled: true) }.joined(separator: " ")
        }
        while !rest.isEmpty {
            if rest.hasPrefix("`"), let end = rest.dropFirst().firstIndex(of: "`") {
                out += styled(rest[rest.index(after: rest.startIndex)..<end], .cyan)
                rest = rest[rest.index(after: end)...]
            } else if rest.hasPrefix("**"), let end = rest.dropFirst(2).range(of: "**") {
                out += styled(rest[rest.index(rest.startIndex, offsetBy: 2)..<end.lowerBound], .bold)
                rest = rest[end.upperBound...]
            } else {
                out.append(rest.removeFirst())
            }
        }
        return out
    }

    /// Source code fitted to the width: a long line breaks at its last space that fits, and goes
    /// on indented one level deeper (a comment goes on as a comment), so nothing is cut off.
    public func wrapCode(_ source: String) -> String {
        let width = max(settings.width, 20)
        var out: [String] = []
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.replacingOccurrences(of: "\t", with: "    ")
            let indent = String(line.prefix { $0 == " " })
            let body = line.dropFirst(indent.count)
            let comment = body.hasPrefix("///") ? "/// " : body.hasPrefix("//") ? "// " : ""
            // Indentation deeper than half the width is shown at half the width, so a line
            // never starts past its room.
            let first = String(indent.prefix(width / 2))
            let hang = String((indent + (comment.isEmpty ? "    " : comment)).prefix(width / 2))
            let words = body.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            out += TextWrap.wrap(words: words, width: width, first: first, rest: hang, longWords: .split)
        }
        return out.joined(separator: "\n")
    }

    /// Hard-wraps to the width (by display width), indenting continuation lines by `indent`.
    /// Runs of spaces are kept (aligned labels), and a word wider than the line is split,
    /// a path after one of its `/`, so `File.swift:22:` stays whole and readable.
    public func wrap(_ text: String, indent: Int = 0) -> String {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        return TextWrap.wrap(
            words: words, width: max(settings.width, indent + 10), rest: String(repeating: " ", count: indent),
            longWords: .splitPaths
        ).joined(separator: "\n")
    }
}
