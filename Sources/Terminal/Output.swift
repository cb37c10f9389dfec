import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to stdout, treating a closed pipe (`| head`, a closed pager) as a normal end.
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

    /// Writes all of `text` to stdout. On EPIPE the process exits quietly with status 0.
    public static func write(_ text: String) {
        if let capture {
            capture.append(text)
            return
        }
        var copy = text
        copy.withUTF8 { write(bytes: $0) }
    }

    /// Writes UTF-8 bytes to stdout. On EPIPE the process exits quietly with status 0.
    public static func write(bytes: UnsafeBufferPointer<UInt8>) {
        if let capture {
            capture.append(String(decoding: bytes, as: UTF8.self))
            return
        }
        guard var pointer = UnsafeRawPointer(bytes.baseAddress) else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = systemWrite(STDOUT_FILENO, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                // EPIPE and friends: the reader is gone; nothing left to say.
                terminate(0)
            }
            remaining -= written
            pointer += written
        }
    }

    /// Writes one line (adds the newline).
    public static func line(_ text: String = "") {
        write(text + "\n")
    }

    /// One-line message on stderr.
    public static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Shows `text` through `$PAGER` (else `less`, with `LESS=FRX` when unset) when stdout is a TTY,
    /// paging is allowed and the text is taller than the screen; otherwise writes it directly.
    public static func page(_ text: String, allowPager: Bool) {
        var copy = text
        copy.withUTF8 { page(bytes: $0, allowPager: allowPager) }
    }

    /// `page(_:allowPager:)` for UTF-8 bytes (saves a copy of large output).
    public static func page(bytes text: UnsafeBufferPointer<UInt8>, allowPager: Bool) {
        guard allowPager, capture == nil, isatty(STDOUT_FILENO) == 1, let rows = TerminalSettings.terminalRows(),
            text.reduce(0, { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }) >= rows
        else {
            write(bytes: text)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let pagerCommand = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less"
        // Without $PAGER we rely on less; where it is not installed, print directly rather than
        // letting the shell fail and the text vanish.
        if environment["PAGER"].map({ $0.isEmpty }) ?? true, !commandExists("less", path: environment["PATH"]) {
            write(bytes: text)
            return
        }
        if environment["LESS"] == nil { setenv("LESS", "FRX", 0) }
        // posix_spawn rather than Foundation's Process: the pager must stay in our process group,
        // the terminal's foreground group, or it is stopped (SIGTTIN) as soon as it reads keys.
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else {
            write(bytes: text)
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
            write(bytes: text)
            return
        }
        // Ctrl-C belongs to the pager while it runs; quitting it ends our writes with EPIPE.
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        if var pointer = UnsafeRawPointer(text.baseAddress) {
            var remaining = text.count
            while remaining > 0 {
                let written = systemWrite(fds[1], pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    break  // the pager quit early: that is fine
                }
                remaining -= written
                pointer += written
            }
        }
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
func commandExists(_ name: String, path: String?) -> Bool {
    for directory in (path ?? "/usr/bin:/bin").split(separator: ":") where access("\(directory)/\(name)", X_OK) == 0 {
        return true
    }
    return false
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(fd, pointer, count)
    #else
        return Darwin.write(fd, pointer, count)
    #endif
}

/// Ends the process with `code` (a name that does not collide with ArgumentParser's `exit`).
public func terminate(_ code: Int32) -> Never {
    #if canImport(Glibc)
        Glibc.exit(code)
    #else
        Darwin.exit(code)
    #endif
}
