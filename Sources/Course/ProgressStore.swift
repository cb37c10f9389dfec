import Foundation
import Terminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A progress operation that could not be done, in words a student can act on.
public struct ProgressError: Error, CustomStringConvertible, Sendable, Equatable {
    public var description: String
    /// Where the progress that could not be saved was written instead, if anywhere.
    public var keptIn: URL?

    public init(_ description: String, keptIn: URL? = nil) {
        self.description = description
        self.keptIn = keptIn
    }
}

/// Reads and writes `progress.json` for one course.
///
/// Every change is a read-modify-write under an exclusive advisory `flock` on a lock file beside
/// it, and the write is atomic (temporary file in the same folder, fsync, rename), so two tandem
/// processes at once lose nothing and a writer killed mid-write leaves the old file valid.
/// Nothing is written, renamed or moved without the exclusive lock. A file that cannot be read
/// (permissions, I/O) is an error, never treated as empty; a file that is not progress is moved
/// aside (to a name no other file has) before a save replaces it; a file with some unreadable
/// fields keeps the rest, and a copy of the original is kept before the first save drops them.
/// A save that fails throws, after writing the new progress to a side file the error names.
public final class ProgressStore: Sendable {
    public let directory: URL
    public let courseID: String
    public var fileURL: URL { directory.appendingPathComponent("progress.json") }
    var lockURL: URL { directory.appendingPathComponent("progress.json.lock") }

    /// Mutable state, behind a lock: the store may be shared between threads.
    private struct State {
        var notice: @Sendable (String) -> Void = { Output.error("tandem: " + $0) }
        var readOnly = false
        var noticesGiven: Set<String> = []
    }
    private let state = Locked(State())

    /// Where notices go (moved-aside corrupt file, dropped fields, newer format). Defaults to stderr.
    public var notice: @Sendable (String) -> Void {
        get { state.withLock { $0.notice } }
        set { state.withLock { $0.notice = newValue } }
    }

    /// Set when the file on disk is newer than this tandem understands: nothing is recorded.
    public var readOnly: Bool { state.withLock { $0.readOnly } }

    public init(directory: URL, courseID: String) {
        self.directory = directory
        self.courseID = courseID
    }

    /// Gives each distinct notice once per store.
    private func noticeOnce(_ message: String) {
        let sink: (@Sendable (String) -> Void)? = state.withLock {
            $0.noticesGiven.insert(message).inserted ? $0.notice : nil
        }
        sink?(message)
    }

    /// `$TANDEM_STATE_DIR`, else `$XDG_STATE_HOME/tandem/<id>/`, else `~/.local/state/tandem/<id>/`.
    public static func defaultDirectory(
        courseID: String,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL {
        if let dir = environment["TANDEM_STATE_DIR"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        }
        if let xdg = environment["XDG_STATE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("tandem").appendingPathComponent(
                courseID)
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home, isDirectory: true)
            .appendingPathComponent(".local/state/tandem").appendingPathComponent(courseID)
    }

    public convenience init(course: CourseFolder, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(
            directory: ProgressStore.defaultDirectory(courseID: course.manifest.id, environment: environment),
            courseID: course.manifest.id)
    }

    /// The current progress (fresh when there is none yet). Throws when the file or its lock
    /// cannot be read; a file that is not progress reads as fresh with a notice (it is moved
    /// aside by the next save).
    public func load() throws -> StudentProgress {
        try withLock(exclusive: false) { try read().progress }
    }

    /// Applies `change` to the stored progress and saves it, all inside the exclusive lock.
    /// Returns the progress after the change. In read-only mode the change is applied in memory
    /// only. A failed save throws `ProgressError`, naming the side file that holds the new progress.
    @discardableResult
    public func update(_ change: (inout StudentProgress) throws -> Void) throws -> StudentProgress {
        try withLock(exclusive: true) {
            let current = try read()
            var progress = current.progress
            try change(&progress)
            if readOnly {
                noticeOnce("progress not recorded: \(fileURL.path) was written by a newer tandem; upgrade tandem")
                return progress
            }
            try save(progress, over: current)
            return progress
        }
    }

    /// Replaces the stored progress wholesale (import, reset).
    public func replace(with progress: StudentProgress) throws {
        try withLock(exclusive: true) {
            let current = try read()
            if readOnly {
                throw ProgressError("\(fileURL.path) was written by a newer tandem; upgrade tandem; nothing changed")
            }
            try save(progress, over: current)
        }
    }

    /// Copies the progress file to `progress.json.backup-<stamp>` beside it, under the lock; nil
    /// when there is nothing to back up.
    public func backup(now: Date) throws -> URL? {
        try withLock(exclusive: true) {
            guard let data = try readFile() else { return nil }
            let target = uniqueSibling("progress.json.backup", now: now)
            do {
                try Self.atomicWrite(data, to: target)
            } catch {
                throw ProgressError("cannot back up \(fileURL.path) to \(target.lastPathComponent): \(error)")
            }
            return target
        }
    }

    // MARK: - Internals

    /// What `read` found on disk.
    private struct Current {
        var progress: StudentProgress
        /// The file is not progress at all: move it aside before saving over it.
        var unreadable = false
        /// Fields were dropped or clamped: the file's bytes, kept as a copy before saving over it.
        var original: Data?
    }

    private func read() throws -> Current {
        guard let data = try readFile() else { return Current(progress: StudentProgress(courseID: courseID)) }
        do {
            let decoded = try ProgressFile.decode(data)
            if !decoded.problems.isEmpty {
                let shown = decoded.problems.prefix(5).map { TerminalText.excerpt($0, limit: 120) }
                let more = decoded.problems.count > 5 ? " (and \(decoded.problems.count - 5) more)" : ""
                noticeOnce(
                    "\(fileURL.path): kept what could be read; dropped or clamped: \(shown.joined(separator: "; "))\(more)"
                )
            }
            return Current(progress: decoded.progress, original: decoded.problems.isEmpty ? nil : data)
        } catch .newerVersion(let version) {
            state.withLock { $0.readOnly = true }
            noticeOnce(
                "\(fileURL.path) was written by a newer tandem (format \(version)); upgrade tandem. Running without recording progress."
            )
            return Current(progress: StudentProgress(courseID: courseID))
        } catch .notProgress(let reason) {
            noticeOnce(
                "\(fileURL.path) could not be read (\(TerminalText.excerpt(reason, limit: 160))); starting fresh. It is moved aside, not deleted, when progress is next saved."
            )
            return Current(progress: StudentProgress(courseID: courseID), unreadable: true)
        }
    }

    /// The bytes of the progress file; nil when there is none. Any other failure is an error:
    /// a file that exists but cannot be read must never be taken for no progress.
    private func readFile() throws -> Data? {
        do {
            return Data(try BoundedInput.read(fileURL.path, limit: Self.maximumFileSize))
        } catch let failure where failure.code == ENOENT {
            return nil
        } catch let failure where failure.code == nil {
            throw ProgressError(
                "\(failure.description); a progress file is never near that size, so nothing was changed (move it aside to start fresh)"
            )
        } catch {
            throw ProgressError("\(error.description); nothing was changed (check its permissions)")
        }
    }

    /// No course's progress comes near this; a bigger file is not progress.
    public static let maximumFileSize = 64 << 20

    /// Saves `progress` over what `read` found. Called under the exclusive lock, so the file is
    /// still what `read` saw. Once a repaired file is saved it reads clean, so its original is
    /// copied once.
    private func save(_ progress: StudentProgress, over current: Current) throws {
        if current.unreadable { try moveAside() }
        if let original = current.original {
            let copy = uniqueSibling("progress.json.before-repair", now: Date())
            do { try Self.atomicWrite(original, to: copy) } catch {
                throw keep(progress, because: "cannot keep a copy of the original before repairing it: \(error)")
            }
            noticeOnce("the original of \(fileURL.path) is kept as \(copy.lastPathComponent)")
        }
        do {
            try writeUnlocked(progress)
        } catch {
            throw keep(progress, because: "\(error)")
        }
    }

    /// The error for a failed save, after writing `progress` to a side file (beside the progress
    /// file when that folder is writable, else in the temporary folder).
    private func keep(_ progress: StudentProgress, because reason: String) -> ProgressError {
        let candidates = [
            uniqueSibling("progress.json.unsaved", now: Date()),
            FileManager.default.temporaryDirectory.appendingPathComponent(
                "tandem-unsaved-progress-\(courseID)-\(Self.uniqueStamp(Date())).json"),
        ]
        let message = "could not save progress to \(fileURL.path): \(reason)"
        guard let data = try? Self.encoder.encode(progress) else { return ProgressError(message) }
        for candidate in candidates where (try? Self.atomicWrite(data, to: candidate)) != nil {
            return ProgressError(
                message
                    + ". Your new progress is in \(candidate.path); fix the problem, then run `tandem progress --import \(candidate.path)`",
                keptIn: candidate)
        }
        return ProgressError(message + "; a copy could not be written anywhere either")
    }

    /// Moves an unreadable progress file aside (under the exclusive lock) to a name no other file has.
    private func moveAside() throws {
        let aside = uniqueSibling("progress.json.corrupt", now: Date())
        guard rename(fileURL.path, aside.path) == 0 else {
            throw ProgressError(
                "\(fileURL.path) could not be read and could not be moved aside: \(String(cString: strerror(errno))); nothing was changed"
            )
        }
        noticeOnce("moved the unreadable \(fileURL.lastPathComponent) to \(aside.lastPathComponent)")
    }

    /// `directory/BASE-<time>-<pid>-<n>` that does not exist yet: never overwrites another backup,
    /// even two in the same second or from two processes.
    private func uniqueSibling(_ base: String, now: Date) -> URL {
        let stamp = Self.uniqueStamp(now)
        var suffix = 0
        while true {
            let name = suffix == 0 ? "\(base)-\(stamp)" : "\(base)-\(stamp)-\(suffix)"
            let url = directory.appendingPathComponent(name)
            if access(url.path, F_OK) != 0 && errno == ENOENT { return url }
            suffix += 1
        }
    }

    /// Time to the millisecond and the process id: distinct across processes and within one.
    static func uniqueStamp(_ now: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let time = formatter.string(from: now).replacingOccurrences(of: ":", with: "")
        return "\(time)-\(getpid())"
    }

    private func writeUnlocked(_ progress: StudentProgress) throws {
        let data = try Self.encoder.encode(progress)
        try Self.atomicWrite(data, to: fileURL)
        removeAbandonedTemporaryFiles()
    }

    /// Half-written temporary files of writers killed mid-write. Safe to remove: we hold the
    /// exclusive lock, and every write of this file happens under it.
    private func removeAbandonedTemporaryFiles() {
        let prefix = ".\(fileURL.lastPathComponent).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Temporary file in the same folder, fsync, rename: readers see the old file or the new one.
    public static func atomicWrite(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try createDirectory(directory)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else {
            throw CourseError(path: directory.path, message: "cannot write there: \(String(cString: strerror(errno)))")
        }
        var ok = true
        data.withUnsafeBytes { buffer in
            #if DEBUG
                if stallsMidWrite {
                    // Test hook (debug builds only): write half, make it durable, then hang until
                    // the test kills us.
                    _ = Output.writeAll(fd, UnsafeRawBufferPointer(rebasing: buffer[..<(buffer.count / 2)]))
                    fsync(fd)
                    while true { pause() }
                }
            #endif
            ok = Output.writeAll(fd, buffer) == nil
        }
        if fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok, rename(temporary.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary.path)
            throw CourseError(path: url.path, message: "cannot write: \(message)")
        }
        // Make the rename itself durable.
        let dirFD = open(directory.path, O_RDONLY)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    #if DEBUG
        /// Debug builds only (the released binary has no such switch): `TANDEM_TEST_STALL_MID_WRITE=1`
        /// makes a writer stop halfway through the temporary file and wait to be killed, so a test
        /// can kill a real tandem process mid-write deterministically.
        static let stallsMidWrite: Bool = {
            guard let value = ProcessInfo.processInfo.environment["TANDEM_TEST_STALL_MID_WRITE"] else { return false }
            return !value.isEmpty
        }()
    #endif

    /// Creates `directory` (and its parents), failing in words (mkdir's reason, not an NSError dump).
    static func createDirectory(_ directory: URL) throws {
        var path = ""
        for component in directory.standardizedFileURL.pathComponents {
            path = component == "/" ? "/" : (path == "/" ? "/" : path + "/") + component
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw CourseError(path: path, message: "cannot create this folder: \(String(cString: strerror(errno)))")
            }
        }
    }

    /// Runs `body` holding the lock: exclusive for anything that writes (it must be had, or
    /// nothing is written), shared for reads (which go ahead unlocked when the lock file cannot
    /// be created, as in a read-only folder: every write is an atomic rename, so a reader never
    /// sees half a file).
    private func withLock<T>(exclusive: Bool, _ body: () throws -> T) throws -> T {
        var descriptor: Int32 = -1
        do {
            try Self.createDirectory(directory)
            descriptor = open(lockURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if descriptor < 0 && !exclusive { descriptor = open(lockURL.path, O_RDONLY | O_CLOEXEC) }
        } catch  where exclusive {
            throw ProgressError("cannot save progress: \(error); nothing was changed")
        } catch {}
        if descriptor < 0 {
            if exclusive {
                throw ProgressError(
                    "cannot lock \(lockURL.path): \(String(cString: strerror(errno))); nothing was saved (check the folder's permissions)"
                )
            }
            return try body()
        }
        defer { close(descriptor) }
        while flock(descriptor, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno == EINTR { continue }
            if !exclusive { return try body() }
            throw ProgressError(
                "cannot lock \(lockURL.path): \(String(cString: strerror(errno))); nothing was saved")
        }
        return try body()
    }

    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
