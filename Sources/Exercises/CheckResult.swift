import Course
import Foundation

/// The outcome of checking one exercise.
public enum CheckStatus: String, Sendable, Codable, CaseIterable {
    case passed
    case failed
    case compileError = "compile-error"
    case crashed
    case timeout
}

/// The first case a checker found wrong.
public struct FailedCase: Sendable, Equatable {
    public var name: String
    public var input: String
    public var expected: String
    public var actual: String
}

/// One compiler error, trimmed to what matters.
public struct CompileError: Sendable, Equatable, CustomStringConvertible {
    /// As `PathDisplay` shows it: relative to the current folder when under it, else absolute.
    public var file: String
    public var line: Int
    public var message: String
    /// The error is in the checker (`exercises/Checks/…`), not the student's file: the student
    /// changed a name or signature the checks call.
    public var inCheckerCode = false

    public init(file: String, line: Int, message: String, inCheckerCode: Bool = false) {
        self.file = file
        self.line = line
        self.message = message
        self.inCheckerCode = inCheckerCode
    }

    public var description: String {
        if line > 0 { return "\(file):\(line): \(message)" }
        return file == "build" ? message : "\(file): \(message)"
    }
}

public struct CheckResult: Sendable {
    public var exercise: ExerciseEntry
    public var status: CheckStatus
    /// For `failed`.
    public var failure: FailedCase?
    /// For `compile-error`.
    public var compileErrors: [CompileError]
    /// For `compile-error` when the exercises package itself could not be loaded (its manifest or
    /// a dependency), so no exercise was compiled at all: why, in one line.
    public var packageProblem: String?
    /// For `passed`: how many cases ran. For `crashed`/`timeout`: the case that was running.
    public var casesPassed: Int
    public var runningCase: String?
    /// For `crashed`: the signal; for `timeout`: the limit in seconds.
    public var detail: String?
    public var buildSeconds: Double
    public var runSeconds: Double
    /// For a passed scored exercise (the capstone): its score, and how it compares.
    public var score: ScoreReport?
    /// The best score recorded before this check (set by `record`), to tell a new best.
    public var previousBest: ExerciseScore?

    public init(
        exercise: ExerciseEntry, status: CheckStatus, failure: FailedCase? = nil, compileErrors: [CompileError] = [],
        casesPassed: Int = 0, runningCase: String? = nil, detail: String? = nil,
        buildSeconds: Double = 0, runSeconds: Double = 0
    ) {
        self.exercise = exercise
        self.status = status
        self.failure = failure
        self.compileErrors = compileErrors
        self.casesPassed = casesPassed
        self.runningCase = runningCase
        self.detail = detail
        self.buildSeconds = buildSeconds
        self.runSeconds = runSeconds
    }

    /// One plain-text summary, as `--json` reports it.
    public var message: String {
        switch status {
        case .passed:
            return "all \(casesPassed) cases passed"
        case .failed:
            guard let failure else { return "the checks failed" }
            return
                "case '\(failure.name)': input \(failure.input); expected \(failure.expected); actual \(failure.actual)"
        case .compileError:
            if let packageProblem { return "the exercises package cannot be built: \(packageProblem)" }
            return compileErrors.map(\.description).joined(separator: "\n")
        case .crashed:
            return "crashed\(detail.map { " (\($0))" } ?? "")" + (runningCase.map { " during case '\($0)'" } ?? "")
        case .timeout:
            return "no verdict within \(detail ?? "the time limit")"
                + (runningCase.map { "; case '\($0)' was still running (an endless loop?)" } ?? "")
        }
    }
}

/// Reads a checker's output lines (`{"case": …}` … `{"verdict": …}`).
struct CheckerTranscript {
    var lastCase: String?
    var verdict: [String: String]?

    init(_ output: String) {
        for line in output.split(separator: "\n") {
            guard let data = line.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: String]
            else { continue }
            if object["verdict"] != nil {
                verdict = object
            } else if let name = object["case"] {
                lastCase = name
            }
        }
    }
}

/// Trims `swift build` output to the errors: `file:line: message`, each once, with paths as
/// `paths` shows them.
public func compileErrors(in output: String, paths: PathDisplay) -> [CompileError] {
    var seen = Set<String>()
    var errors: [CompileError] = []
    for rawLine in output.split(separator: "\n") {
        let line = String(rawLine)
        guard let range = line.range(of: ": error: ") else { continue }
        let location = line[..<range.lowerBound].split(separator: ":", omittingEmptySubsequences: false)
        let message = String(line[range.upperBound...])
        var file = location.first.map(String.init) ?? ""
        var lineNumber = 0
        if location.count >= 2, let number = Int(location[1]) { lineNumber = number }
        let inChecks = file.contains("/Checks/")
        file = paths.show(path: file)
        if file.isEmpty || line.hasPrefix("error:") {
            file = "build"
        }
        let error = CompileError(file: file, line: lineNumber, message: message, inCheckerCode: inChecks)
        if seen.insert(error.description).inserted { errors.append(error) }
    }
    if errors.isEmpty {
        // Linker or package errors have no location: keep the lines that say "error".
        for line in output.split(separator: "\n") where line.contains("error") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if seen.insert(text).inserted { errors.append(CompileError(file: "build", line: 0, message: text)) }
        }
    }
    if errors.isEmpty {
        let tail = output.split(separator: "\n").suffix(5).joined(separator: " / ")
        errors.append(CompileError(file: "build", line: 0, message: tail.isEmpty ? "the build failed" : tail))
    }
    return errors
}
