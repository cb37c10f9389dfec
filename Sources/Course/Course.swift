import Foundation
import Terminal

/// A course on disk: the folder holding `content/course.toml`, and its parsed manifest.
public struct CourseFolder: Sendable {
    /// The course root (the folder that holds `content/`).
    public let root: URL
    public let manifest: CourseManifest

    /// The manifest's display text (titles, welcome, final message, hints) passes the terminal
    /// sanitizer here, once, so no screen that shows it can be sent control sequences.
    public init(root: URL, manifest: CourseManifest) {
        self.root = root
        var clean = manifest
        clean.title = TerminalText.sanitize(manifest.title)
        clean.welcome = TerminalText.sanitize(manifest.welcome)
        clean.final = TerminalText.sanitize(manifest.final)
        for index in clean.lessons.indices {
            clean.lessons[index].title = TerminalText.sanitize(clean.lessons[index].title)
        }
        for index in clean.exercises.indices {
            clean.exercises[index].title = TerminalText.sanitize(clean.exercises[index].title)
            clean.exercises[index].hints = clean.exercises[index].hints.map(TerminalText.sanitize)
        }
        self.manifest = clean
    }

    public var contentDirectory: URL { root.appendingPathComponent("content") }
    public var manifestURL: URL { contentDirectory.appendingPathComponent("course.toml") }
    public var exercisesDirectory: URL { root.appendingPathComponent("exercises") }

    public func lessonFile(_ lesson: LessonEntry) -> URL {
        contentDirectory.appendingPathComponent(lesson.folder).appendingPathComponent("lesson.md")
    }

    public func quizFile(_ lesson: LessonEntry) -> URL? {
        lesson.quiz.map { contentDirectory.appendingPathComponent(lesson.folder).appendingPathComponent($0) }
    }

    public func exerciseFile(_ exercise: ExerciseEntry) -> URL {
        exercisesDirectory.appendingPathComponent(exercise.file)
    }

    /// A path relative to the course root, for messages (`content/03-cascades/quiz.toml`).
    public func relativePath(_ url: URL) -> String {
        let rootPath = root.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        if path.hasPrefix(rootPath + "/") { return String(path.dropFirst(rootPath.count + 1)) }
        return path
    }

    public func lesson(slug: String) -> LessonEntry? { manifest.lessons.first { $0.slug == slug } }
    public func exercises(forLesson slug: String) -> [ExerciseEntry] { manifest.exercises.filter { $0.lesson == slug } }

    /// Loads the course rooted at `root`.
    public static func load(root: URL) throws(CourseError) -> CourseFolder {
        let manifestURL = root.appendingPathComponent("content/course.toml")
        let text: String
        do {
            text = try String(contentsOf: manifestURL, encoding: .utf8)
        } catch {
            throw CourseError(path: manifestURL.path, message: "cannot read: \(error.localizedDescription)")
        }
        return CourseFolder(root: root, manifest: try CourseManifest.parse(text, path: manifestURL.path))
    }
}

/// Finds the course: `--course DIR`, else `TANDEM_COURSE`, else the nearest ancestor of the working
/// directory holding `content/course.toml`, else the checkout tandem was built from (so both
/// `swift run` and a copied release binary work).
public enum CourseLocator {
    /// The checkout this binary was compiled from: three levels up from this source file.
    public static let buildCheckout: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func locate(
        explicit: String?,
        environment: [String: String] = ProcessInfo.processInfo.environment,
        workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
        fallback: URL? = CourseLocator.buildCheckout
    ) throws(CourseError) -> URL {
        if let explicit, !explicit.isEmpty {
            let url = URL(fileURLWithPath: explicit, relativeTo: workingDirectory).standardizedFileURL
            guard hasManifest(url) else {
                throw CourseError(
                    path: explicit,
                    message: "no content/course.toml here (--course names the folder that holds content/)")
            }
            return url
        }
        if let fromEnvironment = environment["TANDEM_COURSE"], !fromEnvironment.isEmpty {
            let url = URL(fileURLWithPath: fromEnvironment, relativeTo: workingDirectory).standardizedFileURL
            guard hasManifest(url) else {
                throw CourseError(
                    path: fromEnvironment, message: "TANDEM_COURSE names a folder without content/course.toml")
            }
            return url
        }
        var directory = workingDirectory.standardizedFileURL
        while true {
            if hasManifest(directory) { return directory }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        if let fallback, hasManifest(fallback) { return fallback.standardizedFileURL }
        throw CourseError(
            path: workingDirectory.path,
            message: "no course found: pass --course DIR, set TANDEM_COURSE, or run tandem inside the course folder")
    }

    static func hasManifest(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("content/course.toml").path)
    }
}
