import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes `progress.json` for one course.
///
/// Every change is a read-modify-write under an advisory `flock` on a lock file beside it, and the
/// write is atomic (temporary file in the same folder, fsync, rename), so two tandem processes at
/// once lose nothing and a writer killed mid-write leaves the old file valid.
public final class ProgressStore: @unchecked Sendable {
    public let directory: URL
    public let courseID: String
    public var fileURL: URL { directory.appendingPathComponent("progress.json") }
    var lockURL: URL { directory.appendingPathComponent("progress.json.lock") }

    /// Where notices go (moved-aside corrupt file, newer format). Defaults to stderr.
    public var notice: @Sendable (String) -> Void = { message in
        FileHandle.standardError.write(Data(("tandem: " + message + "\n").utf8))
    }
    /// Set when the file on disk is newer than this tandem understands: nothing is recorded.
    public private(set) var readOnly = false
    private var warnedReadOnly = false

    public init(directory: URL, courseID: String) {
        self.directory = directory
        self.courseID = courseID
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

    public convenience init(course: Course, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(
            directory: ProgressStore.defaultDirectory(courseID: course.manifest.id, environment: environment),
            courseID: course.manifest.id)
    }

    /// The current progress (fresh when there is none yet). Never throws: a corrupt file is moved
    /// aside with a notice; an unreadable one reads as fresh.
    public func load() -> Progress {
        withLock(exclusive: false) { readUnlocked() }
    }

    /// Applies `change` to the stored progress and saves it, all inside the lock.
    /// Returns the progress after the change. In read-only mode the change is applied in memory only.
    @discardableResult
    public func update(_ change: (inout Progress) throws -> Void) rethrows -> Progress {
        try withLock(exclusive: true) {
            var progress = readUnlocked()
            try change(&progress)
            if readOnly {
                if !warnedReadOnly {
                    warnedReadOnly = true
                    notice("progress not recorded: \(fileURL.path) was written by a newer tandem; upgrade tandem")
                }
                return progress
            }
            do {
                try writeUnlocked(progress)
            } catch {
                notice("could not save progress to \(fileURL.path): \(error.localizedDescription)")
            }
            return progress
        }
    }

    /// Replaces the stored progress wholesale (import, reset).
    public func replace(with progress: Progress) throws {
        try withLock(exclusive: true) {
            _ = readUnlocked()
            if readOnly { throw CourseError(path: fileURL.path, message: "written by a newer tandem; upgrade tandem") }
            try writeUnlocked(progress)
        }
    }

    // MARK: - Internals

    private func readUnlocked() -> Progress {
        guard let data = FileManager.default.contents(atPath: fileURL.path) else {
            return Progress(courseID: courseID)
        }
        if let version = Self.formatVersion(of: data), version > Progress.currentFormatVersion {
            readOnly = true
            if !warnedReadOnly {
                warnedReadOnly = true
                notice(
                    "\(fileURL.path) was written by a newer tandem (format \(version)); upgrade tandem. Running without recording progress."
                )
            }
            return Progress(courseID: courseID)
        }
        do {
            return try Self.decoder.decode(Progress.self, from: data)
        } catch {
            moveAsideCorrupt()
            return Progress(courseID: courseID)
        }
    }

    private func moveAsideCorrupt() {
        let stamp = ISO8601DateFormatter().string(from: Date()).replacingOccurrences(of: ":", with: "")
        let aside = directory.appendingPathComponent("progress.json.corrupt-\(stamp)")
        do {
            try? FileManager.default.removeItem(at: aside)
            try FileManager.default.moveItem(at: fileURL, to: aside)
            notice("\(fileURL.path) could not be read; moved it to \(aside.lastPathComponent) and started fresh")
        } catch {
            notice("\(fileURL.path) could not be read and could not be moved aside: \(error.localizedDescription)")
        }
    }

    private func writeUnlocked(_ progress: Progress) throws {
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
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CourseError(path: temporary.path, message: String(cString: strerror(errno))) }
        var ok = true
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            if stallsMidWrite {
                // Test hook: write half, make it durable, then hang until the test kills us.
                _ = writeAll(fd, base, buffer.count / 2)
                fsync(fd)
                while true { pause() }
            }
            ok = writeAll(fd, base, buffer.count)
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

    /// `TANDEM_TEST_STALL_MID_WRITE=1` makes a writer stop halfway through the temporary file and
    /// wait to be killed, so a test can kill a real tandem process mid-write deterministically.
    static let stallsMidWrite: Bool = {
        guard let value = ProcessInfo.processInfo.environment["TANDEM_TEST_STALL_MID_WRITE"] else { return false }
        return !value.isEmpty
    }()

    private static func writeAll(_ fd: Int32, _ start: UnsafeRawPointer, _ count: Int) -> Bool {
        var pointer = start
        var remaining = count
        while remaining > 0 {
            let written = write(fd, pointer, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            remaining -= written
            pointer += written
        }
        return true
    }

    private func withLock<T>(exclusive: Bool, _ body: () throws -> T) rethrows -> T {
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let fd = open(lockURL.path, O_RDWR | O_CREAT, 0o644)
        if fd >= 0 {
            while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 && errno == EINTR {}
        }
        defer {
            if fd >= 0 {
                flock(fd, LOCK_UN)
                close(fd)
            }
        }
        return try body()
    }

    static func formatVersion(of data: Data) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["format_version"] as? Int
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
