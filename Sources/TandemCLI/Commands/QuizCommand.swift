import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: quiz. Placeholder until that work lands.
public struct QuizCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "quiz", abstract: "Take a lesson's quiz, grade an answers file, or check a quiz file.")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'quiz' is not built yet")
    }
}
