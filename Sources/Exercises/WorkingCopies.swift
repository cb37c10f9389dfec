import Course
import Foundation
import Seeded

/// The student's working copies live outside git (exercises/.gitignore): tandem creates each from
/// its starter on first use, and moves a student's work along when an edition renumbers folders.
/// So a `git pull` of a new edition never meets an edited file: earlier editions' files stay in
/// git unchanged, and this edition's starters live only in `.starters/`.
extension ExerciseLayout {
    /// The list of earlier editions' locations (`.starters/MOVED`).
    public var movedList: URL { package.appendingPathComponent(".starters").appendingPathComponent("MOVED") }

    /// An earlier edition's working copy of an exercise.
    public struct PreviousCopy: Sendable, Equatable {
        public var id: String
        /// Relative to the exercises package.
        public var file: String
        /// FNV-1a 64 of the starter that edition shipped there.
        public var starterHash: String
    }

    /// The earlier locations listed in `.starters/MOVED` (none when there is no list).
    public func previousCopies() throws -> [PreviousCopy] {
        guard let text = try? String(contentsOf: movedList, encoding: .utf8) else { return [] }
        var copies: [PreviousCopy] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard fields.count == 3, !fields[1].contains(".."), !fields[1].hasPrefix("/") else {
                throw ExerciseError(
                    "\(movedList.path):\(index + 1): expected 'exercise-id old-file starter-hash', found '\(trimmed.prefix(80))'"
                )
            }
            copies.append(PreviousCopy(id: fields[0], file: fields[1], starterHash: fields[2]))
        }
        return copies
    }

    /// Makes sure every exercise has a working copy: moves an earlier edition's copy that the
    /// student edited, else copies the starter. Returns one line per move, for the student.
    /// Never overwrites an existing working copy.
    @discardableResult
    public func prepareWorkingCopies(_ exercises: [ExerciseEntry]) throws -> [String] {
        let files = FileManager.default
        let previous = try previousCopies()
        var notes: [String] = []
        for exercise in exercises {
            let student = studentFile(exercise)
            guard !files.fileExists(atPath: student.path) else { continue }
            let starter = starterFile(exercise)
            guard files.fileExists(atPath: starter.path) else { continue }
            try files.createDirectory(at: student.deletingLastPathComponent(), withIntermediateDirectories: true)
            var moved = false
            for copy in previous where copy.id == exercise.id && copy.file != exercise.file {
                let old = package.appendingPathComponent(copy.file)
                guard let data = files.contents(atPath: old.path) else { continue }
                if fnv1a64(data) == copy.starterHash {
                    // Untouched: this edition's starter replaces it.
                    try? files.removeItem(at: old)
                } else if !moved {
                    try files.moveItem(at: old, to: student)
                    moved = true
                    notes.append(
                        "Your work on \(exercise.id) moved from exercises/\(copy.file) to exercises/\(exercise.file).")
                }
                removeIfEmpty(old.deletingLastPathComponent())
            }
            if !moved { try files.copyItem(at: starter, to: student) }
        }
        return notes
    }

    private func removeIfEmpty(_ folder: URL) {
        guard folder.standardizedFileURL.path.hasPrefix(package.standardizedFileURL.path + "/"),
            (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true
        else { return }
        try? FileManager.default.removeItem(at: folder)
    }
}

/// FNV-1a 64 of some bytes, in lower-case hex (the hashes in `.starters/MOVED`).
public func fnv1a64(_ data: Data) -> String {
    FNV1a.hex(data)
}
