import Foundation
import Seeded

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs an exercise's cases in order and stops at the first failure.
///
/// Protocol with tandem: one JSON object per line, `{"case": NAME}` before each case, so a crash
/// inside student code can be pinned to the case that was running, then one final
/// `{"verdict": "passed"|"failed", ...}` line. Exit status 0 = passed, 1 = failed.
///
/// The lines go to a private channel, never to stdout: tandem opens a pipe as the descriptor named
/// in `TANDEM_REPORT_FD`, and the checker takes it over before any student code runs (the
/// variable is removed and the descriptor closed on exec). Whatever the student's code prints goes
/// to stdout, so printing a verdict line cannot pass a check. Run by hand (no variable), the
/// checker prints the same lines on stdout for a person to read.
public final class Checker {
    private var passedCases = 0
    private let exercise: String
    private let report: Int32

    public init(exercise: String) {
        self.exercise = exercise
        if let text = getenv("TANDEM_REPORT_FD"), let fd = Int32(String(cString: text)), fd > 2,
            fcntl(fd, F_GETFD) >= 0
        {
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            unsetenv("TANDEM_REPORT_FD")
            report = fd
        } else {
            report = 1
        }
    }

    /// Checks one case: `actual` is computed after the case is announced.
    public func expect<T>(
        _ name: String, input: String, expected: T, _ actual: () -> T,
        describe: (T) -> String = { "\($0)" }, matches: (T, T) -> Bool
    ) {
        announce(name)
        let value = actual()
        if !matches(expected, value) {
            var shownActual = describe(value)
            if shownActual == describe(expected) { shownActual += " (differs in digits not shown)" }
            fail(name, input: input, expected: describe(expected), actual: shownActual)
        }
        passedCases += 1
    }

    public func expect<T: Equatable>(_ name: String, input: String, expected: T, _ actual: () -> T) {
        expect(name, input: input, expected: expected, actual, describe: { "\($0)" }, matches: ==)
    }

    /// Checks a property that has no single expected value (`requirement` says what should hold).
    public func require(_ name: String, input: String, requirement: String, actual: String, _ holds: Bool) {
        announce(name)
        if !holds { fail(name, input: input, expected: requirement, actual: actual) }
        passedCases += 1
    }

    /// Prints the passing verdict and exits 0. `scores` (the capstone's accuracy, cost, …) travel
    /// in the verdict as `score_NAME` fields.
    public func finish(scores: [String: Double] = [:]) -> Never {
        var fields = ["verdict": "passed", "exercise": exercise, "passed": "\(passedCases)"]
        for (name, value) in scores { fields["score_" + name] = "\(value)" }
        emit(fields)
        exit(0)
    }

    public func announce(_ name: String) {
        emit(["case": name])
    }

    private func fail(_ name: String, input: String, expected: String, actual: String) -> Never {
        emit([
            "verdict": "failed", "exercise": exercise, "case": name, "input": input,
            "expected": expected, "actual": actual, "passed": "\(passedCases)",
        ])
        exit(1)
    }

    private func emit(_ fields: [String: String]) {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data("{}".utf8)
        // Unbuffered, so the line is out even if the next case crashes the process.
        if report == 1 { fflush(stdout) }
        let bytes = [UInt8](data) + [UInt8(ascii: "\n")]
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(report, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// Deterministic random cases: the same seed gives the same cases on every machine. The stream is
/// tandem's one seeded generator (`SplitMix64`, from the engine's small `Seeded` module).
public struct CaseRandom {
    private var generator: SplitMix64

    public init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    public mutating func next() -> UInt64 { generator.next() }

    /// Uniform in [0, 1).
    public mutating func unit() -> Double { generator.nextDouble() }

    public mutating func double(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    /// A probability vector over `count` classes.
    public mutating func distribution(_ count: Int) -> [Double] {
        let raw = (0..<count).map { _ in unit() + 0.01 }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }
}

/// Short, stable renderings for messages.
public func show(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    return String(format: "%.6g", value)
}

public func show(_ values: [Double]) -> String { "[" + values.map(show).joined(separator: ", ") + "]" }
public func show(_ values: [[Double]]) -> String { "[" + values.map(show).joined(separator: ", ") + "]" }
public func show(_ value: Double?) -> String { value.map(show) ?? "nil" }

public func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}

public func close(_ a: [Double], _ b: [Double], tolerance: Double = 1e-9) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance: tolerance) }
}

public func close(_ a: Double?, _ b: Double?, tolerance: Double = 1e-9) -> Bool {
    switch (a, b) {
    case (nil, nil): return true
    case (let x?, let y?): return close(x, y, tolerance: tolerance)
    default: return false
    }
}
