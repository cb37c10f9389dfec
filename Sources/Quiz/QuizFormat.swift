/// # Quiz files (`quiz.toml`)
///
/// tandem reads the TOML format of [mdbook-quiz](https://github.com/cognitive-engineering-lab/mdbook-quiz)
/// unchanged: a file written for mdbook-quiz loads and grades here as it does there.
///
/// ```toml
/// [[questions]]
/// id = "cascade-threshold"          # optional; without it the question is "q<N>" (a --check warning)
/// type = "MultipleChoice"
/// prompt.prompt = "What does raising a cascade's confidence threshold do?"
/// prompt.distractors = ["Sends fewer queries to the large model", "Nothing"]
/// answer.answer = "Sends more queries to the large model"   # or an array when several are right
/// context = "Explanation shown after answering (Markdown)."
/// ```
///
/// Fields every question may have: `type`, `id`, `prompt.*`, `answer.*`, `context` (shown after
/// answering), `multipart = "key"` (names a shared context in a top-level `[multipart]` table, shown
/// above the question). All text is Markdown.
///
/// mdbook-quiz types:
/// - `MultipleChoice`: `prompt.prompt`, `prompt.distractors` (array), `answer.answer` (a string, or
///   an array of strings when several options are right: the student must pick exactly those).
///   Options are lettered A, B, C…; their order is the authored order when `prompt.sortAnswers = true`
///   (sorted by text) or `prompt.answerIndex = N` (the answer inserted at index N of the distractors),
///   otherwise a shuffle seeded by the question id (the same in every run). Students answer by letter
///   or by an option's exact text, with or without its Markdown marks (a one- or two-letter answer
///   is read as a letter first, so avoid options that are themselves single letters).
/// - `ShortAnswer`: `prompt.prompt`, `answer.answer`, optional `answer.alternatives` (array),
///   optional `prompt.response` (`short`/`long`/`code`). Matching ignores Unicode compatibility forms
///   (NFKC), case, surrounding whitespace, runs of inner whitespace and one trailing full stop.
/// - `Tracing`: `prompt.program`, `answer.doesCompile`, `answer.stdout` (when it compiles),
///   `answer.lineNumber` (when it does not). Graded on the compile verdict and, when it compiles,
///   the output (trimmed); the line number is shown in the explanation.
///
/// tandem's additions (mdbook-quiz files simply do not use them):
/// - `TrueFalse`: `prompt.prompt`, `answer.answer = true|false`. Accepts true/false, t/f, yes/no, y/n.
/// - `Numeric`: `prompt.prompt`, `answer.answer` (number) with `answer.tolerance` (absolute) or
///   `answer.range = [lo, hi]` (inclusive); optional `answer.unit` shown after the prompt. Accepts
///   `+`, thousands separators (`1,200`), a trailing `%` (hundredths: `60%` is 0.6) and the unit.
///   `answer.unit = "%"` means the answer is written in percent: `answer.answer = 80` with a
///   tolerance in percentage points, and `80`, `80%`, `80 %` and `80 percent` all match. Use it
///   whenever the prompt speaks in percent, so that a bare `80` means 80%, not 8,000%.
///   `answer.unit = "fraction"` says the opposite: the answer is a plain number such as 0.8 (a
///   share written as a fraction, or a weight like α), `80%` still matches, and a bare `80` is
///   wrong with a note. A prompt that speaks in percent names one of the two.
/// - `SelfGraded`: `prompt.prompt`, `answer.model` (a model answer) and `answer.rubric` (array of
///   points). The student writes an answer, sees the model, and marks each rubric point met or not.
///   Not counted in the quiz total.
/// - `hint = "..."` on any question (`?` shows it); `feedback` on a MultipleChoice question, a table
///   from option text to why that option is right or wrong (`feedback."Nothing" = "It does something."`);
///   `partial = true` on a multi-answer MultipleChoice gives partial credit:
///   (right picks − wrong picks) / number right, floored at 0.
///
/// Ids are unique within a file (tandem's course keeps them unique across the course): progress and
/// spaced review are keyed by them, so keep an id when you edit its question.
/// `tandem quiz --check FILE` reports every problem as `FILE:LINE: question ID: message`.
public enum QuestionType: String, Sendable, CaseIterable, Equatable {
    case multipleChoice = "MultipleChoice"
    case shortAnswer = "ShortAnswer"
    case tracing = "Tracing"
    case trueFalse = "TrueFalse"
    case numeric = "Numeric"
    case selfGraded = "SelfGraded"
}

/// One loaded question: the fields every type shares, and the type-specific body.
public struct Question: Sendable, Equatable {
    public var id: String
    /// False when the file gave no id and `id` is `q<N>` from the question's position.
    public var hasExplicitID: Bool
    /// Line of the question's `[[questions]]` header (1-based).
    public var line: Int
    /// Markdown prompt (for Tracing, the text shown above the program).
    public var prompt: String
    /// Markdown explanation shown after answering.
    public var context: String?
    public var hint: String?
    /// The `[multipart]` key and its Markdown text, when the question is part of a group.
    public var multipart: String?
    public var multipartContext: String?
    public var body: Body

    public enum Body: Sendable, Equatable {
        case multipleChoice(MultipleChoice)
        case shortAnswer(ShortAnswer)
        case tracing(Tracing)
        case trueFalse(answer: Bool)
        case numeric(Numeric)
        case selfGraded(SelfGraded)
    }

    public init(
        id: String, hasExplicitID: Bool = true, line: Int = 1, prompt: String, context: String? = nil,
        hint: String? = nil, multipart: String? = nil, multipartContext: String? = nil, body: Body
    ) {
        self.id = id
        self.hasExplicitID = hasExplicitID
        self.line = line
        self.prompt = prompt
        self.context = context
        self.hint = hint
        self.multipart = multipart
        self.multipartContext = multipartContext
        self.body = body
    }

    public var type: QuestionType {
        switch body {
        case .multipleChoice: .multipleChoice
        case .shortAnswer: .shortAnswer
        case .tracing: .tracing
        case .trueFalse: .trueFalse
        case .numeric: .numeric
        case .selfGraded: .selfGraded
        }
    }

    /// Every type but SelfGraded is graded automatically and counts in a quiz's total.
    public var isAutoGraded: Bool { type != .selfGraded }
}

public struct MultipleChoice: Sendable, Equatable {
    /// The right options' source text, in authored order.
    public var answers: [String]
    public var distractors: [String]
    public var answerIndex: Int?
    public var sortAnswers: Bool
    /// True when `answer.answer` was an array: the student may pick several options.
    public var multipleAnswers: Bool
    public var partial: Bool
    /// Option source text → Markdown explaining why it is right or wrong.
    public var feedback: [String: String]

    public init(
        answers: [String], distractors: [String], answerIndex: Int? = nil, sortAnswers: Bool = false,
        multipleAnswers: Bool = false, partial: Bool = false, feedback: [String: String] = [:]
    ) {
        self.answers = answers
        self.distractors = distractors
        self.answerIndex = answerIndex
        self.sortAnswers = sortAnswers
        self.multipleAnswers = multipleAnswers
        self.partial = partial
        self.feedback = feedback
    }
}

public struct ShortAnswer: Sendable, Equatable {
    public enum Response: String, Sendable, Equatable { case short, long, code }
    public var answer: String
    public var alternatives: [String]
    public var response: Response

    public init(answer: String, alternatives: [String] = [], response: Response = .short) {
        self.answer = answer
        self.alternatives = alternatives
        self.response = response
    }
}

public struct Tracing: Sendable, Equatable {
    public var program: String
    public var doesCompile: Bool
    public var stdout: String?
    public var lineNumber: Int?

    public init(program: String, doesCompile: Bool, stdout: String? = nil, lineNumber: Int? = nil) {
        self.program = program
        self.doesCompile = doesCompile
        self.stdout = stdout
        self.lineNumber = lineNumber
    }
}

public struct Numeric: Sendable, Equatable {
    public var answer: Double
    /// Absolute tolerance around `answer`.
    public var tolerance: Double?
    /// Inclusive accepted range; wins over `tolerance` when both are given.
    public var range: ClosedRange<Double>?
    public var unit: String?

    /// `unit = "%"`: the answer, its tolerance and its range are in percent, and so is what the
    /// student types (`80` and `80%` both mean 80%).
    public var isPercent: Bool { unit?.trimmingCharacters(in: .whitespaces) == "%" }

    /// `unit = "fraction"`: a plain number (0.8), never read as percent unless typed with `%`.
    public var isFraction: Bool { unit?.trimmingCharacters(in: .whitespaces).lowercased() == "fraction" }

    public init(answer: Double, tolerance: Double? = nil, range: ClosedRange<Double>? = nil, unit: String? = nil) {
        self.answer = answer
        self.tolerance = tolerance
        self.range = range
        self.unit = unit
    }
}

public struct SelfGraded: Sendable, Equatable {
    public var model: String
    public var rubric: [String]

    public init(model: String, rubric: [String]) {
        self.model = model
        self.rubric = rubric
    }
}

/// A loaded quiz file: its questions in file order.
public struct QuizFile: Sendable, Equatable {
    /// The path used in messages and reports.
    public var path: String
    public var questions: [Question]

    public init(path: String, questions: [Question]) {
        self.path = path
        self.questions = questions
    }

    public func question(id: String) -> Question? { questions.first { $0.id == id } }

    /// Questions graded automatically: the denominator of the score.
    public var total: Int { questions.filter(\.isAutoGraded).count }
}
