import Foundation
import TestSupport
import Testing

/// `tandem quiz`, `tandem review` and `tandem bench` run as a student or CI would: the built
/// binary, stdin not a terminal, `TANDEM_STATE_DIR` in a temporary folder.
@Suite struct QuizCommandTests {
    static let repository = checkoutRoot

    /// A file in a fresh temporary folder.
    func temporaryFile(_ name: String, _ text: String) throws -> URL {
        let folder = try makeTemporaryFolder("quiz-cli")
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }

    func progress(_ tandem: TandemProcess) throws -> [String: Any] {
        try parseJSONObject(String(contentsOf: tandem.progressFile, encoding: .utf8))
    }

    @Test func answersFileGivesATextReportThatFitsAndRecordsTheRun() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let answers = try temporaryFile("answers.toml", "intro-tf = \"f\"\nintro-num = \"3\"\n")
        let result = try tandem.run(["quiz", "intro", "--answers", answers.path, "--width", "40"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        let text = result.stdout
        #expect(text.contains("intro-tf"))
        #expect(text.contains("intro-num"))
        #expect(text.contains("content/01-intro/quiz.toml: 1 / 2"), "\(text)")
        #expect(!text.contains("\u{1B}"))
        for line in text.split(separator: "\n") { #expect(line.count <= 40, "\(line)") }
        let quizzes = try #require(try progress(tandem)["quizzes"] as? [String: Any])
        let intro = try #require(quizzes["intro"] as? [String: Any])
        #expect(intro["best"] as? Double == 1 && intro["last"] as? Double == 1 && intro["total"] as? Int == 2)
    }

    @Test func answersAsJSONExitZeroWhateverTheScoreAndWarnAboutUnknownIDs() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let answers = try temporaryFile(
            "answers.toml",
            """
            intro-tf = true
            nope = "B"
            """)
        let result = try tandem.run(["quiz", "1", "--answers", answers.path, "--json"])
        #expect(result.status == 0, "a score of 0 still exits 0: \(result.stderr)")
        #expect(
            result.stderr
                == "tandem: warning: \(answers.path): 'nope' is not a question of content/01-intro/quiz.toml (ignored)\n"
        )
        let report = try parseJSONObject(result.stdout)
        #expect(Set(report.keys) == ["file", "score", "total", "questions"])
        #expect(report["file"] as? String == "content/01-intro/quiz.toml")
        #expect(report["score"] as? Double == 0)
        #expect(report["total"] as? Int == 2)
        let questions = try #require(report["questions"] as? [[String: Any]])
        #expect(questions.map { $0["id"] as? String } == ["intro-tf", "intro-num"])
        for question in questions {
            #expect(
                Set(question.keys).isSuperset(of: ["id", "status", "correct", "points", "given", "expected"]),
                "\(question.keys)")
        }
        #expect(questions[0]["status"] as? String == "incorrect")
        #expect(questions[0]["correct"] as? Bool == false)
        #expect(questions[0]["points"] as? Double == 0)
        #expect(questions[0]["given"] as? Bool == true)
        #expect(questions[0]["expected"] as? Bool == false)
        #expect(questions[1]["status"] as? String == "unanswered")
        #expect(questions[1]["given"] is NSNull)
        #expect(questions[1]["expected"] as? Double == 2)

        // All right: full points, the same shape.
        let right = try temporaryFile("right.toml", "intro-tf = \"no\"\nintro-num = 2\n")
        let full = try parseJSONObject(try tandem.run(["quiz", "intro", "--answers", right.path, "--json"]).stdout)
        #expect(full["score"] as? Double == 2)
        #expect(
            (full["questions"] as? [[String: Any]])?.allSatisfy {
                $0["points"] as? Double == 1 && $0["correct"] as? Bool == true
            } == true)
    }

    @Test func withoutATerminalOrAnswersItSaysWhatIsNeeded() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let result = try tandem.run(["quiz", "intro"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(
            result.stderr
                == "tandem: not a terminal: pass --answers FILE to grade an answers file (see tandem quiz --help)\n")
        if FileManager.default.fileExists(atPath: tandem.progressFile.path) {
            let quizzes = try progress(tandem)["quizzes"] as? [String: Any]
            #expect(quizzes?.isEmpty ?? true, "nothing recorded")
        }
    }

    @Test func checkReportsEachProblemWithItsQuestionsLine() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let file = try temporaryFile(
            "bad.toml",
            """
            # Two questions with problems and one fine.
            [[questions]]
            id = "fine"
            type = "TrueFalse"
            prompt.prompt = "Fine?"
            answer.answer = true

            [[questions]]
            id = "num"
            type = "Numeric"
            prompt.prompt = "How many?"
            answer.answer = 3

            [[questions]]
            id = "essay"
            type = "Essay"
            prompt.prompt = "Discuss."
            """)
        let result = try tandem.run(["quiz", "--check", file.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result.stdout)")
        #expect(
            lines[0].hasPrefix("\(file.path):8: question num: Numeric needs answer.tolerance or answer.range"),
            "\(lines[0])")
        #expect(lines[1].hasPrefix("\(file.path):14: question essay: unknown type 'Essay'"), "\(lines[1])")
        #expect(lines[2] == "\(file.path): 2 errors, 0 warnings")

        let syntax = try temporaryFile("syntax.toml", "[[questions]]\nid = \"a\"\nprompt.prompt = \"unclosed\n")
        let broken = try tandem.run(["quiz", "--check", syntax.path])
        #expect(broken.status == 1)
        #expect(broken.stdout.hasPrefix("\(syntax.path):3: TOML syntax error"), "\(broken.stdout)")

        let clean = try tandem.run([
            "quiz", "--check", tandem.course.appendingPathComponent("content/01-intro/quiz.toml").path,
        ])
        #expect(clean.status == 0)
        #expect(clean.stdout.hasSuffix("quiz.toml: 2 questions, no problems\n"))
    }

    /// The real course: lesson 3 by slug, number and prefix is one quiz, with best and last kept.
    @Test func lessonByNameOrNumberRecordsBestAndLastThenReviewListsTheAnswers() throws {
        let tandem = TandemProcess(course: Self.repository)
        let good = try temporaryFile(
            "good.toml", "cascades-expected-cost = 7.25\ncascades-three-tiers = \"6.28 units\"\n")
        let first = try tandem.run(["quiz", "cascades", "--answers", good.path, "--json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try parseJSONObject(first.stdout)["score"] as? Double == 2)
        let worse = try temporaryFile("worse.toml", "cascades-expected-cost = \"$7.25\"\ncascades-three-tiers = 5\n")
        let second = try tandem.run(["quiz", "3", "--answers", worse.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("content/03-cascades/quiz.toml: 1 / "), "\(second.stdout)")

        let quizzes = try #require(try progress(tandem)["quizzes"] as? [String: Any])
        #expect(quizzes.keys.sorted() == ["cascades"], "one key whatever the lesson was called")
        let record = try #require(quizzes["cascades"] as? [String: Any])
        #expect(record["best"] as? Double == 2)
        #expect(record["last"] as? Double == 1)
        #expect(record["attempts"] as? Int == 2)

        // Nothing is due yet: the one just missed waits ten minutes. Review says so and offers --all.
        let nothing = try tandem.run(["review", "--width", "40"])
        #expect(nothing.status == 0, "\(nothing.stderr)")
        #expect(
            nothing.stdout == """
                Nothing is due for review; the next
                question is due in 10 minutes. To
                practise early anyway: tandem review
                --all

                """, "\(nothing.stdout)")
        let dueOnly = try parseJSONObject(try tandem.run(["review", "--json"]).stdout)
        #expect(dueOnly["due"] as? Int == 0 && (dueOnly["questions"] as? [Any])?.isEmpty == true)
        #expect(dueOnly["next_due"] is String)

        let review = try tandem.run(["review", "--json", "--all"])
        #expect(review.status == 0, "\(review.stderr)")
        let queue = try parseJSONObject(review.stdout)
        #expect(queue["due"] as? Int == 0)
        let items = try #require(queue["questions"] as? [[String: Any]])
        // The one just missed is due in ten minutes and comes first; the one right twice waits longer.
        #expect(items.map { $0["id"] as? String } == ["cascades-three-tiers", "cascades-expected-cost"])
        #expect(
            items[0]["is_due"] as? Bool == false && items[0]["last_result"] as? String == "incorrect"
                && items[0]["phase"] as? String == "relearning" && items[0]["stability"] is Double)
        #expect(items[1]["is_due"] as? Bool == false && items[1]["last_result"] as? String == "correct")
        #expect(items.allSatisfy { $0["quiz"] as? String == "cascades" && $0["due"] is String })

        let listing = try tandem.run(["review", "--all", "--width", "40"])
        #expect(listing.status == 0)
        #expect(listing.stdout.hasPrefix("0 of 2 listed questions due for review:\n"), "\(listing.stdout)")
        #expect(
            listing.stdout.contains("  cascades-three-tiers (cascades, due\n    in 10 minutes, recall 100%)\n"),
            "\(listing.stdout)")
        for line in listing.stdout.split(separator: "\n") { #expect(line.count <= 40, "\(line)") }
    }

    /// Questions past their due date are listed by default, with a header that fits 40 columns.
    @Test func reviewListsDueQuestionsWithinTheWidth() throws {
        let tandem = TandemProcess(course: Self.repository)
        let wrong = try temporaryFile("wrong.toml", "cascades-expected-cost = 1\ncascades-three-tiers = 1\n")
        #expect(try tandem.run(["quiz", "cascades", "--answers", wrong.path]).status == 0)
        // Move the two due dates into the past, as if the student came back an hour later.
        var progress = try String(contentsOf: tandem.progressFile, encoding: .utf8)
        let dues = try NSRegularExpression(pattern: #""due"\s*:\s*"[^"]*""#)
        progress = dues.stringByReplacingMatches(
            in: progress, range: NSRange(progress.startIndex..., in: progress),
            withTemplate: #""due" : "2020-01-01T00:00:00Z""#)
        try Data(progress.utf8).write(to: tandem.progressFile)
        let listing = try tandem.run(["review", "--width", "40"])
        #expect(listing.status == 0, "\(listing.stderr)")
        #expect(listing.stdout.hasPrefix("2 questions due for review:\n  cascades-"), "\(listing.stdout)")
        for line in listing.stdout.split(separator: "\n") { #expect(line.count <= 40, "\(line)") }
        let limited = try tandem.run(["review", "--limit", "1"])
        #expect(limited.stdout.hasPrefix("The first 1 of 2 questions due for review:\n"), "\(limited.stdout)")
        #expect(limited.stdout.split(separator: "\n").count == 2)
    }

    @Test func unknownLessonIsAOneLineError() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let result = try tandem.run(["quiz", "nonsense", "--answers", "/dev/null"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("tandem: "))
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
    }
}

#if os(Linux)
    /// The interactive quiz through a real pseudo-terminal (util-linux `script`), so the terminal
    /// line reader, the TTY check and Ctrl-D are the real ones. Ctrl-C is left to the session tests:
    /// through a pty it would race the start of the program.
    @Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    struct InteractiveQuizTests {
        /// Runs `tandem ARGUMENTS` on a terminal fed with `input`; returns the screen text (no `\r`).
        func runOnTerminal(_ tandem: TandemProcess, _ arguments: [String], input: String) throws -> (
            status: Int32, screen: String
        ) {
            let command = ([TandemProcess.executable.path] + arguments + ["--course", tandem.course.path])
                .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", command, "/dev/null"]
            process.environment = tandem.environment
            let stdin = Pipe()
            let stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = stdout
            try process.run()
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try stdin.fileHandleForWriting.close()
            let data = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (
                process.terminationStatus,
                String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r", with: "")
            )
        }

        @Test(.timeLimit(.minutes(1)))
        func ctrlDKeepsTheAnswerAndTheNextRunResumes() throws {
            let tandem = TandemProcess(course: try CourseFixture.make())
            let first = try runOnTerminal(
                tandem, ["quiz", "intro", "--width", "80", "--color", "never"], input: "maybe\nf\n\u{04}")
            #expect(first.status == 0, "\(first.screen)")
            #expect(first.screen.contains("Question 1 of 2  (intro-tf)"))
            #expect(
                first.screen.contains("Answer true or false (t/f, yes/no and y/n also work)."),
                "re-prompted: \(first.screen)")
            #expect(first.screen.contains("✓ Correct.\n\nNot on easy queries."))
            #expect(
                first.screen.contains(
                    "Stopped after 1 of 2 questions; your answers are saved. Run tandem quiz 1 to\nresume."),
                "the lesson's number, no backticks: \(first.screen)")
            #expect(!first.screen.contains("\u{1B}"))
            for line in first.screen.split(separator: "\n") { #expect(columns(line) <= 80, "\(line)") }

            let second = try runOnTerminal(tandem, ["quiz", "1", "--width", "80", "--color", "never"], input: "\n2\n")
            #expect(second.status == 0, "\(second.screen)")
            #expect(second.screen.contains("Last time you stopped after 1 of 2 questions."))
            #expect(!second.screen.contains("Question 1 of 2"))
            #expect(second.screen.contains("Question 2 of 2  (intro-num)"))
            #expect(second.screen.contains("Score: 2 / 2"))
            #expect(second.screen.contains("Every question right."))
            let progress = try #require(
                try JSONSerialization.jsonObject(with: Data(contentsOf: tandem.progressFile)) as? [String: Any])
            let record = try #require((progress["quizzes"] as? [String: Any])?["intro"] as? [String: Any])
            #expect(record["best"] as? Double == 2 && record["attempts"] as? Int == 1)
            #expect(record["resume"] == nil)
        }

        /// Display columns, counting each scalar of a grapheme as one (the screen holds no wide text).
        func columns(_ line: Substring) -> Int { line.count }
    }
#endif
