import Foundation

/// Grades one answer. Pure: no I/O, no clock. An answer that fits no option or cannot be read as
/// the question's type is wrong with a note, never an error.
public func grade(_ question: Question, _ answer: Answer?) -> Grade {
    guard let answer else { return Grade(status: .unanswered, points: 0) }
    switch question.body {
    case .multipleChoice(let mc): return gradeMultipleChoice(mc, questionID: question.id, answer)
    case .shortAnswer(let sa): return gradeShortAnswer(sa, answer)
    case .tracing(let t): return gradeTracing(t, answer)
    case .trueFalse(let expected): return gradeTrueFalse(expected, answer)
    case .numeric(let n): return gradeNumeric(n, answer)
    case .selfGraded(let s): return gradeSelfGraded(s, answer)
    }
}

// MARK: - Normalisation and readers, shared with interactive input

public enum AnswerText {
    /// NFKC, trimmed, inner whitespace collapsed to one space, case-folded, one trailing full stop dropped.
    public static func normalized(_ text: String) -> String {
        let nfkc = text.precomposedStringWithCompatibilityMapping
        let words = nfkc.split(whereSeparator: { $0.isWhitespace })
        var joined = words.joined(separator: " ").lowercased()
        if joined.hasSuffix(".") { joined.removeLast() }
        return joined.trimmingCharacters(in: .whitespaces)
    }

    /// true/false, t/f, yes/no, y/n in any case; nil for anything else.
    public static func bool(_ text: String) -> Bool? {
        switch normalized(text) {
        case "true", "t", "yes", "y": true
        case "false", "f", "no", "n": false
        default: nil
        }
    }

    /// A number as a student types it: optional sign (`+`, `-`, `−`), thousands separators (`1,234`),
    /// exponent, a trailing `%` (hundredths) and, when given, the question's unit. With the unit
    /// `%` the number is read in percent: `80`, `80%`, `80 %` and `80 percent` are all 80. Nil when
    /// unreadable.
    public static func number(_ text: String, unit: String? = nil) -> Double? {
        var s = text.precomposedStringWithCompatibilityMapping.trimmingCharacters(in: .whitespacesAndNewlines)
        var units: [String] = []
        if let unit = unit?.trimmingCharacters(in: .whitespaces), !unit.isEmpty, unit.lowercased() != "fraction" {
            units = unit == "%" ? ["%", "percent", "per cent"] : [unit]
        }
        if let unit = units.first(where: { s.lowercased().hasSuffix($0.lowercased()) }) {
            s = String(s.dropLast(unit.count)).trimmingCharacters(in: .whitespaces)
        }
        var scale = 1.0
        if s.hasSuffix("%") {
            scale = 0.01
            s = String(s.dropLast()).trimmingCharacters(in: .whitespaces)
        }
        s = s.replacingOccurrences(of: "\u{2212}", with: "-")
        var negative = false
        // A currency sign may lead, before or after the sign: `$5,000`, `-$3`, `$-3`.
        func dropCurrency() {
            if s.first?.unicodeScalars.first?.properties.generalCategory == .currencySymbol {
                s = String(s.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
        }
        let hadCurrency = s.first?.unicodeScalars.first?.properties.generalCategory == .currencySymbol
        dropCurrency()
        if s.hasPrefix("+") {
            s.removeFirst()
        } else if s.hasPrefix("-") {
            negative = true
            s.removeFirst()
        }
        if !hadCurrency { dropCurrency() }
        if s.contains(",") {
            guard isGroupedThousands(s) else { return nil }
            s = s.replacingOccurrences(of: ",", with: "")
        }
        guard isPlainDecimal(s), let value = Double(s), value.isFinite else { return nil }
        return (negative ? -value : value) * scale
    }

    /// `1,234` or `12,345,678.9`: groups of exactly three digits after the first.
    static func isGroupedThousands(_ s: String) -> Bool {
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count), first.allSatisfy(\.isASCIIDigit) else {
            return false
        }
        return groups.dropFirst().allSatisfy { $0.count == 3 && $0.allSatisfy(\.isASCIIDigit) }
            && (parts.count == 1 || parts[1].allSatisfy(\.isASCIIDigit))
    }

    /// Digits with an optional point and exponent; no hex, `inf` or `nan`, which `Double(_:)` accepts.
    static func isPlainDecimal(_ s: String) -> Bool {
        var sawDigit = false
        var sawPoint = false
        var index = s.startIndex
        while index < s.endIndex {
            let c = s[index]
            if c.isASCIIDigit {
                sawDigit = true
            } else if c == "." && !sawPoint {
                sawPoint = true
            } else if (c == "e" || c == "E") && sawDigit {
                var rest = s[s.index(after: index)...]
                if rest.hasPrefix("+") || rest.hasPrefix("-") { rest = rest.dropFirst() }
                return !rest.isEmpty && rest.allSatisfy(\.isASCIIDigit)
            } else {
                return false
            }
            index = s.index(after: index)
        }
        return sawDigit
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}

// MARK: - Multiple choice

/// Why picks fit no option.
public struct ChoiceProblem: Error, Sendable, Equatable {
    public var message: String
}

/// Maps picks (letters or exact option texts) to options, or says which pick fits none.
public enum ChoiceResolver {
    public static func resolve(_ answer: Answer, options: [ChoiceOption]) -> Result<[ChoiceOption], ChoiceProblem> {
        switch answer {
        case .text(let text): return resolve(text: text, options: options)
        case .list(let items):
            return distinctPicks(items, { single($0, options: options) }, problem: { notAnOption($0, options) })
        case .bool, .number, .tracing, .rubric:
            return .failure(
                ChoiceProblem(
                    message: "a multiple-choice answer is a letter \(letterSpan(options)) or an option's whole text"))
        }
    }

    /// One string: a whole option text, a letter, or letters separated by commas or spaces (`A, C`, `AC`).
    static func resolve(text: String, options: [ChoiceOption]) -> Result<[ChoiceOption], ChoiceProblem> {
        if let option = single(text, options: options) { return .success([option]) }
        var tokens = text.split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
        if tokens.count == 1, options.count <= 26, tokens[0].count > 1, tokens[0].allSatisfy(\.isLetter) {
            tokens = tokens[0].map { String($0) }
        }
        guard !tokens.isEmpty else { return .failure(ChoiceProblem(message: "an empty answer fits no option")) }
        return distinctPicks(tokens, { letter($0, options: options) }, problem: { _ in notAnOption(text, options) })
    }

    /// Each of `items` turned into an option by `option`, each option once, in the order first
    /// picked; the first item that names no option fails with `problem(item)`.
    static func distinctPicks(
        _ items: [String], _ option: (String) -> ChoiceOption?, problem: (String) -> String
    ) -> Result<[ChoiceOption], ChoiceProblem> {
        var picked: [ChoiceOption] = []
        for item in items {
            guard let found = option(item) else { return .failure(ChoiceProblem(message: problem(item))) }
            if !picked.contains(found) { picked.append(found) }
        }
        return .success(picked)
    }

    static func single(_ text: String, options: [ChoiceOption]) -> ChoiceOption? {
        if let option = letter(text, options: options) { return option }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let exact = options.first(where: {
            $0.text == text || $0.text.trimmingCharacters(in: .whitespacesAndNewlines) == trimmed
        }) {
            return exact
        }
        // The text as the terminal shows it: `confidence` is ignored, typed without the backticks.
        let shown = withoutInlineMarks(trimmed)
        guard !shown.isEmpty else { return nil }
        return options.first { withoutInlineMarks($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) == shown }
    }

    /// Text without the Markdown marks a rendered option hides (code backticks, emphasis stars and
    /// underscores), spaces collapsed.
    static func withoutInlineMarks(_ text: String) -> String {
        text.filter { $0 != "`" && $0 != "*" && $0 != "_" }
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `B`, `b`, `B)` or `B.`
    static func letter(_ text: String, options: [ChoiceOption]) -> ChoiceOption? {
        var token = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if token.hasSuffix(")") || token.hasSuffix(".") { token.removeLast() }
        guard !token.isEmpty, token.count <= 2 else { return nil }
        return options.first { $0.letter == token }
    }

    static func letterSpan(_ options: [ChoiceOption]) -> String {
        guard let first = options.first, let last = options.last else { return "" }
        return options.count == 1 ? first.letter : "\(first.letter)–\(last.letter)"
    }

    static func notAnOption(_ text: String, _ options: [ChoiceOption]) -> String {
        "\"\(text)\" is not an option (answer with a letter \(letterSpan(options)) or an option's whole text)"
    }
}

func gradeMultipleChoice(_ mc: MultipleChoice, questionID: String, _ answer: Answer) -> Grade {
    let options = mc.options(questionID: questionID)
    let picked: [ChoiceOption]
    switch ChoiceResolver.resolve(answer, options: options) {
    case .success(let result): picked = result
    case .failure(let problem): return .incorrect(problem.message)
    }
    let right = Set(options.filter(\.isCorrect).map(\.text))
    let chosen = Set(picked.map(\.text))
    if chosen == right { return .correct }
    if !mc.multipleAnswers && chosen.count > 1 {
        return .incorrect("this question has one right option; \(chosen.count) were picked")
    }
    if mc.partial && mc.multipleAnswers && !right.isEmpty {
        let rightPicks = chosen.intersection(right).count
        let wrongPicks = chosen.subtracting(right).count
        let points = max(0, Double(rightPicks - wrongPicks) / Double(right.count))
        let note = "\(rightPicks) of \(right.count) right options picked, \(wrongPicks) wrong"
        return points > 0 ? Grade(status: .partial, points: points, note: note) : .incorrect(note)
    }
    return .incorrect()
}

// MARK: - Other types

func gradeShortAnswer(_ sa: ShortAnswer, _ answer: Answer) -> Grade {
    let given: String
    switch answer {
    case .text(let text): given = text
    case .number(let value): given = formatNumber(value)
    case .bool(let value): given = value ? "true" : "false"
    case .list, .tracing, .rubric: return .incorrect("a short answer is one piece of text")
    }
    let normalized = AnswerText.normalized(given)
    if normalized.isEmpty { return .incorrect("the answer is empty") }
    let accepted = ([sa.answer] + sa.alternatives).map(AnswerText.normalized)
    return accepted.contains(normalized) ? .correct : .incorrect()
}

func gradeTrueFalse(_ expected: Bool, _ answer: Answer) -> Grade {
    let given: Bool
    switch answer {
    case .bool(let value): given = value
    case .text(let text):
        guard let value = AnswerText.bool(text) else {
            return .incorrect("\"\(text)\" is not true or false (accepted: true/false, t/f, yes/no, y/n)")
        }
        given = value
    case .number, .list, .tracing, .rubric:
        return .incorrect("a true/false answer is true or false")
    }
    return given == expected ? .correct : .incorrect()
}

func gradeNumeric(_ n: Numeric, _ answer: Answer) -> Grade {
    let given: Double
    switch answer {
    case .number(let value): given = value
    case .text(let text):
        guard let value = AnswerText.number(text, unit: n.unit) else {
            return .incorrect("\"\(text)\" is not a number")
        }
        given = value
    case .bool, .list, .tracing, .rubric:
        return .incorrect("a numeric answer is a number")
    }
    if numericAccepts(n, given) { return .correct }
    // 0.8 for 80%: the right fraction typed into a percent question.
    if n.isPercent, abs(given) <= 1, numericAccepts(n, given * 100) {
        return .incorrect(
            "the answer is in percent: \(formatNumber(given)) means \(formatNumber(given))%, not \(formatNumber(given * 100))%"
        )
    }
    // 80 for 0.8: a percentage typed without its sign into a fraction question.
    if n.isFraction, abs(given) > 1, numericAccepts(n, given / 100) {
        return .incorrect("the answer is a fraction: write \(formatNumber(given / 100)) (or \(formatNumber(given))%)")
    }
    return .incorrect()
}

/// Inside the range (inclusive) or the tolerance, with a hair of slack for binary fractions
/// (0.1 + 0.2 must match 0.3 ± 0).
func numericAccepts(_ n: Numeric, _ value: Double) -> Bool {
    guard value.isFinite else { return false }
    let slack = 1e-9 * max(1, abs(n.answer))
    if let range = n.range {
        return value >= range.lowerBound - slack && value <= range.upperBound + slack
    }
    return abs(value - n.answer) <= (n.tolerance ?? 0) + slack
}

func gradeTracing(_ t: Tracing, _ answer: Answer) -> Grade {
    let response: TracingResponse
    switch answer {
    case .tracing(let value): response = value
    case .bool(let compiles): response = TracingResponse(doesCompile: compiles)
    case .text(let text):
        guard let compiles = AnswerText.bool(text) else {
            return .incorrect("a tracing answer says whether it compiles: { doesCompile = true, stdout = \"…\" }")
        }
        response = TracingResponse(doesCompile: compiles)
    case .number, .list, .rubric:
        return .incorrect("a tracing answer is { doesCompile = true|false, stdout = \"…\" }")
    }
    guard let compiles = response.doesCompile else { return .incorrect("doesCompile is missing") }
    guard compiles == t.doesCompile else { return .incorrect() }
    if t.doesCompile {
        guard let stdout = response.stdout else { return .incorrect("the output (stdout) is missing") }
        return tracingOutput(stdout) == tracingOutput(t.stdout ?? "") ? .correct : .incorrect()
    }
    if let expected = t.lineNumber, let given = response.lineNumber, given != expected {
        return Grade(status: .correct, points: 1, note: "the error is on line \(expected), not \(given)")
    }
    return .correct
}

/// Output compared as mdbook-quiz does (trimmed), with Windows line ends read as Unix ones.
func tracingOutput(_ text: String) -> String {
    text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
}

func gradeSelfGraded(_ s: SelfGraded, _ answer: Answer) -> Grade {
    if case .rubric(_, let met) = answer, !s.rubric.isEmpty {
        let count = met.prefix(s.rubric.count).filter { $0 }.count
        return Grade(
            status: .selfGraded, points: Double(count) / Double(s.rubric.count),
            note: "\(count) of \(s.rubric.count) rubric points met")
    }
    return Grade(status: .selfGraded, points: 0, note: "self-graded: compare your answer with the model answer")
}
