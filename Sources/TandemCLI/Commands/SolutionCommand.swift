import ArgumentParser
import Course
import Exercises
import Foundation
import Terminal

/// `tandem solution N`: the reference solution, once the exercise passes (or with --force).
public struct SolutionCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "solution", abstract: "Show an exercise's reference solution once it passes.")
    @Argument(help: "Exercise number, id or unique prefix.") public var exercise: String?
    @Flag(name: .long, help: "Show it before the exercise passes (asks first).") public var force = false
    @Flag(name: .long, help: "Do not ask for confirmation.") public var yes = false
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}

    public func run() throws {
        let session = announcedExerciseSession(try course.load(), display.settings)
        guard let target = try exerciseOrFail(session, exercise) else {
            throw CLIFailure("every exercise is solved; name one: tandem solution N")
        }
        let solved = try session.store.load().exercises[target.id]?.solved == true
        if force && !solved,
            !(try confirm("Exercise \(target.number) has not passed yet. Show the solution anyway?", yes: yes))
        {
            Output.line(
                CheckReport(settings: session.settings).wrap(
                    "Not shown. tandem hint \(target.number) may help instead."))
            return
        }
        do {
            Output.page(try session.solution(target, force: force), allowPager: !display.noPager)
        } catch {
            throw CLIFailure("\(error)")
        }
    }
}
