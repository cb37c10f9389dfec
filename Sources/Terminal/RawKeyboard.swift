import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The keyboard read one key at a time, for screens driven by single-key commands (`tandem
/// watch`): non-canonical, without echo, and with Ctrl-C and Ctrl-D arriving as keys rather than
/// signals, until `restore()`. (Line-at-a-time input keeps the terminal's own line mode: see
/// `TerminalLineReader`.) On a descriptor that is not a terminal nothing is changed and keys are
/// read as they come.
public final class RawKeyboard {
    private let descriptor: Int32
    private var saved = termios()
    private var active = false

    /// `descriptor` is stdin except in tests.
    public init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
        guard tcgetattr(descriptor, &saved) == 0 else { return }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG)
        active = tcsetattr(descriptor, TCSANOW, &raw) == 0
    }

    /// Puts the terminal back as it was; safe to call more than once.
    public func restore() {
        if active { _ = tcsetattr(descriptor, TCSANOW, &saved) }
        active = false
    }

    /// A key, or nil when the timeout passed or the `other` descriptor became readable first.
    /// End of input reads as `q`, so a closed keyboard ends the screen.
    public func waitForKey(alsoWatching other: Int32?, timeoutMilliseconds: Int32) -> Character? {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if let other { fds.append(pollfd(fd: other, events: Int16(POLLIN), revents: 0)) }
        guard poll(&fds, nfds_t(fds.count), timeoutMilliseconds) > 0,
            fds[0].revents & Int16(POLLIN | POLLHUP) != 0
        else {
            return nil
        }
        var byte: UInt8 = 0
        guard read(descriptor, &byte, 1) == 1 else { return "q" }
        return Character(Unicode.Scalar(byte))
    }
}
