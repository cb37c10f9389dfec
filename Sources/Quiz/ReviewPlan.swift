import Course
import Foundation
import Terminal

/// What one `tandem review` covers: by default the questions that are due (most overdue first);
/// with `includeNotDue` (`--all`) every answered question, the due ones first, for early practice.
/// Capped at `limit`. Also what to say when nothing is due: when the next question will be.
public struct ReviewPlan: Sendable, Equatable {
    /// The questions to ask or list, in order.
    public var items: [ReviewItem]
    /// Questions due now in the whole queue (before the limit).
    public var dueCount: Int
    /// Answered questions in the queue, due or not.
    public var answeredCount: Int
    /// When the first question not yet due becomes due; nil when none is waiting.
    public var nextDue: Date?
    public var includesNotDue: Bool
    public var now: Date
    /// The course's scheduler (its target retention), for the memory numbers shown.
    public var scheduler: FSRSScheduler
    /// Exercises due to be solved again from the starter (`ExerciseReview`).
    public var exercises: [ExerciseReviewItem]

    /// `queue` as `ReviewQueue.build` gives it: due questions first.
    public init(
        queue: [ReviewItem], now: Date, limit: Int?, includeNotDue: Bool, scheduler: FSRSScheduler = .tandem(),
        exercises: [ExerciseReviewItem] = []
    ) {
        self.scheduler = scheduler
        self.exercises = exercises
        let due = queue.filter { $0.isDue(at: now) }
        let chosen = includeNotDue ? queue : due
        items = limit.map { Array(chosen.prefix(max($0, 0))) } ?? chosen
        dueCount = due.count
        answeredCount = queue.count
        nextDue = queue.filter { !$0.isDue(at: now) }.compactMap(\.record.due).min()
        includesNotDue = includeNotDue
        self.now = now
    }

    /// Questions not yet due among `items` (asked early, with `--all`).
    public var earlyCount: Int { items.filter { !$0.isDue(at: now) }.count }

    /// The one-line summary above the questions (the listing's first line, the session's header),
    /// or what to do when there is nothing to ask. Commands are bold when `settings` allow colour.
    func summary(settings: TerminalSettings, listing: Bool) -> String {
        if answeredCount == 0 {
            return
                "Nothing to review yet: answer some quiz questions first (\(settings.paint("tandem quiz LESSON", .bold)))."
        }
        if items.isEmpty {
            let when = nextDue.map { "; the next question is due " + ReviewQueue.relative($0, from: now) } ?? ""
            return
                "Nothing is due for review\(when). To practise early anyway: \(settings.paint("tandem review --all", .bold))"
        }
        let plural = items.count == 1 ? "" : "s"
        if includesNotDue {
            let early = earlyCount
            return listing
                ? "\(items.filter { $0.isDue(at: now) }.count) of \(items.count) listed question\(plural) due for review:"
                : "\(settings.paint("Review", .bold)) — \(items.count) question\(plural): \(items.count - early) due"
                    + (early > 0 ? ", \(early) not due yet (early practice)." : ".")
        }
        let count =
            items.count == dueCount
            ? "\(items.count) question\(plural) due"
            : "the first \(items.count) of \(dueCount) questions due"
        return listing
            ? count.prefix(1).uppercased() + count.dropFirst() + " for review:"
            : "\(settings.paint("Review", .bold)) — \(count)."
    }
}

/// An exercise due to be solved again from its starter.
public struct ExerciseReviewItem: Sendable, Equatable {
    public var id: String
    public var card: FSRSCard
    /// "hints" or "solution": what the first pass needed.
    public var reason: String?

    public init(id: String, card: FSRSCard, reason: String?) {
        self.id = id
        self.card = card
        self.reason = reason
    }

    /// The exercises of `progress` due at `now`.
    public static func due(_ progress: StudentProgress, now: Date) -> [ExerciseReviewItem] {
        ExerciseReview.due(progress, now: now).map {
            ExerciseReviewItem(id: $0.id, card: $0.card, reason: progress.exercises[$0.id]?.reviewReason)
        }
    }
}
