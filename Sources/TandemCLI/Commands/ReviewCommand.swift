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
            Every question you have answered is in a Leitner box: a right answer moves it up a box \
            and further into the future (1, 3, 7, 16 days), a wrong one back to box 1 (due again in \
            ten minutes). Review asks the questions that are due, most overdue first; --all adds \
            the rest for early practice. Without a terminal, lists them instead.
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
        let store = ProgressStore(course: course)
        let now = Date()
        let queue = ReviewQueue.build(course: course, progress: try store.load(), now: now, limit: nil)
        let plan = ReviewPlan(queue: queue, now: now, limit: limit, includeNotDue: all)
        if json {
            Output.write(ReviewQueue.json(plan))
        } else if isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 {
            try ReviewSession(
                plan: plan, store: store, reader: TerminalLineReader(write: Output.write),
                settings: display.settings, write: Output.write
            ).run()
        } else {
            Output.write(ReviewQueue.listing(plan, settings: display.settings))
        }
    }
}
