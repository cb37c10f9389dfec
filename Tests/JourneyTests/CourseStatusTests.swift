import Course
import Foundation
import JSON
import Journey
import Terminal
import TestSupport
import Testing

@Suite struct CourseStatusTests {
    func status(_ progress: StudentProgress, course: CourseFolder = Fixture.course) -> CourseStatus {
        CourseStatus(course: course, progress: progress, quizTotals: Fixture.quizTotals, now: Fixture.now)
    }

    @Test func nextStepInEachState() {
        #expect(status(Fixture.fresh).next == .read(lesson: 1, title: "Why combine models"))
        #expect(status(Fixture.partial).next == .check(exercise: "cascade-cost", title: "Expected cost"))
        #expect(status(Fixture.partial).next.command == "tandem check cascade-cost")
        #expect(status(Fixture.finished).next == .done)
        #expect(status(Fixture.finished).isFinished)
        #expect(!status(Fixture.partial).isFinished)
    }

    @Test func quizOfAReadLessonComesBeforeTheNextLesson() {
        var progress = Fixture.fresh
        progress.lessons["intro"] = LessonRecord(read: true)
        #expect(status(progress).next == .quiz(lesson: 1, title: "Why combine models"))
        #expect(status(progress).next.command == "tandem quiz 1")
        progress.quizzes["intro"] = QuizRecord(best: 1, last: 1, total: 4, attempts: 1)
        // Lesson 1 has no exercises: on to lesson 2.
        #expect(status(progress).next.command == "tandem read 2")
    }

    @Test func dueReviewComesBeforeANewLessonAndAfterEverythingElse() {
        var progress = Fixture.partial
        progress.exercises["cascade-cost"] = ExerciseRecord(status: "passed", solved: true)
        // Lesson 3 is unread and one question is due: review first.
        #expect(status(progress).next == .review(due: 1))
        #expect(status(progress).next.command == "tandem review")
        progress.questions["intro-q1"]?.due = Fixture.tomorrow
        #expect(status(progress).next.command == "tandem read 3")
        var finished = Fixture.finished
        finished.questions["intro-q2"]?.due = Fixture.now
        #expect(status(finished).next == .review(due: 1))
        #expect(status(finished).isFinished)
    }

    @Test func aQuestionMissedInThisSittingDoesNotHoldUpTheNextLesson() {
        var progress = Fixture.partial
        progress.exercises["cascade-cost"] = ExerciseRecord(status: "passed", solved: true)
        // Missed ten minutes ago, in this sitting: due again (box 1), counted as due, but lesson 3 comes first.
        progress.questions["intro-q1"]?.lastAnsweredAt = Fixture.now.addingTimeInterval(-600)
        #expect(status(progress).reviewDue == 1)
        #expect(status(progress).next == .read(lesson: 3, title: "Routing queries to the right model"))
        // Missed in an earlier sitting: review first.
        progress.questions["intro-q1"]?.lastAnsweredAt = Fixture.now.addingTimeInterval(-2 * CourseStatus.sitting)
        #expect(status(progress).next == .review(due: 1))
        // Once everything else is done, review comes whenever it was answered.
        var finished = Fixture.finished
        finished.questions["intro-q2"]?.due = Fixture.now
        finished.questions["intro-q2"]?.lastAnsweredAt = Fixture.now
        #expect(status(finished).next == .review(due: 1))
    }

    @Test func reviewCountsWhatTandemReviewAsks() {
        var progress = Fixture.fresh
        progress.questions["a"] = QuestionRecord(attempts: 1, quiz: "cascades", due: Fixture.yesterday)
        progress.questions["b"] = QuestionRecord(attempts: 1, quiz: "cascades", due: Fixture.tomorrow)
        progress.questions["c"] = QuestionRecord(attempts: 1, quiz: "removed-lesson", due: Fixture.yesterday)
        // `tandem review` asks questions of --file quizzes too, so they count.
        progress.questions["d"] = QuestionRecord(attempts: 1, quiz: "file:/tmp/q.toml", due: Fixture.yesterday)
        // Review skips a record without a quiz, and one never answered.
        progress.questions["e"] = QuestionRecord(attempts: 1, quiz: nil, due: Fixture.now)
        progress.questions["f"] = QuestionRecord(attempts: 0, quiz: "intro", due: Fixture.yesterday)
        // Review treats an answered question without a date as due.
        progress.questions["g"] = QuestionRecord(attempts: 1, quiz: "intro", due: nil)
        #expect(status(progress).reviewDue == 3)
        // With the quiz files read, only the questions they still hold count ("a" was removed).
        let read = CourseStatus(
            course: Fixture.course, progress: progress, quizTotals: Fixture.quizTotals, now: Fixture.now,
            reviewable: ["b", "d", "g"])
        #expect(read.reviewDue == 2)
    }

    @Test func progressFromAnOlderCourseVersionIsReadByID() {
        // The new version renumbers lessons, drops "intro" and adds "ensembles" in front.
        var manifest = Fixture.manifest
        manifest.lessons = [
            LessonEntry(number: 1, slug: "ensembles", title: "Ensembles", folder: "01-ensembles"),
            LessonEntry(number: 2, slug: "routing", title: "Routing queries to the right model", folder: "02-routing"),
            LessonEntry(number: 3, slug: "cascades", title: "Cascading inference", folder: "03-cascades"),
        ]
        manifest.exercises.append(
            ExerciseEntry(
                id: "vote", number: 4, slug: "vote", title: "Majority vote",
                file: "Sources/E04/Vote.swift", lesson: "ensembles", hints: []))
        let course = CourseFolder(root: Fixture.course.root, manifest: manifest)
        let result = status(Fixture.partial, course: course)
        #expect(result.lessons.map(\.read) == [false, false, true])
        #expect(result.lessons[2].quiz?.best == 1.5)
        #expect(result.lessons[2].exercises.map(\.status) == ["passed", "compile-error"])
        #expect(result.lessons[0].exercises.map(\.status) == [ExerciseStatus.notStarted])
        #expect(result.lessonsRead == 1)
        // "intro" is gone, so its due question no longer counts.
        #expect(result.reviewDue == 0)
        #expect(result.next.command == "tandem read 1")
        // And the screen still draws.
        let text = HomeScreen.compose(status: result, settings: TerminalSettings(width: 40))
        #expect(text.contains("Ensembles"))
    }

    @Test func anInterruptedQuizIsStillTheNextStepAndShowsAsInProgress() {
        var progress = Fixture.fresh
        progress.lessons["intro"] = LessonRecord(read: true)
        progress.quizzes["intro"] = QuizRecord(total: 4, attempts: 0, resume: ["q1": 1, "q2": 0])
        let result = status(progress)
        #expect(result.next == .quiz(lesson: 1, title: "Why combine models", answered: 2))
        #expect(result.next.summary == "Finish the quiz of lesson 1, Why combine models (2 questions answered so far)")
        #expect(result.next.command == "tandem quiz 1")
        #expect(result.lessons[0].quiz?.answeredInProgress == 2)
        #expect(
            ListReport.text(result, settings: TerminalSettings(width: 100))
                .contains("quiz: not taken (4 graded questions); in progress, 2 answered (tandem quiz 1 resumes)"))
    }

    @Test func quizTotalFallsBackToTheRecordedTotal() {
        var progress = Fixture.fresh
        progress.quizzes["intro"] = QuizRecord(best: 2, last: 2, total: 7, attempts: 1)
        let result = CourseStatus(course: Fixture.course, progress: progress, quizTotals: [:], now: Fixture.now)
        #expect(result.lessons[0].quiz?.total == 7)
        #expect(result.lessons[1].quiz?.total == 0)
    }

    @Test func listJSONHasTheDocumentedShape() {
        let json = ListReport.json(status(Fixture.partial)).serialized()
        #expect(
            json == #"{"lessons":["#
                + #"{"number":1,"slug":"intro","title":"Why combine models","read":true,"quiz":{"best":4,"last":3,"total":4},"exercises":[]},"#
                + #"{"number":2,"slug":"cascades","title":"Cascading inference","read":true,"quiz":{"best":1.5,"last":1.5,"total":3},"#
                + #""exercises":[{"id":"cascade-route","status":"passed"},{"id":"cascade-cost","status":"compile-error"}]},"#
                + #"{"number":3,"slug":"routing","title":"Routing queries to the right model","read":false,"quiz":{"best":null,"last":null,"total":5},"#
                + #""exercises":[{"id":"router","status":"not-started"}]}],"review_due":1,"next":"tandem check cascade-cost"}"#
        )
        // And it is valid JSON.
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil)
    }

    /// docs/json.md's keys for `list --json` and `progress --json` are these, in order, with their
    /// types (a passed capstone carries its best score).
    @Test func listJSONKeysMatchTheDeclaration() {
        var scored = status(Fixture.partial)
        scored.lessons[1].exercises[0].bestScore = ExerciseScore(accuracy: 0.9134, costPerQuery: 2.5)
        let samples = [ListReport.json(status(Fixture.fresh)), ListReport.json(scored)]
        #expect(JSONKeyDoc.mismatches(ListReport.jsonKeys, samples: samples) == [])
    }

    @Test func jsonEscapesStrings() {
        let text = JSONValue.object([("t", .string("a\"b\\c\nd\u{1}é"))]).serialized()
        #expect(text == #"{"t":"a\"b\\c\nd\u0001é"}"#)
    }

    @Test(arguments: [40, 80])
    func listAndSummaryFitTheWidth(width: Int) {
        for progress in [Fixture.fresh, Fixture.partial, Fixture.finished] {
            let settings = TerminalSettings(width: width)
            for text in [
                ListReport.text(status(progress), settings: settings),
                ProgressSummary.text(status(progress), settings: settings),
            ] {
                #expect(!text.contains("\u{1B}"))
                for line in text.split(separator: "\n") { #expect(DisplayWidth.of(line) <= width, "\(line)") }
            }
        }
        let list = ListReport.text(status(Fixture.partial), settings: TerminalSettings(width: 80))
        #expect(list.contains("best 4/4, last 3/4, 2 attempts"))
        #expect(list.contains("exercise cascade-cost: Expected cost (compile-error)"))
        let summary = ProgressSummary.text(status(Fixture.partial), settings: TerminalSettings(width: 80))
        #expect(summary.contains("2/3 read"))
        #expect(summary.contains("1/3 solved"))
        #expect(summary.contains("1 question due"))
    }

    @Test func quizSizesSkipSelfGradedQuestions() {
        let toml = QuizTOML.file(
            QuizTOML.trueFalse(id: "a", prompt: "Small models are always worse.", answer: false),
            QuizTOML.selfGraded(id: "b", prompt: "Explain why.", model: "Because.", rubric: ["names the cost"]),
            QuizTOML.numeric(id: "c", prompt: "1 + 1?", answer: 2, tolerance: 0))
        #expect(QuizSizes.gradableQuestions(source: toml) == 2)
        #expect(QuizSizes.gradableQuestions(source: "not toml [[") == 0)
    }
}
