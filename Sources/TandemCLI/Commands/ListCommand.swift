import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: journey. Placeholder until that work lands.
public struct ListCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "list", abstract: "Every lesson, quiz and exercise with its status.")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'list' is not built yet")
    }
}
