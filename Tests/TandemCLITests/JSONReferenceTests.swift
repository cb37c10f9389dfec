import Course
import Foundation
import JSON
import Lessons
import Terminal
import Testing
import ToyEngine

@testable import TandemCLI

/// docs/json.md is generated from the key lists beside the code that builds each `--json`, and
/// each list matches its command's real output: here for `read --toc`, `search` and `bench`; the
/// others beside their own tests (ReportTests for check, AnswersReportTests, ReviewScreenTests and
/// ReviewTests for quiz and review, CourseStatusTests for list and progress; DemoJSONReferenceTests
/// for the demos).
@Suite struct JSONReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theReferenceIsGeneratedFromTheCode() throws {
        let url = Self.root.appendingPathComponent("docs/json.md")
        let generated = JSONReference.document()
        if ProcessInfo.processInfo.environment["TANDEM_UPDATE_GOLDENS"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated, "docs/json.md is stale: regenerate it (see its first lines)")
    }

    /// Every command that takes `--json` is in the reference (the demos in its own part).
    @Test func everyCommandWithJSONIsDocumented() {
        var documented = 0
        for command in Tandem.configuration.subcommands where command._commandName != "run" {
            guard command.helpMessage(columns: 200).contains("--json") else { continue }
            documented += 1
            #expect(
                JSONReference.commands.contains { $0.command.contains("tandem \(command._commandName) ") },
                "tandem \(command._commandName) takes --json but docs/json.md does not list it")
        }
        #expect(documented == 8, "read, quiz, review, search, check, list, progress and bench (got \(documented))")
    }

    /// Every list is well formed: each key once, each nested key after its parent, and the parent
    /// an object (`a.b`) or an array (`a[].b`).
    @Test func everyKeyListIsWellFormed() {
        for entry in JSONReference.commands {
            var types: [String: JSONType] = [:]
            for key in entry.keys {
                #expect(types[key.path] == nil, "\(entry.command): `\(key.path)` twice")
                let path = key.path
                if let dot = path.lastIndex(of: ".") {
                    var parent = String(path[..<dot])
                    var expected = JSONType.object
                    if parent.hasSuffix("[]") {
                        parent.removeLast(2)
                        expected = .array
                    }
                    #expect(
                        types[parent] == expected, "\(entry.command): `\(path)` needs its \(expected) `\(parent)` first"
                    )
                }
                types[path] = key.type
            }
        }
    }

    @Test func outlineJSONMatchesItsKeys() throws {
        let course = try CourseFolder.load(root: Self.root)
        let lesson = try #require(course.manifest.lessons.first)
        let sections = LessonOutline.sections(try String(contentsOf: course.lessonFile(lesson), encoding: .utf8))
        #expect(!sections.isEmpty)
        let json = ReadCommand.outlineJSON(lesson, sections)
        #expect(JSONKeyDoc.mismatches(ReadCommand.outlineJSONKeys, samples: [json]) == [])
        #expect(json["sections"]?.items.first?["command"]?.string == "tandem read 1#\(sections[0].slug)")
    }

    @Test func searchJSONMatchesItsKeys() throws {
        let course = try CourseFolder.load(root: Self.root)
        let hits = CourseSearch.search("cascade", in: CourseSearch.units(course: course), limit: 100_000)
        // Lesson and quiz hits (an exercise's hit has the same keys; its file exists once started).
        #expect(Set(hits.map(\.kind)).isSuperset(of: [.lesson, .quiz]))
        let json = CourseSearch.json(hits, query: "cascade")
        #expect(JSONKeyDoc.mismatches(CourseSearch.jsonKeys, samples: [json, CourseSearch.json([], query: "x")]) == [])
        // The numbers the report shows: each hit's lesson and line.
        #expect(json["hits"]?.items.map { $0["line"]?.double } == hits.map { Double($0.line) })
        #expect(json["hits"]?.items.map { $0["lesson"]?.double } == hits.map { Double($0.lessonNumber) })
    }

    /// `bench --json` carries every number the report shows, rounded no coarser.
    @Test func benchJSONMatchesItsKeysAndTheReport() throws {
        let result = EngineBenchmark.run(repeats: 1)
        let json = BenchReport.json(result)
        #expect(JSONKeyDoc.mismatches(BenchReport.jsonKeys, samples: [json]) == [])
        let report = BenchReport.text(
            result, settings: TerminalSettings(width: 100, color: false, ascii: true), debugBuild: false)
        func shown(_ label: String) throws -> Double {
            let line = try #require(report.split(separator: "\n").first { $0.contains(label) })
            let number = try #require(line.split(separator: " ").first { Double($0) != nil })
            return try #require(Double(number))
        }
        // Each side is within half its last digit of the true value, so the two differ by at most
        // the sum of those halves (the report's 2-decimal GFLOPS 1.23 and the JSON's 1.2355 are both right).
        func agree(_ label: String, _ key: String, shownHalf: Double, jsonHalf: Double) throws {
            let difference = abs(try shown(label) - (json[key]?.double ?? -1))
            #expect(difference <= shownHalf + jsonHalf + 1e-9, "\(label): report and JSON differ by \(difference)")
        }
        try agree("examples/second", "examples_per_second", shownHalf: 0.5, jsonHalf: 0.05)
        try agree("GFLOPS", "gflops", shownHalf: 0.005, jsonHalf: 0.0005)
        try agree("time", "milliseconds", shownHalf: 0.05, jsonHalf: 0.05)
        #expect(report.contains("CPU \(String(format: "%.1f", json["cpu_milliseconds"]?.double ?? -1)) ms"))
        try agree("final loss", "final_loss", shownHalf: 0.00005, jsonHalf: 0.00005)
        #expect(report.contains("kernel           \(json["kernel"]?.string ?? "?")"))
        let job = try #require(json["job"])
        let shape = job["widths"]?.items.compactMap { $0.double }.map { String(Int($0)) }.joined(separator: "->")
        #expect(
            report.contains(
                "MLP \(shape ?? "?") ReLU, softmax cross-entropy, Adam, batch \(Int(job["batch_size"]?.double ?? 0)), "
                    + "\(Int(job["steps"]?.double ?? 0)) steps, \(Int(job["rows"]?.double ?? 0)) rows"))
    }
}
