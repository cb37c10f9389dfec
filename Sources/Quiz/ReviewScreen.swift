import Course
import Foundation
import JSON
import Terminal

extension RecordedAnswer {
    /// An answer as the review screen stores it.
    public init(question: Question, answer: Answer, grade: Grade, usedHint: Bool = false) {
        self.init(
            questionID: question.id, answer: RecordedAnswer.text(answer, for: question),
            result: grade.status.rawValue, points: grade.points, usedHint: usedHint)
    }

    /// The answer in words: multiple-choice picks as their letters ("A, C"), so the screen can
    /// show each pick's text and feedback.
    static func text(_ answer: Answer, for question: Question) -> String {
        switch answer {
        case .text(let text):
            if case .multipleChoice(let mc) = question.body,
                case .success(let picked) = ChoiceResolver.resolve(answer, options: mc.options(questionID: question.id))
            {
                return picked.map(\.letter).joined(separator: ", ")
            }
            return text
        case .list(let items):
            if case .multipleChoice(let mc) = question.body,
                case .success(let picked) = ChoiceResolver.resolve(answer, options: mc.options(questionID: question.id))
            {
                return picked.map(\.letter).joined(separator: ", ")
            }
            return items.joined(separator: ", ")
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return formatNumber(value)
        case .tracing(let response):
            guard let compiles = response.doesCompile else { return "(no verdict)" }
            if compiles {
                let output = (response.stdout ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                return output.isEmpty ? "it compiles and prints nothing" : "it compiles and prints: " + output
            }
            return "it does not compile" + (response.lineNumber.map { " (line \($0))" } ?? "")
        case .rubric(let response, let met):
            return response + " (\(met.filter { $0 }.count) of \(met.count) rubric points met)"
        }
    }
}

/// The screen after a quiz (and `tandem quiz N --last`): every question with the student's answer,
/// the right one, why each other option is wrong, and the lesson section to reread.
///
/// The section is the lesson section whose words best match the question (its prompt, answer
/// and explanation), ranked as `tandem search` ranks: `TextSearch.bestMatch`.
public struct ReviewScreen {
    public var quiz: QuizFile
    public var answers: [RecordedAnswer]
    public var lessonNumber: Int?
    public var sections: [LessonSection]
    var sectionTexts: [String]
    public var settings: TerminalSettings

    public init(
        quiz: QuizFile, answers: [RecordedAnswer], lessonNumber: Int?, lessonMarkdown: String?,
        settings: TerminalSettings
    ) {
        self.quiz = quiz
        self.answers = answers
        self.lessonNumber = lessonNumber
        self.settings = settings
        let markdown = lessonMarkdown ?? ""
        sections = LessonOutline.sections(markdown)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        sectionTexts = sections.map { section in
            lines[(section.line - 1)..<min(section.endLine, lines.count)].joined(separator: "\n")
        }
    }

    /// One question's review.
    public struct Entry: Sendable, Equatable {
        public var question: Question
        public var answer: RecordedAnswer
        /// Options other than the right ones, with their feedback ("why not"); empty for other types.
        public var whyNot: [(letter: String, text: String, feedback: String?)]
        public var section: LessonSection?

        public static func == (a: Entry, b: Entry) -> Bool {
            a.question == b.question && a.answer == b.answer && a.section == b.section
                && a.whyNot.map { [$0.letter, $0.text, $0.feedback ?? ""] }
                    == b.whyNot.map { [$0.letter, $0.text, $0.feedback ?? ""] }
        }
    }

    /// The answered questions still in the quiz, in quiz order.
    public var entries: [Entry] {
        quiz.questions.compactMap { question in
            guard let answer = answers.first(where: { $0.questionID == question.id }) else { return nil }
            var whyNot: [(String, String, String?)] = []
            if case .multipleChoice(let mc) = question.body {
                whyNot = mc.options(questionID: question.id).filter { !$0.isCorrect }.map {
                    ($0.letter, $0.text, mc.feedback[$0.text])
                }
            }
            return Entry(question: question, answer: answer, whyNot: whyNot, section: section(for: question))
        }
    }

    /// The lesson section that best matches the question's words.
    public func section(for question: Question) -> LessonSection? {
        var query = question.prompt + " " + (question.context ?? "")
        if case .multipleChoice(let mc) = question.body { query += " " + mc.answers.joined(separator: " ") }
        return TextSearch.bestMatch(query, in: sectionTexts).map { sections[$0] }
    }

    /// `tandem read 3#the-deferral-rule`.
    public func readCommand(_ section: LessonSection) -> String? {
        lessonNumber.map { "tandem read \($0)#\(section.slug)" }
    }

    public func text() -> String {
        let presenter = QuestionPresenter(settings: settings)
        let ascii = settings.ascii
        let list = entries
        guard !list.isEmpty else { return presenter.line("No answers recorded for this quiz yet.") }
        let right = list.filter { $0.answer.result == Grade.Status.correct.rawValue }.count
        var out = presenter.line(settings.paint("Your answers", .bold) + " — \(right) of \(list.count) right:")
        for entry in list {
            let mark: String
            switch entry.answer.result {
            case Grade.Status.correct.rawValue: mark = settings.paint(ascii ? "ok " : "✓ ", .green)
            case Grade.Status.partial.rawValue: mark = settings.paint(ascii ? "~  " : "◐ ", .yellow)
            case Grade.Status.selfGraded.rawValue: mark = settings.paint(ascii ? "*  " : "✎ ", .cyan)
            default: mark = settings.paint(ascii ? "x  " : "✗ ", .red)
            }
            out += "\n" + presenter.summaryLine(entry.question, indent: mark) + "\n"
            let hint = entry.answer.usedHint ? " (after the hint)" : ""
            out += field("Your answer", answerText(entry.answer.answer, entry.question) + hint)
            if entry.answer.result != Grade.Status.correct.rawValue {
                out += field("Right answer", entry.question.expectedDescription)
                for option in entry.whyNot {
                    let why = option.feedback.map { " — " + InlineMarkdown.asParagraph($0) } ?? ""
                    out += field("Why not \(option.letter))", option.text + why)
                }
            }
            if let section = entry.section, let command = readCommand(section) {
                out += field("Reread", command + " (" + section.title + ")")
            }
        }
        return out
    }

    /// An answer's picks spelled out: "B) the option's text".
    func answerText(_ answer: String, _ question: Question) -> String {
        guard case .multipleChoice(let mc) = question.body, !answer.isEmpty else { return answer }
        let options = mc.options(questionID: question.id)
        guard case .success(let picked) = ChoiceResolver.resolve(.text(answer), options: options) else {
            return answer
        }
        return picked.map { "\($0.letter)) \($0.text)" }.joined(separator: "; ")
    }

    /// `   Label: text`, wrapped with the text hanging under itself, fitted to the width.
    func field(_ label: String, _ text: String) -> String {
        // The answer comes from the progress file: no control character reaches the terminal.
        let visible = String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        let plain = settings.ascii ? TextFit.asciiPunctuation(visible) : visible
        let oneLine = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let wrapped = TextWrap.wrap(
            label + ": " + oneLine, width: settings.width, indent: "   ", hang: String(repeating: " ", count: 5))
        return wrapped.joined(separator: "\n") + "\n"
    }

    /// `{"quiz", "right", "answered", "questions": [{"id", "answer", "result", "points", "used_hint",
    /// "expected", "why_not": [{"letter", "text", "feedback"}], "reread": {"section", "title", "command"}|null}]}`,
    /// keys as `jsonKeys` lists them.
    public func json() -> JSONValue {
        let list = entries
        let questions: [JSONValue] = list.map { entry in
            .object([
                ("id", .string(entry.question.id)),
                ("answer", .string(entry.answer.answer)),
                ("result", .string(entry.answer.result)),
                ("points", .number(entry.answer.points)),
                ("used_hint", .bool(entry.answer.usedHint)),
                ("expected", .string(entry.question.expectedDescription)),
                (
                    "why_not",
                    .array(
                        entry.whyNot.map {
                            .object([
                                ("letter", .string($0.letter)), ("text", .string($0.text)),
                                ("feedback", $0.feedback.map { .string($0) } ?? .null),
                            ])
                        })
                ),
                (
                    "reread",
                    entry.section.map { section in
                        .object([
                            ("section", .string(section.slug)), ("title", .string(section.title)),
                            ("command", readCommand(section).map { .string($0) } ?? .null),
                        ])
                    } ?? .null
                ),
            ])
        }
        return .object([
            ("quiz", .string(quiz.path)),
            ("right", .integer(list.filter { $0.answer.result == Grade.Status.correct.rawValue }.count)),
            ("answered", .integer(list.count)),
            ("questions", .array(questions)),
        ])
    }

    /// The keys of `json()`, in order (docs/json.md is generated from this list).
    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("quiz", .string, "the quiz file"),
        JSONKeyDoc("right", .integer, "questions answered right on the last attempt"),
        JSONKeyDoc("answered", .integer, "questions answered on the last attempt (still in the quiz)"),
        JSONKeyDoc("questions", .array, "one entry per answered question, in quiz order"),
        JSONKeyDoc("questions[].id", .string, "the question's id"),
        JSONKeyDoc("questions[].answer", .string, "the answer given, as recorded"),
        JSONKeyDoc("questions[].result", .string, "`correct`, `incorrect`, `partial`, `unanswered` or `self-graded`"),
        JSONKeyDoc("questions[].points", .number, "points earned, 0–1"),
        JSONKeyDoc("questions[].used_hint", .boolean, "whether the hint was shown first"),
        JSONKeyDoc("questions[].expected", .string, "the right answer, in words"),
        JSONKeyDoc("questions[].why_not", .array, "multiple choice: each wrong option (empty for other types)"),
        JSONKeyDoc("questions[].why_not[].letter", .string, "its letter as shown"),
        JSONKeyDoc("questions[].why_not[].text", .string, "its text"),
        JSONKeyDoc("questions[].why_not[].feedback", .string, "why it is wrong, or null", nullable: true),
        JSONKeyDoc(
            "questions[].reread", .object, "the lesson section that best matches the question, or null",
            nullable: true),
        JSONKeyDoc("questions[].reread.section", .string, "its slug"),
        JSONKeyDoc("questions[].reread.title", .string, "its title"),
        JSONKeyDoc(
            "questions[].reread.command", .string, "`tandem read N#slug`, or null when the lesson is unknown",
            nullable: true),
    ]
}
