import Foundation
import JSON
import Terminal

/// The graded result of one question.
public struct QuestionResult: Sendable, Equatable {
    public var question: Question
    public var given: Answer?
    public var grade: Grade

    public init(question: Question, given: Answer?, grade: Grade) {
        self.question = question
        self.given = given
        self.grade = grade
    }
}

/// A graded quiz: the per-question results, score and total.
public struct QuizReport: Sendable, Equatable {
    public var file: String
    public var results: [QuestionResult]

    public init(file: String, results: [QuestionResult]) {
        self.file = file
        self.results = results
    }

    /// Grades `answers` (keyed by question id) against every question of `quiz`.
    public init(quiz: QuizFile, answers: [String: Answer]) {
        file = quiz.path
        results = quiz.questions.map { question in
            let given = answers[question.id]
            return QuestionResult(question: question, given: given, grade: grade(question, given))
        }
    }

    /// Sum of points over the automatically graded questions.
    public var score: Double {
        results.filter(\.question.isAutoGraded).reduce(0) { $0 + $1.grade.points }
    }

    /// Number of automatically graded questions (every type but SelfGraded).
    public var total: Int { results.filter(\.question.isAutoGraded).count }

    /// Automatically graded questions that did not earn full marks.
    public var missed: [QuestionResult] {
        results.filter { $0.question.isAutoGraded && $0.grade.points < 1 }
    }

    // MARK: - JSON

    /// `{"file", "score", "total", "questions": [{"id", "status", "correct", "points", "given", "expected"}]}`
    /// (plus `"note"` on a question when grading has something to say), keys as `jsonKeys` lists them.
    public var json: JSONValue {
        let questions: [JSONValue] = results.map { result in
            var fields: [(String, JSONValue)] = [
                ("id", .string(result.question.id)),
                ("status", .string(result.grade.status.rawValue)),
                ("correct", .bool(result.grade.isCorrect)),
                ("points", .number(result.grade.points)),
                ("given", result.given.map(JSONValue.init(answer:)) ?? .null),
                ("expected", JSONValue(answer: result.question.expectedAnswer)),
            ]
            if let note = result.grade.note { fields.append(("note", .string(note))) }
            return .object(fields)
        }
        return .object([
            ("file", .string(file)), ("score", .number(score)), ("total", .integer(total)),
            ("questions", .array(questions)),
        ])
    }

    /// The keys of `json`, in order (docs/json.md is generated from this list).
    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("file", .string, "the quiz file graded"),
        JSONKeyDoc("score", .number, "points earned on the automatically graded questions (partial credit counts)"),
        JSONKeyDoc("total", .integer, "automatically graded questions (every type but self-graded)"),
        JSONKeyDoc("questions", .array, "one entry per question, in the quiz's order"),
        JSONKeyDoc("questions[].id", .string, "the question's id"),
        JSONKeyDoc(
            "questions[].status", .string, "`correct`, `incorrect`, `partial`, `unanswered` or `self-graded`"),
        JSONKeyDoc("questions[].correct", .boolean, "whether it earned full marks"),
        JSONKeyDoc("questions[].points", .number, "points earned, 0–1"),
        JSONKeyDoc(
            "questions[].given", .any,
            "the answer given: text, a number, true/false, a list of texts, or an object for tracing and rubric "
                + "answers; null when unanswered",
            nullable: true),
        JSONKeyDoc("questions[].expected", .any, "the expected answer, in the same form"),
        JSONKeyDoc("questions[].note", .string, "only when grading has something to say: what"),
    ]

    // MARK: - Text

    /// A plain report: one line per question, then the score. Fits `settings.width`.
    public func text(settings: TerminalSettings) -> String {
        var lines: [String] = []
        for result in results {
            let mark: String
            switch result.grade.status {
            case .correct: mark = settings.paint(settings.ascii ? "ok " : "✓  ", .green)
            case .partial: mark = settings.paint(settings.ascii ? "~  " : "◐  ", .yellow)
            case .incorrect: mark = settings.paint(settings.ascii ? "x  " : "✗  ", .red)
            case .unanswered: mark = settings.paint(settings.ascii ? "-  " : "–  ", .dim)
            case .selfGraded: mark = settings.paint(settings.ascii ? "*  " : "✎  ", .dim)
            }
            var line = mark + result.question.id + "  " + result.grade.status.rawValue
            if result.grade.status == .partial { line += " (\(formatPoints(result.grade.points)))" }
            lines.append(TextFit.truncate(line, width: settings.width, ascii: settings.ascii))
            if result.grade.status == .incorrect || result.grade.status == .partial {
                lines += expectedLines(result.question, width: settings.width, ascii: settings.ascii)
            }
            if let note = result.grade.note, result.grade.status != .correct || !note.isEmpty {
                lines += TextWrap.wrap(
                    settings.ascii ? TextFit.asciiPunctuation(note) : note, width: settings.width, indent: "   ",
                    hang: "   ")
            }
        }
        lines.append("")
        lines.append(
            TextFit.truncate("\(file): \(formatPoints(score)) / \(total)", width: settings.width, ascii: settings.ascii)
        )
        return lines.joined(separator: "\n") + "\n"
    }
}

extension QuizReport {
    /// `expected: …` under a question, wrapped lines hanging under the answer; the right options of
    /// a multiple-choice question one per line, each hanging under its text.
    func expectedLines(_ question: Question, width: Int, ascii: Bool = false) -> [String] {
        // With --ascii, `±`, `…` and dashes become ASCII before wrapping, so the widths stay right.
        let plain = { (text: String) in ascii ? TextFit.asciiPunctuation(text) : text }
        let label = "   expected: "
        let hangs = width - label.count >= 20
        if case .multipleChoice(let mc) = question.body {
            let right = mc.options(questionID: question.id).filter(\.isCorrect)
            let text = plain(right.map { "\($0.letter)) \($0.text)" }.joined(separator: "; "))
            guard hangs else {
                return TextWrap.wrap("expected: " + text, width: width, indent: "   ", hang: "   ")
            }
            if right.count == 1, DisplayWidth.of(label + text) <= width { return [label + text] }
            return ["   expected:"]
                + right.flatMap { option in
                    TextWrap.wrap(
                        plain(option.text.replacingOccurrences(of: "\n", with: " ")), width: width,
                        indent: "     \(option.letter)) ",
                        hang: String(repeating: " ", count: 8 + option.letter.count - 1))
                }
        }
        let expected = plain(
            question.expectedDescription.replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "```", with: ""))
        guard hangs else { return TextWrap.wrap("expected: " + expected, width: width, indent: "   ", hang: "   ") }
        return TextWrap.wrap(expected, width: width, indent: label, hang: String(repeating: " ", count: label.count))
    }
}

/// Points as people read them: `3`, `2.5`, `1.67`.
func formatPoints(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    return String(format: "%.2f", rounded).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
}

extension JSONValue {
    /// A student's or the expected answer as it appears in `quiz --json`.
    init(answer: Answer) {
        switch answer {
        case .text(let text): self = .string(text)
        case .bool(let flag): self = .bool(flag)
        case .number(let value): self = .number(value)
        case .list(let items): self = .array(items.map { .string($0) })
        case .tracing(let response):
            var fields: [(String, JSONValue)] = [("doesCompile", response.doesCompile.map { .bool($0) } ?? .null)]
            if let stdout = response.stdout { fields.append(("stdout", .string(stdout))) }
            if let line = response.lineNumber { fields.append(("lineNumber", .integer(line))) }
            self = .object(fields)
        case .rubric(let response, let met):
            self = .object([("response", .string(response)), ("met", .array(met.map { .bool($0) }))])
        }
    }
}
