import Foundation
import Terminal
import Testing

@testable import Lessons

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct LiveRunnerTests {
    /// A stand-in for tandem's executable: prints its arguments one per line and exits as told.
    func fakeExecutable(_ body: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent("fake-tandem")
        // Written through a close-on-exec descriptor: tests run in parallel, and a child another
        // test spawns must not inherit this file open for writing, or exec'ing it fails with
        // "Text file busy" (ETXTBSY).
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        let bytes = Array(("#!/bin/sh\n" + body + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
        return url
    }

    @Test func passesArgumentsWidthColourAndCourseWithoutAShell() throws {
        let exe = try fakeExecutable(#"for a in "$@"; do echo "[$a]"; done; pwd; echo oops >&2; exit 3"#)
        let runner = LiveRunner(executable: exe, timeout: 10, courseRoot: URL(fileURLWithPath: "/some/course"))
        let command = try LiveCommand.parse(["run cascade 'a b' '$(touch x)'"])
        let result = runner.run(
            command, settings: TerminalSettings(width: 58, color: true), in: exe.deletingLastPathComponent())
        #expect(result.exitCode == 3)
        #expect(!result.succeeded)
        #expect(result.errorOutput == "oops\n")
        #expect(result.failureSummary == "exit 3: oops")
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(
            Array(lines.dropLast()) == [
                "[run]", "[cascade]", "[a b]", "[$(touch x)]", "[--width]", "[58]", "[--color]", "[always]",
                "[--no-pager]", "[--course]", "[/some/course]",
            ])
        #expect(
            lines.last.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
                == exe.deletingLastPathComponent().standardizedFileURL.path)
    }

    @Test func aHangingCommandTimesOut() throws {
        let exe = try fakeExecutable("echo started; exec sleep 30")
        let runner = LiveRunner(executable: exe, timeout: 0.5)
        let start = Date()
        let result = runner.run(LiveCommand(arguments: ["run", "slow"]), settings: TerminalSettings(width: 80))
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(result.timedOut)
        #expect(result.output == "started\n")
        #expect(result.failureSummary == "timed out")
    }

    @Test func aMissingExecutableIsReportedNotFatal() {
        let runner = LiveRunner(executable: URL(fileURLWithPath: "/nonexistent/tandem"))
        let result = runner.run(LiveCommand(arguments: ["run"]), settings: TerminalSettings())
        #expect(result.launchError != nil)
        #expect(!result.succeeded)
    }
}
