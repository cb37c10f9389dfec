import Course
import Foundation
import Testing

@testable import Lessons

/// Numbers quoted from a live run: the marker's form, the rounding rule, and the lint re-running
/// the demo (here a stand-in that returns fixed JSON and counts its calls).
@Suite struct LiveNumberTests {
    static let output = """
        {"demo": "cascade", "small": {"accuracy": 0.7274, "cost": 162},
         "points": [{"threshold": 0.2, "accuracy": 0.932, "cost": 956.352},
                    {"threshold": 0.8, "accuracy": 0.9612, "cost": 1100}],
         "chosen": null, "name": "maxprob", "ok": true}
        """

    /// A stand-in for running the demo: fixed output for `run cascade`, a failure otherwise.
    final class FakeDemo: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var calls: [[String]] = []

        func run(_ arguments: [String]) -> Result<String, LiveNumberRunFailure> {
            lock.lock()
            calls.append(arguments)
            lock.unlock()
            if arguments.starts(with: ["run", "cascade"]) { return .success(LiveNumberTests.output) }
            return .failure(LiveNumberRunFailure("unknown demo"))
        }
    }

    func marker(_ line: String) throws -> LiveNumberMarker {
        let scanned = LiveNumbers.markers(in: line)
        #expect(scanned.problems.isEmpty, "\(scanned.problems)")
        return try #require(scanned.markers.first)
    }

    func problem(_ line: String) -> String? { LiveNumbers.markers(in: line).problems.first?.message }

    @Test func aMarkerNamesItsCommandPathAndTheNumberBeforeIt() throws {
        let found = try marker("It is right on 72.7%<!-- live: tandem run cascade seed=2 .small.accuracy --> of them.")
        #expect(found.arguments == ["run", "cascade", "--seed", "2", "--json"])
        #expect(found.path == ".small.accuracy")
        #expect(found.quoted == "72.7%")
        #expect(found.line == 1)
        #expect(found.display == "tandem run cascade --seed 2 .small.accuracy")
        // A bare word is a flag; `json` is not added twice; `run` may be left out.
        #expect(
            try marker("0.5<!-- live: run weak-to-strong curve json .x -->").arguments == [
                "run", "weak-to-strong", "--curve", "--json",
            ])
        #expect(
            try marker("0.5<!-- live: cascade threshold=0.8 .x -->").arguments == [
                "run", "cascade", "--threshold", "0.8", "--json",
            ])
    }

    @Test(arguments: [
        ("costs **1,100**<!-- live: run cascade .x -->", "1,100"),
        ("a 5.4× <!-- live: run cascade .x --> speed-up", "5.4×"),
        ("falls by -0.5<!-- live: run cascade .x -->", "-0.5"),
        ("at 25 %<!-- live: run cascade .x -->", "25%"),
        ("_0.932_<!-- live: run cascade .x -->", "0.932"),
        ("Accuracy 93.<!-- live: run cascade .x -->", "93"),
    ])
    func theQuotedNumberKeepsItsSignSeparatorsAndSuffix(_ line: String, _ quoted: String) throws {
        #expect(try marker(line).quoted == quoted)
    }

    @Test func malformedMarkersAreReportedWithTheirLine() {
        #expect(problem("The cascade<!-- live: run cascade .small.accuracy -->")?.contains("no number") == true)
        #expect(problem("p95<!-- live: run cascade .x -->")?.contains("no number") == true)
        #expect(problem("0.7<!-- live: run cascade -->")?.contains("JSON path") == true)
        #expect(problem("0.7<!-- live: run cascade .a..b -->")?.contains("path `.a..b`") == true)
        #expect(problem("0.7<!-- live: run cascade .a[x] -->")?.contains("neither an index") == true)
        #expect(problem("0.7<!-- live: run .a -->")?.contains("should name a demo") == true)
        #expect(problem("0.7<!-- live: seed=2 .a -->")?.contains("should name a demo") == true)
        #expect(problem("0.7<!-- live: run cascade mine .a -->")?.contains("--mine") == true)
        #expect(problem("0.7<!-- live: run cascade --seed 2 .a -->")?.contains("without dashes") == true)
        #expect(problem("0.7<!-- live: run cascade .a")?.contains("no closing") == true)
        let lines = LiveNumbers.markers(in: "# T\n\nfine\n0.7<!-- live: run cascade -->\n").problems.map(\.line)
        #expect(lines == [4])
    }

    @Test func codeAndOtherCommentsAreNotMarkers() {
        let text = """
            ```
            0.7<!-- live: run cascade .a -->
            ```

                0.7<!-- live: run cascade .a -->

            `0.7<!-- live: run cascade .a -->` and 0.7<!-- a plain note -->
            """
        let scanned = LiveNumbers.markers(in: text)
        #expect(scanned.markers.isEmpty && scanned.problems.isEmpty)
    }

    /// Where the line-by-line scan went wrong: a code span over two lines and a fence in a quote
    /// hid no marker from it, and a marker on a paragraph's continuation line indented four spaces
    /// (prose, not code) went unchecked.
    @Test func markersAreFoundInProseAsCommonMarkReadsIt() throws {
        let text = """
            A `code span
            0.7<!-- live: run cascade .a -->` over two lines.

            > ```
            > 0.7<!-- live: run cascade .a -->
            > ```

            - A list item whose text
                  goes on at 72.7%<!-- live: run cascade .small.accuracy -->.
            """
        let scanned = LiveNumbers.markers(in: text)
        #expect(scanned.problems.isEmpty, "\(scanned.problems)")
        #expect(scanned.markers.map(\.line) == [9])
        #expect(scanned.markers.first?.quoted == "72.7%")
    }

    /// A long line of markers is read in time that grows with it: each marker once copied the
    /// whole line before it, so markers after half a megabyte of text took most of a minute. The
    /// number is the one before the marker, other comments between them left out.
    @Test func aLongLineOfMarkersIsReadInProportion() throws {
        let line =
            String(repeating: "word ", count: 100_000)
            + String(repeating: "at 1.5<!-- note --><!-- live: run cascade .a --> ", count: 2_000)
        var scanned = LiveNumbers.markers(in: "")
        let elapsed = ContinuousClock().measure { scanned = LiveNumbers.markers(in: "# T\n\n" + line + "\n") }
        #expect(scanned.problems.isEmpty)
        #expect(scanned.markers.count == 2_000 && scanned.markers.allSatisfy { $0.quoted == "1.5" })
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    @Test func aQuotedNumberMatchesWhenItIsTheValueRoundedAsShown() {
        #expect(LiveNumbers.matches(quoted: "72.7%", value: 0.7274))
        #expect(LiveNumbers.matches(quoted: "72.7%", value: 0.72651))
        #expect(!LiveNumbers.matches(quoted: "72.7%", value: 0.7276))
        #expect(LiveNumbers.matches(quoted: "73%", value: 0.7274))
        #expect(!LiveNumbers.matches(quoted: "72%", value: 0.7274))
        #expect(LiveNumbers.matches(quoted: "0.727", value: 0.7274))
        #expect(LiveNumbers.matches(quoted: "1,100", value: 1100.4))
        #expect(!LiveNumbers.matches(quoted: "1,100", value: 1101))
        #expect(LiveNumbers.matches(quoted: "5.4×", value: 5.36))
        #expect(LiveNumbers.matches(quoted: "-0.5", value: -0.5))
        #expect(!LiveNumbers.matches(quoted: "0.5", value: -0.5))
        #expect(LiveNumbers.formatted(0.7276, like: "72.7%") == "72.8%")
        #expect(LiveNumbers.formatted(1101, like: "1,100") == "1101")
    }

    @Test func checkingRunsEachCommandOnceAndReportsWhatDrifted() throws {
        let lesson = """
            # Lesson

            Small alone: 72.7%<!-- live: run cascade .small.accuracy -->, cost 162<!-- live: run cascade .small.cost -->.
            At τ = 0.8: 96.1%<!-- live: run cascade .points[threshold=0.8].accuracy -->; last row 1,100<!-- live: run cascade .points[-1].cost -->.
            Drifted: 95.0%<!-- live: run cascade .points[1].accuracy -->.
            Missing: 3<!-- live: run cascade .large.accuracy --> and 4<!-- live: run cascade .points[7].cost -->.
            No row: 5<!-- live: run cascade .points[threshold=0.5].cost -->. Not numbers: 1<!-- live: run cascade .chosen -->, 2<!-- live: run cascade .name -->, 1<!-- live: run cascade .ok -->.
            Other demo: 0.5<!-- live: run ensemble .accuracy -->.
            """
        let scanned = LiveNumbers.markers(in: lesson)
        #expect(scanned.problems.isEmpty)
        #expect(scanned.markers.count == 12)
        let demo = FakeDemo()
        let problems = LiveNumbers.check(scanned.markers, run: demo.run)
        #expect(demo.calls == [["run", "cascade", "--json"], ["run", "ensemble", "--json"]])
        let byLine = Dictionary(grouping: problems, by: \.line).mapValues { $0.map(\.message) }
        #expect(byLine[3] == nil && byLine[4] == nil, "\(problems)")
        #expect(
            byLine[5] == [
                "live number: the lesson says 95.0%, but `tandem run cascade .points[1].accuracy` now gives 96.1% (0.9612)"
            ])
        #expect(byLine[6]?.count == 2)
        #expect(byLine[6]?[0].contains("no key `large` in the output") == true)
        #expect(byLine[6]?[1].contains(".points[7] is out of range (2 elements)") == true)
        try #require(byLine[7]?.count == 4, "\(byLine[7] ?? [])")
        #expect(byLine[7]?[0].contains("no element of .points has threshold = 0.5") == true)
        #expect(byLine[7]?[1].contains("is not a number (null)") == true)
        #expect(byLine[7]?[2].contains("is not a number (a string)") == true)
        #expect(byLine[7]?[3].contains("is not a number") == true)
        #expect(byLine[8] == ["live number: `tandem run ensemble .accuracy` failed: unknown demo"])
    }

    /// A `--seeds` run's summary keys numbers by dotted paths; `.key` steps read them.
    @Test func keyStepsReadASeedSummarysDottedKeys() throws {
        let text =
            #"{"summary":{"methods.naive.pgr":{"median":0.625},"sweep.0.naive_pgr":{"median":0.38},"#
            + #""methods":{"x":1}}}"#
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8))
        func read(_ path: String) -> Result<Any, JSONPathError> {
            guard case .success(let parsed) = JSONPath.parse(path) else { return .failure(JSONPathError("parse")) }
            return parsed.value(in: json)
        }
        #expect(JSONPath.number((try? read(".summary.methods.naive.pgr.median").get()) ?? "") == 0.625)
        #expect(JSONPath.number((try? read(".summary.sweep.0.naive_pgr.median").get()) ?? "") == 0.38)
        // A key that exists is taken as it is (`methods` here), and a path that matches nothing
        // names the first key it could not find.
        #expect(JSONPath.number((try? read(".summary.methods.x").get()) ?? "") == 1)
        guard case .failure(let error) = read(".summary.methods.hard.pgr.median") else {
            Issue.record("found a key that is not there")
            return
        }
        #expect(error.message.contains("no key `hard` in .summary.methods"), "\(error.message)")
    }

    @Test func lintReportsDriftedNumbersAsPathAndLine() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        func write(_ text: String, _ path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write(
            """
            format_version = 1
            id = "live-fixture"
            title = "Live fixture"

            [[lessons]]
            number = 1
            slug = "one"
            title = "One"
            folder = "01-one"
            """, "content/course.toml")
        try write(
            """
            # One

            The small model is right on 72.7%<!-- live: run cascade .small.accuracy -->.
            It costs 150<!-- live: run cascade .small.cost --> units.
            Broken: 0.7<!-- live: run cascade -->
            """, "content/01-one/lesson.md")
        let course = try CourseFolder.load(root: root)
        let demo = FakeDemo()
        let report = CourseLinter(course: course, runBlock: nil, runDemo: demo.run).lint()
        #expect(report.liveNumbers == 3)
        #expect(
            report.problems.map(\.description) == [
                "content/01-one/lesson.md:4: live number: the lesson says 150, but `tandem run cascade .small.cost` now gives 162 (162)",
                "content/01-one/lesson.md:5: live number: the marker should end with a JSON path such as `.accuracy` (got `run cascade`)",
            ])
        #expect(demo.calls.count == 1)
        // Without a runner (`lint --no-run`) only the form is checked.
        let formOnly = CourseLinter(course: course, runBlock: nil).lint()
        #expect(formOnly.problems.map(\.line) == [5])
    }
}
