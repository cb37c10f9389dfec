import Foundation
import TOML

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
    /// Lesson and exercise numbers must lie in this range (they name folders and commands: `read 3`).
    public static let numberRange = 1...9999

    /// Parses a manifest. Errors name the file and the line (TOML syntax errors, and every wrong,
    /// missing or duplicate field, at the line of its key or its `[[lessons]]`/`[[exercises]]` header).
    public static func parse(_ text: String, path: String) throws(CourseError) -> CourseManifest {
        try parseWithLines(text, path: path).manifest
    }

    /// Where each lesson's and exercise's `[[lessons]]`/`[[exercises]]` header is, in manifest order.
    public struct SourceLines: Sendable, Equatable {
        public var lessons: [Int]
        public var exercises: [Int]

        public init(lessons: [Int] = [], exercises: [Int] = []) {
            self.lessons = lessons
            self.exercises = exercises
        }
    }

    /// `parse`, also giving the line of every lesson and exercise (for `lint`'s messages).
    public static func parseWithLines(_ text: String, path: String) throws(CourseError) -> (
        manifest: CourseManifest, lines: SourceLines
    ) {
        let table: TOMLTable
        do {
            table = try TOMLDocument.parse(text).root
        } catch {
            throw CourseError(
                path: path, line: error.line, message: "TOML syntax error at column \(error.column): \(error.message)")
        }

        /// The line of `key` in `t`, else of `t` itself (its header).
        func line(_ t: TOMLTable, _ key: String) -> Int {
            t.position(ofKey: key)?.line ?? t.line
        }
        /// A string field; a missing one is reported at its table's header (top-level: no line).
        func string(_ t: TOMLTable, _ key: String, required: Bool, topLevel: Bool = false) throws(CourseError)
            -> String
        {
            if let value = t[key]?.string { return value }
            if t[key] != nil { throw CourseError(path: path, line: line(t, key), message: "'\(key)' must be a string") }
            if required {
                throw CourseError(path: path, line: topLevel ? nil : t.line, message: "missing '\(key)'")
            }
            return ""
        }
        func number(_ t: TOMLTable, _ key: String, what: String) throws(CourseError) -> Int? {
            guard let value = t[key] else { return nil }
            guard let number = value.int else {
                throw CourseError(path: path, line: line(t, key), message: "\(what) is missing integer '\(key)'")
            }
            guard numberRange.contains(number) else {
                throw CourseError(
                    path: path, line: line(t, key),
                    message:
                        "\(what) number \(number) is outside the allowed range \(numberRange.lowerBound)...\(numberRange.upperBound)"
                )
            }
            return number
        }

        let versionLine = table.position(ofKey: "format_version")?.line
        guard let version = table["format_version"]?.int else {
            throw CourseError(path: path, line: versionLine, message: "missing integer 'format_version'")
        }
        if version > supportedFormatVersion {
            throw CourseError(
                path: path, line: versionLine,
                message:
                    "format_version \(version) is newer than this tandem understands (\(supportedFormatVersion)); upgrade tandem"
            )
        }
        var manifest = CourseManifest(
            formatVersion: version,
            id: try string(table, "id", required: true, topLevel: true),
            title: try string(table, "title", required: true, topLevel: true),
            welcome: try string(table, "welcome", required: false),
            final: try string(table, "final", required: false)
        )

        if let review = table["review"] {
            guard let reviewTable = review.table else {
                throw CourseError(path: path, line: review.line, message: "'review' must be a table")
            }
            if let value = reviewTable["target_retention"] {
                guard let retention = value.double ?? value.int.map(Double.init), (0.7...0.97).contains(retention)
                else {
                    throw CourseError(
                        path: path, line: line(reviewTable, "target_retention"),
                        message: "review.target_retention must be a number from 0.7 to 0.97")
                }
                manifest.targetRetention = retention
            }
        }

        var lessonLines: [Int] = []
        for value in try entries(table, "lessons", path: path) {
            guard let t = value.table else {
                throw CourseError(path: path, line: value.line, message: "lessons entry is not a table")
            }
            guard let number = try number(t, "number", what: "lesson") else {
                throw CourseError(path: path, line: t.line, message: "lesson is missing integer 'number'")
            }
            let slug = try string(t, "slug", required: true)
            let quiz: String?
            if t["quiz"] == nil { quiz = nil } else { quiz = try string(t, "quiz", required: true) }
            manifest.lessons.append(
                LessonEntry(
                    number: number, slug: slug, title: try string(t, "title", required: true),
                    folder: try string(t, "folder", required: true), quiz: quiz))
            lessonLines.append(t.line)
        }
        var exerciseLines: [Int] = []
        for (index, value) in try entries(table, "exercises", path: path).enumerated() {
            guard let t = value.table else {
                throw CourseError(path: path, line: value.line, message: "exercises entry is not a table")
            }
            var hints: [String] = []
            if let hintsValue = t["hints"] {
                guard let array = hintsValue.array else {
                    throw CourseError(path: path, line: line(t, "hints"), message: "hints must be strings")
                }
                for hint in array {
                    guard let text = hint.string else {
                        throw CourseError(path: path, line: hint.line, message: "hints must be strings")
                    }
                    hints.append(text)
                }
            }
            let id = try string(t, "id", required: true)
            manifest.exercises.append(
                ExerciseEntry(
                    id: id, number: try number(t, "number", what: "exercise") ?? (index + 1),
                    slug: t["slug"]?.string ?? id,
                    title: try string(t, "title", required: true),
                    file: try string(t, "file", required: true),
                    lesson: try string(t, "lesson", required: true),
                    hints: hints))
            exerciseLines.append(t.line)
        }
        try manifest.validate(path: path, lessonLines: lessonLines, exerciseLines: exerciseLines)
        return (manifest, SourceLines(lessons: lessonLines, exercises: exerciseLines))
    }

    /// The elements of the array `key` (`[[key]]` tables); absent means none.
    private static func entries(_ table: TOMLTable, _ key: String, path: String) throws(CourseError) -> [TOMLValue] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            throw CourseError(
                path: path, line: table.position(ofKey: key)?.line,
                message: "'\(key)' must be an array of tables ([[\(key)]])")
        }
        return Array(array)
    }

    /// Structural checks that do not need the file system; the lines are each entry's header.
    func validate(path: String, lessonLines: [Int], exerciseLines: [Int]) throws(CourseError) {
        var seenSlugs = Set<String>()
        var seenNumbers = Set<Int>()
        for (index, lesson) in lessons.enumerated() {
            let line = lessonLines[index]
            if !seenSlugs.insert(lesson.slug).inserted {
                throw CourseError(path: path, line: line, message: "duplicate lesson slug '\(lesson.slug)'")
            }
            if !seenNumbers.insert(lesson.number).inserted {
                throw CourseError(path: path, line: line, message: "duplicate lesson number \(lesson.number)")
            }
        }
        var seenExercises = Set<String>()
        for (index, exercise) in exercises.enumerated() {
            let line = exerciseLines[index]
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
