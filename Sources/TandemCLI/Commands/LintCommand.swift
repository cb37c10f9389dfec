import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: journey. Placeholder until that work lands.
public struct LintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "lint", abstract: "Check the whole course: manifest, lessons, live examples, quizzes, links.")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'lint' is not built yet")
    }
}
