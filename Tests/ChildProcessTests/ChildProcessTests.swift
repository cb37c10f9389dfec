import Foundation
import Testing

@testable import ChildProcess

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Real children through /bin/sh: exit codes, signals, large output on both streams, the
/// report channel, timeouts that take the whole process group, and the observer.
@Suite struct ChildProcessTests {
    func shell(_ script: String) -> ChildProcess {
        ChildProcess(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
    }

    @Test func exitStatusAndSignalAreReported() throws {
        #expect(try shell("exit 3").run().ending == .exited(3))
        #expect(try shell("kill -SEGV $$").run().ending == .signalled(SIGSEGV))
    }

    @Test func startFailureIsAnErrorNamingTheProgram() {
        let child = ChildProcess(URL(fileURLWithPath: "/nonexistent/program"))
        #expect(throws: ChildProcessError.self) { try child.run() }
        do {
            _ = try child.run()
        } catch {
            #expect("\(error)".contains("/nonexistent/program"))
        }
    }

    @Test func severalMegabytesOnBothStreamsDoNotDeadlock() throws {
        // 4 MB to stdout and 4 MB to stderr, interleaved: far beyond any pipe buffer.
        var child = shell(
            "i=0; while [ $i -lt 64 ]; do head -c 65536 /dev/zero | tr '\\0' o; head -c 65536 /dev/zero | tr '\\0' e >&2; i=$((i+1)); done"
        )
        child.timeLimit = 60
        let outcome = try child.run()
        #expect(outcome.ending == .exited(0))
        #expect(outcome.stdout.utf8.count == 64 * 65536)
        #expect(outcome.stderr.utf8.count == 64 * 65536)
        #expect(outcome.stdout.utf8.allSatisfy { $0 == UInt8(ascii: "o") })
        #expect(!outcome.truncated)
    }

    @Test func outputBeyondTheLimitIsDrainedAndMarked() throws {
        var child = shell("head -c 3000000 /dev/zero")
        child.outputLimit = 1000
        let outcome = try child.run()
        #expect(outcome.ending == .exited(0))
        #expect(outcome.stdout.utf8.count == 1000)
        #expect(outcome.truncated)
    }

    @Test func reportChannelIsSeparateFromStdout() throws {
        var child = shell(#"echo "fake on stdout"; echo "real on $TANDEM_REPORT_FD" >&3"#)
        child.reportChannel = true
        let outcome = try child.run()
        #expect(outcome.stdout == "fake on stdout\n")
        #expect(outcome.report == "real on 3\n")
        // Without the channel, descriptor 3 is not open in the child.
        let plain = try shell(#"echo x >&3 || echo closed"#).run()
        #expect(plain.stdout.contains("closed"))
        #expect(plain.report.isEmpty)
    }

    @Test func timeoutKillsTheWholeProcessGroup() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-grandchild-\(UUID())")
        defer { try? FileManager.default.removeItem(at: marker) }
        // A grandchild that would write the marker after 2 s if it survived the kill.
        var child = shell("(sleep 2; touch '\(marker.path)') & sleep 30")
        child.timeLimit = 0.5
        let start = Date()
        let outcome = try child.run()
        #expect(outcome.ending == .timedOut)
        #expect(Date().timeIntervalSince(start) < 5)
        Thread.sleep(forTimeInterval: 2.5)
        #expect(!FileManager.default.fileExists(atPath: marker.path), "the grandchild survived")
    }

    @Test func inactivityLimitSparesAChildThatKeepsTalking() throws {
        // Talks every 0.2 s for 3 s: longer than the inactivity limit, never silent that long (the limit
        // is 7 gaps wide, so a loaded machine's late tick does not end it).
        var talking = shell("i=0; while [ $i -lt 15 ]; do echo tick; sleep 0.2; i=$((i+1)); done")
        talking.inactivityLimit = 1.5
        #expect(try talking.run().ending == .exited(0))
        var silent = shell("echo start; sleep 30")
        silent.inactivityLimit = 0.5
        let outcome = try silent.run()
        #expect(outcome.ending == .inactive)
        #expect(outcome.stdout == "start\n")
    }

    @Test func observerCanStopTheChild() throws {
        var child = shell("echo 'waiting for lock' >&2; sleep 30")
        child.observe = { isError, chunk in isError && chunk.contains("lock") ? .stop : .keepGoing }
        let start = Date()
        let outcome = try child.run()
        #expect(outcome.ending == .stopped)
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func directoryAndEnvironmentReachTheChild() throws {
        var child = shell(#"pwd; echo "$GREETING""#)
        child.directory = URL(fileURLWithPath: "/tmp")
        child.environment = ["GREETING": "hello", "PATH": "/usr/bin:/bin"]
        let outcome = try child.run()
        #expect(outcome.stdout == "/tmp\nhello\n")
    }

    @Test func aChildThatExitsWhileItsBackgroundJobHoldsThePipeEndsPromptly() throws {
        let start = Date()
        let outcome = try shell("sleep 30 & echo done").run()
        #expect(outcome.ending == .exited(0))
        #expect(outcome.stdout == "done\n")
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
