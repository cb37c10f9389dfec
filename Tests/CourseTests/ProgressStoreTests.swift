import Foundation
import TestSupport
import Testing

@testable import Course

@Suite struct ProgressStoreTests {
    @Test func stateDirectoryFollowsEnvironment() {
        #expect(
            ProgressStore.defaultDirectory(courseID: "c", environment: ["TANDEM_STATE_DIR": "/tmp/x"]).path == "/tmp/x")
        #expect(
            ProgressStore.defaultDirectory(courseID: "c", environment: ["XDG_STATE_HOME": "/s"]).path == "/s/tandem/c")
        #expect(
            ProgressStore.defaultDirectory(courseID: "c", environment: ["HOME": "/h"]).path
                == "/h/.local/state/tandem/c")
    }

    @Test func roundTripsAndKeepsUnknownIDs() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        let store = ProgressStore(directory: dir, courseID: "c")
        try store.update { $0.lessons["gone-lesson"] = LessonRecord(read: true) }
        try store.update { $0.exercises["e1"] = ExerciseRecord(status: "passed", solved: true) }
        let loaded = try ProgressStore(directory: dir, courseID: "c").load()
        #expect(loaded.lessons["gone-lesson"]?.read == true)
        #expect(loaded.exercises["e1"]?.solved == true)
        let json = try String(contentsOf: dir.appendingPathComponent("progress.json"), encoding: .utf8)
        #expect(json.contains("\"format_version\" : \(StudentProgress.currentFormatVersion)"))
        #expect(json.contains("\"course_id\" : \"c\""))
    }

    @Test func corruptFileIsMovedAside() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        try Data("{not json".utf8).write(to: dir.appendingPathComponent("progress.json"))
        let store = ProgressStore(directory: dir, courseID: "c")
        let notices = NoticeLog()
        store.notice = { notices.append($0) }
        let progress = try store.load()
        #expect(progress.lessons.isEmpty)
        // Reading (under the shared lock) moves nothing; the next save does, under the exclusive one.
        var names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(!names.contains { $0.hasPrefix("progress.json.corrupt-") })
        try store.update { $0.lessons["a"] = LessonRecord(read: true) }
        names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        let aside = try #require(names.first { $0.hasPrefix("progress.json.corrupt-") })
        #expect(try String(contentsOf: dir.appendingPathComponent(aside), encoding: .utf8) == "{not json")
        #expect(notices.messages.count == 2, "\(notices.messages)")
        #expect(notices.messages.first?.contains("could not be read") == true)
    }

    @Test func newerFormatIsLeftUntouched() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        let original = #"{"format_version": 99, "course_id": "c", "lessons": {}}"#
        let file = dir.appendingPathComponent("progress.json")
        try Data(original.utf8).write(to: file)
        let store = ProgressStore(directory: dir, courseID: "c")
        let notices = NoticeLog()
        store.notice = { notices.append($0) }
        try store.update { $0.lessons["a"] = LessonRecord(read: true) }
        #expect(store.readOnly)
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
        #expect(notices.messages.first?.contains("upgrade") == true)
    }

    @Test func concurrentWritersLoseNothing() async throws {
        let dir = try makeTemporaryFolder("tandem-test")
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    let store = ProgressStore(directory: dir, courseID: "c")
                    for i in 0..<25 {
                        try store.update { $0.questions["w\(writer)-q\(i)"] = QuestionRecord(attempts: 1) }
                    }
                }
            }
            try await group.waitForAll()
        }
        let progress = try ProgressStore(directory: dir, courseID: "c").load()
        #expect(progress.questions.count == 100)
    }
}

final class NoticeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    var messages: [String] { lock.withLock { stored } }
    func append(_ message: String) { lock.withLock { stored.append(message) } }
}
