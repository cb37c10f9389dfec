import Foundation
import TestSupport
import Testing

/// `tandem search`, `read --toc`, `read N#section`, `quiz --last` and the Leitner → FSRS
/// migration, run as the built binary on the fixture course.
@Suite struct LearningCommandTests {
    /// The fixture course with a lesson that has sections.
    func course() throws -> URL {
        let root = try CourseFixture.make()
        try Data(
            """
            # Cascading inference

            ## The deferral rule

            Defer to the large model when the small model is unsure.

            ## The expected cost

            Every query pays for the small model; deferred ones also pay for the large model.
            """.utf8
        ).write(to: root.appendingPathComponent("content/02-cascades/lesson.md"))
        return root
    }

    @Test func searchRanksHighlightsAndSpeaksJSON() throws {
        let tandem = TandemProcess(course: try course())
        let text = try tandem.run(["search", "defer", "large", "--width", "50", "--color", "never"])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n")
        // Both words (line 5) beat one word in a heading (line 3); "defer" also finds "deferred".
        #expect(lines.first == "2 · The deferral rule · line 5", "\(text.stdout)")
        #expect(lines.dropFirst().first?.contains("*Defer* to the *large* model") == true, "\(text.stdout)")
        #expect(text.stdout.contains("*deferred*"), "prefix matches are highlighted too")
        #expect(text.stdout.contains("tandem read 2#the-deferral-rule"))
        for line in lines { #expect(line.count <= 50, "\(line)") }
        let colored = try tandem.run(["search", "unsure", "--color", "always"])
        #expect(colored.stdout.contains("\u{1B}[1;33munsure\u{1B}[0m") || colored.stdout.contains("\u{1B}["))
        let report = try parseJSONObject(try tandem.run(["search", "cheap", "--json"]).stdout)
        let hits = try #require(report["hits"] as? [[String: Any]])
        #expect(hits.first?["file"] as? String == "content/01-intro/lesson.md" && hits.first?["line"] as? Int == 3)
        #expect(hits.first?["matched"] as? [String] == ["cheap"])
        let none = try tandem.run(["search", "zebra"])
        #expect(none.status == 0 && none.stdout.contains("Nothing in the lessons, quizzes or exercises matches"))
        #expect(try tandem.run(["search", "!!"]).status == 64, "no words: a usage error")
    }

    @Test func tocAndSections() throws {
        let tandem = TandemProcess(course: try course())
        let toc = try tandem.run(["read", "2", "--toc", "--width", "60"])
        #expect(
            toc.stdout == """
                2. Cascading inference
                  1  The deferral rule  #the-deferral-rule
                  2  The expected cost  #the-expected-cost
                Open one: tandem read 2#SECTION

                """, "\(toc.stdout)")
        let outline = try parseJSONObject(try tandem.run(["read", "cascades", "--toc", "--json"]).stdout)
        #expect((outline["sections"] as? [[String: Any]])?.compactMap { $0["line"] as? Int } == [3, 7])
        for reference in ["2#2", "2#the-expected-cost", "cascades#expected"] {
            let page = try tandem.run(["read", reference, "--no-run", "--no-pager", "--width", "60"])
            #expect(page.status == 0, "\(page.stderr)")
            let lines = page.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first?.hasPrefix("Lesson 2 from section 2, \"The expected cost\"") == true, "\(page.stdout)")
            #expect(lines.dropFirst(2).first == "The expected cost", "\(page.stdout)")
            #expect(!page.stdout.contains("Defer to the large model"), "the page starts at the section")
        }
        let missing = try tandem.run(["read", "2#nope"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "tandem: lesson 2 has no section 'nope' (tandem read 2 --toc lists them)\n")
        // Opening a section does not mark the lesson read.
        let list = try parseJSONObject(try tandem.run(["list", "--json"]).stdout)
        #expect("\(list)".contains("read = 0") || !"\(list)".contains("\"read\": true"))
    }

    @Test func lastAttemptIsShownAgain() throws {
        let tandem = TandemProcess(course: try course())
        let empty = try tandem.run(["quiz", "2", "--last"])
        #expect(empty.status == 1 && empty.stderr.contains("no answers recorded for this quiz yet"))
        let answers = FileManager.default.temporaryDirectory.appendingPathComponent("last-\(UUID().uuidString).toml")
        try Data("cascades-tf = true\ncascades-num = 2\n".utf8).write(to: answers)
        #expect(try tandem.run(["quiz", "2", "--answers", answers.path]).status == 0)
        let last = try tandem.run(["quiz", "2", "--last", "--width", "60"])
        #expect(last.status == 0, "\(last.stderr)")
        #expect(last.stdout.hasPrefix("Your answers — 1 of 2 right:\n"), "\(last.stdout)")
        #expect(last.stdout.contains("   Your answer: true\n   Right answer: false\n"))
        let report = try parseJSONObject(try tandem.run(["quiz", "2", "--last", "--json"]).stdout)
        #expect(report["right"] as? Int == 1)
        let review = try parseJSONObject(try tandem.run(["review", "--all", "--json"]).stdout)
        let questions = try #require(review["questions"] as? [[String: Any]])
        #expect(questions.count == 2)
        for question in questions {
            #expect(question["stability"] is Double && question["difficulty"] is Double, "\(question)")
            #expect(question["retrievability"] is Double && question["due"] is String)
        }
    }

    @Test func leitnerProgressIsMigratedWithABackup() throws {
        let tandem = TandemProcess(course: try course())
        try FileManager.default.createDirectory(at: tandem.state, withIntermediateDirectories: true)
        let old = """
            {"course_id": "cli-fixture", "format_version": 1, "questions": {"cascades-tf": {"attempts": 1,
             "box": 2, "correct_count": 1, "due": "2020-01-02T00:00:00Z", "last_answered_at": "2020-01-01T00:00:00Z",
             "last_result": "correct", "quiz": "cascades"}}}
            """
        try Data(old.utf8).write(to: tandem.progressFile)
        let review = try tandem.run(["review", "--json"])
        #expect(review.status == 0)
        #expect(review.stderr.contains("converted 1 review schedule from Leitner boxes to FSRS"), "\(review.stderr)")
        let backup = tandem.state.appendingPathComponent("progress.json.leitner-backup")
        #expect(try String(contentsOf: backup, encoding: .utf8) == old)
        let report = try parseJSONObject(review.stdout)
        let item = try #require((report["questions"] as? [[String: Any]])?.first)
        #expect(item["stability"] as? Double == 1 && item["phase"] as? String == "review")
        #expect(item["due"] as? String == "2020-01-02T00:00:00Z")
        #expect(try tandem.run(["review", "--json"]).stderr.isEmpty, "converted once")
    }

    @Test func demoChartsAreWrittenAsSVGFilesOrIntoAFolder() throws {
        let tandem = TandemProcess(course: QuizCommandTests.repository)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("svg-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try tandem.run(["run", "speculative", "--svg", folder.path, "--no-pager", "--width", "80"])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(
            names == [
                "chart-1-tokens-per-target-call-and-compute-per-t.svg", "chart-2-acceptance-along-a-block-4.svg",
            ], "\(names)")
        #expect(run.stderr.hasPrefix("tandem: wrote 2 charts: "))
        let plain = try tandem.run(["run", "speculative", "--no-pager", "--width", "80"])
        #expect(plain.stdout == run.stdout, "the terminal report is the same with --svg")
        // FILE.svg with two charts: FILE-1.svg and FILE-2.svg.
        let file = folder.appendingPathComponent("spec.svg")
        #expect(try tandem.run(["run", "speculative", "--svg", file.path, "--json"]).status == 0)
        for suffix in ["-1", "-2"] {
            let svg = try String(
                contentsOf: folder.appendingPathComponent("spec\(suffix).svg"), encoding: .utf8)
            #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"))
        }
        // A path that is a file but not an SVG is never overwritten.
        let notes = folder.appendingPathComponent("notes.txt")
        try Data("mine".utf8).write(to: notes)
        let refused = try tandem.run(["run", "speculative", "--svg", notes.path])
        #expect(refused.status == 1 && refused.stderr.hasPrefix("tandem: \(notes.path): cannot make this folder"))
        #expect(try String(contentsOf: notes, encoding: .utf8) == "mine")
    }
}
