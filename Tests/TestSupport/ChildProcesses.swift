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
public struct CapturedRun: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `process` (executable, arguments and environment already set) with standard input from
/// /dev/null, reads both outputs to their end — stderr on its own thread, so neither pipe fills
/// up and blocks the child — and waits for it to exit.
public func runCapturingOutput(_ process: Process) throws -> CapturedRun {
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errData = DataBox()
    let reader = Thread { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
    reader.start()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !reader.isFinished { usleep(1000) }
    return CapturedRun(
        status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData.data, as: UTF8.self))
}

/// Bytes handed from the stderr reader thread to the waiting one (read only after it finished).
final class DataBox: @unchecked Sendable { var data = Data() }
