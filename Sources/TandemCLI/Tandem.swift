import ArgumentParser
import Foundation
import Terminal

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

    /// Entry point used by the `tandem` executable: ignores SIGPIPE, prints our own one-line
    /// errors, and exits with the right status.
    public static func entry(_ arguments: [String]? = nil) -> Never {
        Output.ignoreSIGPIPE()
        // `--version` answers before ArgumentParser builds its command tree by reflection,
        // which costs milliseconds of start-up in a statically linked binary.
        if (arguments ?? Array(CommandLine.arguments.dropFirst())) == ["--version"] {
            Output.line(version)
            terminate(0)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            terminate(0)
        } catch let failure as CLIFailure {
            Output.error("tandem: \(failure.message)")
            terminate(failure.code)
        } catch {
            // Help and completion scripts print in full; a usage error gets one line naming what
            // is wrong (ArgumentParser would add the whole usage block), and a bare exit code
            // from a command that already explained itself exits quietly.
            let code = exitCode(for: error)
            let message = Self.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            if code == .success || message.isEmpty { exit(withError: error) }
            let firstLine = message.split(separator: "\n").first.map(String.init) ?? message
            Output.error(
                "tandem: \(firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine) (see --help)")
            terminate(code.rawValue)
        }
    }
}
