import ArgumentParser
import Course
import Foundation
import Journey
import Terminal
import TerminalMarkdown

/// `tandem next`: does the next step by running that step's command in this process.
public struct NextCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "next", abstract: "Do the next step: read, quiz, exercise or review.")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}

    public func run() throws {
        let journey = try JourneyState(options: course)
        let step = journey.status.next
        if step == .done {
            let settings = display.settings
            Output.line(step.summary + ".")
            if !journey.course.manifest.final.isEmpty {
                Output.write("\n" + MarkdownRenderer(settings: settings).render(journey.course.manifest.final))
            }
            journey.recordMessagesShown()
            return
        }
        // A newcomer whose first command is `tandem next` still gets the welcome.
        if !journey.progress.welcomed, !journey.course.manifest.welcome.isEmpty {
            Output.write(MarkdownRenderer(settings: display.settings).render(journey.course.manifest.welcome) + "\n")
            journey.recordMessagesShown()
        }
        // Say what is being started, on stderr so the step's own output stays clean.
        Output.error(TextWrap.wrap("tandem next: \(step.command) (\(step.summary))", width: display.settings.width,
                                   indent: "", hang: "  ").joined(separator: "\n"))
        var command = try Self.parseStep(step.arguments, courseRoot: journey.course.root.path, display: display.arguments)
        try command.run()
    }

    /// Parses the step's command with `--course` and the display options passed on; a command
    /// that does not take display options gets the step without them.
    static func parseStep(_ step: [String], courseRoot: String, display: [String]) throws -> ParsableCommand {
        let base = step + ["--course", courseRoot]
        if !display.isEmpty, let command = try? Tandem.parseAsRoot(base + display) { return command }
        do {
            return try Tandem.parseAsRoot(base)
        } catch {
            throw CLIFailure("cannot start '\(step.joined(separator: " "))': \(Tandem.message(for: error))")
        }
    }
}
