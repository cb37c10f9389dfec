import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a write to stdout ended badly.
public enum StdoutFailure: Error, Equatable, Sendable {
    /// The reader went away (`| head`, a pager quit): a normal end, nothing to report.
    case readerGone
    /// Any other error (`> /dev/full`, a closed stdout): `errno` says which.
    case writeFailed(errno: Int32)

    /// One line for stderr.
    public var message: String {
        switch self {
        case .readerGone: return "the reader of standard output went away"
        case .writeFailed(let code): return "cannot write to standard output: \(String(cString: strerror(code)))"
        }
    }
}

/// The one writer of tandem's output: stdout through `write`/`line`/`page`, stderr through
/// `error`. It never traps (no `FileHandle.write`, which does on EPIPE and EBADF), passes every
/// byte through `TerminalText` (only tandem's own escape sequences survive), and reports a failed
/// stdout write to a handler instead of ending the process: a library never exits. The CLI installs
/// the handler (`onStdoutFailure`) that ends the process; without one, the failure is recorded in
/// `stdoutFailure` and later output is dropped.
public enum Output {
    /// Where `write` goes while `capturing` runs on this thread: a buffer instead of stdout.
    @TaskLocal static var capture: CaptureBuffer?

    /// Runs `body` with everything it writes through `Output` (lines and pages; not `error`)
    /// collected instead of printed, and returns that text. Used to run a command in-process and
    /// read its output, as `tandem lint` does with the demos behind a lesson's live numbers.
    public static func capturing(_ body: () throws -> Void) rethrows -> String {
        let buffer = CaptureBuffer()
        try $capture.withValue(buffer) { try body() }
        return buffer.text
    }

    /// Call once at start-up: a reader closing the pipe must not kill us with SIGPIPE.
    public static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Call once at start-up, before opening any file: a closed stdin, stdout or stderr (`>&-`)
    /// is reopened on /dev/null, so the next file tandem opens (progress.json, say) cannot take its
    /// number and receive our output. A closed stdout is then reported as a write error on first use;
    /// a closed stderr simply swallows messages.
    public static func secureStandardStreams() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let reopened = open("/dev/null", descriptor == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if reopened >= 0 && reopened != descriptor {
                dup2(reopened, descriptor)
                close(reopened)
            }
            if descriptor == STDOUT_FILENO { state.withLock { $0.stdoutWasClosed = true } }
        }
    }

    /// Called once, with the lock released, on the first failed write to stdout. The CLI's handler
    /// ends the process (quietly with 0 for `.readerGone`, else with a message and status 1).
    public static func onStdoutFailure(_ handler: @escaping @Sendable (StdoutFailure) -> Void) {
        state.withLock { $0.handler = handler }
    }

    /// The first failed write to stdout, if any (later writes are dropped).
    public static var stdoutFailure: StdoutFailure? { state.withLock { $0.failure } }

    /// Writes all of `text` to stdout.
    public static func write(_ text: String) {
        if let capture {
            capture.append(text)
            return
        }
        var copy = text
        copy.withUTF8 { write(bytes: $0) }
    }

    /// Writes UTF-8 bytes to stdout, foreign escapes neutralized (see `TerminalText`).
    public static func write(bytes: UnsafeBufferPointer<UInt8>) {
        if let capture {
            capture.append(String(decoding: bytes, as: UTF8.self))
            return
        }
        if TerminalText.isClean(bytes) {
            writeToStdout(bytes)
        } else {
            TerminalText.neutralizingForeignEscapes(bytes).withUnsafeBufferPointer { writeToStdout($0) }
        }
    }

    /// `write(bytes:)` for bytes `TerminalText.isClean` has already passed (`page` checks first),
    /// so large output is not scanned twice.
    private static func writeClean(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let capture {
            capture.append(String(decoding: bytes, as: UTF8.self))
        } else {
            writeToStdout(bytes)
        }
    }

    private static func writeToStdout(_ bytes: UnsafeBufferPointer<UInt8>) {
        let earlier: StdoutFailure? = state.withLock { current in
            // A stdout closed at start-up fails like a write to a bad descriptor.
            if current.stdoutWasClosed && current.failure == nil { current.failure = .writeFailed(errno: EBADF) }
            return current.failure
        }
        if let earlier { return report(earlier) }
        if let code = writeAll(STDOUT_FILENO, UnsafeRawBufferPointer(bytes)) {
            let failure: StdoutFailure = code == EPIPE ? .readerGone : .writeFailed(errno: code)
            state.withLock { $0.failure = $0.failure ?? failure }
            report(failure)
        }
    }

    /// Hands a failure to the handler once.
    private static func report(_ failure: StdoutFailure?) {
        guard let failure else { return }
        let handler: (@Sendable (StdoutFailure) -> Void)? = state.withLock { box in
            defer { box.reported = true }
            return box.reported ? nil : box.handler
        }
        handler?(failure)
    }

    /// Writes one line (adds the newline).
    public static func line(_ text: String = "") {
        write(text + "\n")
    }

    /// A message on stderr (adds the newline). Messages are plain text: every control but the
    /// newline is replaced (`TerminalText.sanitize`), whatever it quotes. Never fails: with stderr
    /// closed or broken the message is lost, and tandem carries on.
    public static func error(_ text: String) {
        var copy = TerminalText.sanitize(text) + "\n"
        copy.withUTF8 { _ = writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
    }

    /// Clears the screen and homes the cursor (`tandem watch`): the one place tandem writes these
    /// controls, which the writer's filter otherwise neutralises.
    public static func clearScreen() {
        var sequence = "\u{1B}[2J\u{1B}[H"
        sequence.withUTF8 { writeToStdout($0) }
    }

    /// Writes all of `bytes` to `descriptor`, again after an interrupted or short write; the errno
    /// of a failure, nil on success. Never traps (unlike `FileHandle.write` on EPIPE or EBADF).
    public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var pointer = bytes.baseAddress else { return nil }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(descriptor, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            remaining -= written
            pointer += written
        }
        return nil
    }

    /// What the writer remembers between calls, behind a lock.
    struct State {
        var failure: StdoutFailure?
        var handler: (@Sendable (StdoutFailure) -> Void)?
        var reported = false
        var stdoutWasClosed = false
    }

    static let state = Locked(State())

    /// Shows `text` through `$PAGER` (else `less`, with `LESS=FRX` when unset) when stdout is a TTY,
    /// paging is allowed and the text is taller than the screen; otherwise writes it directly.
    public static func page(_ text: String, allowPager: Bool) {
        var copy = text
        copy.withUTF8 { page(bytes: $0, allowPager: allowPager) }
    }

    /// `page(_:allowPager:)` for UTF-8 bytes (saves a copy of large output).
    public static func page(bytes text: UnsafeBufferPointer<UInt8>, allowPager: Bool) {
        guard TerminalText.isClean(text) else {
            TerminalText.neutralizingForeignEscapes(text).withUnsafeBufferPointer {
                page(bytes: $0, allowPager: allowPager)
            }
            return
        }
        guard allowPager, capture == nil, isatty(STDOUT_FILENO) == 1, let rows = TerminalSettings.terminalRows(),
            text.reduce(0, { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }) >= rows
        else {
            writeClean(text)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let pagerCommand = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less"
        // Without $PAGER we rely on less; where it is not installed, print directly rather than
        // letting the shell fail and the text vanish.
        if environment["PAGER"].map({ $0.isEmpty }) ?? true, !commandExists("less", path: environment["PATH"]) {
            writeClean(text)
            return
        }
        if environment["LESS"] == nil { setenv("LESS", "FRX", 0) }
        // posix_spawn rather than Foundation's Process: the pager must stay in our process group,
        // the terminal's foreground group, or it is stopped (SIGTTIN) as soon as it reads keys.
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            writeClean(text)
            return
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let arguments: [UnsafeMutablePointer<CChar>?] = ["/bin/sh", "-c", pagerCommand].map { (argument: String) in
            strdup(argument)
        }
        defer { for argument in arguments { free(argument) } }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments + [nil]
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, &argv, environ)
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
        close(fds[0])
        guard spawned == 0 else {
            close(fds[1])
            writeClean(text)
            return
        }
        // Ctrl-C belongs to the pager while it runs; quitting it ends our writes with EPIPE.
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        _ = writeAll(fds[1], UnsafeRawBufferPointer(text))  // a failure means the pager quit early: fine
        close(fds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        signal(SIGINT, previousInterrupt)
        signal(SIGQUIT, previousQuit)
    }
}

/// Text collected by `Output.capturing`.
final class CaptureBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var collected = ""

    func append(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        collected += text
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return collected
    }
}

/// Whether an executable named `name` is on `path` (a colon-separated search path).
func commandExists(_ name: String, path: String?) -> Bool { executableOnPath(name, path: path) != nil }

/// The first executable named `name` in the directories of `path` (a colon-separated search path,
/// `/usr/bin:/bin` when nil), as a shell would find it; nil when there is none.
public func executableOnPath(_ name: String, path: String?) -> String? {
    for directory in (path ?? "/usr/bin:/bin").split(separator: ":") where access("\(directory)/\(name)", X_OK) == 0 {
        return "\(directory)/\(name)"
    }
    return nil
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, pointer, count)
    #else
        return Darwin.write(fd, pointer, count)
    #endif
}
