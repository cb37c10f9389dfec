import ArgumentParser
import Course
import Foundation
import Terminal

// Owner: engine. Placeholder until that work lands.
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure the toy engine's training throughput (use a release build).")
    @OptionGroup public var course: CourseOptions
    public init() {}
    public func run() throws {
        throw CLIFailure("'bench' is not built yet")
    }
}
