import Foundation
import Terminal
import TestSupport
import Testing

/// Inputs that build trees tens of thousands of levels deep (or very wide) must render without
/// crashing. Each runs the built `tandem render -` in a subprocess, so a stack overflow shows up as
/// a failed exit status rather than taking the test runner down; timeouts are generous because
/// speed belongs to the benchmark.
@Suite(.serialized) struct PathologicalInputTests {
    static let cases: [(name: String, make: @Sendable () -> String)] = [
        ("10,000 nested block quotes", { String(repeating: ">", count: 10_000) + " deep\n" }),
        ("2,000 nested list items", { (0..<2_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined() }),
        (
            "50,000 nested emphasis markers",
            { String(repeating: "*", count: 50_000) + "a" + String(repeating: "*", count: 50_000) + "\n" }
        ),
        (
            "50,000 nested emphasis spans",
            { String(repeating: "*a ", count: 25_000) + "b" + String(repeating: " a*", count: 25_000) + "\n" }
        ),
        ("50,000 links on a line", { String(repeating: "[a](b) ", count: 50_000) + "\n" }),
        ("50,000 open brackets", { String(repeating: "[", count: 50_000) + "\n" }),
        ("a 1 MB single line", { String(repeating: "word ", count: 200_000) + "\n" }),
        ("a 1 MB single word", { String(repeating: "x", count: 1_000_000) + "\n" }),
        (
            "a 5,000-row table",
            { "| a | b | c |\n|---|:-:|--:|\n" + (0..<5_000).map { "| \($0) | *x* | `y` |\n" }.joined() }
        ),
        (
            "10,000 nested images",
            { String(repeating: "![", count: 10_000) + "x" + String(repeating: "](u)", count: 10_000) + "\n" }
        ),
        (
            "invalid UTF-8 and control bytes",
            { String(decoding: [0x61, 0xFF, 0xFE, 0x1B, 0x5B, 0x33, 0x31, 0x6D, 0x62, 0x0A], as: UTF8.self) }
        ),
    ]

    @Test(
        .enabled(
            if: Subprocess.tandem != nil,
            "NOTICE: the tandem binary is not built; run `swift build` first. Pathological input tests skipped"),
        arguments: 0..<cases.count)
    func rendersWithoutCrashing(_ index: Int) throws {
        let (name, make) = Self.cases[index]
        let input = make()
        for color in ["never", "always"] {
            let result = try Subprocess.run(
                ["render", "-", "--width", "60", "--color", color, "--no-pager"], stdin: Data(input.utf8), timeout: 120)
            #expect(
                result.status == 0,
                "\(name) with colour \(color): exit \(result.status), stderr \(result.stderr.prefix(300))")
            #expect(!result.stdout.isEmpty, "\(name): no output")
            if color == "never" {
                let text = String(decoding: result.stdout, as: UTF8.self)
                #expect(!result.stdout.contains(0x1B), "\(name): escape byte without colour")
                let tooWide = text.split(separator: "\n").first { DisplayWidth.of($0) > 60 }
                #expect(tooWide == nil, "\(name): a line is wider than 60 columns")
            }
        }
    }

    @Test(.enabled(if: Subprocess.tandem != nil, "NOTICE: the tandem binary is not built; CLI error tests skipped"))
    func missingFileFailsWithOneLine() throws {
        let result = try Subprocess.run(["render", "/nonexistent/lesson.md", "--no-pager"], stdin: Data(), timeout: 60)
        #expect(result.status == 1)
        #expect(
            String(decoding: result.stderr, as: UTF8.self)
                == "tandem: cannot read '/nonexistent/lesson.md': No such file or directory\n")
        #expect(result.stdout.isEmpty)
    }

    @Test(.enabled(if: Subprocess.tandem != nil, "NOTICE: the tandem binary is not built; CLI pipe tests skipped"))
    func closedPipeEndsQuietlyWithZero() throws {
        guard let tandem = Subprocess.tandem else { return }
        let input = String(repeating: "A paragraph of text that goes on.\n\n", count: 20_000)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-pipe-\(getpid()).md")
        try input.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = "set -o pipefail; '\(tandem.path)' render '\(file.path)' --no-pager | head -n 1 > /dev/null"
        let result = try Subprocess.run(
            ["-c", script], stdin: Data(), timeout: 60, executable: URL(fileURLWithPath: "/bin/bash"))
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty, "stderr: \(String(decoding: result.stderr, as: UTF8.self))")
    }

    @Test(.enabled(if: Subprocess.tandem != nil, "NOTICE: the tandem binary is not built; NO_COLOR test skipped"))
    func autoColourHonoursNoColor() throws {
        // Not a TTY here, so auto never colours; `always` wins over NO_COLOR.
        let auto = try Subprocess.run(
            ["render", "-", "--no-pager"], stdin: Data("# Title\n\n*x* [a](b)\n".utf8), timeout: 60,
            environment: ["NO_COLOR": "1"])
        #expect(auto.status == 0 && !auto.stdout.isEmpty && !auto.stdout.contains(0x1B))
        let always = try Subprocess.run(
            ["render", "-", "--no-pager", "--color", "always"], stdin: Data("# Title\n".utf8), timeout: 60,
            environment: ["NO_COLOR": "1"])
        #expect(always.stdout.contains(0x1B))
    }
}

/// Runs the built `tandem` binary.
enum Subprocess {
    struct Result {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// The built `tandem`, nil when it has not been built yet.
    static var tandem: URL? { builtTandem }

    static func run(
        _ arguments: [String], stdin: Data, timeout: TimeInterval, environment: [String: String] = [:],
        executable: URL? = nil
    ) throws -> Result {
        let process = Process()
        guard let binary = executable ?? tandem else { throw CocoaError(.fileNoSuchFile) }
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        env.removeValue(forKey: "COLUMNS")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let run = try runCapturingOutput(process, input: stdin, timeout: timeout)
        if run.timedOut {
            return Result(status: -1, stdout: run.outputBytes, stderr: Data("timed out after \(Int(timeout)) s".utf8))
        }
        return Result(status: run.status, stdout: run.outputBytes, stderr: run.errorBytes)
    }
}
