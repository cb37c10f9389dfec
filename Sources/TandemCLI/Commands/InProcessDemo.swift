import ArgumentParser
import Lessons
import Terminal

/// Runs a demo command in this process and returns what it printed: how `tandem lint` re-checks
/// the numbers a lesson quotes from a live run (`LiveNumberMarker`). The command goes through the
/// same parser and `run()` as on the command line, so the numbers checked are exactly what
/// `tandem run … --json` prints, without starting a process per marker.
enum InProcessDemo {
    @Sendable static func run(_ arguments: [String]) -> Result<String, LiveNumberRunFailure> {
        guard arguments.first == "run" else { return .failure(LiveNumberRunFailure("only `run` commands are checked")) }
        do {
            var command = try Tandem.parseAsRoot(arguments)
            let text = try Output.capturing { try command.run() }
            return .success(text)
        } catch {
            let message = Tandem.message(for: error).trimmingCharacters(in: .whitespacesAndNewlines)
            let firstLine =
                message.split(separator: "\n").first.map(String.init) ?? "exit \(Tandem.exitCode(for: error))"
            return .failure(
                LiveNumberRunFailure(firstLine.hasPrefix("Error: ") ? String(firstLine.dropFirst(7)) : firstLine))
        }
    }
}
