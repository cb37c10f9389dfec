import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs one program as a child process: the single runner behind checks, builds, `run --mine`
/// and live lesson blocks (the pager in Terminal stays separate: it must share our process group).
///
/// The child gets a process group of its own, so a timeout, or a Ctrl-C that ends tandem, kills
/// it with everything it started (`swift build` runs compilers and linkers). Its pipes are read by
/// one `poll` loop, so no amount of output on stdout and stderr together can block it. A time
/// limit applies to the whole run, and an inactivity limit to the time without any output (a cold
/// `swift build` takes minutes but prints as it goes).
public struct ChildProcess: Sendable {
    /// Where one of the child's output streams goes.
    public enum Stream: Sendable, Equatable {
        /// Collected into the outcome (and watched for inactivity).
        case capture
        /// The child writes to tandem's own stdout/stderr.
        case inherit
    }

    /// What an output observer asks for.
    public enum Verdict: Sendable { case keepGoing, stop }

    public var executable: URL
    public var arguments: [String]
    /// The child's environment; nil inherits tandem's.
    public var environment: [String: String]?
    /// The child's working folder; nil keeps tandem's.
    public var directory: URL?
    public var stdout: Stream = .capture
    public var stderr: Stream = .capture
    /// Seconds the whole run may take.
    public var timeLimit: Double?
    /// Seconds the child may go without writing to a captured stream.
    public var inactivityLimit: Double?
    /// Bytes kept of each captured stream; the rest is read and dropped.
    public var outputLimit: Int = 16 << 20
    /// Opens a private pipe to the child as file descriptor `reportDescriptor` and names it in the
    /// environment variable `TANDEM_REPORT_FD`; what the child writes there is `Outcome.report`.
    /// The child's own prints cannot reach it.
    public var reportChannel = false
    /// Sees each chunk of captured output as it arrives; `.stop` ends the run (`Ending.stopped`).
    public var observe: (@Sendable (_ isError: Bool, _ chunk: String) -> Verdict)?

    public static let reportDescriptor: Int32 = 3
    public static let reportVariable = "TANDEM_REPORT_FD"

    public init(_ executable: URL, _ arguments: [String] = []) {
        self.executable = executable
        self.arguments = arguments
    }

    /// How the child ended.
    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Killed at the time limit.
        case timedOut
        /// Killed after the inactivity limit without output.
        case inactive
        /// Killed because the observer asked for it.
        case stopped
    }

    public struct Outcome: Sendable {
        public var ending: Ending
        public var stdout: String
        public var stderr: String
        /// What the child wrote to the report channel.
        public var report: String
        public var seconds: Double
        /// A captured stream went past `outputLimit`.
        public var truncated: Bool
    }

    /// Runs the child to its end. Throws `ChildProcessError` only when it cannot be started.
    public func run() throws -> Outcome {
        let start = Date()
        // Checked here too: with a working folder the program is started through /bin/sh, whose
        // "not found" would otherwise look like the program's own exit status 127.
        guard access(executable.path, X_OK) == 0 else {
            throw ChildProcessError("cannot run \(executable.path): \(errnoText())")
        }
        var pipes: [(read: Int32, write: Int32, kind: Int)] = []  // kind: 0 stdout, 1 stderr, 2 report
        defer { for pipe in pipes { closeQuietly(pipe.read) } }
        func makePipe(_ kind: Int) throws {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw ChildProcessError("cannot create a pipe: \(errnoText())") }
            // Above the standard descriptors and the report slot, so dup2 onto 0-3 always moves them.
            let read = fcntl(fds[0], F_DUPFD_CLOEXEC, 10)
            let write = fcntl(fds[1], F_DUPFD_CLOEXEC, 10)
            closeQuietly(fds[0])
            closeQuietly(fds[1])
            guard read >= 0, write >= 0 else { throw ChildProcessError("cannot create a pipe: \(errnoText())") }
            pipes.append((read, write, kind))
        }
        if stdout == .capture { try makePipe(0) }
        if stderr == .capture { try makePipe(1) }
        if reportChannel { try makePipe(2) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        for pipe in pipes {
            let target: Int32 = pipe.kind == 2 ? Self.reportDescriptor : (pipe.kind == 0 ? 1 : 2)
            posix_spawn_file_actions_adddup2(&actions, pipe.write, target)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var noMask = sigset_t()
        sigemptyset(&noMask)
        posix_spawnattr_setsigmask(&attributes, &noMask)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var environment = self.environment ?? ProcessInfo.processInfo.environment
        if reportChannel {
            environment[Self.reportVariable] = String(Self.reportDescriptor)
        } else {
            environment[Self.reportVariable] = nil
        }
        // The working folder: `cd` in a shell that then execs the program (glibc's
        // posix_spawn_file_actions_addchdir_np is not visible to Swift).
        var argumentList = [executable.path] + arguments
        var program = executable.path
        if let directory {
            program = "/bin/sh"
            argumentList =
                ["/bin/sh", "-c", "cd -- \"$0\" && exec \"$@\"", directory.path, executable.path] + arguments
        }
        let argv = argumentList.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let spawned = ActiveGroups.shared.spawning {
            posix_spawn(&pid, program, &actions, &attributes, argv, envp)
        } registering: {
            pid
        }
        for pipe in pipes { closeQuietly(pipe.write) }
        guard spawned == 0 else {
            throw ChildProcessError("cannot run \(executable.path): \(String(cString: strerror(spawned)))")
        }
        defer { ActiveGroups.shared.remove(pid) }

        var collected = [Data(), Data(), Data()]
        var truncated = false
        var open = pipes.map { (fd: $0.read, kind: $0.kind) }
        var ending: Ending?
        var status: Int32 = 0
        var reaped = false
        var lastOutput = Date()
        var reapedAt: Date?
        var buffer = [UInt8](repeating: 0, count: 65536)

        func killGroup(_ why: Ending) {
            if ending == nil { ending = why }
            kill(-pid, SIGKILL)
        }

        while true {
            if !reaped {
                let result = waitpid(pid, &status, WNOHANG)
                if result == pid {
                    reaped = true
                    reapedAt = Date()
                }
            }
            if open.isEmpty && reaped { break }
            if open.isEmpty {
                // Nothing to read (inherited streams): wait for the child in short steps.
                usleep(10_000)
            } else {
                var fds = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
                let ready = poll(&fds, nfds_t(fds.count), 50)
                if ready < 0 && errno != EINTR { break }
                var closed: [Int32] = []
                for (index, fd) in fds.enumerated() where fd.revents != 0 {
                    let count = read(fd.fd, &buffer, buffer.count)
                    if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
                    if count <= 0 {
                        closed.append(fd.fd)
                        continue
                    }
                    let kind = open[index].kind
                    if kind != 2 { lastOutput = Date() }
                    let room = outputLimit - collected[kind].count
                    if room > 0 { collected[kind].append(contentsOf: buffer[0..<min(count, room)]) }
                    if count > room { truncated = true }
                    if kind != 2, let observe, ending == nil,
                        observe(kind == 1, String(decoding: buffer[0..<count], as: UTF8.self)) == .stop
                    {
                        killGroup(.stopped)
                    }
                }
                for fd in closed {
                    closeQuietly(fd)
                    open.removeAll { $0.fd == fd }
                    if let index = pipes.firstIndex(where: { $0.read == fd }) { pipes.remove(at: index) }
                }
            }
            let now = Date()
            if ending == nil, let timeLimit, now.timeIntervalSince(start) > timeLimit { killGroup(.timedOut) }
            if ending == nil, let inactivityLimit, now.timeIntervalSince(lastOutput) > inactivityLimit {
                killGroup(.inactive)
            }
            // The child is gone but something it started still holds a pipe open: stop waiting.
            if let reapedAt, !open.isEmpty, now.timeIntervalSince(reapedAt) > 1 {
                kill(-pid, SIGKILL)
                break
            }
        }
        if !reaped {
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        if ending == nil {
            let signal = status & 0x7f
            ending = signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
        }
        return Outcome(
            ending: ending!, stdout: String(decoding: collected[0], as: UTF8.self),
            stderr: String(decoding: collected[1], as: UTF8.self),
            report: String(decoding: collected[2], as: UTF8.self),
            seconds: Date().timeIntervalSince(start), truncated: truncated)
    }
}

public struct ChildProcessError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

private func closeQuietly(_ fd: Int32) { _ = close(fd) }

private func errnoText() -> String { String(cString: strerror(errno)) }

/// Process groups of the children running now. A Ctrl-C (or SIGTERM, SIGHUP) that ends tandem
/// first kills them: in their own groups they would not get the terminal's signal and would run
/// on. The handler only reads a fixed array and calls kill, signal and raise (async-signal-safe).
final class ActiveGroups: @unchecked Sendable {
    static let shared = ActiveGroups()
    static let capacity = 64
    private let lock = NSLock()
    private var count = 0
    private var previous: [Int32: SignalHandler] = [:]
    nonisolated(unsafe) fileprivate static let slots: UnsafeMutablePointer<pid_t> = {
        let slots = UnsafeMutablePointer<pid_t>.allocate(capacity: ActiveGroups.capacity)
        slots.initialize(repeating: 0, count: ActiveGroups.capacity)
        return slots
    }()
    static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Spawns under the lock and records the new group before a signal can miss it.
    func spawning(_ spawn: () -> Int32, registering pid: () -> pid_t) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if count == 0 {
            for number in Self.signals {
                previous[number] = signal(number, killChildrenAndDie)
            }
        }
        let result = spawn()
        guard result == 0 else {
            if count == 0 { restore() }
            return result
        }
        let id = pid()
        for index in 0..<Self.capacity where Self.slots[index] == 0 {
            Self.slots[index] = id
            break
        }
        count += 1
        return result
    }

    func remove(_ pid: pid_t) {
        lock.lock()
        defer { lock.unlock() }
        for index in 0..<Self.capacity where Self.slots[index] == pid {
            Self.slots[index] = 0
            break
        }
        count -= 1
        if count == 0 { restore() }
    }

    private func restore() {
        for number in Self.signals {
            if let handler = previous[number] { _ = signal(number, handler) }
        }
        previous = [:]
    }
}

#if canImport(Glibc)
    typealias SignalHandler = __sighandler_t?
#else
    typealias SignalHandler = sig_t?
#endif

private func killChildrenAndDie(_ number: Int32) {
    for index in 0..<ActiveGroups.capacity {
        let group = ActiveGroups.slots[index]
        if group > 0 { kill(-group, SIGKILL) }
    }
    _ = signal(number, SIG_DFL)
    raise(number)
}
