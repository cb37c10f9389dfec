import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a child process ended, with everything it printed.
public struct ProcessOutcome: Sendable {
    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
    }

    public var ending: Ending
    public var stdout: String
    public var stderr: String
    public var seconds: Double
}

public struct SubprocessError: Error, CustomStringConvertible {
    public var description: String
}

/// Runs a program to completion, killing it after `timeout` seconds. Output goes to temporary
/// files rather than pipes, so a chatty child can never block on a full pipe.
public func runProcess(
    _ executable: URL, _ arguments: [String], timeout: Double? = nil,
    environment: [String: String]? = nil, directory: URL? = nil
) throws -> ProcessOutcome {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-proc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("out")
    let errURL = scratch.appendingPathComponent("err")
    guard FileManager.default.createFile(atPath: outURL.path, contents: nil),
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
    else {
        throw SubprocessError(description: "cannot create temporary files in \(scratch.path)")
    }
    let out = try FileHandle(forWritingTo: outURL)
    let err = try FileHandle(forWritingTo: errURL)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    let start = Date()
    do {
        try process.run()
    } catch {
        throw SubprocessError(description: "cannot run \(executable.path): \(error.localizedDescription)")
    }
    var timedOut = false
    if let timeout {
        let deadline = start.addingTimeInterval(timeout)
        while process.isRunning {
            if Date() >= deadline {
                timedOut = true
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(10_000)
        }
    }
    process.waitUntilExit()
    try? out.close()
    try? err.close()
    let seconds = Date().timeIntervalSince(start)
    let stdout = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
    let stderr = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
    let ending: ProcessOutcome.Ending
    if timedOut {
        ending = .timedOut
    } else if process.terminationReason == .uncaughtSignal {
        ending = .signalled(process.terminationStatus)
    } else {
        ending = .exited(process.terminationStatus)
    }
    return ProcessOutcome(ending: ending, stdout: stdout, stderr: stderr, seconds: seconds)
}

/// `swift` on the PATH (through `env`, which searches it).
public let swiftDriver = URL(fileURLWithPath: "/usr/bin/env")
