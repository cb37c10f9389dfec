import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: quiz. Placeholder until that work lands.
public struct ReviewCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "review", abstract: "Review questions that are due (spaced repetition).")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'review' is not built yet")
    }
}
