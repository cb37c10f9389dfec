import ArgumentParser
import Course
import Foundation
import Quiz
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `tandem quiz LESSON | --file PATH [--answers FILE [--json]] | --check PATH`.
public struct QuizCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take a lesson's quiz, grade an answers file, or check a quiz file.",
        discussion: """
            In a terminal the quiz is interactive: one question at a time, ? for a hint, Ctrl-D or \
            Ctrl-C to stop (answers are kept and the next run offers to resume). Elsewhere, pass \
            --answers FILE: a TOML file keyed by question id (id = "B", id = true, id = 0.6, \
            id = ["A", "C"], id = { doesCompile = true, stdout = "5" }).
            """)

    @Argument(help: ArgumentHelp("The lesson: a number, slug or unique prefix of a slug.", valueName: "lesson"))
    public var lesson: String?

    @Option(name: .long, help: ArgumentHelp("Take the quiz in this file instead of a lesson's.", valueName: "path"))
    public var file: String?

    @Option(name: .long, help: ArgumentHelp("Grade this TOML answers file and print a report.", valueName: "file"))
    public var answers: String?

    @Flag(name: .long, help: "With --answers or --last: print the report as JSON.")
    public var json = false

    @Flag(
        name: .long,
        help: "Show the last attempt again: each answer beside the right one, why not the others, what to reread.")
    public var last = false

    @Option(
        name: .long,
        help: ArgumentHelp("Check a quiz file for problems (exit 1 when there are any).", valueName: "path"))
    public var check: String?

    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions

    public init() {}

    public func validate() throws {
        let modes = [lesson != nil, file != nil, check != nil].filter { $0 }.count
        if modes != 1 { throw ValidationError("Name one quiz: a LESSON, --file PATH or --check PATH.") }
        if json && answers == nil && !last { throw ValidationError("--json goes with --answers FILE or --last.") }
        if last && (answers != nil || check != nil) {
            throw ValidationError("--last does not take --answers or --check.")
        }
        if check != nil && answers != nil { throw ValidationError("--check does not take --answers.") }
    }

    public func run() throws {
        if let check {
            let result = QuizRun.check(url: URL(fileURLWithPath: check), displayPath: check)
            Output.write(result.text)
            if result.failed { throw ExitCode(1) }
            return
        }
        let course = try course.load()
        do {
            let target = try resolveTarget(course)
            let quiz = try QuizRun.load(target) { Output.error("tandem: " + TerminalText.oneLine($0)) }
            let (store, progress) = try ProgressStore.migrated(course: course)
            let entry = lesson.flatMap { try? course.lessonResolver.resolve($0) }
            let lessonMarkdown = entry.flatMap { try? String(contentsOf: course.lessonFile($0), encoding: .utf8) }
            if last {
                let screen = ReviewScreen(
                    quiz: quiz, answers: progress.quizzes[target.key]?.lastRun ?? [],
                    lessonNumber: entry?.number, lessonMarkdown: lessonMarkdown, settings: display.settings)
                if screen.entries.isEmpty && !json {
                    throw QuizRunError("no answers recorded for this quiz yet: take it with \(target.command)")
                }
                return emit(json: json, pager: false, report: screen.text, data: screen.json)
            }
            if let answers {
                Output.write(
                    try QuizRun.gradeAnswers(
                        quiz: quiz, target: target, answersURL: URL(fileURLWithPath: answers), answersPath: answers,
                        store: store, settings: display.settings, json: json, scheduler: course.scheduler
                    ) { Output.error("tandem: warning: " + TerminalText.oneLine($0)) })
                return
            }
            guard isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 else {
                throw QuizRunError(
                    "not a terminal: pass --answers FILE to grade an answers file (see tandem quiz --help)", code: 2)
            }
            let reader = TerminalLineReader(write: Output.write)
            _ = try QuizSession(
                quiz: quiz, quizKey: target.key, title: target.title, store: store, reader: reader,
                settings: display.settings, resumeCommand: target.command, scheduler: course.scheduler,
                lessonNumber: entry?.number, lessonMarkdown: lessonMarkdown, write: Output.write
            ).run()
        } catch let error as QuizRunError {
            if let output = error.output { Output.write(output) }
            throw CLIFailure(error.message, code: error.code)
        }
    }

    private func resolveTarget(_ course: CourseFolder) throws -> QuizTarget {
        guard let lesson else { return QuizTarget.file(file ?? "") }
        do {
            return try QuizTarget.lesson(course.lessonResolver.resolve(lesson), course: course)
        } catch let error as ResolveError {
            throw QuizRunError(error.message)
        }
    }
}
