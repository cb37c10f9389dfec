import Course
import Foundation

/// Hints are revealed one level at a time; the level reached is kept in the progress store.
public enum Hints {
    /// Reveals one more level (if any is left) and returns the hints now visible, in order.
    public static func reveal(_ exercise: ExerciseEntry, store: ProgressStore) throws -> (
        shown: [String], newlyRevealed: Bool
    ) {
        var level = 0
        var advanced = false
        try store.update { progress in
            var record = progress.exercises[exercise.id] ?? ExerciseRecord()
            if record.hintsUsed < exercise.hints.count {
                record.hintsUsed += 1
                advanced = true
            }
            level = min(record.hintsUsed, exercise.hints.count)
            progress.exercises[exercise.id] = record
        }
        return (Array(exercise.hints.prefix(level)), advanced)
    }
}

/// Restores pristine starters, keeping the student's version as a backup first.
public struct Resetter {
    public var layout: ExerciseLayout
    public var now: () -> Date

    public init(layout: ExerciseLayout, now: @escaping () -> Date = Date.init) {
        self.layout = layout
        self.now = now
    }

    /// What a reset did.
    public struct Outcome: Sendable, Equatable {
        /// Where the student's previous version was saved; nil when it already equalled the starter.
        public var backup: URL?
    }

    public func reset(_ exercise: ExerciseEntry) throws -> Outcome {
        let starter = layout.starterFile(exercise)
        let student = layout.studentFile(exercise)
        guard let pristine = FileManager.default.contents(atPath: starter.path) else {
            throw ExerciseError("\(starter.path): tandem's copy of the starter is missing; cannot reset")
        }
        var backup: URL?
        if let current = FileManager.default.contents(atPath: student.path), current != pristine {
            let stamp = Self.stamp(now())
            let folder = layout.backupsDirectory.appendingPathComponent(exercise.file).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var url = folder.appendingPathComponent("\(student.lastPathComponent).\(stamp)")
            var suffix = 2
            while FileManager.default.fileExists(atPath: url.path) {
                url = folder.appendingPathComponent("\(student.lastPathComponent).\(stamp)-\(suffix)")
                suffix += 1
            }
            try current.write(to: url, options: .atomic)
            backup = url
        }
        try FileManager.default.createDirectory(
            at: student.deletingLastPathComponent(), withIntermediateDirectories: true)
        try pristine.write(to: student, options: .atomic)
        return Outcome(backup: backup)
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }
}

public struct ExerciseError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
