import ArgumentParser
import Course
import Exercises
import Foundation
import Terminal

/// `tandem reset N | --all`: restore pristine starters, backing up the student's versions.
public struct ResetCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "reset", abstract: "Restore an exercise's starter (your version is backed up first).")
    @Argument(help: "Exercise number, id or unique prefix.") public var exercise: String?
    @Flag(name: .long, help: "Reset every exercise (asks first).") public var all = false
    @Flag(name: .long, help: "Do not ask for confirmation.") public var yes = false
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}

    public func validate() throws {
        if all == (exercise != nil) { throw ValidationError("Name one exercise, or pass --all.") }
    }

    public func run() throws {
        let session = announcedExerciseSession(try course.load(), display.settings)
        var targets = session.exercises
        if let exercise, let one = try exerciseOrFail(session, exercise) { targets = [one] }
        if all,
            !(try confirm(
                "Reset all \(targets.count) exercises to their starters (your versions are backed up)?", yes: yes))
        {
            Output.line("Nothing reset.")
            return
        }
        let resetter = Resetter(layout: session.layout)
        for target in targets {
            do {
                let outcome = try resetter.reset(target)
                let saved = outcome.backup.map { "; your version is saved in \(session.paths.show($0))" } ?? ""
                Output.line(
                    CheckReport(settings: session.settings).wrap("Reset \(session.displayPath(target))\(saved)."))
            } catch {
                throw CLIFailure("\(error)")
            }
        }
    }
}
