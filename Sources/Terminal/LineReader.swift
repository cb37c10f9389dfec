import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One read from the student.
public enum LineInput: Sendable, Equatable {
    case line(String)
    /// Ctrl-D (end of input).
    case end
    /// Ctrl-C.
    case interrupted
}

/// Where interactive sessions read lines from: the terminal, or a script in tests.
public protocol LineReader: AnyObject {
    /// Shows `prompt` (no newline) and reads one line without its line end.
    func readLine(prompt: String) -> LineInput
}

/// Replays a fixed list of inputs, then reports end of input. Records the prompts it was shown.
public final class ScriptedLineReader: LineReader {
    private var inputs: [LineInput]
    public private(set) var prompts: [String] = []
    private let echo: ((String) -> Void)?

    /// `echo` receives each prompt and line as a terminal would show them, so transcripts read naturally.
    public init(_ inputs: [LineInput], echo: ((String) -> Void)? = nil) {
        self.inputs = inputs
        self.echo = echo
    }

    public convenience init(lines: [String], echo: ((String) -> Void)? = nil) {
        self.init(lines.map { .line($0) }, echo: echo)
    }

    public var remaining: Int { inputs.count }

    public func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        let input = inputs.isEmpty ? .end : inputs.removeFirst()
        if let echo {
            switch input {
            case .line(let text): echo(prompt + text + "\n")
            case .end: echo(prompt + "^D\n")
            case .interrupted: echo(prompt + "^C\n")
            }
        }
        return input
    }
}

/// Process-wide flag set by the SIGINT handler (a signal handler may only touch such a flag).
nonisolated(unsafe) private var interruptReceived: sig_atomic_t = 0

/// Reads lines from stdin in the terminal's own line mode (so editing keys work), turning Ctrl-C
/// into `.interrupted` instead of killing the process, so answers given so far are kept.
public final class TerminalLineReader: LineReader {
    private let write: (String) -> Void
    private var previous = sigaction()
    private var pending: [UInt8] = []
    private let descriptor: Int32

    /// `descriptor` is stdin except in tests.
    public init(descriptor: Int32 = STDIN_FILENO, write: @escaping (String) -> Void) {
        self.write = write
        self.descriptor = descriptor
        var action = sigaction()
        #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { _ in interruptReceived = 1 }
        #else
            action.__sigaction_u.__sa_handler = { _ in interruptReceived = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read returns EINTR
        sigaction(SIGINT, &action, &previous)
    }

    deinit {
        sigaction(SIGINT, &previous, nil)
    }

    public func readLine(prompt: String) -> LineInput {
        write(prompt)
        // A Ctrl-C pressed while feedback was printing still counts.
        if interruptReceived != 0 {
            interruptReceived = 0
            write("\n")
            return .interrupted
        }
        var byte: UInt8 = 0
        while true {
            if let newline = pending.firstIndex(of: 10) {
                let line = Array(pending[..<newline])
                pending.removeSubrange(...newline)
                return .line(Self.decode(line))
            }
            let count = read(descriptor, &byte, 1)
            if count == 1 {
                pending.append(byte)
                continue
            }
            if count < 0 && errno == EINTR {
                if interruptReceived != 0 {
                    interruptReceived = 0
                    pending.removeAll()
                    write("\n")
                    return .interrupted
                }
                continue
            }
            // End of input (Ctrl-D on an empty line) or an unreadable stdin.
            if !pending.isEmpty {
                let line = pending
                pending.removeAll()
                return .line(Self.decode(line))
            }
            write("\n")
            return .end
        }
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasSuffix("\r") { text.removeLast() }
        return text
    }
}
