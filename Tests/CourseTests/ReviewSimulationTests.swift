import Foundation
import Seeded
import Testing

import struct ToyEngine.SplitMix64

@testable import Course

/// A month of a simulated student under FSRS and under tandem's old Leitner boxes.
///
/// The simulated learner does NOT forget the way FSRS models forgetting (that would be circular):
/// each item has its own half-life `h` (days), and the chance of recalling it `t` days after it
/// was last studied is `2^(−t/h)` (exponential forgetting). The first half-life is drawn per item
/// from 0.5 to 4 days (log-uniform); each successful recall multiplies it by the item's own growth
/// factor (1.8 to 3.0); a failed recall, after which the student reads the explanation, halves it
/// (never below the first) and restarts the clock.
///
/// The month: 9 lessons of 5 questions, one lesson every 3 days (days 0, 3, …, 24); the quiz right
/// after each lesson is answered right with probability 0.75 (a wrong answer's explanation restarts
/// the clock). The student runs `tandem review` once a day at 18:00 and answers everything due, and
/// again at 18:20 for what came due since (the ten-minute steps). Right = good, wrong = again.
/// Measured: reviews in the month (quiz answers not counted), share answered right, mean recall
/// probability over all 45 items at the end of day 30, and mean recall over the month (each day's
/// mean over the items introduced so far).
enum ReviewSimulation {
    struct Outcome {
        var reviews = 0
        var right = 0
        var endRecall = 0.0
        var meanRecall = 0.0
    }

    enum Policy { case fsrs, leitner }

    /// tandem's Leitner boxes before FSRS (Sources/Quiz/Recording.swift until this change):
    /// right = up a box, wrong = box 1, intervals 10 minutes, 1, 3, 7, 16 days.
    static func leitner(box: Int, right: Bool, now: Double) -> (box: Int, due: Double) {
        let intervals = LeitnerMigration.leitnerIntervals.map { $0 / 86_400 }
        let next = right ? min(box + 1, intervals.count) : 1
        return (next, now + intervals[next - 1])
    }

    struct Item {
        var halfLife: Double
        var firstHalfLife: Double
        var growth: Double
        var studied: Double
        var introduced: Double
        var card: FSRSCard?
        var box = 1
        var due = 0.0

        func recall(at now: Double) -> Double { pow(2, -(now - studied) / halfLife) }
    }

    static func run(
        seed: UInt64, policy: Policy, retention: Double = 0.9, firstHalfLife: ClosedRange<Double> = 0.5...4
    ) -> Outcome {
        var rng = SplitMix64(seed: seed)
        let scheduler = FSRSScheduler.tandem(retention: retention)
        let epoch = Date(timeIntervalSince1970: 1_800_000_000)
        func date(_ day: Double) -> Date { epoch.addingTimeInterval(day * 86_400) }
        var items: [Item] = []
        var outcome = Outcome()
        var recallSum = 0.0

        func answer(_ index: Int, now: Double, counted: Bool) {
            let p = counted ? items[index].recall(at: now) : 0.75
            let right = rng.nextDouble() < p
            if counted {
                outcome.reviews += 1
                if right { outcome.right += 1 }
            }
            if right {
                if counted { items[index].halfLife *= items[index].growth }
            } else {
                items[index].halfLife = max(items[index].firstHalfLife, items[index].halfLife / 2)
            }
            items[index].studied = now
            switch policy {
            case .fsrs:
                let card = items[index].card ?? scheduler.newCard(now: date(now))
                let next = scheduler.review(card, rating: right ? .good : .again, now: date(now))
                items[index].card = next
                items[index].due = next.due.timeIntervalSince(epoch) / 86_400
            case .leitner:
                let next = leitner(box: items[index].box, right: right, now: now)
                items[index].box = next.box
                items[index].due = next.due
            }
        }

        for day in 0..<30 {
            let evening = Double(day) + 0.75
            if day % 3 == 0 && day / 3 < 9 {
                for _ in 0..<5 {
                    let (low, high) = (log(firstHalfLife.lowerBound), log(firstHalfLife.upperBound))
                    let first = exp(low + rng.nextDouble() * (high - low))
                    items.append(
                        Item(
                            halfLife: first, firstHalfLife: first, growth: 1.8 + 1.2 * rng.nextDouble(),
                            studied: evening - 0.02, introduced: evening))
                    answer(items.count - 1, now: evening, counted: false)
                }
            }
            for pass in [evening + 0.001, evening + 20.0 / 1_440] {
                for index in items.indices where items[index].due <= pass && items[index].introduced < pass - 1e-9 {
                    answer(index, now: pass, counted: true)
                }
            }
            recallSum += items.map { $0.recall(at: evening + 0.25) }.reduce(0, +) / Double(max(items.count, 1))
        }
        outcome.endRecall = items.map { $0.recall(at: 30.75) }.reduce(0, +) / Double(items.count)
        outcome.meanRecall = recallSum / 30
        return outcome
    }
}

@Suite struct ReviewSimulationTests {
    @Test func aMonthUnderFSRSAndUnderLeitnerBoxes() {
        compare(firstHalfLife: 0.5...4, scenario: "first half-life 0.5-4 days")
    }

    /// The same month for a learner who starts with memories four times as durable (2 to 16 days):
    /// a second learner, not a tuned one, to show how much the comparison depends on the learner.
    @Test func aMonthWithMoreDurableFirstMemories() {
        compare(firstHalfLife: 2...16, scenario: "first half-life 2-16 days")
    }

    func compare(firstHalfLife: ClosedRange<Double>, scenario: String) {
        var rows: [String] = ["Simulated month, \(scenario):"]
        var totals: [ReviewSimulation.Policy: (reviews: Double, right: Double, end: Double, mean: Double)] = [:]
        var fsrsFewer = 0
        var fsrsBetterEnd = 0
        var fsrsBetterMean = 0
        for seed in UInt64(1)...20 {
            let fsrs = ReviewSimulation.run(seed: seed, policy: .fsrs, firstHalfLife: firstHalfLife)
            let leitner = ReviewSimulation.run(seed: seed, policy: .leitner, firstHalfLife: firstHalfLife)
            for (policy, o) in [(ReviewSimulation.Policy.fsrs, fsrs), (.leitner, leitner)] {
                let t = totals[policy] ?? (0, 0, 0, 0)
                totals[policy] = (
                    t.reviews + Double(o.reviews), t.right + Double(o.right) / Double(max(o.reviews, 1)),
                    t.end + o.endRecall, t.mean + o.meanRecall
                )
            }
            if fsrs.reviews < leitner.reviews { fsrsFewer += 1 }
            if fsrs.endRecall > leitner.endRecall { fsrsBetterEnd += 1 }
            if fsrs.meanRecall > leitner.meanRecall { fsrsBetterMean += 1 }
            rows.append(
                String(
                    format: "seed %2d  FSRS %4d reviews, %.0f%% right, end recall %.3f, mean %.3f | "
                        + "Leitner %4d reviews, %.0f%% right, end recall %.3f, mean %.3f",
                    seed, fsrs.reviews, 100 * Double(fsrs.right) / Double(fsrs.reviews), fsrs.endRecall,
                    fsrs.meanRecall, leitner.reviews, 100 * Double(leitner.right) / Double(leitner.reviews),
                    leitner.endRecall, leitner.meanRecall))
            // Every review is real work on introduced items, and recall is a probability.
            #expect(fsrs.reviews > 0 && leitner.reviews > 0)
            #expect((0...1).contains(fsrs.endRecall) && (0...1).contains(leitner.endRecall))
        }
        for policy in [ReviewSimulation.Policy.fsrs, .leitner] {
            let t = totals[policy]!
            rows.append(
                String(
                    format: "%@ mean over seeds 1-20: %.1f reviews, %.1f%% right, end recall %.3f, mean recall %.3f",
                    policy == .fsrs ? "FSRS" : "Leitner", t.reviews / 20, 100 * t.right / 20, t.end / 20, t.mean / 20))
        }
        rows.append(
            "FSRS needs fewer reviews on \(fsrsFewer) of 20 seeds; higher end recall on \(fsrsBetterEnd);"
                + " higher mean recall on \(fsrsBetterMean)")
        print(rows.joined(separator: "\n"))
        // The runs are reproducible from their seed.
        #expect(
            ReviewSimulation.run(seed: 7, policy: .fsrs).reviews == ReviewSimulation.run(seed: 7, policy: .fsrs).reviews
        )
    }

    @Test func lowerTargetRetentionMeansFewerReviews() {
        // FSRS's own promise, whatever the learner: a lower target spaces reviews further apart.
        var fewer = 0
        for seed in UInt64(1)...20 {
            let low = ReviewSimulation.run(seed: seed, policy: .fsrs, retention: 0.8)
            let high = ReviewSimulation.run(seed: seed, policy: .fsrs, retention: 0.95)
            if low.reviews < high.reviews { fewer += 1 }
        }
        #expect(fewer >= 19)
    }
}
