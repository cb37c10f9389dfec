import Foundation

/// The `tandem` executable SwiftPM builds with the tests: beside the test bundle or in a folder
/// above it, else `.build/debug/tandem` in this checkout; nil when it has not been built (a test
/// target that does not depend on `tandem` may run before it exists).
public let builtTandem: URL? = {
    var candidates: [URL] = []
    if let bundle = Bundle.main.executableURL?.resolvingSymlinksInPath() {
        var folder = bundle.deletingLastPathComponent()
        while folder.path != "/" {
            candidates.append(folder.appendingPathComponent("tandem"))
            folder = folder.deletingLastPathComponent()
        }
    }
    candidates.append(checkoutRoot.appendingPathComponent(".build/debug/tandem"))
    return candidates.first { url in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }
}()

/// How a child process ended and everything it wrote.
public struct CapturedRun: Sendable, CustomStringConvertible {
    public var status: Int32
    /// The bytes as written (a test of invalid UTF-8 needs them undecoded).
    public var outputBytes: Data
    public var errorBytes: Data
    /// True when the run outlived its timeout and was terminated.
    public var timedOut = false

    public var stdout: String { String(decoding: outputBytes, as: UTF8.self) }
    public var stderr: String { String(decoding: errorBytes, as: UTF8.self) }
    public var description: String {
        "CapturedRun(status: \(status), timedOut: \(timedOut), stdout: \(stdout.debugDescription), stderr: \(stderr.debugDescription))"
    }
}

/// Runs `process` (executable, arguments and environment already set) with standard input from
/// `input` (nil: /dev/null), reads both outputs to their end — each on its own thread, so neither
/// pipe fills up and blocks the child — and waits for it to exit. With a `timeout`, a child still
/// running after that many seconds is terminated and the run marked `timedOut`.
public func runCapturingOutput(_ process: Process, input: Data? = nil, timeout: TimeInterval? = nil) throws
    -> CapturedRun
{
    let out = Pipe()
    let err = Pipe()
    let inputPipe = input == nil ? nil : Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = inputPipe ?? FileHandle.nullDevice
    try process.run()
    let outData = DataBox()
    let errData = DataBox()
    var workers = [
        Thread { outData.data = out.fileHandleForReading.readDataToEndOfFile() },
        Thread { errData.data = err.fileHandleForReading.readDataToEndOfFile() },
    ]
    if let input, let writer = inputPipe?.fileHandleForWriting {
        // `write(contentsOf:)` throws rather than traps when the child has closed its input.
        workers.append(
            Thread {
                try? writer.write(contentsOf: input)
                try? writer.close()
            })
    }
    for worker in workers { worker.start() }
    var timedOut = false
    if let timeout {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            process.terminate()
            timedOut = true
        }
    }
    process.waitUntilExit()
    while workers.contains(where: { !$0.isFinished }) { usleep(1000) }
    return CapturedRun(
        status: process.terminationStatus, outputBytes: outData.data, errorBytes: errData.data, timedOut: timedOut)
}

/// Bytes handed from a reader thread to the waiting one (read only after it finished).
final class DataBox: @unchecked Sendable { var data = Data() }
