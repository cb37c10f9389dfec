import Foundation

/// Converts question records from tandem's Leitner-box era to FSRS state. The rule, per answered
/// question without an FSRS card (everything else in the record, the box included, is kept):
///
/// - **box 1** (missed last time, due ten minutes after the miss): the first learning step —
///   `learning` when never answered right, `relearning` otherwise — with FSRS's initial stability
///   and difficulty for "again" (w0, D0(again)).
/// - **box 2–5** (right last time): `review`, with stability = the box's Leitner interval in days
///   (1, 3, 7, 16). The Leitner interval was the time the old schedule expected the answer to
///   be still recalled; FSRS stability is the interval at which recall falls to 90%, so this keeps
///   the old promise. Difficulty is FSRS's initial difficulty for the last result (right = good,
///   partial or self-graded = hard).
/// - **due date**: unchanged, so nothing comes due earlier or later than the student was told;
///   `lastReview` is the last answer's time (else due minus the box's interval).
///
/// `migrate(store:)` backs the old file up as `progress.json.leitner-backup` (never overwriting an
/// earlier backup) before saving the converted records.
public enum LeitnerMigration {
    static let day: TimeInterval = 86_400
    /// The Leitner schedule tandem used (box 1…5): ten minutes, then 1, 3, 7 and 16 days.
    public static let leitnerIntervals: [TimeInterval] = [600, 1 * day, 3 * day, 7 * day, 16 * day]

    /// The FSRS card a Leitner-era record stands for.
    public static func card(from record: QuestionRecord, scheduler: FSRSScheduler = .tandem()) -> FSRSCard {
        let box = min(max(record.box, 1), leitnerIntervals.count)
        let interval = leitnerIntervals[box - 1]
        let due = record.due ?? record.lastAnsweredAt ?? .distantPast
        let lastReview = record.lastAnsweredAt ?? due.addingTimeInterval(-interval)
        if box == 1 {
            return FSRSCard(
                phase: record.correctCount > 0 ? .relearning : .learning, step: 0,
                stability: scheduler.initialStability(.again),
                difficulty: scheduler.clampDifficulty(scheduler.initialDifficulty(.again)),
                lastReview: lastReview, due: due, reviews: record.attempts,
                lapses: max(0, record.attempts - record.correctCount - 1))
        }
        let rating: ReviewRating = record.lastResult == "correct" ? .good : .hard
        return FSRSCard(
            phase: .review, step: nil, stability: interval / day,
            difficulty: scheduler.clampDifficulty(scheduler.initialDifficulty(rating)),
            lastReview: lastReview, due: due, reviews: record.attempts,
            lapses: max(0, record.attempts - record.correctCount))
    }

    /// Records that need converting: answered, with no FSRS card yet.
    public static func needsMigration(_ progress: StudentProgress) -> Bool {
        progress.questions.values.contains { $0.attempts > 0 && $0.fsrs == nil }
    }

    /// Converts every such record in place; returns how many.
    @discardableResult
    public static func migrate(_ progress: inout StudentProgress, scheduler: FSRSScheduler = .tandem()) -> Int {
        var count = 0
        for (id, record) in progress.questions where record.attempts > 0 && record.fsrs == nil {
            var converted = record
            converted.fsrs = card(from: record, scheduler: scheduler)
            converted.due = converted.fsrs?.due
            progress.questions[id] = converted
            count += 1
        }
        return count
    }

    /// The backup beside the progress file.
    public static func backupURL(_ store: ProgressStore) -> URL {
        store.directory.appendingPathComponent("progress.json.leitner-backup")
    }

    /// Converts the stored progress, first copying the file to `progress.json.leitner-backup`
    /// (unless a backup is already there). Returns how many records were converted; nothing is
    /// written when there is nothing to convert, or when the backup cannot be made.
    @discardableResult
    public static func migrate(store: ProgressStore, scheduler: FSRSScheduler = .tandem()) throws -> Int {
        try migrating(store: store, scheduler: scheduler).converted
    }

    /// `migrate(store:)`, also returning the progress as it stands afterwards (read once).
    static func migrating(store: ProgressStore, scheduler: FSRSScheduler) throws -> (
        converted: Int, progress: StudentProgress
    ) {
        let stored = try store.load()
        guard needsMigration(stored) else { return (0, stored) }
        let backup = backupURL(store)
        if !FileManager.default.fileExists(atPath: backup.path) {
            guard let data = FileManager.default.contents(atPath: store.fileURL.path) else { return (0, stored) }
            do {
                try ProgressStore.atomicWrite(data, to: backup)
            } catch {
                store.notice("could not back up \(store.fileURL.path) before converting review schedules: \(error)")
                return (0, stored)
            }
        }
        var count = 0
        let progress = try store.update { count = migrate(&$0, scheduler: scheduler) }
        if count > 0 {
            store.notice(
                "converted \(count) review schedule\(count == 1 ? "" : "s") from Leitner boxes to FSRS"
                    + " (old file kept as \(backup.lastPathComponent))")
        }
        return (count, progress)
    }
}

extension ProgressStore {
    /// The course's store and its progress, its Leitner-era review records converted to FSRS
    /// first (once; the old file is kept as `progress.json.leitner-backup`).
    public static func migrated(course: CourseFolder) throws -> (store: ProgressStore, progress: StudentProgress) {
        let store = ProgressStore(course: course)
        return (store, try LeitnerMigration.migrating(store: store, scheduler: course.scheduler).progress)
    }
}
