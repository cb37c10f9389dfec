import ArgumentParser
import Course
import Exercises
import Foundation
import Terminal

/// `tandem watch`: re-check the current exercise on every save.
public struct WatchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-check the current exercise whenever you save it (n next, h hint, l list, q quit).")
    @OptionGroup public var limit: CheckTimeLimit
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}

    public func run() throws {
        let loaded = try course.load()
        if let reason = Watcher.unavailableReason(
            stdinIsTTY: isatty(STDIN_FILENO) == 1, stdoutIsTTY: isatty(STDOUT_FILENO) == 1)
        {
            throw CLIFailure(reason)
        }
        let times = try explained {
            try Watcher(
                session: ExerciseSession(course: loaded, settings: display.settings), timeLimit: limit.timeLimit
            )
            .run()
        }
        if !times.isEmpty {
            let sorted = times.sorted()
            Output.line(
                String(
                    format: "Save to verdict: median %.1f s over %d check(s).", sorted[sorted.count / 2], times.count))
        }
    }
}
