import Course
import Terminal

import struct Foundation.Date

/// The screen `tandem` shows with no arguments: where the student is and the one next step.
public enum HomeScreen {
    /// Composes the screen from the course status alone, so it is a pure function.
    /// - welcome: the course's welcome message, already rendered, on the first run (else nil).
    /// - final: the course's final message, already rendered, the first time all is done (else nil).
    public static func compose(
        status: CourseStatus, settings: TerminalSettings,
        welcome: String? = nil, final: String? = nil
    ) -> String {
        let draw = Drawing(settings: settings)
        let width = settings.width
        var out: [String] = []

        for line in draw.wrap(TextFit.words(status.title), width: width) {
            out.append(draw.bold(line))
        }
        let steps = status.completedSteps
        let fraction = steps.total == 0 ? 1 : Double(steps.done) / Double(steps.total)
        let percent = "\(Int((fraction * 100).rounded(.down)))%"
        let overallCells = max(4, min(24, width - 40))
        let overallText =
            "\(percent) done\(draw.separator)\(status.lessonsRead) of \(status.lessons.count) lessons read"
        out += draw.wrap(
            [draw.bar(fraction, cells: overallCells)] + TextFit.words(overallText),
            width: width)

        if let welcome, !welcome.isEmpty {
            out.append("")
            out += trimmedLines(welcome)
        }

        out.append("")
        out += lessonLines(status: status, draw: draw, width: width)

        // A scored exercise's best (the capstone), so the student sees what to beat.
        for lesson in status.lessons {
            for exercise in lesson.exercises {
                guard let best = exercise.bestText else { continue }
                out += draw.wrap(
                    TextFit.words("\(exercise.title): \(best)"), width: width)
            }
        }

        out.append("")
        if status.reviewDue > 0 {
            let text = "\(status.reviewDue) question\(status.reviewDue == 1 ? "" : "s") due (tandem review)"
            out += draw.wrap(
                [draw.paint("Review:", .yellow)] + TextFit.words(text), width: width)
        } else {
            out += draw.wrap(TextFit.words("Review: nothing due"), width: width)
        }

        if let final, !final.isEmpty {
            out.append("")
            out += trimmedLines(final)
        } else if status.isFinished {
            out.append("")
            out += draw.wrap(
                TextFit.words("Course complete: every lesson read, quiz taken and exercise solved."),
                width: width)
        }

        out.append("")
        out += draw.wrap(
            [draw.bold("Next:")] + TextFit.words(status.next.summary), width: width,
            rest: "  ")
        if status.next != .done {
            out.append(
                draw.truncate("  " + status.next.command, to: width)
                    .replacingOccurrences(of: status.next.command, with: draw.paint(status.next.command, .cyan)))
            out += draw.wrap(
                TextFit.words("(or just: tandem next)"), width: width, first: "  ", rest: "  "
            ).map(draw.dim)
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The home screen straight from the course and progress at `now`.
    public static func compose(
        course: CourseFolder, progress: StudentProgress, quizTotals: [String: Int], now: Date,
        reviewable: Set<String>? = nil,
        settings: TerminalSettings, renderMarkdown: (String) -> String
    ) -> String {
        let status = CourseStatus(
            course: course, progress: progress, quizTotals: quizTotals, now: now,
            reviewable: reviewable)
        let welcome = progress.welcomed ? nil : renderMarkdown(course.manifest.welcome)
        let final = status.isFinished && !progress.finishedShown ? renderMarkdown(course.manifest.final) : nil
        return compose(status: status, settings: settings, welcome: welcome, final: final)
    }

    /// One line per lesson when the width allows, two (title, then scores) when it does not.
    static func lessonLines(status: CourseStatus, draw: Drawing, width: Int) -> [String] {
        let numberWidth = String(status.lessons.map(\.number).max() ?? 1).count
        let scoreTexts = status.lessons.map { quizScoreText($0.quiz, draw: draw) }
        let scoreWidth = scoreTexts.map { DisplayWidth.of($0) }.max() ?? 0
        let exerciseTexts = status.lessons.map(exerciseText)
        let exerciseWidth = exerciseTexts.map { DisplayWidth.of($0) }.max() ?? 0
        let hasQuiz = status.lessons.contains { $0.quiz != nil }
        let hasExercises = status.lessons.contains { !$0.exercises.isEmpty }

        // Wide layout: mark, number, title column, quiz bar + score, exercise bar + count.
        // The bars give up cells (down to 4 and 2) before any title is cut short.
        let lead = 2 + numberWidth + 1
        let longestTitle = status.lessons.map { DisplayWidth.of($0.title) }.max() ?? 0
        var quizCells = 8
        var exerciseCells = 4
        func titleRoom() -> Int {
            let quizColumn = hasQuiz ? 2 + 5 + quizCells + 1 + scoreWidth : 0
            let exerciseColumn = hasExercises ? 2 + 3 + exerciseCells + 1 + exerciseWidth : 0
            return width - lead - quizColumn - exerciseColumn
        }
        while titleRoom() < longestTitle, quizCells > 4 || exerciseCells > 2 {
            if quizCells > 4 { quizCells -= 1 }
            if titleRoom() < longestTitle, exerciseCells > 2, quizCells <= 6 { exerciseCells -= 1 }
        }
        let quizColumn = hasQuiz ? 2 + 5 + quizCells + 1 + scoreWidth : 0
        let exerciseColumn = hasExercises ? 2 + 3 + exerciseCells + 1 + exerciseWidth : 0
        let titleRoom = titleRoom()

        var lines: [String] = []
        for (index, lesson) in status.lessons.enumerated() {
            let mark = lesson.read ? draw.paint(draw.readMark, .green) : draw.dim(draw.unreadMark)
            let number =
                String(repeating: " ", count: numberWidth - String(lesson.number).count) + String(lesson.number)
            let isNext = status.next.lessonNumber == lesson.number
            var stats: [String] = []
            if hasQuiz {
                if let quiz = lesson.quiz {
                    let fraction = quiz.total > 0 ? (quiz.best ?? 0) / Double(quiz.total) : 0
                    stats.append(
                        "quiz " + draw.bar(fraction, cells: quizCells) + " "
                            + TextFit.pad(scoreTexts[index], to: scoreWidth))
                } else {
                    stats.append(String(repeating: " ", count: quizColumn - 2))
                }
            }
            if hasExercises {
                if lesson.exercises.isEmpty {
                    stats.append(String(repeating: " ", count: exerciseColumn - 2))
                } else {
                    let solved = lesson.exercises.filter(\.solved).count
                    stats.append(
                        "ex "
                            + draw.bar(
                                Double(solved) / Double(lesson.exercises.count), cells: exerciseCells, color: .cyan)
                            + " " + TextFit.pad(exerciseTexts[index], to: exerciseWidth))
                }
            }
            // Titles are cut only when 40 columns remain for them: shorter, they wrap instead.
            if titleRoom >= min(longestTitle, 40) {
                let titleWidth = min(titleRoom, longestTitle)
                var title = TextFit.pad(
                    draw.truncate(lesson.title, to: titleWidth), to: titleWidth)
                if isNext { title = draw.bold(title) }
                let line = "\(mark) \(number) \(title)" + stats.map { "  " + $0 }.joined()
                lines.append(trimTrailingSpaces(line))
            } else {
                // Narrow layout: the title wraps under its number; the scores follow, indented.
                let indent = String(repeating: " ", count: lead)
                let titleWords = TextFit.words(lesson.title).map { isNext ? draw.bold($0) : $0 }
                lines += draw.wrap(
                    titleWords, width: width, first: "\(mark) \(number) ", rest: indent)
                let narrowStats = narrowStatsWords(
                    lesson, scoreText: scoreTexts[index], exerciseText: exerciseTexts[index],
                    draw: draw, width: width - lead)
                if !narrowStats.isEmpty {
                    lines += draw.wrap(
                        narrowStats, width: width, first: indent, rest: indent)
                }
            }
        }
        return lines
    }

    /// "5/6 last 4", "– of 6" before the first attempt.
    static func quizScoreText(_ quiz: QuizStatus?, draw: Drawing) -> String {
        guard let quiz else { return "" }
        guard let best = quiz.best else { return quiz.total > 0 ? "\(draw.dash)/\(quiz.total)" : draw.dash }
        var text = "\(formatPoints(best))/\(quiz.total)"
        if let last = quiz.last, last != best { text += " last \(formatPoints(last))" }
        return text
    }

    static func exerciseText(_ lesson: LessonStatus) -> String {
        lesson.exercises.isEmpty ? "" : "\(lesson.exercises.filter(\.solved).count)/\(lesson.exercises.count)"
    }

    /// Scores as wrap-able words for narrow screens, with bars scaled to the room.
    static func narrowStatsWords(
        _ lesson: LessonStatus, scoreText: String, exerciseText: String,
        draw: Drawing, width: Int
    ) -> [String] {
        var words: [String] = []
        let cells = max(3, min(6, (width - 24) / 2))
        if let quiz = lesson.quiz {
            let fraction = quiz.total > 0 ? (quiz.best ?? 0) / Double(quiz.total) : 0
            words += ["quiz", draw.bar(fraction, cells: cells)] + TextFit.words(scoreText)
        }
        if !lesson.exercises.isEmpty {
            let solved = lesson.exercises.filter(\.solved).count
            words += [
                "ex", draw.bar(Double(solved) / Double(lesson.exercises.count), cells: cells, color: .cyan),
                exerciseText,
            ]
        }
        return words
    }

    static func trimmedLines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.first?.allSatisfy(\.isWhitespace) == true { lines.removeFirst() }
        while lines.last?.allSatisfy(\.isWhitespace) == true { lines.removeLast() }
        return lines
    }

    static func trimTrailingSpaces(_ line: String) -> String {
        var line = line
        while line.hasSuffix(" ") { line.removeLast() }
        return line
    }
}

extension NextStep {
    /// The lesson this step belongs to, for highlighting on the home screen.
    var lessonNumber: Int? {
        switch self {
        case .read(let lesson, _), .quiz(let lesson, _, _): lesson
        default: nil
        }
    }
}
