import Course
import Foundation
import Seeded

/// `tandem dev verify`: every starter must fail its checks and every reference solution pass them.
///
/// Works in a temporary copy of the exercises package (pointed at the course's engine by absolute
/// path), so the student's files, the checkout and its build folders stay untouched. Starters and
/// solutions share one scratch folder, so the second build recompiles only the exercise files;
/// that folder is kept between runs (in the system's temporary folder, one per checkout), so the
/// engine and demos compile once, not on every `swift test`.
public struct Verifier {
    public var course: CourseFolder
    public var manifest: [ExerciseEntry]
    public var timeLimit: Double
    /// Progress lines ("building starters…").
    public var log: (String) -> Void

    public init(course: CourseFolder, timeLimit: Double = 60, log: @escaping (String) -> Void = { _ in }) {
        self.course = course
        self.manifest = course.manifest.exercises
        self.timeLimit = timeLimit
        self.log = log
    }

    public struct Report: Sendable {
        public var starterResults: [CheckResult]
        public var solutionResults: [CheckResult]
        public var problems: [String]
        public var seconds: Double
        public var ok: Bool { problems.isEmpty }
    }

    public func verify() throws -> Report {
        let start = Date()
        let copy = try WorkingPackage(copying: course, prefix: "tandem-verify")
        defer { copy.remove() }
        var problems: [String] = []

        let layout = copy.layout
        let checker = ExerciseChecker(layout: layout, paths: PathDisplay(base: copy.work), timeLimit: timeLimit)
        for exercise in manifest {
            for (kind, file) in [
                ("starter", layout.starterFile(exercise)), ("solution", layout.solutionFile(exercise)),
            ]
            where !FileManager.default.fileExists(atPath: file.path) {
                problems.append(
                    "\(exercise.id): the \(kind) exercises/\(course.relativePath(file).replacingOccurrences(of: "exercises/", with: "")) is missing"
                )
            }
            if exercise.hints.count < 2 {
                problems.append("\(exercise.id): needs at least two hint levels (has \(exercise.hints.count))")
            }
        }
        guard problems.isEmpty else {
            return Report(starterResults: [], solutionResults: [], problems: problems, seconds: 0)
        }

        func install(_ pick: (ExerciseEntry) -> URL) throws {
            for exercise in manifest { try replaceWithCopy(layout.studentFile(exercise), of: pick(exercise)) }
        }
        log("building and checking the starters…")
        try install(layout.starterFile)
        let starters = try checker.checkAllWithBuild(manifest)
        for result in starters.results where result.status != .failed {
            problems.append(
                "\(result.exercise.id): the starter should fail its checks but is \(result.status.rawValue): \(result.message)"
            )
        }
        problems += wholePackageProblems(starters.build, paths: checker.paths, with: "starters")
        log("building and checking the solutions…")
        try install(layout.solutionFile)
        let solutions = try checker.checkAllWithBuild(manifest)
        for result in solutions.results where result.status != .passed {
            problems.append(
                "\(result.exercise.id): the solution should pass but is \(result.status.rawValue): \(result.message)")
        }
        problems += wholePackageProblems(solutions.build, paths: checker.paths, with: "solutions")
        return Report(
            starterResults: starters.results, solutionResults: solutions.results, problems: problems,
            seconds: Date().timeIntervalSince(start))
    }

    /// The runners (`mine-DEMO`) and every checker must build together too: an exercise checked
    /// on its own can pass while a runner that links it is broken. `build` is the whole-package
    /// build `checkAllWithBuild` began with, so the package is not built a second time.
    func wholePackageProblems(_ build: ProcessOutcome, paths: PathDisplay, with kind: String) -> [String] {
        guard build.ending != .exited(0) else { return [] }
        let errors = compileErrors(in: build.stdout + "\n" + build.stderr, paths: paths)
        let first = errors.first.map { ": \($0)" } ?? ""
        return ["the exercises package does not build as a whole with the \(kind) (a runner or checker)\(first)"]
    }
}

/// A temporary copy of a course's exercises package to check in (`dev verify`, `check --again`),
/// so the student's files, the checkout and its build folders stay untouched.
struct WorkingPackage {
    /// The folder holding the copy (`exercises`) and its build folder (`scratch`).
    let work: URL
    let layout: ExerciseLayout

    /// Copies `course`'s exercises package to `WORK/exercises`, where WORK is `PREFIX-KEY` in the
    /// system's temporary folder (KEY names the checkout). A copy left by an earlier run is
    /// replaced; the build folder `WORK/scratch` is kept, so builds are incremental.
    init(copying course: CourseFolder, prefix: String) throws {
        work = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(Self.key(course.root))")
        layout = ExerciseLayout(
            package: work.appendingPathComponent("exercises"), scratch: work.appendingPathComponent("scratch"))
        remove()
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            try Self.copyPackage(from: course.exercisesDirectory, to: layout.package, engine: course.root)
        } catch {
            remove()
            throw error
        }
    }

    /// Removes the copy, keeping the build folder for the next run.
    func remove() { try? FileManager.default.removeItem(at: layout.package) }

    /// A stable name for a checkout's working folders (FNV-1a of its path).
    static func key(_ root: URL) -> String {
        FNV1a.hex(root.standardizedFileURL.path.utf8)
    }

    /// Copies the package without build folders, and points its engine dependency at the checkout
    /// `engine`.
    static func copyPackage(from source: URL, to destination: URL, engine: URL) throws {
        let skipped: Set<String> = [".build", ".swiftpm", ".backups"]
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
        where !skipped.contains(name) && !name.hasPrefix(".build") {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name), to: destination.appendingPathComponent(name))
        }
        let manifestURL = destination.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifestURL, encoding: .utf8)
        let line = "let engineCheckout = \"..\""
        guard text.contains(line) else {
            throw ExerciseError("\(source.appendingPathComponent("Package.swift").path): expected the line \(line)")
        }
        let rootPath = engine.standardizedFileURL.path
        try text.replacingOccurrences(of: line, with: "let engineCheckout = \"\(rootPath)\"")
            .write(to: manifestURL, atomically: true, encoding: .utf8)
    }
}
