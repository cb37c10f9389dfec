import Course
import Foundation

/// Builds an exercise's checker in the exercises package and runs it in a child process, so
/// student code that does not compile, crashes or hangs is reported instead of taking tandem down.
public struct ExerciseChecker: Sendable {
    public var layout: ExerciseLayout
    /// How paths in compiler errors are shown.
    public var paths: PathDisplay
    /// Seconds a checker may run before it is killed (debug builds are slow: be generous).
    public var timeLimit: Double

    public init(layout: ExerciseLayout, paths: PathDisplay, timeLimit: Double = 20) {
        self.layout = layout
        self.paths = paths
        self.timeLimit = timeLimit
    }

    public init(course: CourseFolder, paths: PathDisplay = .currentDirectory, timeLimit: Double = 20) {
        self.init(layout: ExerciseLayout(course: course), paths: paths, timeLimit: timeLimit)
    }

    /// `swift build` for one product, or for the whole package when `product` is nil.
    public func build(product: String?) throws -> ProcessOutcome {
        let manifest = layout.package.appendingPathComponent("Package.swift")
        guard FileManager.default.fileExists(atPath: manifest.path) else {
            throw ExerciseError("\(manifest.path): the exercises package is missing")
        }
        var arguments = ["--package-path", layout.package.path, "--scratch-path", layout.scratch.path]
        if let product { arguments += ["--product", product] }
        return try swiftBuild(arguments, scratch: layout.scratch)
    }

    /// Builds and runs one exercise's checks.
    public func check(_ exercise: ExerciseEntry) throws -> CheckResult {
        let product = ExerciseLayout.checkerProduct(exercise)
        let file = layout.studentFile(exercise)
        guard FileManager.default.fileExists(atPath: file.path) else {
            return CheckResult(
                exercise: exercise, status: .compileError,
                compileErrors: [
                    CompileError(
                        file: paths.show(file), line: 0,
                        message: "the file is missing; tandem reset \(exercise.number) restores the starter")
                ])
        }
        let build = try build(product: product)
        guard build.ending == .exited(0) else { return failedBuild(exercise, build) }
        var result = try run(exercise)
        result.buildSeconds = build.seconds
        return result
    }

    /// Checks several exercises. One build of the whole package first (fast when everything
    /// compiles); if that fails, each exercise is built on its own so errors land where they belong.
    public func checkAll(_ exercises: [ExerciseEntry], onResult: (CheckResult) -> Void = { _ in }) throws
        -> [CheckResult]
    {
        try checkAllWithBuild(exercises, onResult: onResult).results
    }

    /// `checkAll`, with the whole-package build it began with (`dev verify` reports that build's
    /// failure too: a runner can be broken while every exercise builds on its own).
    func checkAllWithBuild(_ exercises: [ExerciseEntry], onResult: (CheckResult) -> Void = { _ in }) throws
        -> (results: [CheckResult], build: ProcessOutcome)
    {
        let whole = try build(product: nil)
        // A package that cannot be loaded fails the same way for every exercise: build it once.
        let unloadable =
            whole.ending == .exited(0)
            ? nil
            : packageProblem(in: whole.stdout + "\n" + whole.stderr, package: layout.package, paths: paths)
        var results: [CheckResult] = []
        for exercise in exercises {
            let result =
                whole.ending == .exited(0)
                ? try run(exercise)
                : unloadable != nil ? failedBuild(exercise, whole) : try check(exercise)
            onResult(result)
            results.append(result)
        }
        return (results, whole)
    }

    /// The result of a failed build: the package could not be loaded, or the code does not compile.
    func failedBuild(_ exercise: ExerciseEntry, _ build: ProcessOutcome) -> CheckResult {
        let output = build.stdout + "\n" + build.stderr
        var result = CheckResult(exercise: exercise, status: .compileError, buildSeconds: build.seconds)
        if let problem = packageProblem(in: output, package: layout.package, paths: paths) {
            result.packageProblem = problem
            result.compileErrors = [
                CompileError(file: "build", line: 0, message: "the exercises package cannot be built: \(problem)")
            ]
        } else {
            result.compileErrors = compileErrors(in: output, paths: paths)
        }
        return result
    }

    /// Runs an already built checker.
    public func run(_ exercise: ExerciseEntry) throws -> CheckResult {
        // The verdict comes on the checker's private report channel, never on stdout, where the
        // student's own prints go: printing a passing verdict line does not pass.
        let outcome = try runProcess(
            layout.executable(ExerciseLayout.checkerProduct(exercise)), [], timeout: timeLimit, reportChannel: true)
        let transcript = CheckerTranscript(outcome.report)
        var result = CheckResult(
            exercise: exercise, status: .failed, runningCase: transcript.lastCase, runSeconds: outcome.seconds)
        switch outcome.ending {
        case .timedOut, .inactive, .stopped:
            result.status = .timeout
            result.detail = "\(Int(timeLimit)) s"
        case .signalled(let signal):
            result.status = .crashed
            result.detail = signalName(signal)
        case .exited(let code):
            guard let verdict = transcript.verdict else {
                // Exited without a verdict: `exit()` or a trap the runtime turned into an exit code.
                result.status = .crashed
                result.detail =
                    "exit status \(code) before the checks finished (does your code call exit?)"
                    + firstLine(outcome.stderr)
                return result
            }
            result.casesPassed = Int(verdict["passed"] ?? "") ?? 0
            if verdict["verdict"] == "passed" && code == 0 {
                result.status = .passed
                result.runningCase = nil
                result.score = ScoreReport(verdict: verdict)
            } else {
                result.failure = FailedCase(
                    name: verdict["case"] ?? "?", input: verdict["input"] ?? "",
                    expected: verdict["expected"] ?? "", actual: verdict["actual"] ?? "")
                result.runningCase = nil
            }
        }
        if result.status == .crashed, let reason = crashReason(outcome.stderr) {
            result.detail = (result.detail ?? "") + ": " + reason
        }
        return result
    }

    private func firstLine(_ text: String) -> String {
        guard let line = text.split(separator: "\n").first else { return "" }
        return ": " + line.prefix(200)
    }

    /// The runtime's own explanation ("Fatal error: Index out of range"), if it printed one.
    private func crashReason(_ stderr: String) -> String? {
        for line in stderr.split(separator: "\n") {
            if let range = line.range(of: "Fatal error: ") {
                return String(line[range.upperBound...].prefix(200))
            }
        }
        return nil
    }
}

func signalName(_ signal: Int32) -> String {
    switch signal {
    case 4: return "SIGILL, a Swift runtime trap such as an index out of range or a failed unwrap"
    case 5: return "SIGTRAP, a Swift runtime trap such as an index out of range or a failed unwrap"
    case 6: return "SIGABRT"
    case 8: return "SIGFPE, an integer division by zero or overflow"
    case 9: return "SIGKILL"
    case 11: return "SIGSEGV, a stack overflow or bad memory access (endless recursion?)"
    default: return "signal \(signal)"
    }
}

/// Records a check in the progress store: the last status, and `solved` once it has passed.
/// A scored exercise keeps its best passing score. A first pass that needed hints or the
/// reference solution puts the exercise into spaced review ("solve it again from the starter",
/// `ExerciseReview`). Returns the best score before this check.
@discardableResult
public func record(
    _ result: CheckResult, in store: ProgressStore, now: Date = Date(), scheduler: FSRSScheduler = .tandem()
) throws -> ExerciseScore? {
    try record([result], in: store, now: now, scheduler: scheduler)[0]
}

/// `record` for several checks in one update of the progress file (`check --all` has 21).
/// Returns each exercise's best score before its check.
@discardableResult
public func record(
    _ results: [CheckResult], in store: ProgressStore, now: Date = Date(), scheduler: FSRSScheduler = .tandem()
) throws -> [ExerciseScore?] {
    var previous: [ExerciseScore?] = []
    _ = try store.update { progress in
        previous = results.map { result in
            var record = progress.exercises[result.exercise.id] ?? ExerciseRecord()
            let before = record.bestScore
            record.status = result.status.rawValue
            record.lastCheckedAt = now
            let firstPass = result.status == .passed && !record.solved
            if firstPass {
                record.solved = true
                record.solvedAt = now
            }
            if result.status == .passed, let score = result.score?.score,
                record.bestScore.map({ score.isBetter(than: $0) }) ?? true
            {
                record.bestScore = score
            }
            progress.exercises[result.exercise.id] = record
            if firstPass {
                ExerciseReview.recordPass(
                    exerciseID: result.exercise.id, hintsUsed: record.hintsUsed,
                    sawSolution: record.solutionSeenBeforePass == true, now: now, scheduler: scheduler,
                    in: &progress)
            }
            return before
        }
    }
    return previous
}
