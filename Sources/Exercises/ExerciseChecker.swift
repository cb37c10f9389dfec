import Course
import Foundation

/// Builds an exercise's checker in the exercises package and runs it in a child process, so
/// student code that does not compile, crashes or hangs is reported instead of taking tandem down.
public struct ExerciseChecker: Sendable {
    public var layout: ExerciseLayout
    /// Root used to shorten paths in compiler errors.
    public var root: URL
    /// Seconds a checker may run before it is killed (debug builds are slow: be generous).
    public var timeLimit: Double

    public init(layout: ExerciseLayout, root: URL, timeLimit: Double = 20) {
        self.layout = layout
        self.root = root
        self.timeLimit = timeLimit
    }

    public init(course: Course, timeLimit: Double = 20) {
        self.init(layout: ExerciseLayout(course: course), root: course.root, timeLimit: timeLimit)
    }

    /// `swift build` for one product, or for the whole package when `product` is nil.
    public func build(product: String?) throws -> ProcessOutcome {
        let manifest = layout.package.appendingPathComponent("Package.swift")
        guard FileManager.default.fileExists(atPath: manifest.path) else {
            throw ExerciseError("\(manifest.path): the exercises package is missing")
        }
        var arguments = ["swift", "build", "--package-path", layout.package.path, "--scratch-path", layout.scratch.path]
        if let product { arguments += ["--product", product] }
        let outcome = try runProcess(swiftDriver, arguments)
        if outcome.ending == .exited(127) {
            throw ExerciseError("checking exercises needs the Swift toolchain: `swift` is not on the PATH")
        }
        return outcome
    }

    /// Builds and runs one exercise's checks.
    public func check(_ exercise: ExerciseEntry) throws -> CheckResult {
        let product = ExerciseLayout.checkerProduct(exercise)
        let file = layout.studentFile(exercise)
        guard FileManager.default.fileExists(atPath: file.path) else {
            let relative = file.path.hasPrefix(root.path + "/") ? String(file.path.dropFirst(root.path.count + 1)) : file.path
            return CheckResult(exercise: exercise, status: .compileError, compileErrors: [CompileError(
                file: relative, line: 0, message: "the file is missing; `tandem reset \(exercise.number)` restores the starter")])
        }
        let build = try build(product: product)
        guard build.ending == .exited(0) else {
            return CheckResult(exercise: exercise, status: .compileError,
                               compileErrors: compileErrors(in: build.stdout + "\n" + build.stderr, relativeTo: root),
                               buildSeconds: build.seconds)
        }
        var result = try run(exercise)
        result.buildSeconds = build.seconds
        return result
    }

    /// Checks several exercises. One build of the whole package first (fast when everything
    /// compiles); if that fails, each exercise is built on its own so errors land where they belong.
    public func checkAll(_ exercises: [ExerciseEntry], onResult: (CheckResult) -> Void = { _ in }) throws -> [CheckResult] {
        let whole = try build(product: nil)
        var results: [CheckResult] = []
        for exercise in exercises {
            let result = whole.ending == .exited(0) ? try run(exercise) : try check(exercise)
            onResult(result)
            results.append(result)
        }
        return results
    }

    /// Runs an already built checker.
    public func run(_ exercise: ExerciseEntry) throws -> CheckResult {
        let outcome = try runProcess(layout.executable(ExerciseLayout.checkerProduct(exercise)), [], timeout: timeLimit)
        let transcript = CheckerTranscript(outcome.stdout)
        var result = CheckResult(exercise: exercise, status: .failed, runningCase: transcript.lastCase, runSeconds: outcome.seconds)
        switch outcome.ending {
        case .timedOut:
            result.status = .timeout
            result.detail = "\(Int(timeLimit)) s"
        case .signalled(let signal):
            result.status = .crashed
            result.detail = signalName(signal)
        case .exited(let code):
            guard let verdict = transcript.verdict else {
                // Exited without a verdict: `exit()` or a trap the runtime turned into an exit code.
                result.status = .crashed
                result.detail = "exit status \(code)" + firstLine(outcome.stderr)
                return result
            }
            result.casesPassed = Int(verdict["passed"] ?? "") ?? 0
            if verdict["verdict"] == "passed" && code == 0 {
                result.status = .passed
                result.runningCase = nil
            } else {
                result.failure = FailedCase(name: verdict["case"] ?? "?", input: verdict["input"] ?? "",
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
public func record(_ result: CheckResult, in store: ProgressStore, now: Date = Date()) throws {
    _ = store.update { progress in
        var record = progress.exercises[result.exercise.id] ?? ExerciseRecord()
        record.status = result.status.rawValue
        record.lastCheckedAt = now
        if result.status == .passed && !record.solved {
            record.solved = true
            record.solvedAt = now
        }
        progress.exercises[result.exercise.id] = record
    }
}
