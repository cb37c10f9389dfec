import Course
import Foundation
import Journey
import Testing

@Suite struct ProgressTransferTests {
    @Test func mergeKeepsTheBetterResultPerItem() {
        var local = Fixture.partial
        var other = Fixture.fresh
        other.lessons["routing"] = LessonRecord(read: true, readAt: Fixture.now)
        other.lessons["intro"] = LessonRecord(read: false)
        other.quizzes["intro"] = QuizRecord(best: 2, last: 2, total: 4, attempts: 3, lastTakenAt: Fixture.now)
        other.exercises["cascade-route"] = ExerciseRecord(
            status: "failed", solved: false, lastCheckedAt: Fixture.now, hintsUsed: 2)
        other.exercises["cascade-cost"] = ExerciseRecord(status: "passed", solved: true, solvedAt: Fixture.now)
        other.questions["intro-q1"] = QuestionRecord(
            attempts: 1, correctCount: 1, lastResult: "correct",
            lastAnsweredAt: Fixture.now, quiz: "intro", box: 2, due: Fixture.tomorrow)
        other.exercises["gone"] = ExerciseRecord(status: "passed", solved: true)
        local.questions["intro-q1"]?.lastAnsweredAt = Fixture.yesterday

        let merged = ProgressTransfer.merge(local, other)
        #expect(merged.lessons["intro"]?.read == true)
        #expect(merged.lessons["routing"]?.read == true)
        // Quiz: the higher best, the most recent last, the larger attempt count.
        #expect(merged.quizzes["intro"]?.best == 4)
        #expect(merged.quizzes["intro"]?.last == 2)
        #expect(merged.quizzes["intro"]?.attempts == 3)
        // Exercises: solved anywhere is solved; the better status stays.
        #expect(merged.exercises["cascade-route"]?.status == "passed")
        #expect(merged.exercises["cascade-route"]?.solved == true)
        #expect(merged.exercises["cascade-route"]?.hintsUsed == 2)
        #expect(merged.exercises["cascade-cost"]?.status == "passed")
        #expect(merged.exercises["cascade-cost"]?.solved == true)
        // Questions: the most recent answer sets the schedule.
        #expect(merged.questions["intro-q1"]?.box == 2)
        #expect(merged.questions["intro-q1"]?.due == Fixture.tomorrow)
        #expect(merged.questions["intro-q2"] != nil)
        // Unknown ids are kept.
        #expect(merged.exercises["gone"]?.solved == true)
        #expect(merged.welcomed)
    }

    @Test func mergeIsIdempotentAndSymmetricInResults() {
        let merged = ProgressTransfer.merge(Fixture.partial, Fixture.finished)
        #expect(ProgressTransfer.merge(merged, merged) == merged)
        #expect(ProgressTransfer.merge(merged, Fixture.finished) == merged)
        let status = CourseStatus(
            course: Fixture.course, progress: merged, quizTotals: Fixture.quizTotals, now: Fixture.now)
        #expect(status.isFinished)
        let reverse = ProgressTransfer.merge(Fixture.finished, Fixture.partial)
        #expect(
            CourseStatus(course: Fixture.course, progress: reverse, quizTotals: Fixture.quizTotals, now: Fixture.now)
                == status)
    }

    @Test func decodeRefusesAnotherCourse() throws {
        var other = Fixture.partial
        other.courseID = "another-course"
        let data = try ProgressStore.encoder.encode(other)
        #expect(throws: ProgressTransfer.Failure.self) {
            try ProgressTransfer.decode(data, path: "p.json", expectedCourseID: "fixture-course")
        }
        do {
            _ = try ProgressTransfer.decode(data, path: "p.json", expectedCourseID: "fixture-course")
        } catch {
            #expect(
                error.description
                    == "p.json holds progress for course 'another-course', not for 'fixture-course'; nothing imported")
        }
        let own = try ProgressStore.encoder.encode(Fixture.partial)
        #expect(
            try ProgressTransfer.decode(own, path: "p.json", expectedCourseID: "fixture-course").progress
                == Fixture.partial)
        #expect(throws: ProgressTransfer.Failure.self) {
            try ProgressTransfer.decode(Data("{nope".utf8), path: "p.json", expectedCourseID: "fixture-course")
        }
    }

    @Test func decodeNamesANewerFormatEvenWhenItsFieldsDoNotDecode() {
        let newer = Data(#"{"format_version": 3, "course_id": "fixture-course", "lessons": ["a list now"]}"#.utf8)
        do {
            _ = try ProgressTransfer.decode(newer, path: "p.json", expectedCourseID: "fixture-course")
            Issue.record("a newer format was accepted")
        } catch {
            #expect(
                error.description
                    == "p.json: written by a newer tandem (format 3); upgrade tandem to import it; nothing imported")
        }
        for text in ["{}", "[1, 2]", "", "# README"] {
            do {
                _ = try ProgressTransfer.decode(Data(text.utf8), path: "p.json", expectedCourseID: "fixture-course")
                Issue.record("accepted \(text)")
            } catch {
                // The reason follows in words (JSON syntax, wrong top level, missing version).
                #expect(
                    error.description.hasPrefix(
                        "p.json: not a progress file (one written by tandem progress --export): "),
                    "\(error)")
                #expect(error.description.hasSuffix("; nothing imported"))
            }
        }
    }

    @Test func backupCopiesTheFileBesideIt() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("journey-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = ProgressStore(directory: dir, courseID: "fixture-course")
        #expect(try ProgressTransfer.backup(store, now: Fixture.now) == nil)
        try store.update { $0 = Fixture.partial }
        let first = try #require(try ProgressTransfer.backup(store, now: Fixture.now))
        let second = try #require(try ProgressTransfer.backup(store, now: Fixture.now))
        #expect(first != second)
        #expect(first.deletingLastPathComponent().standardizedFileURL.path == dir.standardizedFileURL.path)
        #expect(first.lastPathComponent.hasPrefix("progress.json.backup-"))
        #expect(try Data(contentsOf: first) == Data(contentsOf: store.fileURL))
    }
}
