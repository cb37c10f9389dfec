import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paging (only on a TTY, only when taller than the screen, `$PAGER` with `LESS=FRX` when `LESS` is
/// unset, never with `--no-pager`) and raw invalid UTF-8 input, each through the built `tandem`.
@Suite(.serialized) struct PagerAndInputTests {
    /// What one run left behind: whether the pager ran, the `LESS` it saw, what it was given, and
    /// what reached the terminal directly.
    struct PagedRun {
        var pagerRan: Bool
        var less: String
        var paged: String
        var direct: String
    }

    /// Runs `tandem render FILE ARGS` with stdout on a pseudo-terminal of `rows` rows (or on a pipe),
    /// and `$PAGER` a script recording what it receives.
    func run(
        _ markdown: String, _ arguments: [String], rows: UInt16 = 10, tty: Bool = true,
        environment: [String: String] = [:]
    ) throws -> PagedRun {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-pager-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("doc.md")
        try Data(markdown.utf8).write(to: file)
        let lessFile = folder.appendingPathComponent("less").path
        let bodyFile = folder.appendingPathComponent("body").path

        let process = Process()
        let tandem: URL = try #require(Subprocess.tandem)
        process.executableURL = tandem
        process.arguments = ["render", file.path, "--width", "60", "--color", "never"] + arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["NO_COLOR", "COLUMNS", "LESS"] { env[key] = nil }
        env["PAGER"] = "printf %s \"${LESS-unset}\" > '\(lessFile)'; cat > '\(bodyFile)'"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice

        var master: Int32 = -1
        var outputPipe: Pipe?
        if tty {
            master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            try #require(master >= 0)
            let slaveName = try #require(Self.unlockedSlaveName(master))
            var size = winsize(ws_row: rows, ws_col: 60, ws_xpixel: 0, ws_ypixel: 0)
            #if canImport(Glibc)
                _ = ioctl(master, UInt(TIOCSWINSZ), &size)
            #else
                _ = ioctl(master, TIOCSWINSZ, &size)
            #endif
            let slave = open(slaveName, O_RDWR | O_NOCTTY)
            try #require(slave >= 0)
            process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        } else {
            let pipe = Pipe()
            outputPipe = pipe
            process.standardOutput = pipe
        }
        try process.run()
        var direct = Data()
        if tty {
            // Drain the terminal while tandem runs so it never blocks on a full pty buffer.
            _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
            var buffer = [UInt8](repeating: 0, count: 4096)
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let count = read(master, &buffer, buffer.count)
                if count > 0 {
                    direct.append(contentsOf: buffer[0..<count])
                    continue
                }
                if !process.isRunning { break }
                usleep(10_000)
            }
            close(master)
        } else if let outputPipe {
            direct = outputPipe.fileHandleForReading.readDataToEndOfFile()
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let pagerRan = FileManager.default.fileExists(atPath: bodyFile)
        return PagedRun(
            pagerRan: pagerRan,
            less: (try? String(contentsOfFile: lessFile, encoding: .utf8)) ?? "",
            paged: (try? String(contentsOfFile: bodyFile, encoding: .utf8)) ?? "",
            direct: String(decoding: direct, as: UTF8.self))
    }

    /// unlockpt + ptsname (not exported by Swift's Glibc module): the Linux ioctls behind them.
    static func unlockedSlaveName(_ master: Int32) -> String? {
        #if os(Linux)
            var unlock: Int32 = 0
            var number: UInt32 = 0
            guard ioctl(master, UInt(0x4004_5431) /* TIOCSPTLCK */, &unlock) == 0,
                ioctl(master, UInt(0x8004_5430) /* TIOCGPTN */, &number) == 0
            else { return nil }
            return "/dev/pts/\(number)"
        #else
            return nil
        #endif
    }

    static let tall = (1...30).map { "Paragraph number \($0)." }.joined(separator: "\n\n") + "\n"

    @Test(.enabled(if: Subprocess.tandem != nil, "NOTICE: the tandem binary is not built; pager tests skipped"))
    func tallOutputOnATerminalGoesThroughPagerWithLessFRX() throws {
        let result = try run(Self.tall, [])
        #expect(result.pagerRan)
        #expect(result.less == "FRX")
        #expect(result.paged.contains("Paragraph number 1.") && result.paged.contains("Paragraph number 30."))
        #expect(!result.direct.contains("Paragraph number"))
    }

    @Test(.enabled(if: Subprocess.tandem != nil, "NOTICE: the tandem binary is not built; pager tests skipped"))
    func aLessSettingOfTheStudentsIsKept() throws {
        let result = try run(Self.tall, [], environment: ["LESS": "-S"])
        #expect(result.pagerRan && result.less == "-S")
    }

    @Test(.enabled(if: Subprocess.tandem != nil, "NOTICE: the tandem binary is not built; pager tests skipped"))
    func noPagerShortOutputOrAPipeNeverPage() throws {
        let noPager = try run(Self.tall, ["--no-pager"])
        #expect(!noPager.pagerRan && noPager.direct.contains("Paragraph number 30."))
        let short = try run("Just one line.\n", [], rows: 10)
        #expect(!short.pagerRan && short.direct.contains("Just one line."))
        let piped = try run(Self.tall, [], tty: false)
        #expect(!piped.pagerRan && piped.direct.contains("Paragraph number 30."))
    }

    @Test(.enabled(if: Subprocess.tandem != nil, "NOTICE: the tandem binary is not built; invalid UTF-8 test skipped"))
    func invalidUTF8IsReplacedNotFatal() throws {
        // Raw bytes, not a Swift String (which would already have repaired them).
        let bytes: [UInt8] =
            Array("# T\u{e9}tle \u{1F600}\n\nbad ".utf8) + [0xFF, 0xFE, 0xC3]
            + Array(" bytes and \u{1B}[31m escape\n".utf8)
        let result = try Subprocess.run(
            ["render", "-", "--width", "40", "--color", "never", "--no-pager"], stdin: Data(bytes), timeout: 60)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let text = try #require(String(validating: result.stdout, as: UTF8.self), "output must be valid UTF-8")
        #expect(text.contains("\u{FFFD}"))
        #expect(text.contains("T\u{e9}tle \u{1F600}") && text.contains("bytes and"))
        #expect(!result.stdout.contains(0x1B))
    }
}
