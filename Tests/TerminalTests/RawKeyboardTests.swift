import Foundation
import Testing

@testable import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `RawKeyboard` on a pipe (not a terminal: the mode is left alone, keys are read as they come).
@Suite struct RawKeyboardTests {
    @Test func readsOneKeyAtATime() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        let keyboard = RawKeyboard(descriptor: fds[0])
        defer { keyboard.restore() }
        #expect(write(fds[1], "nh", 2) == 2)
        #expect(keyboard.waitForKey(alsoWatching: nil, timeoutMilliseconds: 1000) == "n")
        #expect(keyboard.waitForKey(alsoWatching: nil, timeoutMilliseconds: 1000) == "h")
        #expect(keyboard.waitForKey(alsoWatching: nil, timeoutMilliseconds: 10) == nil, "no key: the timeout")
    }

    @Test func anotherDescriptorWakesItWithoutAKey() throws {
        var keys: [Int32] = [0, 0]
        var other: [Int32] = [0, 0]
        #expect(pipe(&keys) == 0)
        #expect(pipe(&other) == 0)
        defer { for fd in keys + other { close(fd) } }
        #expect(write(other[1], "x", 1) == 1)
        let keyboard = RawKeyboard(descriptor: keys[0])
        #expect(keyboard.waitForKey(alsoWatching: other[0], timeoutMilliseconds: 1000) == nil)
    }

    @Test func endOfInputReadsAsQuit() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        close(fds[1])
        let keyboard = RawKeyboard(descriptor: fds[0])
        // A hung-up keyboard must end the screen rather than wake it forever with nothing to read.
        #expect(keyboard.waitForKey(alsoWatching: nil, timeoutMilliseconds: 1000) == "q")
        keyboard.restore()
        keyboard.restore()
    }
}
