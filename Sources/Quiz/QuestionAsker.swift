import Course
import Terminal

/// Asks one question at the keyboard: re-prompts on input it cannot read (saying what it accepts),
/// shows the hint on `?`, and returns the answer, or nil when the student stops (Ctrl-D / Ctrl-C).
struct QuestionAsker {
    let reader: LineReader
    let write: (String) -> Void
    let presenter: QuestionPresenter
    /// What happened while asking the last question: whether the hint was shown, and a
    /// self-graded question's own rating. Reset by `askTracked`.
    private let tracker = Tracker()

    final class Tracker {
        var usedHint = false
        var selfRating: ReviewRating?
    }

    /// An answer with how it was reached, for the review schedule.
    struct Asked {
        var answer: Answer
        var usedHint: Bool
        var selfRating: ReviewRating?
    }

    private var promptMark: String { presenter.settings.ascii ? "> " : "› " }

    /// `ask`, also saying whether the hint was shown and (self-graded) the student's rating.
    func askTracked(_ question: Question) -> Asked? {
        tracker.usedHint = false
        tracker.selfRating = nil
        guard let answer = ask(question) else { return nil }
        return Asked(answer: answer, usedHint: tracker.usedHint, selfRating: tracker.selfRating)
    }

    /// `askTracked`, then the answer's grade, with its feedback shown (the one way the quiz, its
    /// retries and review answer a question); nil when the student stops.
    func askAndGrade(_ question: Question) -> (asked: Asked, grade: Grade)? {
        guard let asked = askTracked(question) else { return nil }
        let result = grade(question, asked.answer)
        write(presenter.feedback(question, answer: asked.answer, grade: result) + "\n")
        return (asked, result)
    }

    func ask(_ question: Question) -> Answer? {
        switch question.body {
        case .tracing: return askTracing(question)
        case .selfGraded(let selfGraded): return askSelfGraded(question, selfGraded)
        default:
            return readValid(question) { text in interpret(text, for: question) }
        }
    }

    /// Reads lines until `interpret` accepts one. `?` shows the hint; an empty line re-prompts.
    private func readValid<T>(
        _ question: Question, prompt: String? = nil, allowEmpty: Bool = false,
        _ interpret: (String) -> Result<T, InputProblem>
    ) -> T? {
        while true {
            switch reader.readLine(prompt: prompt ?? promptMark) {
            case .end, .interrupted: return nil
            case .line(let raw):
                let text = raw.trimmingCharacters(in: .whitespaces)
                if text == "?" {
                    if question.hint != nil { tracker.usedHint = true }
                    write(presenter.hint(question))
                    continue
                }
                if text.isEmpty && !allowEmpty {
                    write(
                        presenter.line(
                            "Type an answer\(question.hint == nil ? "" : ", or ? for a hint") (Ctrl-D stops and keeps your answers)."
                        ))
                    continue
                }
                switch interpret(raw) {
                case .success(let value): return value
                case .failure(let problem): write(presenter.line(problem.message))
                }
            }
        }
    }

    struct InputProblem: Error { var message: String }

    /// Reads a typed line as an answer for `question`, or says what is accepted.
    func interpret(_ text: String, for question: Question) -> Result<Answer, InputProblem> {
        switch question.body {
        case .multipleChoice(let mc):
            let options = mc.options(questionID: question.id)
            let span = ChoiceResolver.letterSpan(options)
            switch ChoiceResolver.resolve(.text(text), options: options) {
            case .failure:
                return .failure(
                    InputProblem(
                        message: "That is not an option: answer with a letter \(span) or an option's whole text."))
            case .success(let picked):
                if !mc.multipleAnswers && picked.count > 1 {
                    return .failure(InputProblem(message: "Pick one option (a letter \(span))."))
                }
                return .success(mc.multipleAnswers ? .list(picked.map(\.letter)) : .text(picked[0].letter))
            }
        case .shortAnswer:
            return .success(.text(text))
        case .trueFalse:
            guard let value = AnswerText.bool(text) else {
                return .failure(InputProblem(message: "Answer true or false (t/f, yes/no and y/n also work)."))
            }
            return .success(.bool(value))
        case .numeric(let numeric):
            guard let value = AnswerText.number(text, unit: numeric.unit) else {
                if numeric.isPercent {
                    return .failure(InputProblem(message: "Type a number of percent, like 60 or 60%."))
                }
                return .failure(InputProblem(message: "Type a number, like 0.6, 60%, 1,200 or +3."))
            }
            return .success(.number(value))
        case .tracing, .selfGraded:
            return .success(.text(text))
        }
    }

    private func askTracing(_ question: Question) -> Answer? {
        write(presenter.line("Does this program compile? (y/n)"))
        guard
            let compiles = readValid(
                question,
                { text -> Result<Bool, InputProblem> in
                    AnswerText.bool(text).map { .success($0) }
                        ?? .failure(InputProblem(message: "Answer y or n (yes/no, true/false also work)."))
                })
        else { return nil }
        if compiles {
            write(
                presenter.line(
                    "What does it print? Type the output, then an empty line (just an empty line if nothing)."))
            var lines: [String] = []
            while true {
                switch reader.readLine(prompt: promptMark) {
                case .end, .interrupted: return nil
                case .line(let text):
                    if text.isEmpty {
                        return .tracing(TracingResponse(doesCompile: true, stdout: lines.joined(separator: "\n")))
                    }
                    lines.append(text)
                }
            }
        }
        write(presenter.line("Which line has the error? (a line number, or Enter to skip)"))
        guard
            let lineNumber = readValid(
                question, allowEmpty: true,
                { text -> Result<Int?, InputProblem> in
                    let trimmed = text.trimmingCharacters(in: .whitespaces)
                    if trimmed.isEmpty { return .success(nil) }
                    return Int(trimmed).map { .success($0) }
                        ?? .failure(InputProblem(message: "Type a line number, or press Enter to skip."))
                })
        else { return nil }
        return .tracing(TracingResponse(doesCompile: false, lineNumber: lineNumber))
    }

    private func askSelfGraded(_ question: Question, _ selfGraded: SelfGraded) -> Answer? {
        var lines: [String] = []
        while true {
            switch reader.readLine(prompt: promptMark) {
            case .end, .interrupted: return nil
            case .line(let text):
                if lines.isEmpty && text.trimmingCharacters(in: .whitespaces) == "?" {
                    if question.hint != nil { tracker.usedHint = true }
                    write(presenter.hint(question))
                    continue
                }
                if text.isEmpty {
                    if lines.isEmpty {
                        write(presenter.line("Write an answer first (an empty line ends it)."))
                        continue
                    }
                    return markRubric(question, selfGraded, response: lines.joined(separator: "\n"))
                }
                lines.append(text)
            }
        }
    }

    private func markRubric(_ question: Question, _ selfGraded: SelfGraded, response: String) -> Answer? {
        // The label is tandem's own text: bold with colour, plain without (never `**`).
        write(
            "\n" + presenter.line(presenter.settings.paint("Model answer:", .bold)) + presenter.render(selfGraded.model)
        )
        write("\n" + presenter.line("Mark each point your answer covers (y/n):"))
        var met: [Bool] = []
        for (index, point) in selfGraded.rubric.enumerated() {
            write(presenter.render("\(index + 1). " + point))
            guard
                let covered = readValid(
                    question,
                    { text -> Result<Bool, InputProblem> in
                        AnswerText.bool(text).map { .success($0) } ?? .failure(InputProblem(message: "Answer y or n."))
                    })
            else { return nil }
            met.append(covered)
        }
        write("\n" + presenter.line("How well did you know it? 1 again (forgot), 2 hard, 3 good, 4 easy."))
        guard
            let rating = readValid(
                question,
                { text -> Result<ReviewRating, InputProblem> in
                    Self.selfRating(text).map { .success($0) }
                        ?? .failure(InputProblem(message: "Type 1, 2, 3 or 4 (or again, hard, good, easy)."))
                })
        else { return nil }
        tracker.selfRating = rating
        return .rubric(response: response, met: met)
    }
}

extension QuestionAsker {
    /// `1`…`4` or a rating's name (`again`, `hard`, `good`, `easy`, or their first letter).
    static func selfRating(_ text: String) -> ReviewRating? {
        let word = AnswerText.normalized(text)
        if let number = Int(word) { return ReviewRating(rawValue: number) }
        return ReviewRating.allCases.first { $0.name == word || String($0.name.prefix(1)) == word }
    }
}
