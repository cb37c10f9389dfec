import ChildProcess
import Foundation
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What running a live block gave.
public struct LiveResult: Sendable, Equatable {
    public var exitCode: Int32
    public var output: String
    public var errorOutput: String
    public var timedOut: Bool
    /// Set when the command could not be started at all.
    public var launchError: String?

    public init(
        exitCode: Int32, output: String, errorOutput: String = "", timedOut: Bool = false, launchError: String? = nil
    ) {
        self.exitCode = exitCode
        self.output = output
        self.errorOutput = errorOutput
        self.timedOut = timedOut
        self.launchError = launchError
    }

    public var succeeded: Bool { exitCode == 0 && !timedOut && launchError == nil }

    /// One line saying why it failed, for lint and for the inline error.
    public var failureSummary: String {
        if let launchError { return "could not start: \(launchError)" }
        if timedOut { return "timed out" }
        let firstLine =
            errorOutput.split(separator: "\n").first { !$0.trimmingWhitespace().isEmpty }
            ?? output.split(separator: "\n").last { !$0.trimmingWhitespace().isEmpty }
        return "exit \(exitCode)" + (firstLine.map { ": " + $0.trimmingWhitespace() } ?? "")
    }
}

/// Runs live commands as a subprocess of tandem's own executable, with explicit arguments (never a
/// shell), the reading width and colour passed through, and a time limit.
public struct LiveRunner: Sendable {
    public var executable: URL
    public var timeout: TimeInterval
    /// Passed as `--course` so the command sees the same course.
    public var courseRoot: URL?
    /// Caps what is kept of a command's output.
    public var outputLimit = 256 * 1024

    public init(executable: URL, timeout: TimeInterval = 30, courseRoot: URL? = nil) {
        self.executable = executable
        self.timeout = timeout
        self.courseRoot = courseRoot
    }

    /// tandem's own executable: `/proc/self/exe` where there is one, else `argv[0]`.
    public static func currentExecutable() -> URL {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: resolved)
        }
        let argument0 = CommandLine.arguments.first ?? "tandem"
        if argument0.contains("/") { return URL(fileURLWithPath: argument0).standardizedFileURL }
        // Found on PATH: look it up the way the shell did.
        let found = executableOnPath(argument0, path: ProcessInfo.processInfo.environment["PATH"] ?? "")
        return URL(fileURLWithPath: found ?? argument0)
    }

    /// The full argument list: the command's, then `--width`, `--color`, `--ascii`, `--no-pager`
    /// and `--course` (after the command's, so the reading width wins).
    public func arguments(for command: LiveCommand, settings: TerminalSettings) -> [String] {
        var arguments = command.arguments
        if arguments.contains("--") { return arguments }
        arguments += ["--width", String(settings.width), "--color", settings.color ? "always" : "never", "--no-pager"]
        if settings.ascii { arguments.append("--ascii") }
        if let courseRoot, !command.arguments.contains(where: { $0 == "--course" || $0.hasPrefix("--course=") }) {
            arguments += ["--course", courseRoot.path]
        }
        return arguments
    }

    /// Runs `command` in `directory` (relative paths in the block are relative to the lesson).
    public func run(_ command: LiveCommand, settings: TerminalSettings, in directory: URL? = nil) -> LiveResult {
        var child = ChildProcess(executable, arguments(for: command, settings: settings))
        child.directory = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = nil
        child.environment = environment
        child.timeLimit = timeout
        child.outputLimit = outputLimit
        let outcome: ChildProcess.Outcome
        do {
            outcome = try child.run()
        } catch {
            return LiveResult(exitCode: -1, output: "", launchError: "\(error)")
        }
        var output = outcome.stdout
        var errorOutput = outcome.stderr
        if outcome.truncated {
            let note = "\n[output cut at \(outputLimit / 1024) KB]\n"
            if output.utf8.count >= outputLimit { output += note }
            if errorOutput.utf8.count >= outputLimit { errorOutput += note }
        }
        let exitCode: Int32
        switch outcome.ending {
        case .exited(let code): exitCode = code
        case .signalled(let signal): exitCode = 128 + signal
        case .timedOut, .inactive, .stopped: exitCode = -1
        }
        return LiveResult(
            exitCode: exitCode, output: output, errorOutput: errorOutput,
            timedOut: outcome.ending == .timedOut)
    }
}
