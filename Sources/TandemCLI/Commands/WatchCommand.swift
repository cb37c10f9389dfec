import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: exercises. Placeholder until that work lands.
public struct WatchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "watch", abstract: "Re-check the current exercise whenever you save it.")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'watch' is not built yet")
    }
}
