import Foundation

/// TOML text for the tests' quiz and course fixtures, so a test writes only the fields that matter
/// to it. Each builder writes its keys one a line in a fixed order and tables are separated by one
/// blank line; a test whose assertions depend on where a line stands (a parser's line numbers)
/// keeps its TOML literal instead.
public enum QuizTOML {
    /// A quiz file: the questions' tables one after another.
    public static func file(_ questions: String...) -> String { questions.joined(separator: "\n\n") }

    public static func trueFalse(
        id: String, prompt: String, answer: Bool, hint: String? = nil, context: String? = nil
    ) -> String {
        question(id: id, type: "TrueFalse", prompt: prompt, ["answer.answer = \(answer)"], hint: hint, context: context)
    }

    public static func shortAnswer(id: String, prompt: String, answer: String, context: String? = nil) -> String {
        question(
            id: id, type: "ShortAnswer", prompt: prompt, ["answer.answer = \(tomlString(answer))"], context: context)
    }

    /// `tolerance` and `unit` are left out when nil (the loader's defaults then apply).
    public static func numeric(
        id: String, prompt: String, answer: Double, tolerance: Double? = nil, unit: String? = nil,
        context: String? = nil
    ) -> String {
        var lines = ["answer.answer = \(tomlNumber(answer))"]
        if let tolerance { lines.append("answer.tolerance = \(tomlNumber(tolerance))") }
        if let unit { lines.append("answer.unit = \(tomlString(unit))") }
        return question(id: id, type: "Numeric", prompt: prompt, lines, context: context)
    }

    /// `feedback` (option text to the feedback shown for it) becomes a `[questions.feedback]` table.
    public static func multipleChoice(
        id: String, prompt: String, answer: String, distractors: [String], sortAnswers: Bool? = nil,
        feedback: KeyValuePairs<String, String> = [:]
    ) -> String {
        var lines: [String] = []
        if let sortAnswers { lines.append("prompt.sortAnswers = \(sortAnswers)") }
        lines.append("prompt.distractors = \(tomlArray(distractors))")
        lines.append("answer.answer = \(tomlString(answer))")
        if !feedback.isEmpty { lines.append("[questions.feedback]") }
        for (option, text) in feedback { lines.append("\(tomlString(option)) = \(tomlString(text))") }
        return question(id: id, type: "MultipleChoice", prompt: prompt, lines)
    }

    public static func selfGraded(id: String, prompt: String, model: String, rubric: [String]) -> String {
        question(
            id: id, type: "SelfGraded", prompt: prompt,
            ["answer.model = \(tomlString(model))", "answer.rubric = \(tomlArray(rubric))"])
    }

    /// One `[[questions]]` table: id, type, `prompt.prompt`, the type's own lines, then hint and context.
    static func question(
        id: String, type: String, prompt: String, _ lines: [String], hint: String? = nil, context: String? = nil
    ) -> String {
        var all = ["[[questions]]", "id = \(tomlString(id))", "type = \(tomlString(type))"]
        all.append("prompt.prompt = \(tomlString(prompt))")
        all += lines
        if let hint { all.append("hint = \(tomlString(hint))") }
        if let context { all.append("context = \(tomlString(context))") }
        return all.joined(separator: "\n")
    }
}

/// A course's `content/course.toml`.
public enum CourseTOML {
    /// The header (format 1, id, title, then `settings`: further top-level `key = value` lines as
    /// written), then the lessons' and the exercises' tables.
    public static func manifest(
        id: String, title: String, settings: [String] = [], lessons: [String], exercises: [String] = []
    ) -> String {
        let header = (["format_version = 1", "id = \(tomlString(id))", "title = \(tomlString(title))"] + settings)
            .joined(separator: "\n")
        return ([header] + lessons + exercises).joined(separator: "\n\n")
    }

    /// A `[[lessons]]` table; `quiz` is left out when nil (the lesson has no quiz).
    public static func lesson(_ number: Int, slug: String, title: String, folder: String, quiz: String? = nil) -> String
    {
        var lines = ["[[lessons]]", "number = \(number)", "slug = \(tomlString(slug))", "title = \(tomlString(title))"]
        lines.append("folder = \(tomlString(folder))")
        if let quiz { lines.append("quiz = \(tomlString(quiz))") }
        return lines.joined(separator: "\n")
    }

    /// An `[[exercises]]` table; `hints` is left out when nil.
    public static func exercise(id: String, title: String, file: String, lesson: String, hints: [String]? = nil)
        -> String
    {
        var lines = ["[[exercises]]", "id = \(tomlString(id))", "title = \(tomlString(title))"]
        lines += ["file = \(tomlString(file))", "lesson = \(tomlString(lesson))"]
        if let hints { lines.append("hints = \(tomlArray(hints))") }
        return lines.joined(separator: "\n")
    }
}

/// `text` as a TOML basic string.
func tomlString(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

func tomlArray(_ items: [String]) -> String { "[" + items.map(tomlString).joined(separator: ", ") + "]" }

/// Whole numbers as integers (`2`, not `2.0`), the rest in Swift's shortest form (`0.001`).
func tomlNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return "\(value)"
}
