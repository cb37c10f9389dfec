import Course
import Foundation
import JSON
import Terminal
import TestSupport
import Testing

@testable import Quiz

@Suite struct SchedulerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func gradesRateAsTheIssueSays() {
        let right = Grade(status: .correct, points: 1)
        #expect(AnswerRating.rating(for: right, usedHint: false) == .good)
        #expect(AnswerRating.rating(for: right, usedHint: true) == .hard)
        #expect(AnswerRating.rating(for: Grade(status: .partial, points: 0.5), usedHint: false) == .hard)
        #expect(AnswerRating.rating(for: Grade(status: .incorrect, points: 0), usedHint: false) == .again)
        let rubric = Grade(status: .selfGraded, points: 1)
        #expect(AnswerRating.rating(for: rubric, usedHint: false) == .good)
        #expect(AnswerRating.rating(for: rubric, usedHint: false, selfRating: .easy) == .easy)
        #expect(AnswerRating.rating(for: Grade(status: .selfGraded, points: 0), usedHint: false) == .again)
    }

    @Test func aRightAnswerAfterTheHintComesBackSoonerThanAPlainOne() throws {
        var progress = StudentProgress(courseID: "c")
        let question = Question(id: "q", prompt: "p", hint: "h", body: .trueFalse(answer: true))
        let plain = Question(id: "p", prompt: "p", body: .trueFalse(answer: true))
        let right = Grade(status: .correct, points: 1)
        QuizRecorder.recordAnswer(question, grade: right, quizKey: "l", now: now, usedHint: true, in: &progress)
        QuizRecorder.recordAnswer(plain, grade: right, quizKey: "l", now: now, in: &progress)
        #expect(progress.questions["q"]?.due == now.addingTimeInterval(900), "hard in the learning step: 15 minutes")
        #expect(progress.questions["p"]?.due == now.addingTimeInterval(2 * 86_400))
    }

    @Test func aLeitnerEraRecordIsConvertedWhenAnsweredAgain() throws {
        var progress = StudentProgress(courseID: "c")
        let question = Question(id: "q", prompt: "p", body: .trueFalse(answer: true))
        progress.questions["q"] = QuestionRecord(
            attempts: 2, correctCount: 2, lastResult: "correct", lastAnsweredAt: now.addingTimeInterval(-3 * 86_400),
            quiz: "l", box: 3, due: now)
        QuizRecorder.recordAnswer(
            question, grade: Grade(status: .correct, points: 1), quizKey: "l", now: now, in: &progress)
        let card = try #require(progress.questions["q"]?.fsrs)
        // Box 3 stood for stability 3 days; recalled at 3 days it grows well past that.
        #expect(card.phase == .review && card.stability! > 3 && card.reviews == 3)
        #expect(progress.questions["q"]?.box == 3, "the old box is kept")
    }

    @Test func dueTimesReadInMinutesHoursOrDays() {
        #expect(ReviewQueue.relative(now.addingTimeInterval(600), from: now) == "in 10 minutes")
        #expect(ReviewQueue.relative(now.addingTimeInterval(5), from: now) == "in 1 minute")
        #expect(ReviewQueue.relative(now.addingTimeInterval(2.5 * 3_600), from: now) == "in 3 hours")
        #expect(ReviewQueue.relative(now.addingTimeInterval(3 * 86_400), from: now) == "in 3 days")
    }

    @Test func recordAnswerCountsAndSchedules() throws {
        var progress = StudentProgress(courseID: "c")
        let question = Question(id: "q", prompt: "p", body: .trueFalse(answer: true))
        QuizRecorder.recordAnswer(
            question, grade: Grade(status: .correct, points: 1), quizKey: "lesson", now: now, in: &progress)
        QuizRecorder.recordAnswer(
            question, grade: Grade(status: .incorrect, points: 0), quizKey: "lesson", now: now, in: &progress)
        QuizRecorder.recordAnswer(
            question, grade: Grade(status: .unanswered, points: 0), quizKey: "lesson", now: now, in: &progress)
        let record = try #require(progress.questions["q"])
        #expect(record.attempts == 2 && record.correctCount == 1 && record.lastResult == "incorrect")
        #expect(record.fsrs?.phase == .relearning && record.fsrs?.lapses == 1)
        #expect(record.due == now.addingTimeInterval(600), "missed: due again in ten minutes")
        // Questions without ids are keyed by quiz so files do not collide.
        let anonymous = Question(id: "q1", hasExplicitID: false, prompt: "p", body: .trueFalse(answer: true))
        QuizRecorder.recordAnswer(
            anonymous, grade: Grade(status: .correct, points: 1), quizKey: "file:/x.toml", now: now, in: &progress)
        #expect(progress.questions["file:/x.toml#q1"]?.attempts == 1)
    }
}

@Suite struct ReviewTests {
    /// A record of a question of the course's quiz ("basics") answered once, with `result`, now
    /// in Leitner box `box` and due at `due`.
    func answeredOnce(_ result: String, box: Int, due: Date) -> QuestionRecord {
        QuestionRecord(attempts: 1, lastResult: result, quiz: "basics", box: box, due: due)
    }

    /// A one-lesson course on disk whose quiz is the small session quiz.
    func makeCourse() throws -> (CourseFolder, URL) {
        let root = try makeTemporaryFolder("quiz-tests")
        let folder = root.appendingPathComponent("content/01-basics")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Fixtures.source("all-types.toml").write(
            to: folder.appendingPathComponent("quiz.toml"), atomically: true, encoding: .utf8)
        var manifest = CourseManifest(id: "test", title: "Test")
        manifest.lessons = [LessonEntry(number: 1, slug: "basics", title: "Basics", folder: "01-basics")]
        return (CourseFolder(root: root, manifest: manifest), root)
    }

    @Test func queueShowsDueFirstThenLaterAndSkipsVanishedQuestions() throws {
        let (course, root) = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var progress = StudentProgress(courseID: "test")
        func record(_ id: String, box: Int, dueIn days: Double, quiz: String = "basics") {
            progress.questions[id] = QuestionRecord(
                attempts: 1, lastResult: "correct", quiz: quiz, box: box,
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
        #expect(
            ReviewQueue.build(course: course, progress: progress, now: now, limit: 1).map(\.recordID) == [
                "ensembles-free"
            ])

        // By default only the due questions; --all lists the rest too, due ones first.
        let due = ReviewPlan(queue: items, now: now, limit: 10, includeNotDue: false)
        #expect(due.items.map(\.recordID) == ["ensembles-free", "speculative-name"])
        #expect(due.dueCount == 2 && due.nextDue == now.addingTimeInterval(2 * 86_400))
        #expect(
            ReviewQueue.listing(due, settings: TerminalSettings(width: 60)) == """
                2 questions due for review:
                  ensembles-free (basics, due now, recall 77%)
                  speculative-name (basics, due now, recall 90%)

                """)
        let limited = ReviewPlan(queue: items, now: now, limit: 1, includeNotDue: false)
        #expect(
            ReviewQueue.listing(limited, settings: TerminalSettings(width: 60)).hasPrefix(
                "The first 1 of 2 questions due for review:\n"))
        let all = ReviewPlan(queue: items, now: now, limit: 10, includeNotDue: true)
        #expect(all.items.map(\.recordID) == items.map(\.recordID))
        let listing = ReviewQueue.listing(all, settings: TerminalSettings(width: 60))
        #expect(listing.hasPrefix("2 of 4 listed questions due for review:\n"))
        // Box 3 became stability 3 days, answered a day ago: recall (1 + F/3)^-w20 = 96%.
        #expect(listing.contains("  cascade-cost (basics, due in 2 days, recall 96%)"))
        let json = try parseJSONObject(ReviewQueue.json(due).serialized())
        #expect(json["due"] as? Int == 2)
        #expect(json["next_due"] as? String == ISO8601DateFormatter().string(from: now.addingTimeInterval(2 * 86_400)))
        #expect(
            (json["questions"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [
                "ensembles-free", "speculative-name",
            ])
        // Each item's memory state, as the listing's recall figure comes from.
        let first = try #require((json["questions"] as? [[String: Any]])?.first)
        #expect(first["stability"] as? Double == 0.212 && first["phase"] as? String == "learning")
        #expect(abs((first["difficulty"] as? Double ?? 0) - 6.4133 + exp(0.8334 * 0) - 1) < 1e-3)
        #expect(abs((first["retrievability"] as? Double ?? 0) - 0.7664) < 1e-3)
        #expect(first["due"] as? String == ISO8601DateFormatter().string(from: now.addingTimeInterval(-86_400)))
        #expect(json["target_retention"] as? Double == 0.9)

        // docs/json.md's keys for `review --json` are these, in order, with their types: questions
        // answered and not, exercises back for review with and without a reason.
        let card = items[0].card(scheduler: all.scheduler)
        let withExercises = ReviewPlan(
            queue: items, now: now, limit: 10, includeNotDue: true, scheduler: all.scheduler,
            exercises: [
                ExerciseReviewItem(id: "vote", card: card, reason: "hints"),
                ExerciseReviewItem(id: "average", card: card, reason: nil),
            ])
        #expect(
            JSONKeyDoc.mismatches(
                ReviewQueue.jsonKeys, samples: [ReviewQueue.json(due), ReviewQueue.json(withExercises)])
                == [])
    }

    /// Nothing due: the listing says so, when the next question is due, and how to practise early.
    @Test func nothingDueSaysWhenAndOffersAll() throws {
        let (course, root) = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var progress = StudentProgress(courseID: "test")
        progress.questions["cascade-cost"] = answeredOnce("incorrect", box: 1, due: now.addingTimeInterval(600))
        progress.questions["cascade-share"] = answeredOnce("correct", box: 3, due: now.addingTimeInterval(3 * 86_400))
        let plan = ReviewPlan(
            queue: ReviewQueue.build(course: course, progress: progress, now: now, limit: nil),
            now: now, limit: 10, includeNotDue: false)
        #expect(plan.items.isEmpty && plan.answeredCount == 2)
        #expect(
            ReviewQueue.listing(plan, settings: TerminalSettings(width: 80)) == """
                Nothing is due for review; the next question is due in 10 minutes. To practise
                early anyway: tandem review --all

                """)
        let colored = ReviewQueue.listing(plan, settings: TerminalSettings(width: 80, color: true))
        #expect(colored.contains("\u{1B}[0;1mtandem review --all\u{1B}[0m") && !colored.contains("`"))
        let json = try parseJSONObject(ReviewQueue.json(plan).serialized())
        #expect(json["due"] as? Int == 0 && (json["questions"] as? [Any])?.isEmpty == true)
        #expect(json["next_due"] as? String == ISO8601DateFormatter().string(from: now.addingTimeInterval(600)))
    }

    /// No line of the listing is wider than the width, the header included.
    @Test func listingWrapsToTheWidth() throws {
        let (course, root) = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var progress = StudentProgress(courseID: "test")
        for (index, id) in [
            "cascade-cost", "ensembles-free", "speculative-name", "cascade-share", "weak-to-strong-essay",
        ].enumerated() {
            progress.questions[id] = answeredOnce(
                "correct", box: 5, due: now.addingTimeInterval(Double(index - 2) * 86_400))
        }
        let queue = ReviewQueue.build(course: course, progress: progress, now: now, limit: nil)
        for includeNotDue in [false, true] {
            for width in [40, 24] {
                let listing = ReviewQueue.listing(
                    ReviewPlan(queue: queue, now: now, limit: 10, includeNotDue: includeNotDue),
                    settings: TerminalSettings(width: width))
                for line in listing.split(separator: "\n") {
                    #expect(DisplayWidth.of(line) <= width, "\(width): \(line)")
                }
                #expect(
                    listing.contains("\n  speculative-name\n") || listing.contains("\n  speculative-name ("),
                    "ids are wrapped, never cut: \(listing)")
                #expect(listing.contains("weak-to-strong-essay") == includeNotDue, "not due: listed only with --all")
            }
        }
        // Headers longer than 40 columns wrap rather than spill.
        let cut = ReviewQueue.listing(
            ReviewPlan(queue: queue, now: now, limit: 1, includeNotDue: false), settings: TerminalSettings(width: 40))
        #expect(cut.hasPrefix("The first 1 of 3 questions due for\nreview:\n"), "\(cut)")
        let nothing = ReviewPlan(queue: Array(queue.suffix(2)), now: now, limit: 10, includeNotDue: false)
        for line in ReviewQueue.listing(nothing, settings: TerminalSettings(width: 40)).split(separator: "\n") {
            #expect(DisplayWidth.of(line) <= 40, "\(line)")
        }
    }

    @Test func reviewSessionAsksRecordsAndReschedules() throws {
        let (course, root) = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ProgressStore(directory: root.appendingPathComponent("state"), courseID: "test")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try store.update { progress in
            progress.questions["ensembles-free"] = answeredOnce("incorrect", box: 1, due: now)
            progress.questions["speculative-name"] = answeredOnce("correct", box: 2, due: now.addingTimeInterval(-60))
        }
        let queue = ReviewQueue.build(course: course, progress: try store.load(), now: now, limit: nil)
        let transcript = Transcript()
        let reader = ScriptedLineReader(lines: ["drafter", "true"], echo: { transcript.write($0) })
        let result = try ReviewSession(
            plan: ReviewPlan(queue: queue, now: now, limit: 10, includeNotDue: false), store: store,
            reader: reader, settings: TerminalSettings(), clock: { now }, write: { transcript.write($0) }
        ).run()
        #expect(result.reviewed == 2 && result.right == 1)
        #expect(transcript.text.hasPrefix("Review — 2 questions due.\n"), "\(transcript.text)")
        #expect(transcript.text.contains("\nReview 1 of 2  ("))
        #expect(transcript.text.contains("Reviewed 2: 1 right."))
        let progress = try store.load()
        // Box 2 stood for stability 1 day; recalled after that day, FSRS stretches it past the
        // old box 3's three days.
        #expect(progress.questions["speculative-name"]?.fsrs?.phase == .review)
        #expect((progress.questions["speculative-name"]?.due ?? now) > now.addingTimeInterval(3 * 86_400))
        #expect(progress.questions["ensembles-free"]?.due == now.addingTimeInterval(600))
        #expect(progress.questions["ensembles-free"]?.fsrs?.phase == .learning)
        #expect(progress.questions["ensembles-free"]?.attempts == 2)
    }

    /// Only due questions are asked, and "Review N of M" counts them; at width 40 every line fits.
    @Test func reviewAsksOnlyDueQuestionsAndFitsTheWidth() throws {
        let (course, root) = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ProgressStore(directory: root.appendingPathComponent("state"), courseID: "test")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try store.update { progress in
            progress.questions["speculative-name"] = answeredOnce("incorrect", box: 1, due: now.addingTimeInterval(-60))
            progress.questions["ensembles-free"] = answeredOnce("correct", box: 2, due: now.addingTimeInterval(86_400))
        }
        let plan = ReviewPlan(
            queue: ReviewQueue.build(course: course, progress: try store.load(), now: now, limit: nil),
            now: now, limit: 10, includeNotDue: false)
        let transcript = Transcript()
        let result = try ReviewSession(
            plan: plan, store: store, reader: ScriptedLineReader(lines: ["drafter"], echo: { transcript.write($0) }),
            settings: TerminalSettings(width: 40), clock: { now }, write: { transcript.write($0) }
        ).run()
        #expect(result.reviewed == 1 && result.right == 1)
        #expect(transcript.text.hasPrefix("Review — 1 question due.\n"), "\(transcript.text)")
        #expect(transcript.text.contains("\nReview 1 of 1  (speculative-name)\n"), "\(transcript.text)")
        #expect(!transcript.text.contains("Review 1 of 2"))
        #expect(try store.load().questions["ensembles-free"]?.attempts == 1, "not due: not asked")
        for line in transcript.text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 40, "\(line)") }

        // With --all the longer header wraps too.
        let all = ReviewPlan(
            queue: ReviewQueue.build(course: course, progress: try store.load(), now: now, limit: nil),
            now: now, limit: 10, includeNotDue: true)
        let early = Transcript()
        try ReviewSession(
            plan: all, store: nil, reader: ScriptedLineReader([.end]), settings: TerminalSettings(width: 40),
            clock: { now }, write: { early.write($0) }
        ).run()
        #expect(
            early.text.hasPrefix("Review — 2 questions: 0 due, 2 not due\nyet (early practice).\n"), "\(early.text)")
        for line in early.text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 40, "\(line)") }
    }

    /// With nothing due the session asks nothing and says when the next question is due.
    @Test func nothingDueAsksNothing() throws {
        let (course, root) = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        var progress = StudentProgress(courseID: "test")
        progress.questions["speculative-name"] = answeredOnce("correct", box: 2, due: now.addingTimeInterval(5 * 3_600))
        let plan = ReviewPlan(
            queue: ReviewQueue.build(course: course, progress: progress, now: now, limit: nil),
            now: now, limit: 10, includeNotDue: false)
        let transcript = Transcript()
        let reader = ScriptedLineReader(lines: ["true"])
        let result = try ReviewSession(
            plan: plan, store: nil, reader: reader, settings: TerminalSettings(width: 40),
            clock: { now }, write: { transcript.write($0) }
        ).run()
        #expect(result.reviewed == 0 && reader.remaining == 1)
        #expect(
            transcript.text == """
                Nothing is due for review; the next
                question is due in 5 hours. To practise
                early anyway: tandem review --all

                """)
    }

    @Test func withAllQuestionsNotYetDueAreEarlyPracticeAndStoppingSaysAnswersAreKept() throws {
        let (course, root) = try makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let store = ProgressStore(directory: root.appendingPathComponent("state"), courseID: "test")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        try store.update { progress in
            progress.questions["speculative-name"] = answeredOnce(
                "correct", box: 2, due: now.addingTimeInterval(86_400))
        }
        let queue = ReviewQueue.build(course: course, progress: try store.load(), now: now, limit: nil)
        let plan = ReviewPlan(queue: queue, now: now, limit: 10, includeNotDue: true)
        let transcript = Transcript()
        let result = try ReviewSession(
            plan: plan, store: store, reader: ScriptedLineReader([.end]), settings: TerminalSettings(),
            clock: { now }, write: { transcript.write($0) }
        ).run()
        #expect(result.reviewed == 0)
        #expect(transcript.text.contains("Review — 1 question: 0 due, 1 not due yet (early practice)."))
        #expect(transcript.text.contains("Stopped after 0 of 1; those answers are saved."))
        #expect(try store.load().questions["speculative-name"]?.attempts == 1)
    }

    @Test func emptyReviewSaysWhatToDo() throws {
        let transcript = Transcript()
        let plan = ReviewPlan(queue: [], now: Date(), limit: 10, includeNotDue: false)
        let result = try ReviewSession(
            plan: plan, store: nil, reader: ScriptedLineReader([]), settings: TerminalSettings(),
            write: { transcript.write($0) }
        ).run()
        #expect(result.reviewed == 0)
        #expect(transcript.text == "Nothing to review yet: answer some quiz questions first (tandem quiz LESSON).\n")
    }
}
