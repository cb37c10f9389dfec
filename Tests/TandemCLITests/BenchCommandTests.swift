import Foundation
import TestSupport
import Testing

/// `tandem bench --json`: one timed run of the engine's fixed job (well under a second in debug).
@Suite struct BenchCommandTests {
    @Test func benchJSONHasPositiveThroughput() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let result = try tandem.run(["bench", "--json", "--repeats", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try parseJSONObject(result.stdout)
        #expect(
            Set(object.keys) == [
                "examples_per_second", "gflops", "milliseconds", "cpu_milliseconds", "kernel", "final_loss", "job",
            ])
        // One line, compact: the one style of every --json.
        #expect(result.stdout.hasPrefix(#"{"examples_per_second":"#) && result.stdout.filter { $0 == "\n" }.count == 1)
        let examples = try #require(object["examples_per_second"] as? Double)
        let gflops = try #require(object["gflops"] as? Double)
        #expect(examples > 0 && examples.isFinite)
        #expect(gflops > 0 && gflops.isFinite)
    }

    @Test func benchRefusesZeroRepeats() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let result = try tandem.run(["bench", "--repeats", "0"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--repeats must be at least 1"))
    }
}

@Suite struct BenchTextTests {
    @Test func narrowTerminalsWrapTheReportInsteadOfCuttingWords() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let result = try tandem.run(["bench", "--repeats", "1", "--width", "40", "--ascii", "--color", "never"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.count <= 40 }, "\(lines)")
        // Every word of the job's description survives, e.g. the end of the first job line.
        let words = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" })
        #expect(words.contains("cross-entropy,") && words.contains("Adam,"))
        #expect(!result.stdout.contains("\u{1B}"))
    }
}
