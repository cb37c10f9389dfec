import Course
import Foundation
import Terminal
import Testing
@testable import Quiz
import struct Course.Progress

@Suite struct SchedulerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func rightAnswersClimbBoxesWrongOnesFallToOne() {
        var box = 1
        var dues: [TimeInterval] = []
        for _ in 0..<6 {
            let next = LeitnerScheduler.schedule(box: box, points: 1, now: now)
            box = next.box
            dues.append(next.due.timeIntervalSince(now) / 86_400)
        }
        #expect(box == 5)
        #expect(dues == [1, 3, 7, 16, 16, 16])
        // A wrong answer goes back to box 1, due in ten minutes rather than at once.
        let wrong = LeitnerScheduler.schedule(box: 4, points: 0, now: now)
        #expect(wrong.box == 1 && wrong.due == now.addingTimeInterval(600))
        #expect(LeitnerScheduler.schedule(box: 1, points: 0, now: now).due == now.addingTimeInterval(600))
        let partial = LeitnerScheduler.schedule(box: 3, points: 0.5, now: now)
        #expect(partial.box == 3 && partial.due == now.addingTimeInterval(86_400))
        // A partial answer in box 1 waits the ten minutes of its box, not a day.
        #expect(LeitnerScheduler.schedule(box: 1, points: 0.5, now: now).due == now.addingTimeInterval(600))
        // Out-of-range boxes from a hand-edited file are clamped, not trapped on.
        #expect(LeitnerScheduler.schedule(box: 99, points: 1, now: now).box == 5)
        #expect(LeitnerScheduler.schedule(box: -3, points: 0.5, now: now).box == 1)
    }

    @Test func dueTimesReadInMinutesHoursOrDays() {
        #expect(ReviewQueue.relative(now.addingTimeInterval(600), from: now) == "in 10 minutes")
        #expect(ReviewQueue.relative(now.addingTimeInterval(5), from: now) == "in 1 minute")
        #expect(ReviewQueue.relative(now.addingTimeInterval(2.5 * 3_600), from: now) == "in 3 hours")
        #expect(ReviewQueue.relative(now.addingTimeInterval(3 * 86_400), from: now) == "in 3 days")
    }

    @Test func recordAnswerCountsAndSchedules() throws {
        var progress = Progress(courseID: "c")
        let question = Question(id: "q", prompt: "p", body: .trueFalse(answer: true))
        QuizRecorder.recordAnswer(question, grade: Grade(status: .correct, points: 1), quizKey: "lesson", now: now, in: &progress)
        QuizRecorder.recordAnswer(question, grade: Grade(status: .incorrect, points: 0), quizKey: "lesson", now: now, in: &progress)
        QuizRecorder.recordAnswer(question, grade: Grade(status: .unanswered, points: 0), quizKey: "lesson", now: now, in: &progress)
        let record = try #require(progress.questions["q"])
        #expect(record.attempts == 2 && record.correctCount == 1 && record.lastResult == "incorrect" && record.box == 1)
        #expect(record.due == now.addingTimeInterval(600), "missed: due again in ten minutes")
        // Questions without ids are keyed by quiz so files do not collide.
        let anonymous = Question(id: "q1", hasExplicitID: false, prompt: "p", body: .trueFalse(answer: true))
        QuizRecorder.recordAnswer(anonymous, grade: Grade(status: .correct, points: 1), quizKey: "file:/x.toml", now: now, in: &progress)
        #expect(progress.questions["file:/x.toml#q1"]?.attempts == 1)
    }
}

@Suite struct ReviewTests {
    /// A one-lesson course on disk whose quiz is the small session quiz.
    func makeCourse() throws -> (Course, URL) {
        let root = try temporaryDirectory()
        let folder = root.appendingPathComponent("content/01-basics")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Fixtures.source("all-types.toml").write(to: folder.appendingPathComponent("quiz.toml"), atomically: true, encoding: .utf8)
        var manifest = CourseManifest(id: "test", title: "Test")
        manifest.lessons = [LessonEntry(number: 1, slug: "basics", title: "Basics", folder: "01-basics")]
        return (Course(root: root, manifest: manifest), root)
    }

    @Test func queueShowsDueFirstThenLaterAndSkipsVanishedQuestions() throws {
        let (course, root) = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var progress = Progress(courseID: "test")
        func record(_ id: String, box: Int, dueIn days: Double, quiz: String = "basics") {
            progress.questions[id] = QuestionRecord(attempts: 1, lastResult: "correct", quiz: quiz, box: box,
                                                    due: now.addingTimeInterval(days * 86_400))
        }
        record("cascade-cost", box: 3, dueIn: 2)
        record("ensembles-free", box: 1, dueIn: -1)
        record("speculative-name", box: 2, dueIn: 0)
        record("cascade-share", box: 2, dueIn: 5)
        record("gone-question", box: 1, dueIn: -3)
        record("elsewhere", box: 1, dueIn: -3, quiz: "no-such-lesson")
        progress.questions["never-answered"] = QuestionRecord(attempts: 0, quiz: "basics")

        let items = ReviewQueue.build(course: course, progress: progress, now: now, limit: nil)
        #expect(items.map(\.recordID) == ["ensembles-free", "speculative-name", "cascade-cost", "cascade-share"])
        #expect(items.map { $0.isDue(at: now) } == [true, true, false, false])
        #expect(ReviewQueue.build(course: course, progress: progress, now: now, limit: 1).map(\.recordID) == ["ensembles-free"])

        let listing = ReviewQueue.listing(items, now: now, settings: TerminalSettings(width: 60))
        #expect(listing.hasPrefix("2 of 4 listed questions due for review:\n"))
        #expect(listing.contains("  cascade-cost  (basics, box 3, due in 2 days)"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ReviewQueue.json(items, now: now).utf8)) as? [String: Any])
        #expect(json["due"] as? Int == 2)
        #expect((json["questions"] as? [[String: Any]])?.first?["id"] as? String == "ensembles-free")
    }

    @Test func reviewSessionAsksRecordsAndReschedules() throws {
        let (course, root) = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ProgressStore(directory: root.appendingPathComponent("state"), courseID: "test")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        store.update { progress in
            progress.questions["ensembles-free"] = QuestionRecord(attempts: 1, lastResult: "incorrect", quiz: "basics", box: 1, due: now)
            progress.questions["speculative-name"] = QuestionRecord(attempts: 1, lastResult: "correct", quiz: "basics", box: 2,
                                                                     due: now.addingTimeInterval(-60))
        }
        let items = ReviewQueue.build(course: course, progress: store.load(), now: now, limit: 10)
        let transcript = Transcript()
        let reader = ScriptedLineReader(lines: ["drafter", "true"], echo: { transcript.write($0) })
        let result = ReviewSession(items: items, store: store, reader: reader, settings: TerminalSettings(),
                                   clock: { now }, write: { transcript.write($0) }).run()
        #expect(result.reviewed == 2 && result.right == 1)
        #expect(transcript.text.contains("Review — 2 questions: 2 due."))
        #expect(transcript.text.contains("\nReview 1 of 2  ("))
        #expect(transcript.text.contains("Reviewed 2: 1 right."))
        let progress = store.load()
        #expect(progress.questions["speculative-name"]?.box == 3)
        #expect(progress.questions["speculative-name"]?.due == now.addingTimeInterval(3 * 86_400))
        #expect(progress.questions["ensembles-free"]?.box == 1)
        #expect(progress.questions["ensembles-free"]?.attempts == 2)
    }

    @Test func questionsNotYetDueAreEarlyPracticeAndStoppingSaysAnswersAreKept() throws {
        let (course, root) = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ProgressStore(directory: root.appendingPathComponent("state"), courseID: "test")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        store.update { progress in
            progress.questions["speculative-name"] = QuestionRecord(attempts: 1, lastResult: "correct", quiz: "basics", box: 2,
                                                                     due: now.addingTimeInterval(86_400))
        }
        let items = ReviewQueue.build(course: course, progress: store.load(), now: now, limit: 10)
        let transcript = Transcript()
        let result = ReviewSession(items: items, store: store, reader: ScriptedLineReader([.end]), settings: TerminalSettings(),
                                   clock: { now }, write: { transcript.write($0) }).run()
        #expect(result.reviewed == 0)
        #expect(transcript.text.contains("Review — 1 question: 0 due, 1 not due yet (early practice)."))
        #expect(transcript.text.contains("Stopped after 0 of 1; those answers are saved."))
        #expect(store.load().questions["speculative-name"]?.attempts == 1)
    }

    @Test func emptyReviewSaysWhatToDo() {
        let transcript = Transcript()
        let result = ReviewSession(items: [], store: nil, reader: ScriptedLineReader([]), settings: TerminalSettings(),
                                   write: { transcript.write($0) }).run()
        #expect(result.reviewed == 0)
        #expect(transcript.text.contains("Nothing to review yet"))
    }
}
