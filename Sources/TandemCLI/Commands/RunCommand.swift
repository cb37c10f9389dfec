import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: demos. Placeholder until that work lands.
public struct RunCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a demo: cascade, ensemble, weak-to-strong, filter, distill, speculative.")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'run' is not built yet")
    }
}
