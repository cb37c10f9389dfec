import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: exercises. Placeholder until that work lands.
public struct ResetCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "reset", abstract: "Restore an exercise's starter file (your version is backed up).")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'reset' is not built yet")
    }
}
