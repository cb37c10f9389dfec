import Foundation
import TestSupport
import Testing

/// The built binary under hostile conditions: closed and broken standard streams, a full disk,
/// hostile text on every path to the terminal, progress files it cannot read or save.
struct Shell {
    typealias Result = CapturedRun

    /// Runs `script` under bash with `$TANDEM` set to the built binary (and `extra` in the environment).
    static func run(_ script: String, _ extra: [String: String] = [:], user nobody: Bool = false) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: nobody ? "/usr/bin/setpriv" : "/bin/bash")
        process.arguments =
            (nobody ? ["--reuid=65534", "--regid=65534", "--clear-groups", "/bin/bash"] : []) + ["-c", script]
        var environment = TandemProcess.cleanEnvironment()
        environment["TANDEM"] = TandemProcess.executable.path
        environment.merge(extra) { $1 }
        process.environment = environment
        return try runCapturingOutput(process)
    }

    /// Runs `script` and expects it to exit 1 with exactly `stderr` on standard error.
    static func expectFailure(
        _ script: String, stderr: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let result = try run(script)
        #expect(result.status == 1, sourceLocation: sourceLocation)
        #expect(result.stderr == stderr, "\(result)", sourceLocation: sourceLocation)
    }

    /// Peak resident memory, in kilobytes (GNU time's `%M`), of `tandem render FILE --no-pager
    /// --width 80` with its output thrown away.
    static func peakKilobytesRendering(_ file: URL) throws -> Int {
        let result = try run(
            #"/usr/bin/time -f "%M" "$TANDEM" render "$FILE" --no-pager --width 80 2>&1 >/dev/null"#,
            ["FILE": file.path])
        return try #require(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(result)")
    }

    /// Whether the tests may switch to an unprivileged user (root, with setpriv installed).
    static let canDropPrivileges = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
}

/// Control characters left in `text` once tandem's own SGR sequences and OSC 8 hyperlinks are
/// taken out: the test oracle, independent of the sanitizer it checks.
func foreignControls(_ text: String) -> [String] {
    var rest = text
    for pattern in ["\u{1B}\\[[0-9;]*m", "\u{1B}\\]8;;[^\u{1B}\u{07}\\s]*\u{1B}\\\\"] {
        rest = rest.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
    }
    var found: [String] = []
    for scalar in rest.unicodeScalars {
        let value = scalar.value
        if (value < 0x20 && scalar != "\n") || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
        {
            found.append(String(format: "U+%04X", value))
        }
    }
    return found
}

/// Strings a lesson, quiz, course file or program could carry to attack the terminal.
enum HostileCorpus {
    static let strings = [
        "\u{1B}[2J", "\u{1B}]0;pwned\u{07}", "\u{1B}]8;;http://evil\u{1B}\\x\u{1B}]8;;\u{1B}\\", "\u{9B}2J",
        "\u{9D}0;t\u{9C}", "\u{07}", "\u{7F}", "\u{08}\u{08}", "a\rb", "\u{202E}evil\u{202C}", "\u{2066}x\u{2069}",
        "\u{1B}[8m hidden", "\u{0}",
    ]
    static var joined: String { strings.joined(separator: " ") }
    /// The corpus as a TOML basic string (escapes for every control).
    static var toml: String {
        var out = ""
        for scalar in joined.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0..<0x20, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

@Suite struct OutputStreamTests {
    @Test func aClosedOrBrokenStderrDoesNotKillTandem() throws {
        let closed = try Shell.run(#""$TANDEM" nonsense 2>&-; echo "rc=$?""#)
        #expect(closed.stdout == "rc=64\n", "\(closed)")
        let broken = try Shell.run(#"("$TANDEM" nonsense) 2>&1 | true; echo "rc=${PIPESTATUS[0]}""#)
        #expect(broken.stdout == "rc=64\n", "\(broken)")
    }

    @Test func aFullOrClosedStdoutIsAnErrorWithAMessage() throws {
        try Shell.expectFailure(
            #""$TANDEM" --help > /dev/full"#,
            stderr: "tandem: cannot write to standard output: No space left on device\n")
        try Shell.expectFailure(
            #""$TANDEM" --help >&-"#, stderr: "tandem: cannot write to standard output: Bad file descriptor\n")
        // Both closed: nothing to say it on, but still a failure, and no crash.
        let both = try Shell.run(#""$TANDEM" --help >&- 2>&-; echo "rc=$?""#)
        #expect(both.stdout == "rc=1\n", "\(both)")
    }

    @Test func aReaderThatGoesAwayEndsTandemQuietlyAndPromptly() throws {
        let dir = try makeTemporaryFolder("tandem-pipe")
        let big = dir.appendingPathComponent("big.md")
        try Data(String(repeating: "A paragraph of words that wraps.\n\n", count: 40_000).utf8).write(to: big)
        let start = Date()
        let result = try Shell.run(
            #""$TANDEM" render "$FILE" --no-pager --width 60 | head -1; echo "rc=${PIPESTATUS[0]}""#,
            ["FILE": big.path])
        #expect(result.stdout == "A paragraph of words that wraps.\nrc=0\n", "\(result)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func helpForAnUnknownTopicIsAnError() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let bogus = try tandem.run(["help", "bogus"], withCourse: false)
        #expect(bogus.status == 64)
        #expect(bogus.stderr == "tandem: no command 'bogus' to show help for (see tandem --help)\n", "\(bogus)")
        #expect(bogus.stdout.isEmpty)
        let known = try tandem.run(["help", "read"], withCourse: false)
        #expect(known.status == 0 && known.stdout.contains("USAGE: tandem read"), "\(known)")
    }
}

@Suite struct HostileTextTests {
    /// The CLI fixture with the corpus in the course title, a lesson, a link, a code fence's
    /// language tag and the quiz.
    func hostileCourse() throws -> URL {
        let root = try CourseFixture.make()
        let toml = root.appendingPathComponent("content/course.toml")
        var manifest = try String(contentsOf: toml, encoding: .utf8)
        manifest = manifest.replacingOccurrences(
            of: "title = \"CLI fixture course\"", with: "title = \"Course \(HostileCorpus.toml)\"")
        manifest = manifest.replacingOccurrences(
            of: "title = \"Cascading inference\"", with: "title = \"Cascades \(HostileCorpus.toml)\"")
        try Data(manifest.utf8).write(to: toml)
        let lesson = """
            # Evil \(HostileCorpus.joined)

            Text \(HostileCorpus.joined) and [a link](http://a\u{9C}\u{9B}2J "title \u{1B}[2J") and &#27;[2J &#x9b;.

            ```\u{1B}]0;title\u{07}swift
            let x = "\(HostileCorpus.joined)"
            ```

            | a | b \u{1B}[2J |
            | - | - |
            | \u{9B}31m | \u{07} |
            """
        try Data(lesson.utf8).write(to: root.appendingPathComponent("content/02-cascades/lesson.md"))
        let quiz = """
            [[questions]]
            id = "cascades-tf"
            type = "TrueFalse"
            prompt.prompt = "Evil \(HostileCorpus.toml)"
            answer.answer = false
            context = "Because \(HostileCorpus.toml)"
            """
        try Data(quiz.utf8).write(to: root.appendingPathComponent("content/02-cascades/quiz.toml"))
        return root
    }

    @Test func noForeignControlReachesTheTerminalOnAnyPath() throws {
        let tandem = TandemProcess(course: try hostileCourse())
        let answers = tandem.state.deletingLastPathComponent().appendingPathComponent("answers-\(UUID()).toml")
        try Data("cascades-tf = true\n".utf8).write(to: answers)
        let runs: [[String]] = [
            [], ["list"], ["progress"], ["read", "2", "--no-run", "--no-pager"],
            ["quiz", "2", "--answers", answers.path], ["read", "\u{1B}]0;pwned\u{07}"],
            ["quiz", "--check", "\u{1B}[2J\u{9B}"],
            ["render", tandem.course.appendingPathComponent("content/02-cascades/lesson.md").path],
        ]
        for arguments in runs {
            for colour in ["always", "never"] {
                let result = try tandem.run(arguments + ["--color", colour, "--width", "60"])
                #expect(result.status != 132 && result.status != 134, "\(arguments): \(result)")
                #expect(
                    foreignControls(result.stdout).isEmpty, "\(arguments) stdout: \(foreignControls(result.stdout))")
                #expect(
                    foreignControls(result.stderr).isEmpty, "\(arguments) stderr: \(foreignControls(result.stderr))")
                if colour == "never" { #expect(!result.stdout.contains("\u{1B}"), "\(arguments)") }
            }
        }
        // The rendered lesson still shows the text around what was neutralised.
        let read = try tandem.run(["read", "2", "--no-run", "--no-pager", "--color", "never"])
        #expect(read.stdout.contains("Text "), "\(read)")
    }
}

@Suite struct ProgressCommandFaultTests {
    func writeProgress(_ text: String, _ tandem: TandemProcess) throws {
        try FileManager.default.createDirectory(at: tandem.state, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: tandem.progressFile)
    }

    @Test func outOfRangeNumbersNeverCrashProgress() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        try writeProgress(
            """
            {"format_version": 1, "course_id": "cli-fixture",
             "questions": {"intro-tf": {"attempts": 9223372036854775807, "correct_count": 1}},
             "quizzes": {"intro": {"best": 1e19, "last": 1e300, "total": 2, "attempts": 9223372036854775807}},
             "exercises": {"cascade-route": {"hints_used": -4, "status": "failed"}}}
            """, tandem)
        for arguments in [["progress"], ["progress", "--json"], ["list"], [], ["hint", "1"]] {
            let result = try tandem.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
        }
        let imported = tandem.state.deletingLastPathComponent().appendingPathComponent("import-\(UUID()).json")
        try Data(
            #"{"format_version": 2, "course_id": "cli-fixture", "quizzes": {"cascades": {"best": 1e300, "total": 2}}}"#
                .utf8
        ).write(to: imported)
        let result = try tandem.run(["progress", "--import", imported.path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.contains("quizzes.cascades.best"), "\(result.stderr)")
        let after = try tandem.run(["progress"])
        #expect(after.status == 0, "\(after)")
    }

    @Test func aFailedSaveExitsNonZeroForAnswersHintsAndImport() throws {
        let course = try CourseFixture.make()
        let toml = course.appendingPathComponent("content/course.toml")
        let manifest = try String(contentsOf: toml, encoding: .utf8)
            .replacingOccurrences(
                of: "lesson = \"cascades\"", with: "lesson = \"cascades\"\nhints = [\"one\", \"two\"]")
        try Data(manifest.utf8).write(to: toml)
        let tandem = TandemProcess(course: course)
        try tandem.run(["read", "1", "--no-run"])
        // No lock can be taken: a folder stands where the lock file goes.
        let lock = tandem.state.appendingPathComponent("progress.json.lock")
        try FileManager.default.removeItem(at: lock)
        try FileManager.default.createDirectory(at: lock, withIntermediateDirectories: false)
        let before = try Data(contentsOf: tandem.progressFile)

        let answers = tandem.state.deletingLastPathComponent().appendingPathComponent("answers-\(UUID()).toml")
        try Data("intro-tf = false\nintro-num = 2\n".utf8).write(to: answers)
        let quiz = try tandem.run(["quiz", "1", "--answers", answers.path])
        #expect(quiz.status != 0)
        #expect(quiz.stdout.contains("2 / 2"), "the report is still shown: \(quiz.stdout)")
        #expect(quiz.stderr.contains("not recorded") && quiz.stderr.contains("cannot lock"), "\(quiz.stderr)")

        let hint = try tandem.run(["hint", "1"])
        #expect(hint.status != 0, "\(hint)")
        #expect(hint.stderr.contains("cannot lock"), "\(hint.stderr)")

        let exported = tandem.state.deletingLastPathComponent().appendingPathComponent("export-\(UUID()).json")
        #expect(try tandem.run(["progress", "--export", exported.path]).status == 0)
        let imported = try tandem.run(["progress", "--import", exported.path])
        #expect(imported.status != 0, "\(imported)")
        #expect(imported.stderr.contains("nothing imported"), "\(imported.stderr)")
        #expect(try Data(contentsOf: tandem.progressFile) == before)
    }

    @Test(.enabled(if: Shell.canDropPrivileges, "NOTICE: needs root and setpriv to test as an unprivileged user"))
    func anUnreadableProgressFileIsAnErrorAndIsNotOverwritten() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        try writeProgress(#"{"format_version": 2, "course_id": "cli-fixture", "welcomed": true}"#, tandem)
        chmod(tandem.state.path, 0o777)
        chmod(tandem.progressFile.path, 0o000)
        let before = try Data(contentsOf: tandem.progressFile)
        for arguments in [["read", "1", "--no-run"], ["progress"], []] {
            let result = try Shell.run(
                #""$TANDEM" "$@" --course "$COURSE""#.replacingOccurrences(
                    of: "\"$@\"", with: arguments.map { "'\($0)'" }.joined(separator: " ")),
                ["COURSE": tandem.course.path, "TANDEM_STATE_DIR": tandem.state.path], user: true)
            #expect(result.status == 1, "\(arguments): \(result)")
            #expect(result.stderr.contains("cannot read") && result.stderr.contains("Permission denied"), "\(result)")
        }
        #expect(try Data(contentsOf: tandem.progressFile) == before)
        var info = stat()
        stat(tandem.progressFile.path, &info)
        #expect(info.st_mode & 0o777 == 0, "left as it was")
    }

    @Test(.enabled(if: Shell.canDropPrivileges, "NOTICE: needs root and setpriv to test as an unprivileged user"))
    func resetInAReadOnlyFolderSaysWhyInWords() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        try tandem.run(["read", "1", "--no-run"])
        // The folder and its files stay root's: the unprivileged user can read but not write.
        chmod(tandem.state.path, 0o755)
        let result = try Shell.run(
            #""$TANDEM" progress --reset --yes --course "$COURSE""#,
            ["COURSE": tandem.course.path, "TANDEM_STATE_DIR": tandem.state.path], user: true)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("Permission denied"), "\(result.stderr)")
        for raw in ["NSError", "Code=", "UserInfo", "CocoaError"] { #expect(!result.stderr.contains(raw), "\(result)") }
        #expect(result.stderr.split(separator: "\n").count == 1, "one line: \(result.stderr)")
    }
}

@Suite struct NumberArgumentTests {
    @Test func negativeNumbersAreReadAndRejectedWithTheRange() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let cases: [([String], String)] = [
            (["list", "--width", "-1"], "tandem: --width must be at least 10 (got -1)."),
            (["read", "-1"], "tandem: -1 is out of range: lesson and exercise numbers start at 1"),
            (["hint", "-5"], "tandem: -5 is out of range: lesson and exercise numbers start at 1"),
            (["review", "--limit", "-2"], "tandem: --limit must be at least 1."),
            (["bench", "--repeats", "-1"], "tandem: --repeats must be at least 1 (got -1)."),
        ]
        for (arguments, message) in cases {
            let result = try tandem.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(result.stderr.hasPrefix(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test func nanAndInfinityAreRejectedWhereverANumberIsRead() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        for arguments in [
            ["check", "--time-limit", "nan"], ["check", "--time-limit", "inf"], ["watch", "--time-limit", "-inf"],
            ["run", "cascade", "--threshold", "nan"], ["run", "cascade", "--target-accuracy", "infinity"],
            ["run", "cascade", "--threshold", "-nan"], ["dev", "verify", "--time-limit", "inf"],
        ] {
            let result = try tandem.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(result.stderr.contains("is not a finite number"), "\(arguments): \(result.stderr)")
        }
    }
}

@Suite struct UnboundedInputTests {
    @Test func endlessInputStopsAtTheLimitWithAMessage() throws {
        try Shell.expectFailure(
            #""$TANDEM" render /dev/zero"#, stderr: "tandem: '/dev/zero' is larger than 16 MB, the most tandem reads\n")
        try Shell.expectFailure(
            #"head -c 20000000 /dev/zero | "$TANDEM" render -"#,
            stderr: "tandem: standard input is larger than 16 MB, the most tandem reads\n")
    }

    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "NOTICE: /usr/bin/time is missing"))
    func aTenMegabyteLineKeepsMemoryProportionate() throws {
        let dir = try makeTemporaryFolder("tandem-line")
        let file = dir.appendingPathComponent("line.md")
        try Data((String(repeating: "word ", count: 2_000_000) + "\n").utf8).write(to: file)
        let kilobytes = try Shell.peakKilobytesRendering(file)
        // 10 MB of input: the source, the flat tree and the output, not 400 MB.
        #expect(kilobytes < 200_000, "peak \(kilobytes) KB")
    }

    /// Emphasis is the costliest Markdown per byte (10 MB of `*a* ` is 7.5 million nodes, 2.7 GB):
    /// past the mark budget it is refused at once with a message; just under it memory stays small.
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time"), "NOTICE: /usr/bin/time is missing"))
    func denseEmphasisIsRefusedOrRenderedInProportion() throws {
        let dir = try makeTemporaryFolder("tandem-emph")
        defer { try? FileManager.default.removeItem(at: dir) }
        let huge = dir.appendingPathComponent("huge.md")
        try Data(String(repeating: "*a* ", count: 2_500_000).utf8).write(to: huge)
        let refused = try Shell.run(#""$TANDEM" render "$FILE" --no-pager"#, ["FILE": huge.path])
        #expect(refused.status == 1, "\(refused)")
        #expect(refused.stderr.contains("holds 5000000 Markdown marks"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)

        let underBudget = dir.appendingPathComponent("under.md")
        try Data(String(repeating: "*a* ", count: 124_000).utf8).write(to: underBudget)
        let kilobytes = try Shell.peakKilobytesRendering(underBudget)
        #expect(kilobytes < 250_000, "peak \(kilobytes) KB for 0.5 MB of emphasis")
    }
}

@Suite struct MessageExcerptTests {
    @Test func messagesQuoteShortExcerptsOnOneLine() throws {
        let tandem = TandemProcess(course: try CourseFixture.make())
        let answers = tandem.state.deletingLastPathComponent().appendingPathComponent("answers-\(UUID()).toml")
        try Data("\"a\\nb\" = 1\n\"\(String(repeating: "x", count: 5_000))\" = 2\n".utf8).write(to: answers)
        let result = try tandem.run(["quiz", "1", "--answers", answers.path])
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 2, "\(result.stderr)")
        #expect(lines.allSatisfy { $0.count < 300 }, "\(lines.map(\.count))")
        #expect(result.stderr.contains("'a⏎b' is not a question"), "\(result.stderr)")
    }
}
