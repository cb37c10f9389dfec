import Foundation
import TestSupport
import Testing

@testable import Course

/// Each fault of the progress store, injected from the test: nothing a student earned is lost,
/// silently overwritten, or read as "no progress".
@Suite struct ProgressFaultTests {
    func write(_ text: String, to dir: URL) throws {
        try Data(text.utf8).write(to: dir.appendingPathComponent("progress.json"))
    }

    func names(in dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    @Test func noWriteWithoutTheLock() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        let store = ProgressStore(directory: dir, courseID: "c")
        try store.update { $0.lessons["a"] = LessonRecord(read: true) }
        let before = try Data(contentsOf: store.fileURL)
        // A lock file that cannot be opened for writing (here: a folder in its place).
        try FileManager.default.removeItem(at: store.lockURL)
        try FileManager.default.createDirectory(at: store.lockURL, withIntermediateDirectories: false)
        #expect {
            try store.update { $0.lessons["b"] = LessonRecord(read: true) }
        } throws: { error in
            "\(error)".contains("cannot lock") && "\(error)".contains("nothing was saved")
        }
        #expect(try Data(contentsOf: store.fileURL) == before)
        // Reading still works (it needs no exclusive lock).
        #expect(try store.load().lessons["a"]?.read == true)
    }

    @Test func aFailedSaveThrowsAndKeepsTheNewProgressInASideFile() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        let store = ProgressStore(directory: dir, courseID: "c")
        try store.update { $0.lessons["a"] = LessonRecord(read: true) }
        let before = try Data(contentsOf: store.fileURL)
        // The writer's temporary file cannot be created: a folder holds its name.
        let temporary = dir.appendingPathComponent(".progress.json.tmp-\(getpid())")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        var thrown: ProgressError?
        do {
            try store.update { $0.exercises["e1"] = ExerciseRecord(status: "passed", solved: true) }
        } catch let error as ProgressError {
            thrown = error
        }
        let error = try #require(thrown, "a failed save must throw")
        let side = try #require(error.keptIn)
        #expect(error.description.contains(side.path))
        #expect(error.description.contains("could not save progress"))
        #expect(try Data(contentsOf: store.fileURL) == before, "the old file is left as it was")
        let kept = try ProgressFile.decode(Data(contentsOf: side)).progress
        #expect(kept.exercises["e1"]?.solved == true && kept.lessons["a"]?.read == true)
        // The side file imports back once the problem is fixed.
        try FileManager.default.removeItem(at: temporary)
        try store.update { $0 = kept }
        #expect(try store.load() == kept)
    }

    @Test func aFieldOfTheWrongTypeDropsOnlyItselfAndIsNamed() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        try write(
            """
            {"format_version": 2, "course_id": "c", "welcomed": "yes",
             "lessons": {"intro": {"read": true}, "broken": 7},
             "questions": {"q1": {"attempts": "three", "correct_count": 2, "box": 3},
                           "q2": {"attempts": 4}},
             "exercises": 12,
             "quizzes": {"intro": {"best": 2, "total": 3, "attempts": 1}}}
            """, to: dir)
        let store = ProgressStore(directory: dir, courseID: "c")
        let notices = NoticeLog()
        store.notice = { notices.append($0) }
        let progress = try store.load()
        #expect(progress.lessons["intro"]?.read == true)
        #expect(progress.lessons["broken"] == nil)
        #expect(progress.questions["q1"]?.correctCount == 2 && progress.questions["q1"]?.box == 3)
        #expect(progress.questions["q1"]?.attempts == 0)
        #expect(progress.questions["q2"]?.attempts == 4)
        #expect(progress.quizzes["intro"]?.best == 2)
        #expect(progress.exercises.isEmpty)
        let notice = try #require(notices.messages.first)
        for field in ["welcomed", "lessons.broken", "questions.q1.attempts", "exercises"] {
            #expect(notice.contains(field), "\(field) missing from: \(notice)")
        }
        #expect(notice.contains("expected a whole number"), "\(notice)")
        // The next save keeps a copy of the original before writing the repaired file.
        let original = try Data(contentsOf: store.fileURL)
        try store.update { $0.lessons["next"] = LessonRecord(read: true) }
        let copy = try #require(try names(in: dir).first { $0.hasPrefix("progress.json.before-repair-") })
        #expect(try Data(contentsOf: dir.appendingPathComponent(copy)) == original)
        #expect(try store.load().lessons.keys.sorted() == ["intro", "next"])
    }

    @Test func theRepairedFileIsCopiedOnceAndEachFieldNamedAsTheFileSpellsIt() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        try write(#"{"format_version": 2, "course_id": 7, "finished_shown": "no"}"#, to: dir)
        let problems = try ProgressFile.decode(Data(contentsOf: dir.appendingPathComponent("progress.json"))).problems
        #expect(
            problems == ["course_id: expected a string; dropped", "finished_shown: expected true or false; dropped"])
        let store = ProgressStore(directory: dir, courseID: "c")
        store.notice = { _ in }
        // The first save repairs the file (keeping its original); the repaired file reads clean,
        // so later saves keep no more copies.
        for lesson in ["a", "b", "c"] { try store.update { $0.lessons[lesson] = LessonRecord(read: true) } }
        #expect(try names(in: dir).filter { $0.hasPrefix("progress.json.before-repair-") }.count == 1)
        #expect(try ProgressFile.decode(Data(contentsOf: store.fileURL)).problems.isEmpty)
    }

    @Test func outOfRangeNumbersAreClampedWithANotice() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        try write(
            """
            {"format_version": 2, "course_id": "c",
             "questions": {"q": {"attempts": 9223372036854775807, "correct_count": -5, "last_points": 7, "box": 1e300}},
             "quizzes": {"a": {"best": 1e19, "last": -1, "total": 3, "attempts": 2, "resume": {"x": 1e300, "y": 0.5}},
                         "b": {"best": 1e300, "total": 1e300, "attempts": 1}},
             "exercises": {"e": {"hints_used": -3}}}
            """, to: dir)
        let store = ProgressStore(directory: dir, courseID: "c")
        let notices = NoticeLog()
        store.notice = { notices.append($0) }
        let progress = try store.load()
        let question = try #require(progress.questions["q"])
        #expect(question.attempts == ProgressLimits.maxCount)
        #expect(question.correctCount == 0)
        #expect(question.lastPoints == 1)
        #expect(question.box == ProgressLimits.maxBox)
        #expect(progress.quizzes["a"]?.best == ProgressLimits.maxQuizPoints)
        #expect(progress.quizzes["a"]?.last == 0)
        #expect(progress.quizzes["a"]?.resume == ["y": 0.5])
        #expect(progress.quizzes["b"]?.total == ProgressLimits.maxCount)
        #expect(progress.exercises["e"]?.hintsUsed == 0)
        #expect(notices.messages.count == 1)
        #expect(notices.messages.first?.contains("dropped or clamped") == true)
        let problems = try ProgressFile.decode(Data(contentsOf: store.fileURL)).problems
        #expect(problems.count == 10, "\(problems)")
        #expect(problems.contains("questions.q.attempts: 9.223372036854776e+18 is outside 0…1000000; read as 1000000"))
        #expect(problems.contains("exercises.e.hints_used: -3.0 is outside 0…1000; read as 0"), "\(problems)")
        // Arithmetic on what was loaded cannot overflow.
        try store.update { $0.questions["q"]!.attempts += 1 }
    }

    @Test func anOlderFormatIsMigratedNotMovedAside() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        try write(
            """
            {"course_id": "c", "format_version": 1, "welcomed": true,
             "lessons": {"intro": {"read": true, "read_at": "2026-01-02T03:04:05Z"}},
             "exercises": {"e1": {"status": "passed", "solved": true, "hints_used": 2}}}
            """, to: dir)
        let store = ProgressStore(directory: dir, courseID: "c")
        let notices = NoticeLog()
        store.notice = { notices.append($0) }
        let progress = try store.load()
        #expect(progress.welcomed && progress.lessons["intro"]?.read == true)
        #expect(progress.exercises["e1"]?.hintsUsed == 2)
        try store.update { $0.lessons["next"] = LessonRecord(read: true) }
        #expect(notices.messages.isEmpty, "\(notices.messages)")
        #expect(try names(in: dir) == ["progress.json", "progress.json.lock"])
        let saved = try ProgressFile.decode(Data(contentsOf: store.fileURL))
        #expect(saved.version == StudentProgress.currentFormatVersion)
        #expect(saved.progress.exercises["e1"]?.solved == true && saved.progress.lessons.count == 2)
    }

    @Test func corruptFilesInTheSameSecondGetDistinctBackups() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        for text in ["{first", "{second", "[third]"] {
            try write(text, to: dir)
            let store = ProgressStore(directory: dir, courseID: "c")
            store.notice = { _ in }
            try store.update { $0.welcomed = true }
        }
        let asides = try names(in: dir).filter { $0.hasPrefix("progress.json.corrupt-") }
        #expect(asides.count == 3, "\(asides)")
        let contents = try Set(asides.map { try String(contentsOf: dir.appendingPathComponent($0), encoding: .utf8) })
        #expect(contents == ["{first", "{second", "[third]"])
        // Backups of one store in one second do not collide either.
        let store = ProgressStore(directory: dir, courseID: "c")
        let now = Date()
        let first = try #require(try store.backup(now: now))
        let second = try #require(try store.backup(now: now))
        #expect(first != second)
    }

    @Test func aFileThatCannotBeReadIsAnErrorNotEmptyProgress() throws {
        let dir = try makeTemporaryFolder("tandem-test")
        // A folder where the file should be: open succeeds, read fails (EISDIR), as root too.
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("progress.json"), withIntermediateDirectories: false)
        let store = ProgressStore(directory: dir, courseID: "c")
        #expect(throws: ProgressError.self) { try store.load() }
        #expect(throws: ProgressError.self) { try store.update { $0.welcomed = true } }
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: store.fileURL.path, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue, "what could not be read was not replaced")
    }

    @Test func decodeErrorsSayWhy() throws {
        #expect(throws: ProgressFile.Failure.notProgress(reason: "it has no format_version field")) {
            try ProgressFile.decode(Data("{}".utf8))
        }
        #expect(throws: ProgressFile.Failure.newerVersion(9)) {
            try ProgressFile.decode(Data(#"{"format_version": 9}"#.utf8))
        }
        #expect(throws: ProgressFile.Failure.newerVersion(3)) {
            try ProgressFile.decode(Data(#"{"format_version": 3.0}"#.utf8))
        }
        for version in ["2.5", "1e300", "-1", "0"] {
            #expect {
                try ProgressFile.decode(Data(#"{"format_version": \#(version)}"#.utf8))
            } throws: { error in
                "\(error)".hasSuffix("is not a version number") && "\(error)".contains("format_version ")
            }
        }
        #expect(throws: ProgressFile.Failure.notProgress(reason: "format_version is not a whole number")) {
            try ProgressFile.decode(Data(#"{"format_version": "2"}"#.utf8))
        }
        do {
            _ = try ProgressFile.decode(Data("{\"format_version\": 2,".utf8))
            Issue.record("accepted truncated JSON")
        } catch {
            #expect(!error.description.contains("NSError") && !error.description.contains("Code="), "\(error)")
        }
    }
}
