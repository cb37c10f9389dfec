import Course
import Foundation
import Terminal

/// Which quiz a command means: a lesson's, or any file.
public struct QuizTarget: Sendable, Equatable {
    public var url: URL
    /// Path printed in messages and reports (course-relative for lessons, as typed for `--file`).
    public var displayPath: String
    /// Key in `StudentProgress.quizzes`: the lesson slug, or `file:ABSOLUTE_PATH`.
    public var key: String
    public var title: String
    /// The command that takes this quiz again (shown when a run stops early): by lesson number,
    /// as the home screen names quizzes.
    public var command: String

    public static func lesson(_ lesson: LessonEntry, course: CourseFolder) throws(QuizRunError) -> QuizTarget {
        guard let url = course.quizFile(lesson) else {
            throw QuizRunError("lesson \(lesson.number) (\(lesson.slug)) has no quiz")
        }
        return QuizTarget(
            url: url, displayPath: course.relativePath(url), key: lesson.slug,
            title: "Quiz: \(lesson.number). \(lesson.title)", command: "tandem quiz \(lesson.number)")
    }

    public static func file(
        _ path: String, workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    ) -> QuizTarget {
        let url = URL(fileURLWithPath: path, relativeTo: workingDirectory).standardizedFileURL
        return QuizTarget(
            url: url, displayPath: path, key: "file:" + url.path, title: "Quiz: \(url.lastPathComponent)",
            command: "tandem quiz --file \(shellQuoted(path))")
    }

    /// `path` as a shell reads it back: unchanged when it is made of safe characters, otherwise in
    /// single quotes.
    static func shellQuoted(_ path: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./+,:@%=")
        if !path.isEmpty && path.allSatisfy(safe.contains) { return path }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// A failure with a one-line message (the command prints `tandem: MESSAGE`).
public struct QuizRunError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var code: Int32
    /// What to print before the message: the report of answers graded but not saved.
    public var output: String?
    public init(_ message: String, code: Int32 = 1, output: String? = nil) {
        self.message = message
        self.code = code
        self.output = output
    }
    public var description: String { message }
}

/// The non-interactive parts of `tandem quiz`, kept out of the command so tests call them directly.
public enum QuizRun {
    /// `--check`: every problem on its own line, then a summary. `failed` when any is an error.
    public static func check(url: URL, displayPath: String) -> (text: String, failed: Bool) {
        let result = QuizLoader.load(url, displayPath: displayPath)
        var lines = result.problems.map(\.description)
        let errors = result.errors.count
        let warnings = result.warnings.count
        if errors == 0 && warnings == 0 {
            lines.append(
                "\(displayPath): \(result.questionIDs.count) question\(result.questionIDs.count == 1 ? "" : "s"), no problems"
            )
        } else {
            lines.append(
                "\(displayPath): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
            )
        }
        return (lines.joined(separator: "\n") + "\n", errors > 0)
    }

    /// Loads a quiz to take or grade. A file that cannot be used at all throws its first error;
    /// questions with errors are left out, each reported through `warn`.
    public static func load(_ target: QuizTarget, warn: (String) -> Void) throws(QuizRunError) -> QuizFile {
        let result = QuizLoader.load(target.url, displayPath: target.displayPath)
        guard let quiz = result.quiz else {
            throw QuizRunError(result.errors.first?.description ?? "\(target.displayPath): no usable questions")
        }
        for problem in result.errors {
            warn(problem.description + " (question left out)")
        }
        return quiz
    }

    /// `--answers FILE`: grades the file, records the answers, and returns the report (text or JSON).
    /// Ids the quiz lacks are reported through `warn`.
    public static func gradeAnswers(
        quiz: QuizFile, target: QuizTarget, answersURL: URL, answersPath: String,
        store: ProgressStore?, settings: TerminalSettings, json: Bool, now: Date = Date(),
        scheduler: FSRSScheduler = .tandem(), warn: (String) -> Void
    ) throws(QuizRunError) -> String {
        let source: String
        switch QuizLoader.read(answersURL, displayPath: answersPath) {
        case .success(let text): source = text
        case .failure(let problem): throw QuizRunError(problem.description)
        }
        let answers: AnswersFile
        do {
            answers = try AnswersFile.parse(source, path: answersPath)
        } catch {
            throw QuizRunError(error.description)
        }
        let known = Set(quiz.questions.map(\.id))
        for id in answers.ids where !known.contains(id) {
            warn("\(answersPath): '\(TerminalText.excerpt(id))' is not a question of \(target.displayPath) (ignored)")
        }
        let report = QuizReport(quiz: quiz, answers: answers.answers)
        let output = json ? report.json.serialized() + "\n" : report.text(settings: settings)
        do {
            try store?.update {
                QuizRecorder.record(report, quizKey: target.key, now: now, scheduler: scheduler, in: &$0)
            }
        } catch {
            throw QuizRunError("the answers were graded but not recorded: \(error)", output: output)
        }
        return output
    }
}
