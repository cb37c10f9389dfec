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

/// `tandem review [--all] [--limit N] [--json]`: spaced repetition over every question answered in
/// the course.
public struct ReviewCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review questions that are due (spaced repetition).",
        discussion: """
            Every question you have answered is scheduled by FSRS-6 (the Free Spaced Repetition \
            Scheduler, with its published default parameters): a wrong answer comes back in ten \
            minutes; a right one when your predicted recall falls to the course's target retention \
            (course.toml [review] target_retention, default 0.9), which stretches each time you \
            remember it. A partial answer, or a right one after the hint, counts as hard. Exercises \
            passed only after hints or the solution come back as "solve it again". --json shows each \
            item's due date, stability (days), difficulty (1-10) and retrievability (recall now).
            """)

    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp("Review at most this many questions (default 10).", valueName: "n"))
    public var limit: Int = 10

    @Flag(name: .long, help: "Include questions that are not due yet (early practice).")
    public var all = false

    @Flag(name: .long, help: "List the questions as JSON instead of reviewing.")
    public var json = false

    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions

    public init() {}

    public func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    public func run() throws {
        let course = try course.load()
        let (store, progress) = try ProgressStore.migrated(course: course)
        let now = Date()
        let queue = ReviewQueue.build(course: course, progress: progress, now: now, limit: nil)
        let plan = ReviewPlan(
            queue: queue, now: now, limit: limit, includeNotDue: all, scheduler: course.scheduler,
            exercises: ExerciseReviewItem.due(progress, now: now))
        if !json && isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            try ReviewSession(
                plan: plan, store: store, reader: TerminalLineReader(write: Output.write),
                settings: display.settings, write: Output.write
            ).run()
        } else {
            emit(
                json: json, pager: false, report: { ReviewQueue.listing(plan, settings: display.settings) },
                data: { ReviewQueue.json(plan) })
        }
    }
}
