import Foundation
import TestSupport
import Testing

@testable import Course

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real `tandem` process killed halfway through writing `progress.json` leaves the old file valid.
@Suite struct KilledWriterTests {
    /// `tandem`, built with the tests (nil when this target runs before it is built).
    static let tandem = builtTandem

    @Test(
        .enabled(
            if: KilledWriterTests.tandem != nil, "NOTICE: the tandem binary is not built; killed-writer test skipped"))
    func writerKilledMidWriteLeavesOldFileValid() throws {
        let course = try CourseTests().makeCourse()
        try FileManager.default.createDirectory(
            at: course.appendingPathComponent("content/01-why"), withIntermediateDirectories: true)
        try Data("# Why\n\nA lesson.\n".utf8).write(to: course.appendingPathComponent("content/01-why/lesson.md"))
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("tandem-state-\(UUID().uuidString)")
        let store = ProgressStore(directory: state, courseID: "demo")
        try store.update { $0.exercises["kept"] = ExerciseRecord(status: "passed", solved: true) }
        let before = try Data(contentsOf: store.fileURL)

        let process = Process()
        let tandem: URL = try #require(Self.tandem)
        process.executableURL = tandem
        process.arguments = ["read", "1", "--course", course.path, "--no-pager", "--color", "never"]
        var environment = ProcessInfo.processInfo.environment
        environment["TANDEM_STATE_DIR"] = state.path
        environment["TANDEM_TEST_STALL_MID_WRITE"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        // Wait until the writer has put part of the new file on disk, then kill it there.
        let deadline = Date().addingTimeInterval(60)
        var partial: URL?
        while partial == nil && process.isRunning && Date() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: state.path)) ?? []
            partial = names.first { $0.hasPrefix(".progress.json.tmp-") }
                .map { state.appendingPathComponent($0) }
                .flatMap { url in ((try? Data(contentsOf: url))?.isEmpty == false) ? url : nil }
            if partial == nil { usleep(20_000) }
        }
        #expect(process.isRunning, "the writer should stall mid-write until killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let half = try Data(contentsOf: try #require(partial))
        #expect(throws: (any Error).self) { try ProgressStore.decoder.decode(StudentProgress.self, from: half) }

        // The old file is untouched and valid; the lock died with the writer, so the next update works.
        #expect(try Data(contentsOf: store.fileURL) == before)
        let next = ProgressStore(directory: state, courseID: "demo")
        let notices = NoticeLog()
        next.notice = { notices.append($0) }
        #expect(try next.load().exercises["kept"]?.solved == true)
        try next.update { $0.lessons["why-combine"] = LessonRecord(read: true) }
        let after = try ProgressStore(directory: state, courseID: "demo").load()
        #expect(after.exercises["kept"]?.solved == true && after.lessons["why-combine"]?.read == true)
        #expect(notices.messages.isEmpty)
        // ...and clears away the dead writer's half-written temporary file.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: state.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "left behind: \(leftovers)")
    }
}
