import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: journey. Placeholder until that work lands.
public struct HomeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "home", abstract: "Where you are in the course and what to do next (the default).")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'home' is not built yet")
    }
}
