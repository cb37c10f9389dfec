import Course
import Foundation

/// Where an exercise's pieces live in the exercises package, and what its products are called.
///
/// `exercises/FILE` is the student's copy, `exercises/.starters/FILE` tandem's pristine starter,
/// `exercises/solutions/FILE` the reference solution, and `check-ID` the checker executable.
public struct ExerciseLayout: Sendable {
    /// The exercises package (`COURSE/exercises`).
    public let package: URL
    /// Build folder for the student's checks, separate from the tool's own `.build`.
    public let scratch: URL

    public init(package: URL, scratch: URL) {
        self.package = package
        self.scratch = scratch
    }

    public init(course: CourseFolder) {
        self.init(
            package: course.exercisesDirectory,
            scratch: course.root.appendingPathComponent(".build-exercises"))
    }

    public func studentFile(_ exercise: ExerciseEntry) -> URL { package.appendingPathComponent(exercise.file) }
    public func starterFile(_ exercise: ExerciseEntry) -> URL {
        package.appendingPathComponent(".starters").appendingPathComponent(exercise.file)
    }
    public func solutionFile(_ exercise: ExerciseEntry) -> URL {
        package.appendingPathComponent("solutions").appendingPathComponent(exercise.file)
    }
    public var backupsDirectory: URL { package.appendingPathComponent(".backups") }

    public static func checkerProduct(_ exercise: ExerciseEntry) -> String { "check-\(exercise.id)" }
    public static func runnerProduct(demo: String) -> String { "mine-\(demo)" }

    /// The built executable of a product (debug configuration).
    public func executable(_ product: String) -> URL {
        scratch.appendingPathComponent("debug").appendingPathComponent(product)
    }
}

/// Puts a copy of `source` at `target`, replacing whatever file is there and creating the folders
/// above it (working copies are not in git: a fresh checkout has no folder for them yet).
func replaceWithCopy(_ target: URL, of source: URL) throws {
    try? FileManager.default.removeItem(at: target)
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: source, to: target)
}

/// The exercise to work on: the first unsolved one in course order (nil when all are solved).
public func currentExercise(_ exercises: [ExerciseEntry], progress: StudentProgress) -> ExerciseEntry? {
    exercises.first { progress.exercises[$0.id]?.solved != true }
}
