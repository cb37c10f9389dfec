import ArgumentParser
import Course
import Foundation
import Terminal

extension ColorMode: ExpressibleByArgument {}

/// `--course DIR`: every subcommand accepts it.
public struct CourseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The folder holding content/course.toml (default: $TANDEM_COURSE, the nearest enclosing course, or tandem's own checkout).",
            valueName: "dir"))
    public var course: String?

    public init() {}

    /// Locates and loads the course, or fails with a one-line message.
    public func load() throws -> CourseFolder {
        do {
            let root = try CourseLocator.locate(explicit: course)
            return try CourseFolder.load(root: root)
        } catch {
            throw CLIFailure("\(error)")
        }
    }
}

/// Options of every command that prints Markdown or reports.
public struct DisplayOptions: ParsableArguments {
    @Option(
        name: .long, parsing: .unconditional,
        help: ArgumentHelp(
            "Columns to wrap to (default: $COLUMNS, else the terminal's width up to 100, else 80).", valueName: "n"))
    public var width: Int?

    @Option(name: .long, help: "When to use colour: auto (a terminal with NO_COLOR unset), always or never.")
    public var color: ColorMode = .auto

    @Flag(name: .long, help: "Never pipe long output through a pager.")
    public var noPager = false

    @Flag(name: .long, help: "Plain ASCII glyphs instead of Unicode bullets, bars and boxes.")
    public var ascii = false

    public init() {}

    public func validate() throws {
        if let width, width < 10 {
            throw ValidationError("--width must be at least 10 (got \(width)).")
        }
    }

    public var settings: TerminalSettings {
        TerminalSettings.resolve(width: width, color: color, ascii: ascii)
    }
}

/// A failure already explained to the student: printed as `tandem: MESSAGE`, exit `code`.
public struct CLIFailure: Error, CustomStringConvertible {
    public var message: String
    public var code: Int32

    public init(_ message: String, code: Int32 = 1) {
        self.message = message
        self.code = code
    }

    public var description: String { message }
}
