import ChildProcess
import Foundation

/// How a child process ended, with everything it printed (the runner's outcome).
public typealias ProcessOutcome = ChildProcess.Outcome

/// Runs a program to completion through the one child-process runner, its output captured
/// (or, with `output: .inherit`, going straight to the terminal). `reportChannel` gives a checker
/// its private verdict channel (see CheckKit). Fails with an `ExerciseError` when it cannot start.
func runProcess(
    _ executable: URL, _ arguments: [String], timeout: Double? = nil, inactivity: Double? = nil,
    output: ChildProcess.Stream = .capture, reportChannel: Bool = false,
    observe: (@Sendable (Bool, String) -> ChildProcess.Verdict)? = nil
) throws -> ProcessOutcome {
    var child = ChildProcess(executable, arguments)
    child.stdout = output
    child.stderr = output
    child.timeLimit = timeout
    child.inactivityLimit = inactivity
    child.reportChannel = reportChannel
    child.observe = observe
    do {
        return try child.run()
    } catch let error as ChildProcessError {
        throw ExerciseError(error.description)
    }
}

/// `swift` on the PATH (through `env`, which searches it and exits 127 when it is not there).
public let swiftDriver = URL(fileURLWithPath: "/usr/bin/env")
