import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: journey. Placeholder until that work lands.
public struct NextCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "next", abstract: "Do the next step: read, quiz, exercise or review.")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'next' is not built yet")
    }
}
