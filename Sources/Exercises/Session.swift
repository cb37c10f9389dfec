import Course
import Foundation
import Terminal

/// What the exercise commands share: the course, its progress store and the display settings.
public struct ExerciseSession {
    public var course: CourseFolder
    public var store: ProgressStore
    public var settings: TerminalSettings
    public var layout: ExerciseLayout
    /// How file paths are printed (relative to the current folder, else absolute).
    public var paths: PathDisplay

    public init(
        course: CourseFolder, settings: TerminalSettings, store: ProgressStore? = nil,
        paths: PathDisplay = .currentDirectory,
        prepareWorkingCopies: Bool = true
    ) {
        self.course = course
        self.settings = settings
        self.store = store ?? ProgressStore(course: course)
        self.layout = ExerciseLayout(course: course)
        self.paths = paths
        let layout = self.layout
        let exercises = course.manifest.exercises
        self.preparation = prepareWorkingCopies ? Result { try layout.prepareWorkingCopies(exercises) } : .success([])
    }

    /// Creating the working copies (from the starters, or moved from an earlier edition's
    /// folders) when the session starts: the lines saying what moved, or why it failed.
    public let preparation: Result<[String], Error>

    /// The preparation's lines for a command that checks nothing (`check` prints them with its
    /// results; `watch` keeps them on screen): what moved, or why preparing failed, so a student's earlier work never moves
    /// unannounced, whichever exercise command runs first after an upgrade.
    public var preparationNotes: [String] {
        switch preparation {
        case .success(let moves): return moves
        case .failure(let error): return ["Could not prepare the exercise files: \(error)"]
        }
    }

    public var exercises: [ExerciseEntry] { course.manifest.exercises }

    /// No build folder yet: the first check also compiles the engine, which takes a while.
    public var firstBuild: Bool { !FileManager.default.fileExists(atPath: layout.scratch.path) }

    /// `name` resolved (number, id or prefix), else the current exercise.
    public func exercise(named name: String?) throws -> ExerciseEntry? {
        if let name {
            do { return try course.exerciseResolver.resolve(name) } catch { throw ExerciseError(error.message) }
        }
        return currentExercise(exercises, progress: try store.load())
    }

    /// The student's file as the student can open it from here (see `PathDisplay`).
    public func displayPath(_ exercise: ExerciseEntry) -> String {
        paths.show(layout.studentFile(exercise))
    }

    /// Checks one exercise or all, records the results, and returns the text to print.
    public func check(
        _ selection: [ExerciseEntry], all: Bool, json: Bool, timeLimit: Double,
        progress: (String) -> Void = { _ in }
    ) throws -> (text: String, allPassed: Bool) {
        let moves = try preparation.get()
        let checker = ExerciseChecker(course: course, paths: paths, timeLimit: timeLimit)
        let report = CheckReport(settings: settings)
        if !json { for line in moves { progress(report.wrap(line)) } }
        var results: [CheckResult] = []
        if all {
            results = try checker.checkAll(selection) { result in
                if !json { progress(report.headline(result)) }
            }
        } else {
            for exercise in selection { results.append(try checker.check(exercise)) }
        }
        let previousBests = try record(results, in: store, scheduler: course.scheduler)
        for index in results.indices { results[index].previousBest = previousBests[index] }
        let allPassed = results.allSatisfy { $0.status == .passed }
        if json { return (CheckReport.json(results).serialized(), allPassed) }
        if all {
            var lines = [report.summary(results)]
            if let first = results.first(where: { $0.status != .passed }) {
                lines.append("")
                lines.append(report.detail(first, file: displayPath(first.exercise)))
            }
            return (lines.joined(separator: "\n"), allPassed)
        }
        var text = results.map { report.detail($0, file: displayPath($0.exercise)) }.joined(separator: "\n")
        if allPassed { text += "\n" + report.wrap(nextStep(progress: try store.load())) }
        return (text, allPassed)
    }

    /// What to do after a pass. The next exercise only when its lesson has been read: `tandem
    /// next` goes lesson by lesson (read, quiz, exercises), and check must not skip ahead of it.
    public func nextStep(progress: StudentProgress) -> String {
        guard let next = currentExercise(exercises, progress: progress) else { return "Every exercise is solved." }
        guard progress.lessons[next.lesson]?.read == true else {
            let lesson = course.lesson(slug: next.lesson).map { "lesson \($0.number), \($0.title)," } ?? "its lesson"
            return "Next: tandem next (exercise \(next.number) comes after \(lesson) which you have not read yet)."
        }
        return "Next: exercise \(next.number), \(next.title): edit \(displayPath(next)), then run tandem check."
    }

    /// The hints revealed so far, after revealing one more.
    /// `again` says how to ask for the next level (a command, or a key in `watch`).
    public func hint(_ exercise: ExerciseEntry, again: String? = nil) throws -> String {
        let report = CheckReport(settings: settings)
        guard !exercise.hints.isEmpty else { return report.wrap("Exercise \(exercise.number) has no hints.") }
        let (shown, advanced) = try Hints.reveal(exercise, store: store)
        var lines = [
            report.wrap(
                "Hints for exercise \(exercise.number), \(exercise.title) (\(shown.count) of \(exercise.hints.count)):")
        ]
        for (index, hint) in shown.enumerated() {
            lines.append(report.wrap("  \(index + 1). " + report.inline(hint), indent: 5))
        }
        if !advanced {
            lines.append(
                report.wrap(
                    "That is every hint. Once the exercise passes, tandem solution \(exercise.number) shows the reference solution."
                ))
        } else if shown.count < exercise.hints.count {
            lines.append(report.wrap("\(again ?? "Run tandem hint \(exercise.number)") again for the next hint."))
        }
        return lines.joined(separator: "\n")
    }

    /// The reference solution's source, if the student may see it.
    public func solution(_ exercise: ExerciseEntry, force: Bool) throws -> String {
        let solved = try store.load().exercises[exercise.id]?.solved == true
        guard solved || force else {
            throw ExerciseError(
                "exercise \(exercise.number) has not passed yet; solve it first (tandem check \(exercise.number)), or use --force"
            )
        }
        let url = layout.solutionFile(exercise)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ExerciseError("\(paths.show(url)): the reference solution is missing")
        }
        if !solved {
            // Seen before solving: the first pass will bring the exercise back for review.
            try store.update { $0.exercises[exercise.id, default: ExerciseRecord()].solutionSeenBeforePass = true }
        }
        return CheckReport(settings: settings).wrapCode("// \(paths.show(url))\n" + text)
    }
}
