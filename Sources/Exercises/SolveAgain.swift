import Course
import Foundation

/// "Solve it again from the starter": the spaced review of an exercise that first passed only
/// after hints or after its solution was shown (`ExerciseReview`). The student works in a scratch
/// copy, `exercises/.again/FOLDER/FILE` (git-ignored), made from the starter; it is checked in a
/// temporary copy of the exercises package (as `dev verify` checks), so the student's passing
/// working copy is never touched.
public struct SolveAgain {
    public var course: CourseFolder
    public var timeLimit: Double

    public init(course: CourseFolder, timeLimit: Double = 20) {
        self.course = course
        self.timeLimit = timeLimit
    }

    /// The scratch copy of `exercise`.
    public func scratchFile(_ exercise: ExerciseEntry) -> URL {
        course.exercisesDirectory.appendingPathComponent(".again").appendingPathComponent(exercise.file)
    }

    /// Makes the scratch copy from the starter when it is missing; says whether it was made now.
    @discardableResult
    public func prepare(_ exercise: ExerciseEntry) throws -> Bool {
        let scratch = scratchFile(exercise)
        if FileManager.default.fileExists(atPath: scratch.path) { return false }
        let starter = ExerciseLayout(course: course).starterFile(exercise)
        guard FileManager.default.fileExists(atPath: starter.path) else {
            throw ExerciseError("\(course.relativePath(starter)): the starter is missing")
        }
        try replaceWithCopy(scratch, of: starter)
        return true
    }

    /// Checks the scratch copy in a temporary copy of the package (the other exercises as the
    /// student has them, or their starters where no working copy exists yet).
    public func check(_ exercise: ExerciseEntry) throws -> CheckResult {
        let copy = try WorkingPackage(copying: course, prefix: "tandem-again")
        defer { copy.remove() }
        let layout = copy.layout
        for entry in course.manifest.exercises {
            let target = layout.studentFile(entry)
            let source = entry.id == exercise.id ? scratchFile(exercise) : nil
            if source == nil && FileManager.default.fileExists(atPath: target.path) { continue }
            try replaceWithCopy(target, of: source ?? layout.starterFile(entry))
        }
        let checker = ExerciseChecker(layout: layout, paths: PathDisplay(base: copy.work), timeLimit: timeLimit)
        return try checker.check(exercise)
    }

    /// Records the attempt in review ("good" when it passed, "again" when not); a passed copy is
    /// removed, so the next review starts from the starter again.
    public func record(_ result: CheckResult, in store: ProgressStore, now: Date = Date()) throws {
        let passed = result.status == .passed
        try store.update {
            ExerciseReview.recordReviewAttempt(
                exerciseID: result.exercise.id, passed: passed, usedHints: false, now: now,
                scheduler: course.scheduler, in: &$0)
        }
        if passed { try? FileManager.default.removeItem(at: scratchFile(result.exercise)) }
    }
}
