import Course
import Foundation
import Terminal

/// How an interactive run ended.
public struct QuizSessionOutcome: Sendable, Equatable {
    /// True when every question was answered (the run's score is recorded).
    public var completed: Bool
    /// Points over the automatically graded questions (this run plus any resumed answers).
    public var score: Double
    public var total: Int
    /// Questions answered in this run (not counting resumed ones or retries).
    public var answeredThisRun: Int
    /// Ids of automatically graded questions that did not earn full marks, after any retries.
    public var missed: [String]
}

/// One interactive quiz: a question at a time, feedback after each, a score at the end, an offer to
/// retry what was missed. Every answer is saved as it is given, so Ctrl-D or Ctrl-C keeps them and
/// the next run offers to resume.
public final class QuizSession {
    let quiz: QuizFile
    let quizKey: String
    let title: String
    let store: ProgressStore?
    let reader: LineReader
    let write: (String) -> Void
    let presenter: QuestionPresenter
    let clock: () -> Date
    /// How to tell the student to come back (`tandem quiz 3`), printed as it is typed.
    let resumeCommand: String
    let scheduler: FSRSScheduler
    /// How `tandem read` opens a lesson section, for the review screen's "reread" hints (nil
    /// for a quiz outside the course).
    let lessonNumber: Int?
    let lessonMarkdown: String?

    public init(
        quiz: QuizFile, quizKey: String, title: String, store: ProgressStore?, reader: LineReader,
        settings: TerminalSettings, resumeCommand: String, scheduler: FSRSScheduler = .tandem(),
        lessonNumber: Int? = nil, lessonMarkdown: String? = nil, clock: @escaping () -> Date = Date.init,
        write: @escaping (String) -> Void
    ) {
        self.scheduler = scheduler
        self.lessonNumber = lessonNumber
        self.lessonMarkdown = lessonMarkdown
        self.quiz = quiz
        self.quizKey = quizKey
        self.title = title
        self.store = store
        self.reader = reader
        self.write = write
        self.presenter = QuestionPresenter(settings: settings)
        self.clock = clock
        self.resumeCommand = resumeCommand
    }

    private var asker: QuestionAsker { QuestionAsker(reader: reader, write: write, presenter: presenter) }

    /// Throws when progress cannot be read or saved (`ProgressError`, naming where the unsaved
    /// answers were kept): the quiz stops there rather than carry on losing answers.
    public func run() throws -> QuizSessionOutcome {
        var points: [String: Double] = [:]

        // An interrupted run offers to carry on where it stopped.
        let saved = try store?.load().quizzes[quizKey]?.resume ?? [:]
        let carried = saved.filter { id, _ in quiz.question(id: id) != nil }
        if !carried.isEmpty {
            write(presenter.line("Last time you stopped after \(carried.count) of \(quiz.questions.count) questions."))
            switch askYesNo("Resume? [Y/n] ", default: true) {
            case nil: return outcome(completed: false, points: carried, answered: 0)
            case true?: points = carried
            case false?: try store?.update { $0.quizzes[quizKey]?.resume = nil }
            }
            write("\n")
        }
        // A fresh run starts a fresh record of answers for the review screen.
        if points.isEmpty { try store?.update { $0.quizzes[quizKey, default: QuizRecord()].lastRun = [] } }

        let autoCount = quiz.total
        write(
            presenter.line(
                presenter.settings.paint(title, .bold)
                    + " — \(quiz.questions.count) question\(quiz.questions.count == 1 ? "" : "s")"
                    + (autoCount < quiz.questions.count ? " (\(autoCount) graded)" : "") + "."))
        write(
            presenter.line(presenter.settings.paint("Ctrl-D or Ctrl-C stops; your answers so far are kept.", .dim))
                + "\n")

        var answered = 0
        var lastMultipart: String?
        for (index, question) in quiz.questions.enumerated() where points[question.id] == nil {
            let showMultipart = question.multipart != nil && question.multipart != lastMultipart
            lastMultipart = question.multipart
            write(
                presenter.question(question, number: index + 1, of: quiz.questions.count, showMultipart: showMultipart))
            guard let (asked, result) = asker.askAndGrade(question) else {
                let kept = points.count
                // With nothing answered there is nothing to resume: the next run simply starts.
                write(
                    presenter.line(
                        kept == 0
                            ? "Stopped before the first answer. Run \(presenter.settings.paint(resumeCommand, .bold)) to start again."
                            : "Stopped after \(kept) of \(quiz.questions.count) questions; your answers are saved."
                                + " Run \(presenter.settings.paint(resumeCommand, .bold)) to resume."))
                return outcome(completed: false, points: points, answered: answered)
            }
            let answer = asked.answer
            points[question.id] = result.points
            answered += 1
            let now = clock()
            let recorded = RecordedAnswer(
                question: question, answer: answer, grade: result, usedHint: asked.usedHint)
            try store?.update { progress in
                QuizRecorder.recordAnswer(
                    question, grade: result, quizKey: quizKey, now: now, usedHint: asked.usedHint,
                    selfRating: asked.selfRating, scheduler: scheduler, in: &progress)
                QuizRecorder.recordPartialRun(
                    questionID: question.id, points: result.points, quizKey: quizKey, in: &progress)
                QuizRecorder.recordRunAnswer(recorded, quizKey: quizKey, in: &progress)
            }
        }

        var result = outcome(completed: true, points: points, answered: answered)
        let score = result.score
        let now = clock()
        let progressAfterRun = try store?.update { progress in
            QuizRecorder.recordCompletedRun(score: score, total: autoCount, quizKey: quizKey, now: now, in: &progress)
        }
        write(presenter.line(presenter.settings.paint("Score: \(formatPoints(score)) / \(autoCount)", .bold)))
        if let run = progressAfterRun?.quizzes[quizKey]?.lastRun, !run.isEmpty {
            write(
                "\n"
                    + ReviewScreen(
                        quiz: quiz, answers: run, lessonNumber: lessonNumber, lessonMarkdown: lessonMarkdown,
                        settings: presenter.settings
                    ).text() + "\n")
        }
        let missed = quiz.questions.filter { result.missed.contains($0.id) }
        result.missed = try retry(missed, score: score, total: autoCount).map(\.id)
        return result
    }

    /// Lists what was missed and offers to retry just those, until none are left or the student
    /// declines. Retries are recorded per question (for review) but do not change the quiz score.
    private func retry(_ initial: [Question], score: Double, total autoCount: Int) throws -> [Question] {
        var missed = initial
        while !missed.isEmpty {
            write(presenter.line("Missed:"))
            for question in missed { write(presenter.summaryLine(question) + "\n") }
            let noun = missed.count == 1 ? "it" : "those \(missed.count)"
            guard askYesNo("Retry \(noun)? [y/N] ", default: false) == true else { break }
            var stillMissed: [Question] = []
            write("\n")
            for (index, question) in missed.enumerated() {
                write(
                    presenter.question(
                        question, number: index + 1, of: missed.count, showMultipart: question.multipart != nil,
                        heading: "Retry"))
                guard let (asked, result) = asker.askAndGrade(question) else {
                    write(presenter.line("Stopped retrying; your score stays \(formatPoints(score)) / \(autoCount)."))
                    return missed
                }
                let now = clock()
                try store?.update {
                    QuizRecorder.recordAnswer(
                        question, grade: result, quizKey: quizKey, now: now, usedHint: asked.usedHint,
                        selfRating: asked.selfRating, scheduler: scheduler, in: &$0)
                }
                if result.points < 1 { stillMissed.append(question) }
            }
            write(
                presenter.line(
                    "Retry: \(missed.count - stillMissed.count) of \(missed.count) right this time"
                        + " (the quiz score stays \(formatPoints(score)) / \(autoCount))."))
            missed = stillMissed
        }
        if initial.isEmpty { write(presenter.line("Every question right. Well done!")) }
        return missed
    }

    /// Nil when the student stops (Ctrl-D / Ctrl-C); Enter takes the default.
    private func askYesNo(_ prompt: String, default defaultValue: Bool) -> Bool? {
        while true {
            switch reader.readLine(prompt: prompt) {
            case .end, .interrupted: return nil
            case .line(let text):
                if text.trimmingCharacters(in: .whitespaces).isEmpty { return defaultValue }
                if let value = AnswerText.bool(text) { return value }
                write(presenter.line("Answer y or n."))
            }
        }
    }

    private func outcome(completed: Bool, points: [String: Double], answered: Int) -> QuizSessionOutcome {
        let graded = quiz.questions.filter(\.isAutoGraded)
        return QuizSessionOutcome(
            completed: completed,
            score: graded.reduce(0) { $0 + (points[$1.id] ?? 0) },
            total: graded.count,
            answeredThisRun: answered,
            missed: graded.filter { (points[$0.id] ?? 0) < 1 }.map(\.id))
    }
}
