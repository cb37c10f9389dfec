import Foundation
import ToyEngine

/// Selective prediction: how well a confidence score ranks a model's right answers above its
/// wrong ones. A cascade's threshold is chosen on held-out data, so what decides its quality is
/// this ranking (AUROC, the risk–coverage curve), not whether the score is calibrated.
enum Selective {
    /// P(a right answer scores above a wrong one), ties counted half: the area under the ROC
    /// curve of `scores` separating `right` from wrong. nil when either group is empty.
    static func auroc(scores: [Double], right: [Bool]) -> Double? {
        let positives = right.filter { $0 }.count
        let negatives = right.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        // Mann–Whitney: the rank sum of the right answers, with tied scores sharing their mean rank.
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let meanRank = Double(start + end) / 2 + 1
            for k in start...end where right[order[k]] { rankSum += meanRank }
            start = end + 1
        }
        let p = Double(positives)
        return (rankSum - p * (p + 1) / 2) / (p * Double(negatives))
    }

    /// The indices of the `rate` share of queries with the lowest scores (ties broken by index):
    /// the queries a threshold deferring that share sends on.
    static func lowest(_ rate: Double, of scores: [Double]) -> [Int] {
        let count = min(scores.count, max(0, Int((rate * Double(scores.count)).rounded())))
        let order = scores.indices.sorted { (scores[$0], $0) < (scores[$1], $1) }
        return Array(order.prefix(count))
    }

    /// Risk (error rate among accepted answers) at each coverage (share of queries accepted,
    /// highest scores first); a coverage that accepts nothing has no risk and is left out.
    static func riskCoverage(scores: [Double], right: [Bool], coverages: [Double]) -> [(coverage: Double, risk: Double)]
    {
        coverages.compactMap { coverage in
            let deferred = Set(lowest(1 - coverage, of: scores))
            let accepted = right.indices.filter { !deferred.contains($0) }
            guard !accepted.isEmpty else { return nil }
            let wrong = accepted.filter { !right[$0] }.count
            return (Double(accepted.count) / Double(right.count), Double(wrong) / Double(accepted.count))
        }
    }

    /// The temperature T minimising the log-loss of softmax(logits / T) on `labels` (temperature
    /// scaling, Guo et al. 2017): golden-section search on log T over [1/8, 8] (the loss is
    /// unimodal in T), to about 0.1%.
    static func fitTemperature(logits: Matrix, labels: [Int]) -> Double {
        func loss(_ logT: Double) -> Double {
            Metrics.logLoss(probabilities: logits.softmaxRows(temperature: exp(logT)), labels: labels)
        }
        let ratio = (5.0.squareRoot() - 1) / 2
        var low = log(0.125)
        var high = log(8.0)
        var a = high - ratio * (high - low)
        var b = low + ratio * (high - low)
        var lossA = loss(a)
        var lossB = loss(b)
        while high - low > 0.001 {
            if lossA < lossB {
                high = b
                b = a
                lossB = lossA
                a = high - ratio * (high - low)
                lossA = loss(a)
            } else {
                low = a
                a = b
                lossA = lossB
                b = low + ratio * (high - low)
                lossB = loss(b)
            }
        }
        return exp((low + high) / 2)
    }
}
