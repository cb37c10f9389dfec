import Foundation
import Testing

@testable import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite(.serialized) struct LineReaderTests {
    @Test func readsLinesThenEndOfInput() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let bytes = Array("first\r\nsecond\nlast without newline".utf8)
        #expect(write(fds[1], bytes, bytes.count) == bytes.count)
        close(fds[1])
        let transcript = Locked("")
        let reader = TerminalLineReader(descriptor: fds[0], write: { text in transcript.withLock { $0 += text } })
        #expect(reader.readLine(prompt: "> ") == .line("first"))
        #expect(reader.readLine(prompt: "> ") == .line("second"))
        #expect(reader.readLine(prompt: "> ") == .line("last without newline"))
        #expect(reader.readLine(prompt: "> ") == .end)
        #expect(transcript.withLock { $0 } == "> > > > \n")
    }

    @Test func ctrlCBecomesInterruptedInsteadOfKillingTheProcess() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        let reader = TerminalLineReader(descriptor: fds[0], write: { _ in })
        // Test threads may block SIGINT, so signal the process and give it a moment to land.
        // The queued line means a missed signal fails the test instead of hanging it.
        kill(getpid(), SIGINT)
        usleep(200_000)
        let bytes = Array("fallback\n".utf8)
        #expect(write(fds[1], bytes, bytes.count) == bytes.count)
        #expect(reader.readLine(prompt: "") == .interrupted)
        #expect(reader.readLine(prompt: "") == .line("fallback"))
    }
}
