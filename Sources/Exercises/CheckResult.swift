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
    /// Relative to the course root where possible (`exercises/01-majority-vote/MajorityVote.swift`).
    public var file: String
    public var line: Int
    public var message: String
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
    /// For `passed`: how many cases ran. For `crashed`/`timeout`: the case that was running.
    public var casesPassed: Int
    public var runningCase: String?
    /// For `crashed`: the signal; for `timeout`: the limit in seconds.
    public var detail: String?
    public var buildSeconds: Double
    public var runSeconds: Double

    public init(exercise: ExerciseEntry, status: CheckStatus, failure: FailedCase? = nil, compileErrors: [CompileError] = [],
                casesPassed: Int = 0, runningCase: String? = nil, detail: String? = nil,
                buildSeconds: Double = 0, runSeconds: Double = 0) {
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
            return "case '\(failure.name)': input \(failure.input); expected \(failure.expected); actual \(failure.actual)"
        case .compileError:
            return compileErrors.map(\.description).joined(separator: "\n")
        case .crashed:
            return "crashed\(detail.map { " (\($0))" } ?? "")" + (runningCase.map { " during case '\($0)'" } ?? "")
        case .timeout:
            return "no verdict within \(detail ?? "the time limit")" + (runningCase.map { "; case '\($0)' was still running (an endless loop?)" } ?? "")
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
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: String] else { continue }
            if object["verdict"] != nil {
                verdict = object
            } else if let name = object["case"] {
                lastCase = name
            }
        }
    }
}

/// Trims `swift build` output to the errors: `file:line: message`, each once.
public func compileErrors(in output: String, relativeTo root: URL) -> [CompileError] {
    let rootPath = root.standardizedFileURL.path + "/"
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
        if file.hasPrefix(rootPath) { file = String(file.dropFirst(rootPath.count)) }
        if file.isEmpty || line.hasPrefix("error:") {
            file = "build"
        }
        let error = CompileError(file: file, line: lineNumber, message: message)
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
