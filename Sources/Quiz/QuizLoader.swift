import Foundation
import TOML

/// What loading a quiz file gives: the questions that are sound, and every problem found.
public struct QuizLoadResult: Sendable {
    /// Nil when the file cannot be used at all (a TOML syntax error, or no questions).
    public var quiz: QuizFile?
    /// Errors and warnings, in line order. Questions with errors are left out of `quiz`.
    public var problems: [QuizProblem]
    /// Every question's id (explicit or `q<N>`), sound or not, in file order.
    public var questionIDs: [String]
    /// For each of `questionIDs`, the line of its `id` key (its header's line when it has none).
    public var questionIDLines: [Int] = []

    public var errors: [QuizProblem] { problems.filter(\.isError) }
    public var warnings: [QuizProblem] { problems.filter { !$0.isError } }
}

/// Reads quiz files into `QuizFile` values. Never throws and never traps on a bad file: every problem
/// becomes a `QuizProblem` naming the line of its question's `[[questions]]` header.
public enum QuizLoader {
    /// The file's text, or a problem saying why it cannot be read.
    public static func read(_ url: URL, displayPath: String) -> Result<String, QuizProblem> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let reason = FileManager.default.fileExists(atPath: url.path) ? "cannot read the file" : "no such file"
            return .failure(QuizProblem(path: displayPath, line: 1, message: reason))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .failure(QuizProblem(path: displayPath, line: 1, message: "not UTF-8 text"))
        }
        return .success(text)
    }

    /// Loads the quiz at `url`; a missing or unreadable file is one problem.
    public static func load(_ url: URL, displayPath: String) -> QuizLoadResult {
        switch read(url, displayPath: displayPath) {
        case .success(let text): return load(source: text, path: displayPath)
        case .failure(let problem): return QuizLoadResult(quiz: nil, problems: [problem], questionIDs: [])
        }
    }

    /// All problems in `source`, errors and warnings.
    public static func validate(source: String, path: String) -> [QuizProblem] {
        load(source: source, path: path).problems
    }

    public static func load(source: String, path: String) -> QuizLoadResult {
        let root: TOMLTable
        do {
            root = try TOMLDocument.parse(source).root
        } catch {
            let problem = QuizProblem(
                path: path, line: error.line, message: "TOML syntax error at column \(error.column): \(error.message)")
            return QuizLoadResult(quiz: nil, problems: [problem], questionIDs: [])
        }

        var problems: [QuizProblem] = []
        var multipart: [String: String] = [:]
        if let value = root["multipart"] {
            let line = value.line
            if let table = value.table {
                for (key, keyPosition, entry) in table.entries {
                    if let text = entry.string {
                        multipart[key] = text
                    } else {
                        problems.append(
                            QuizProblem(
                                path: path, line: keyPosition.line,
                                message: "multipart.\(TOMLKey.display(key)) must be a string (Markdown)"))
                    }
                }
            } else {
                problems.append(
                    QuizProblem(path: path, line: line, message: "'multipart' must be a table of key = \"Markdown\""))
            }
        }

        guard let questionsValue = root["questions"] else {
            problems.append(
                QuizProblem(path: path, line: 1, message: "no questions: a quiz file holds [[questions]] tables"))
            return QuizLoadResult(quiz: nil, problems: problems, questionIDs: [])
        }
        guard let array = questionsValue.array else {
            problems.append(
                QuizProblem(path: path, line: 1, message: "'questions' must be an array of tables ([[questions]])"))
            return QuizLoadResult(quiz: nil, problems: problems, questionIDs: [])
        }
        if array.isEmpty {
            problems.append(
                QuizProblem(path: path, line: 1, message: "no questions: a quiz file holds [[questions]] tables"))
            return QuizLoadResult(quiz: nil, problems: problems, questionIDs: [])
        }

        var questions: [Question] = []
        var ids: [String] = []
        var idLines: [Int] = []
        var firstLineOfID: [String: Int] = [:]
        for (index, element) in array.enumerated() {
            // The line of its `[[questions]]` header (or, in an inline array, of its `{`).
            let line = element.line
            let position = index + 1
            guard let table = element.table else {
                problems.append(
                    QuizProblem(path: path, line: line, questionID: "q\(position)", message: "is not a table"))
                ids.append("q\(position)")
                idLines.append(line)
                continue
            }
            var parser = QuestionParser(table: table, path: path, line: line, position: position, multipart: multipart)
            let question = parser.parse()
            ids.append(parser.id)
            idLines.append(table.position(ofKey: "id")?.line ?? line)
            if let first = firstLineOfID[parser.id] {
                parser.error("duplicate id (also used by the question at line \(first))")
            } else {
                firstLineOfID[parser.id] = line
            }
            problems += parser.problems
            if let question, !parser.problems.contains(where: \.isError) { questions.append(question) }
        }
        // Line order, errors before warnings on a line, otherwise the order found (explicitly stable).
        problems = problems.enumerated()
            .sorted {
                ($0.element.line, $0.element.isError ? 0 : 1, $0.offset) < (
                    $1.element.line, $1.element.isError ? 0 : 1, $1.offset
                )
            }
            .map(\.element)
        let quiz = questions.isEmpty ? nil : QuizFile(path: path, questions: questions)
        return QuizLoadResult(quiz: quiz, problems: problems, questionIDs: ids, questionIDLines: idLines)
    }
}

/// Reads one `[[questions]]` table, collecting problems instead of throwing.
struct QuestionParser {
    let table: TOMLTable
    let path: String
    let line: Int
    let position: Int
    let multipart: [String: String]
    private(set) var problems: [QuizProblem] = []
    private(set) var id: String

    init(table: TOMLTable, path: String, line: Int, position: Int, multipart: [String: String]) {
        self.table = table
        self.path = path
        self.line = line
        self.position = position
        self.multipart = multipart
        self.id = "q\(position)"
    }

    mutating func error(_ message: String) {
        problems.append(QuizProblem(path: path, line: line, questionID: id, message: message))
    }

    mutating func warning(_ message: String) {
        problems.append(QuizProblem(path: path, line: line, questionID: id, message: message, severity: .warning))
    }

    mutating func parse() -> Question? {
        var hasExplicitID = false
        if let value = table["id"] {
            if let text = value.string, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                id = text
                hasExplicitID = true
            } else {
                error("'id' must be a non-empty string")
            }
        } else {
            warning("has no id; using '\(id)' from its position (add an id so progress survives reordering)")
        }

        guard let typeValue = table["type"] else {
            error("missing 'type' (one of \(QuestionType.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        guard let typeName = typeValue.string else {
            error("'type' must be a string")
            return nil
        }
        guard let type = QuestionType(rawValue: typeName) else {
            error(
                "unknown type '\(typeName)' (expected one of \(QuestionType.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
            return nil
        }

        let promptTable = subtable("prompt")
        let answerTable = subtable("answer")
        let context = optionalString(table, "context", name: "context")
        let hint = optionalString(table, "hint", name: "hint")
        let multipartKey = optionalString(table, "multipart", name: "multipart")
        let multipartText = multipartKey.flatMap { multipart[$0] }
        if let multipartKey, multipartText == nil {
            error("multipart '\(multipartKey)' is not a key of the [multipart] table")
        }
        if table["feedback"] != nil && type != .multipleChoice {
            warning("'feedback' is only used by MultipleChoice questions")
        }
        if table["partial"] != nil && type != .multipleChoice {
            warning("'partial' is only used by MultipleChoice questions")
        }
        guard let promptTable, let answerTable else { return nil }

        var prompt = ""
        if type != .tracing {
            prompt = requiredString(promptTable, "prompt", name: "prompt.prompt") ?? ""
            if promptTable["prompt"]?.string != nil && prompt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                error("empty prompt")
            }
        } else {
            // mdbook-quiz tracing prompts hold only the program; tandem accepts an optional framing.
            prompt = optionalString(promptTable, "prompt", name: "prompt.prompt") ?? ""
        }

        let body: Question.Body?
        switch type {
        case .multipleChoice: body = parseMultipleChoice(promptTable, answerTable)
        case .shortAnswer: body = parseShortAnswer(promptTable, answerTable)
        case .tracing: body = parseTracing(promptTable, answerTable)
        case .trueFalse: body = parseTrueFalse(answerTable)
        case .numeric: body = parseNumeric(answerTable)
        case .selfGraded: body = parseSelfGraded(answerTable)
        }
        guard let body else { return nil }
        return Question(
            id: id, hasExplicitID: hasExplicitID, line: line, prompt: prompt, context: context, hint: hint,
            multipart: multipartKey, multipartContext: multipartText, body: body)
    }

    // MARK: - Types

    private mutating func parseMultipleChoice(_ prompt: TOMLTable, _ answer: TOMLTable) -> Question.Body? {
        let distractors: [String]
        if prompt["distractors"] == nil {
            error("missing prompt.distractors (an array of wrong options)")
            distractors = []
        } else {
            distractors = stringArray(prompt, "distractors", name: "prompt.distractors") ?? []
        }
        var answers: [String] = []
        var multiple = false
        if let value = answer["answer"] {
            if let text = value.string {
                answers = [text]
            } else if value.array != nil {
                answers = stringArray(answer, "answer", name: "answer.answer") ?? []
                multiple = true
                if answers.isEmpty && value.array?.isEmpty == true { error("answer.answer is an empty array") }
            } else {
                error("answer.answer must be a string or an array of strings for MultipleChoice, not \(kind(value))")
            }
        } else {
            error("MultipleChoice has no answer (answer.answer)")
        }
        for text in answers where distractors.contains(text) {
            error("answer \"\(text)\" is also a distractor")
        }
        var seen = Set<String>()
        for text in answers + distractors where !seen.insert(text).inserted && !answers.contains(text) {
            // mdbook-quiz shows both copies and grades them alike, so the question still loads.
            warning("option \"\(text)\" is listed twice")
        }
        var answerIndex: Int?
        if let index = optional(prompt, "answerIndex", name: "prompt.answerIndex", mustBe: "an integer", \.int) {
            if index < 0 || index > distractors.count {
                error("prompt.answerIndex \(index) is outside 0...\(distractors.count)")
            } else {
                answerIndex = index
            }
        }
        let sortAnswers =
            optional(prompt, "sortAnswers", name: "prompt.sortAnswers", mustBe: "true or false", \.bool) ?? false
        let partial = optional(table, "partial", name: "'partial'", mustBe: "true or false", \.bool) ?? false
        if partial && !multiple { warning("'partial' has no effect: answer.answer is a single option") }
        var feedback: [String: String] = [:]
        if let value = table["feedback"] {
            if let feedbackTable = value.table {
                for key in feedbackTable.keys {
                    guard let text = feedbackTable[key]?.string else {
                        error("feedback.\"\(key)\" must be a string (Markdown)")
                        continue
                    }
                    if !answers.contains(key) && !distractors.contains(key) {
                        warning("feedback names \"\(key)\", which is not one of the options")
                    }
                    feedback[key] = text
                }
            } else {
                error("'feedback' must be a table from option text to Markdown, not \(kind(value))")
            }
        }
        // An option that is itself a letter (mdbook-quiz's own example has options "A", "B", …) cannot
        // be answered by its text: "A" is read as the letter A, whichever option that is.
        let optionCount = Set(answers + distractors).count
        let letters = Set((0..<optionCount).map(ChoiceOption.letter))
        let letterLike = seen.sorted().filter { letters.contains($0.trimmingCharacters(in: .whitespaces).uppercased()) }
        if !letterLike.isEmpty && !problems.contains(where: \.isError) {
            let names = letterLike.map { "\"\($0)\"" }.joined(separator: ", ")
            warning(
                letterLike.count == 1
                    ? "option \(names) reads as a letter: typing it picks the option at that letter, so answer by letter"
                    : "options \(names) read as letters: typing one picks the option at that letter, so answer by letter"
            )
        }
        return .multipleChoice(
            MultipleChoice(
                answers: answers, distractors: distractors, answerIndex: answerIndex,
                sortAnswers: sortAnswers, multipleAnswers: multiple, partial: partial,
                feedback: feedback))
    }

    private mutating func parseShortAnswer(_ prompt: TOMLTable, _ answer: TOMLTable) -> Question.Body? {
        guard let text = requiredString(answer, "answer", name: "answer.answer") else { return nil }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { error("answer.answer is empty") }
        let alternatives = stringArray(answer, "alternatives", name: "answer.alternatives") ?? []
        var response = ShortAnswer.Response.short
        if let name = optionalString(prompt, "response", name: "prompt.response") {
            if let parsed = ShortAnswer.Response(rawValue: name) {
                response = parsed
            } else {
                error("prompt.response must be short, long or code, not '\(name)'")
            }
        }
        return .shortAnswer(ShortAnswer(answer: text, alternatives: alternatives, response: response))
    }

    private mutating func parseTracing(_ prompt: TOMLTable, _ answer: TOMLTable) -> Question.Body? {
        let program = requiredString(prompt, "program", name: "prompt.program")
        if let program, program.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            error("empty prompt.program")
        }
        guard let compiles = requiredBool(answer, "doesCompile", name: "answer.doesCompile") else { return nil }
        let stdout = optionalString(answer, "stdout", name: "answer.stdout")
        let lineNumber = optional(answer, "lineNumber", name: "answer.lineNumber", mustBe: "an integer", \.int)
        if compiles && stdout == nil && answer["stdout"] == nil {
            warning("doesCompile = true but no answer.stdout: the expected output is taken as empty")
        }
        if !compiles && lineNumber == nil && answer["lineNumber"] == nil {
            warning("doesCompile = false but no answer.lineNumber to show in the explanation")
        }
        guard let program else { return nil }
        return .tracing(Tracing(program: program, doesCompile: compiles, stdout: stdout, lineNumber: lineNumber))
    }

    private mutating func parseTrueFalse(_ answer: TOMLTable) -> Question.Body? {
        guard let value = requiredBool(answer, "answer", name: "answer.answer") else { return nil }
        return .trueFalse(answer: value)
    }

    private mutating func parseNumeric(_ answer: TOMLTable) -> Question.Body? {
        guard let value = answer["answer"] else {
            error("Numeric has no answer (answer.answer)")
            return nil
        }
        guard let number = Self.number(value) else {
            error("answer.answer must be a number for Numeric, not \(kind(value))")
            return nil
        }
        var tolerance: Double?
        if let value = answer["tolerance"] {
            if let t = Self.number(value), t >= 0 {
                tolerance = t
            } else {
                error("answer.tolerance must be a number ≥ 0")
            }
        }
        var range: ClosedRange<Double>?
        if let value = answer["range"] {
            if let array = value.array, array.count == 2, let lo = Self.number(array[0]), let hi = Self.number(array[1])
            {
                if lo <= hi { range = lo...hi } else { error("answer.range [\(lo), \(hi)] has lo > hi") }
            } else {
                error("answer.range must be [lo, hi] (two numbers)")
            }
        }
        if answer["tolerance"] == nil && answer["range"] == nil {
            error("Numeric needs answer.tolerance or answer.range (use tolerance = 0 for an exact answer)")
        }
        if let range, !range.contains(number) { warning("answer.answer \(number) lies outside answer.range") }
        let unit = optionalString(answer, "unit", name: "answer.unit")
        return .numeric(Numeric(answer: number, tolerance: tolerance, range: range, unit: unit))
    }

    private mutating func parseSelfGraded(_ answer: TOMLTable) -> Question.Body? {
        let model = requiredString(answer, "model", name: "answer.model")
        if answer["rubric"] == nil {
            error("SelfGraded needs answer.rubric (an array of points the answer should cover)")
            return nil
        }
        guard let rubric = stringArray(answer, "rubric", name: "answer.rubric"), let model else { return nil }
        if rubric.isEmpty { error("answer.rubric is empty") }
        return .selfGraded(SelfGraded(model: model, rubric: rubric))
    }

    // MARK: - Field readers

    private mutating func subtable(_ key: String) -> TOMLTable? {
        guard let value = table[key] else {
            error("missing '\(key)' table (\(key).\(key == "prompt" ? "prompt" : "answer") = …)")
            return nil
        }
        guard let sub = value.table else {
            error(
                "'\(key)' must be a table (write \(key).\(key == "prompt" ? "prompt" : "answer") = …), not \(kind(value))"
            )
            return nil
        }
        return sub
    }

    private mutating func requiredString(_ t: TOMLTable, _ key: String, name: String) -> String? {
        guard t[key] != nil else {
            error(key == "prompt" ? "empty prompt (missing \(name))" : "missing \(name)")
            return nil
        }
        return optionalString(t, key, name: name)
    }

    private mutating func optionalString(_ t: TOMLTable, _ key: String, name: String) -> String? {
        optional(t, key, name: name, mustBe: "a string", \.string)
    }

    /// The value at `key` as `read` takes it; nil when the key is absent, and nil with an error
    /// ("NAME must be EXPECTED, not KIND") when it holds another type.
    private mutating func optional<Value>(
        _ t: TOMLTable, _ key: String, name: String, mustBe expected: String, _ read: (TOMLValue) -> Value?
    ) -> Value? {
        guard let value = t[key] else { return nil }
        guard let typed = read(value) else {
            error("\(name) must be \(expected), not \(kind(value))")
            return nil
        }
        return typed
    }

    private mutating func requiredBool(_ t: TOMLTable, _ key: String, name: String) -> Bool? {
        guard t[key] != nil else {
            error("missing \(name) (true or false)")
            return nil
        }
        return optional(t, key, name: name, mustBe: "true or false", \.bool)
    }

    private mutating func stringArray(_ t: TOMLTable, _ key: String, name: String) -> [String]? {
        guard let array = optional(t, key, name: name, mustBe: "an array of strings", \.array) else { return nil }
        var result: [String] = []
        for element in array {
            guard let text = element.string else {
                error("\(name) must hold only strings (found \(kind(element)))")
                return nil
            }
            result.append(text)
        }
        return result
    }

    static func number(_ value: TOMLValue) -> Double? { value.number }

    private func kind(_ value: TOMLValue) -> String { value.kind.description }
}
