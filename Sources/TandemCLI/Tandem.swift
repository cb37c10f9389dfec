import ArgumentParser
import Course
import Foundation
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The root command. Each subcommand lives in `Commands/` and keeps its `run()` to a few lines
/// over the libraries.
public struct Tandem: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "tandem",
        abstract: "A terminal course companion on combining small and large models.",
        discussion: """
            Run `tandem` to see where you are and what to do next, or `tandem next` to do it.
            """,
        version: Tandem.version,
        subcommands: [
            HomeCommand.self, NextCommand.self, ListCommand.self, ReadCommand.self, QuizCommand.self,
            ReviewCommand.self, SearchCommand.self,
            CheckCommand.self, HintCommand.self, ResetCommand.self, SolutionCommand.self, WatchCommand.self,
            RunCommand.self, ProgressCommand.self, RenderCommand.self, LintCommand.self, BenchCommand.self,
            DevCommand.self,
        ],
        defaultSubcommand: HomeCommand.self
    )

    public init() {}

    /// Entry point used by the `tandem` executable: ignores SIGPIPE, reopens closed standard
    /// streams, prints our own one-line errors, and exits with the right status. The only place
    /// the process ends: a reader that went away (`| head`) ends it quietly with 0, any other
    /// failed write to stdout with one line on stderr and status 1.
    public static func entry(_ arguments: [String]? = nil) -> Never {
        Output.ignoreSIGPIPE()
        Output.secureStandardStreams()
        Output.onStdoutFailure { failure in
            if failure == .readerGone { terminate(0) }
            Output.error("tandem: \(failure.message)")
            terminate(1)
        }
        let arguments = arguments ?? Array(CommandLine.arguments.dropFirst())
        // `--version` answers before ArgumentParser builds its command tree by reflection,
        // which costs milliseconds of start-up in a statically linked binary.
        if arguments == ["--version"] {
            Output.line(version)
            finish(0)
        }
        if let unknown = unknownHelpTopic(arguments) {
            Output.error(
                "tandem: no command '\(TerminalText.excerpt(unknown, limit: 40))' to show help for (see tandem --help)")
            finish(64)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            finish(0)
        } catch let failure as CLIFailure {
            Output.error("tandem: \(TerminalText.oneLine(failure.message))")
            finish(failure.code)
        } catch let failure as ProgressError {
            // A progress file that cannot be read or saved, from any command.
            Output.error("tandem: \(TerminalText.oneLine(failure.description))")
            finish(1)
        } catch {
            // Help and completion scripts print in full; a usage error gets one line naming what
            // is wrong (ArgumentParser would add the whole usage block), and a bare exit code
            // from a command that already explained itself exits quietly.
            let code = exitCode(for: error)
            let message = Self.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            if message.isEmpty { finish(code.rawValue) }
            if code == .success {
                Output.write(fullMessage(for: error) + "\n")
                finish(0)
            }
            var firstLine = message.split(separator: "\n").first.map(String.init) ?? message
            // A negative number where a lesson or exercise goes (`tandem read -1`) looks like an
            // option to ArgumentParser: read it as the number it is, and give the range.
            if let number = Self.negativeNumberTakenForAnOption(firstLine) {
                firstLine = "\(number) is out of range: lesson and exercise numbers start at 1"
            }
            Output.error(
                "tandem: \(TerminalText.oneLine(firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine)) (see --help)"
            )
            finish(code.rawValue)
        }
    }

    /// Ends the process, first failing if stdout could not be written (the handler exits then).
    private static func finish(_ code: Int32) -> Never {
        if let failure = Output.stdoutFailure, failure != .readerGone {
            Output.error("tandem: \(failure.message)")
            terminate(code == 0 ? 1 : code)
        }
        terminate(code)
    }

    /// `-5` from ArgumentParser's "Unknown option '-5'".
    static func negativeNumberTakenForAnOption(_ message: String) -> String? {
        guard let start = message.range(of: "Unknown option '") else { return nil }
        let token = message[start.upperBound...].prefix { $0 != "'" }
        guard token.count > 1, token.first == "-", Double(token) != nil else { return nil }
        return String(token)
    }

    /// The name after `tandem help` (or `help` after a subcommand) that names no command.
    /// ArgumentParser prints the root help for it and exits 0; an unknown topic is a usage error.
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard let helpIndex = arguments.firstIndex(of: "help") else { return nil }
        var command: ParsableCommand.Type = Tandem.self
        for argument in arguments[..<helpIndex] {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else {
                return nil  // `help` is an argument value here, not the help command
            }
            command = sub
        }
        for topic in arguments[(helpIndex + 1)...] where !topic.hasPrefix("-") {
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == topic }) else {
                return topic
            }
            command = sub
        }
        return nil
    }
}

/// Ends the process with `code` (a name that does not collide with ArgumentParser's `exit`).
func terminate(_ code: Int32) -> Never {
    #if canImport(Glibc)
        Glibc.exit(code)
    #else
        Darwin.exit(code)
    #endif
}
