import ArgumentParser
import Course
import Exercises
import Foundation
import Terminal

/// `tandem hint [N]`: one more hint level for an exercise.
public struct HintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "hint", abstract: "Reveal the next hint for an exercise (default: the current one).")
    @Argument(help: "Exercise number, id or unique prefix.") public var exercise: String?
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}

    public func run() throws {
        let session = announcedExerciseSession(try course.load(), display.settings)
        guard let target = try exerciseOrFail(session, exercise) else {
            Output.line("Every exercise is solved: no hints needed.")
            return
        }
        do { Output.line(try session.hint(target)) } catch { throw CLIFailure("\(error)") }
    }
}
