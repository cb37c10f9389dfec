/// A student's answer to one question, as read from the answers file or the keyboard.
public enum Answer: Sendable, Equatable {
    case text(String)
    case bool(Bool)
    case number(Double)
    /// Several picks (letters or option texts) for a MultipleChoice question.
    case list([String])
    case tracing(TracingResponse)
    /// A SelfGraded answer: what the student wrote, and which rubric points they marked met.
    case rubric(response: String, met: [Bool])
}

public struct TracingResponse: Sendable, Equatable {
    public var doesCompile: Bool?
    public var stdout: String?
    public var lineNumber: Int?

    public init(doesCompile: Bool?, stdout: String? = nil, lineNumber: Int? = nil) {
        self.doesCompile = doesCompile
        self.stdout = stdout
        self.lineNumber = lineNumber
    }
}

/// How an answer was graded. `points` is in [0, 1].
public struct Grade: Sendable, Equatable {
    public enum Status: String, Sendable, Equatable {
        case correct, incorrect, partial, unanswered
        case selfGraded = "self-graded"
    }

    public var status: Status
    public var points: Double
    /// Why an answer was wrong in a way worth saying (not an option, not a number…), or a remark.
    public var note: String?

    public init(status: Status, points: Double, note: String? = nil) {
        self.status = status
        self.points = points
        self.note = note
    }

    public var isCorrect: Bool { status == .correct }

    static let correct = Grade(status: .correct, points: 1)
    static func incorrect(_ note: String? = nil) -> Grade { Grade(status: .incorrect, points: 0, note: note) }
}

extension Question {
    /// The right answer in the shape an answers file takes it.
    public var expectedAnswer: Answer {
        switch body {
        case .multipleChoice(let mc): mc.multipleAnswers ? .list(mc.answers) : .text(mc.answers.first ?? "")
        case .shortAnswer(let sa): .text(sa.answer)
        case .tracing(let t):
            .tracing(
                TracingResponse(
                    doesCompile: t.doesCompile, stdout: t.doesCompile ? (t.stdout ?? "") : nil,
                    lineNumber: t.doesCompile ? nil : t.lineNumber))
        case .trueFalse(let value): .bool(value)
        case .numeric(let n): .number(n.answer)
        case .selfGraded(let s): .text(s.model)
        }
    }

    /// The right answer as a student reads it after answering (Markdown).
    /// `expectedDescription` as Markdown to render: a short answer is literal text (what the
    /// student types), so its `*`, `_` or backticks are escaped rather than read as emphasis or code.
    var expectedMarkdown: String {
        guard case .shortAnswer(let sa) = body else { return expectedDescription }
        let answer = InlineMarkdown.escaped(sa.answer)
        return sa.alternatives.isEmpty
            ? answer
            : answer + " (also accepted: " + sa.alternatives.map(InlineMarkdown.escaped).joined(separator: ", ") + ")"
    }

    public var expectedDescription: String {
        switch body {
        case .multipleChoice(let mc):
            let right = mc.options(questionID: id).filter(\.isCorrect).map { "\($0.letter)) \($0.text)" }
            return right.joined(separator: "; ")
        case .shortAnswer(let sa):
            return sa.alternatives.isEmpty
                ? sa.answer : sa.answer + " (also accepted: " + sa.alternatives.joined(separator: ", ") + ")"
        case .tracing(let t):
            if t.doesCompile {
                let output = (t.stdout ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                return output.isEmpty
                    ? "it compiles and prints nothing" : "it compiles and prints:\n\n```\n\(output)\n```"
            }
            return "it does not compile" + (t.lineNumber.map { " (the error is on line \($0))" } ?? "")
        case .trueFalse(let value):
            return value ? "true" : "false"
        case .numeric(let n):
            let unit = n.isPercent ? "%" : n.isFraction ? "" : n.unit.map { " " + $0 } ?? ""
            if let range = n.range {
                return
                    "\(formatNumber(n.answer))\(unit) (anything from \(formatNumber(range.lowerBound))\(unit) to \(formatNumber(range.upperBound))\(unit))"
            }
            if let tolerance = n.tolerance, tolerance > 0 {
                return "\(formatNumber(n.answer))\(unit) (± \(formatNumber(tolerance)))"
            }
            return formatNumber(n.answer) + unit
        case .selfGraded(let s):
            return s.model
        }
    }
}

/// A number as people write it: no trailing `.0` on whole numbers.
func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}
