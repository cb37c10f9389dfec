import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: exercises. Placeholder until that work lands.
public struct HintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "hint", abstract: "Reveal the next hint for an exercise.")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'hint' is not built yet")
    }
}
