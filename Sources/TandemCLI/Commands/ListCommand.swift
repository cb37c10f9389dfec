import ArgumentParser
import Course
import Foundation
import Journey
import Terminal

/// `tandem list`: every lesson, quiz and exercise with its status.
public struct ListCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every lesson, quiz and exercise with its status.")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    @Flag(name: .long, help: "Print JSON for scripts.") public var json = false
    public init() {}

    public func run() throws {
        let status = try JourneyState(options: course).status
        emit(
            json: json, pager: !display.noPager, report: { ListReport.text(status, settings: display.settings) },
            data: { ListReport.json(status) })
    }
}
