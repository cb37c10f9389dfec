import ArgumentParser
import Course
import Foundation
import Journey
import Terminal
import TerminalMarkdown

/// `tandem next`: does the next step by running that step's command in this process.
public struct NextCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "next", abstract: "Do the next step: read, quiz, exercise or review.")
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
                Output.write("\n" + CourseMessage.render(journey.course.manifest.final, settings: settings))
            }
            try journey.recordMessagesShown()
            return
        }
        // Say what is being started, on stderr so the step's own output stays clean.
        Output.error(
            TextWrap.wrap(
                "tandem next: \(step.command) (\(step.summary))", width: display.settings.width,
                indent: "", hang: "  "
            ).joined(separator: "\n"))
        var command = try Self.parseStep(
            Self.arguments(for: step), courseRoot: journey.course.root.path,
            display: display.arguments)
        // A newcomer whose first command is `tandem next` still gets the welcome: on the lesson's
        // own page when the step is reading (a pager would otherwise scroll it away), else first.
        let welcome = Self.welcome(journey.course, progress: journey.progress, settings: display.settings)
        try Self.runStep(afterwards: {
            // Say what comes after the step, so `tandem next` alone leads on.
            if let after = try? JourneyState(options: course).status.next {
                Output.error(Self.afterwards(after, width: display.settings.width))
            }
        }) {
            if let read = command as? ReadCommand {
                try read.run(preface: welcome)
                if !welcome.isEmpty { try journey.recordMessagesShown() }
            } else {
                if !welcome.isEmpty {
                    Output.write(welcome)
                    try journey.recordMessagesShown()
                }
                try command.run()
            }
        }
    }

    /// Runs a step, then `afterwards`, also when the step ran but did not succeed (a check that
    /// fails exits non-zero: the student edits and types `tandem next` again, and is told so).
    /// A step that could not run at all (a one-line error) ends with its error alone.
    static func runStep(afterwards: () -> Void, _ step: () throws -> Void) throws {
        do {
            try step()
        } catch let exit as ExitCode {
            afterwards()
            throw exit
        }
        afterwards()
    }

    /// The course's welcome, rendered, for a student who has not seen it yet; else "".
    static func welcome(_ course: CourseFolder, progress: StudentProgress, settings: TerminalSettings) -> String {
        guard !progress.welcomed, !course.manifest.welcome.isEmpty else { return "" }
        return CourseMessage.render(course.manifest.welcome, settings: settings) + "\n"
    }

    /// The step's command line. A review asks the questions that are due, as `tandem review` does,
    /// but all of them (not review's default first 10), so the step does what its summary says.
    static func arguments(for step: NextStep) -> [String] {
        if case .review(let due) = step { return step.arguments + ["--limit", String(due)] }
        return step.arguments
    }

    /// The line printed after a step: what `tandem next` will do next time.
    static func afterwards(_ next: NextStep, width: Int) -> String {
        let text =
            next == .done
            ? "Then: nothing left to do. Run tandem to see your results."
            : "Then: \(next.command) (\(next.summary)), or just tandem next."
        return TextWrap.wrap(text, width: width, indent: "", hang: "  ").joined(separator: "\n")
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
