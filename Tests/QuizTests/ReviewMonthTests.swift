import Course
import Foundation
import Testing

@testable import Quiz

/// A month of one student's reviews through tandem's own path: `ReviewQueue.build` picks what is
/// due each evening and `QuizRecorder.recordAnswer` records each answer, as `tandem review` does.
@Suite struct ReviewMonthTests {
    @Test func aMonthOfReviews() throws {
        let (course, root) = try ReviewTests().makeCourse()
        defer { try? FileManager.default.removeItem(at: root) }
        let quiz = try #require(ReviewQueue.loadQuiz(key: "basics", course: course))
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let day: TimeInterval = 86_400
        var progress = StudentProgress(courseID: "test")

        // Day 0: the quiz. "cascade-cost" is always right; "ensembles-free" is missed at first and
        // right from then on; "cascade-share" is right except on its second review.
        let students: [String: (Int) -> Bool] = [
            "cascade-cost": { _ in true },
            "ensembles-free": { $0 >= 1 },
            "cascade-share": { $0 != 2 },
        ]
        var answers: [String: Int] = [:]
        var reviewDays: [String: [Int]] = [:]
        func answer(_ id: String, at now: Date) throws {
            let question = try #require(quiz.question(id: id))
            let count = answers[id, default: 0]
            let right = students[id]!(count)
            QuizRecorder.recordAnswer(
                question, grade: Grade(status: right ? .correct : .incorrect, points: right ? 1 : 0), quizKey: "basics",
                now: now, in: &progress)
            answers[id] = count + 1
        }
        for id in students.keys.sorted() { try answer(id, at: start) }
        // The missed question is due ten minutes later, the others in two days.
        #expect(progress.questions["ensembles-free"]?.due == start.addingTimeInterval(600))
        #expect(progress.questions["cascade-cost"]?.due == start.addingTimeInterval(2 * day))

        for dayIndex in 0..<30 {
            // Reviews at 18:00 each day (day 0's session is 20 minutes after the quiz).
            let now = start.addingTimeInterval(Double(dayIndex) * day + (dayIndex == 0 ? 1_200 : 0))
            let due = ReviewQueue.build(course: course, progress: progress, now: now, limit: nil).filter {
                $0.isDue(at: now)
            }
            for item in due {
                try answer(item.question.id, at: now)
                reviewDays[item.question.id, default: []].append(dayIndex)
            }
        }
        let always = try #require(reviewDays["cascade-cost"])
        // Always right: each gap longer than the one before, and few reviews in a month.
        let gaps = zip(always.dropFirst(), always).map { $0 - $1 }
        #expect(gaps == gaps.sorted() && Set(gaps).count == gaps.count, "\(always)")
        #expect(always.count <= 4, "\(always)")
        // The question missed at the quiz is reviewed the same evening, then spaced out.
        #expect(reviewDays["ensembles-free"]?.first == 0)
        // The lapse on cascade-share's second review brings it back the next day (relearning step,
        // then a short interval), more often than the always-right question.
        let share = try #require(reviewDays["cascade-share"])
        #expect(share.count > always.count, "\(share) vs \(always)")
        let lapse = try #require(progress.questions["cascade-share"]?.fsrs)
        #expect(lapse.lapses == 1)
        // Nothing lost: attempts are the quiz answer plus every review.
        for (id, days) in reviewDays {
            #expect(progress.questions[id]?.attempts == 1 + days.count)
        }
        // And every question is scheduled beyond the month's last evening or due.
        for (_, record) in progress.questions { #expect(record.fsrs != nil && record.due != nil) }
    }
}
