import Foundation
import TOMLKit

/// `content/course.toml`: the course's versioned manifest.
public struct CourseManifest: Sendable, Equatable {
    public static let supportedFormatVersion = 1

    public var formatVersion: Int
    /// Stable id: progress is stored per course id, so renaming the title loses nothing.
    public var id: String
    public var title: String
    public var welcome: String
    public var final: String
    public var lessons: [LessonEntry]
    public var exercises: [ExerciseEntry]
    /// `[review] target_retention`: the recall probability at which FSRS brings a question back
    /// (default 0.9; 0.7…0.97 accepted: lower means fewer reviews and more forgetting).
    public var targetRetention: Double = 0.9

    public init(
        formatVersion: Int = 1, id: String, title: String, welcome: String = "", final: String = "",
        lessons: [LessonEntry] = [], exercises: [ExerciseEntry] = []
    ) {
        self.formatVersion = formatVersion
        self.id = id
        self.title = title
        self.welcome = welcome
        self.final = final
        self.lessons = lessons
        self.exercises = exercises
    }
}

public struct LessonEntry: Sendable, Equatable {
    public var number: Int
    /// Stable id of the lesson (progress is keyed by it).
    public var slug: String
    public var title: String
    /// Folder under `content/`, e.g. `03-cascades`.
    public var folder: String
    /// Quiz file name inside the folder, usually `quiz.toml`; nil when the lesson has none.
    public var quiz: String?

    public init(number: Int, slug: String, title: String, folder: String, quiz: String? = "quiz.toml") {
        self.number = number
        self.slug = slug
        self.title = title
        self.folder = folder
        self.quiz = quiz
    }
}

public struct ExerciseEntry: Sendable, Equatable {
    /// Stable id (progress is keyed by it).
    public var id: String
    /// Position in course order, from 1.
    public var number: Int
    public var slug: String
    public var title: String
    /// File name under `exercises/`, e.g. `Sources/E01MajorityVote/MajorityVote.swift`.
    public var file: String
    /// Slug of the lesson it belongs to.
    public var lesson: String
    /// Hints, revealed one level at a time.
    public var hints: [String]

    public init(id: String, number: Int, slug: String, title: String, file: String, lesson: String, hints: [String]) {
        self.id = id
        self.number = number
        self.slug = slug
        self.title = title
        self.file = file
        self.lesson = lesson
        self.hints = hints
    }
}

/// A problem in a course file: always names the file and, where known, the line.
public struct CourseError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}

extension CourseManifest {
    /// Parses a manifest. Errors name the file and, for syntax errors, the line.
    public static func parse(_ text: String, path: String) throws(CourseError) -> CourseManifest {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw CourseError(
                path: path, line: error.source.begin.line, message: "TOML syntax error: \(error.description)")
        } catch {
            throw CourseError(path: path, message: "cannot parse: \(error)")
        }
        let lines = ManifestLines(text: text)

        func string(_ t: TOMLTable, _ key: String, required: Bool, line: Int?) throws(CourseError) -> String {
            if let value = t[key]?.string { return value }
            if t[key] != nil { throw CourseError(path: path, line: line, message: "'\(key)' must be a string") }
            if required { throw CourseError(path: path, line: line, message: "missing '\(key)'") }
            return ""
        }

        guard let version = table["format_version"]?.int else {
            throw CourseError(
                path: path, line: lines.line(ofKey: "format_version"), message: "missing integer 'format_version'")
        }
        if version > supportedFormatVersion {
            throw CourseError(
                path: path, line: lines.line(ofKey: "format_version"),
                message:
                    "format_version \(version) is newer than this tandem understands (\(supportedFormatVersion)); upgrade tandem"
            )
        }
        var manifest = CourseManifest(
            formatVersion: version,
            id: try string(table, "id", required: true, line: lines.line(ofKey: "id")),
            title: try string(table, "title", required: true, line: lines.line(ofKey: "title")),
            welcome: try string(table, "welcome", required: false, line: lines.line(ofKey: "welcome")),
            final: try string(table, "final", required: false, line: lines.line(ofKey: "final"))
        )

        if let review = table["review"] {
            let line = lines.line(ofTable: "review")
            guard let reviewTable = review.table else {
                throw CourseError(path: path, line: line, message: "'review' must be a table")
            }
            if let value = reviewTable["target_retention"] {
                guard let retention = value.double ?? value.int.map(Double.init), (0.7...0.97).contains(retention)
                else {
                    throw CourseError(
                        path: path, line: line, message: "review.target_retention must be a number from 0.7 to 0.97")
                }
                manifest.targetRetention = retention
            }
        }

        let lessonTables = table["lessons"]?.array.map { Array($0) } ?? []
        for (index, value) in lessonTables.enumerated() {
            let line = lines.line(ofHeader: "lessons", occurrence: index)
            guard let t = value.table else {
                throw CourseError(path: path, line: line, message: "lessons entry is not a table")
            }
            guard let number = t["number"]?.int else {
                throw CourseError(path: path, line: line, message: "lesson is missing integer 'number'")
            }
            let slug = try string(t, "slug", required: true, line: line)
            let quiz: String?
            if t["quiz"] == nil { quiz = nil } else { quiz = try string(t, "quiz", required: true, line: line) }
            manifest.lessons.append(
                LessonEntry(
                    number: number, slug: slug, title: try string(t, "title", required: true, line: line),
                    folder: try string(t, "folder", required: true, line: line), quiz: quiz))
        }
        let exerciseTables = table["exercises"]?.array.map { Array($0) } ?? []
        for (index, value) in exerciseTables.enumerated() {
            let line = lines.line(ofHeader: "exercises", occurrence: index)
            guard let t = value.table else {
                throw CourseError(path: path, line: line, message: "exercises entry is not a table")
            }
            var hints: [String] = []
            if let array = t["hints"]?.array {
                for hint in array {
                    guard let text = hint.string else {
                        throw CourseError(path: path, line: line, message: "hints must be strings")
                    }
                    hints.append(text)
                }
            }
            let id = try string(t, "id", required: true, line: line)
            manifest.exercises.append(
                ExerciseEntry(
                    id: id, number: t["number"]?.int ?? (index + 1),
                    slug: t["slug"]?.string ?? id,
                    title: try string(t, "title", required: true, line: line),
                    file: try string(t, "file", required: true, line: line),
                    lesson: try string(t, "lesson", required: true, line: line),
                    hints: hints))
        }
        try manifest.validate(path: path, lines: lines)
        return manifest
    }

    /// Structural checks that do not need the file system.
    func validate(path: String, lines: ManifestLines) throws(CourseError) {
        var seenSlugs = Set<String>()
        var seenNumbers = Set<Int>()
        for (index, lesson) in lessons.enumerated() {
            let line = lines.line(ofHeader: "lessons", occurrence: index)
            if !seenSlugs.insert(lesson.slug).inserted {
                throw CourseError(path: path, line: line, message: "duplicate lesson slug '\(lesson.slug)'")
            }
            if !seenNumbers.insert(lesson.number).inserted {
                throw CourseError(path: path, line: line, message: "duplicate lesson number \(lesson.number)")
            }
        }
        var seenExercises = Set<String>()
        for (index, exercise) in exercises.enumerated() {
            let line = lines.line(ofHeader: "exercises", occurrence: index)
            if !seenExercises.insert(exercise.id).inserted {
                throw CourseError(path: path, line: line, message: "duplicate exercise id '\(exercise.id)'")
            }
            if !seenSlugs.contains(exercise.lesson) {
                throw CourseError(
                    path: path, line: line,
                    message: "exercise '\(exercise.id)' names unknown lesson '\(exercise.lesson)'")
            }
        }
    }
}

/// Finds line numbers in TOML source: TOMLKit reports lines only for syntax errors.
struct ManifestLines {
    let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// 1-based line of the `occurrence`-th `[[name]]` header.
    func line(ofHeader name: String, occurrence: Int) -> Int? {
        var seen = 0
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[[") {
                let inner = trimmed.dropFirst(2).prefix { $0 != "]" }.trimmingCharacters(in: .whitespaces)
                if inner == name {
                    if seen == occurrence { return index + 1 }
                    seen += 1
                }
            }
        }
        return nil
    }

    /// 1-based line of a `[name]` table header.
    func line(ofTable name: String) -> Int? {
        lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == "[\(name)]" }.map { $0 + 1 }
    }

    /// 1-based line of the first top-level `key =`.
    func line(ofKey key: String) -> Int? {
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") { return nil }
            if trimmed.hasPrefix(key), trimmed.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=")
            {
                return index + 1
            }
        }
        return nil
    }
}
