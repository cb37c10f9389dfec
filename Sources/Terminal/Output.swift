#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes to stdout, treating a closed pipe (`| head`, a closed pager) as a normal end.
public enum Output {
    /// Call once at start-up: a reader closing the pipe must not kill us with SIGPIPE.
    public static func ignoreSIGPIPE() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes all of `text` to stdout. On EPIPE the process exits quietly with status 0.
    public static func write(_ text: String) {
        var copy = text
        copy.withUTF8 { write(bytes: $0) }
    }

    /// Writes UTF-8 bytes to stdout. On EPIPE the process exits quietly with status 0.
    public static func write(bytes: UnsafeBufferPointer<UInt8>) {
        guard var pointer = UnsafeRawPointer(bytes.baseAddress) else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let written = Glibc_write(STDOUT_FILENO, pointer, remaining)
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
        guard allowPager, isatty(STDOUT_FILENO) == 1, let rows = TerminalSettings.terminalRows(),
              text.reduce(0, { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }) >= rows else {
            write(bytes: text)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let pagerCommand = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", pagerCommand]
        var pagerEnvironment = environment
        if pagerEnvironment["LESS"] == nil { pagerEnvironment["LESS"] = "FRX" }
        process.environment = pagerEnvironment
        let pipe = Pipe()
        process.standardInput = pipe
        do {
            try process.run()
        } catch {
            write(bytes: text)
            return
        }
        let handle = pipe.fileHandleForWriting
        do {
            guard var pointer = UnsafeRawPointer(text.baseAddress) else { return }
            var remaining = text.count
            while remaining > 0 {
                let written = Glibc_write(handle.fileDescriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    break  // the pager quit early: that is fine
                }
                remaining -= written
                pointer += written
            }
        }
        try? handle.close()
        process.waitUntilExit()
    }
}

@inline(__always)
private func Glibc_write(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
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
