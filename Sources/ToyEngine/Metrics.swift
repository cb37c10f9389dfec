import Foundation

/// Scores for predictions against ground truth.
public enum Metrics {
    /// The fraction of `predictions` equal to `labels` (0 for no examples).
    public static func accuracy(predictions: [Int], labels: [Int]) -> Double {
        precondition(
            predictions.count == labels.count, "accuracy: \(predictions.count) predictions for \(labels.count) labels")
        guard !labels.isEmpty else { return 0 }
        return Double(zip(predictions, labels).filter { $0 == $1 }.count) / Double(labels.count)
    }

    /// Mean negative log-probability of the true label; probabilities are clamped at 1e-15 so a
    /// confident mistake costs about 34.5 rather than infinity.
    public static func logLoss(probabilities: Matrix, labels: [Int]) -> Double {
        precondition(
            probabilities.rows == labels.count, "logLoss: \(probabilities.rows) rows for \(labels.count) labels")
        guard !labels.isEmpty else { return 0 }
        var total = 0.0
        for (i, label) in labels.enumerated() { total -= log(Swift.max(probabilities[i, label], 1e-15)) }
        return total / Double(labels.count)
    }

    /// Expected calibration error: rows are grouped by their top probability into `bins` equal-width
    /// bins over [0, 1]; ECE = Σ_b (n_b / n) · |accuracy_b − mean confidence_b|.
    public static func expectedCalibrationError(probabilities: Matrix, labels: [Int], bins: Int = 10) -> Double {
        precondition(probabilities.rows == labels.count && bins > 0, "expectedCalibrationError: bad shapes")
        guard !labels.isEmpty else { return 0 }
        var count = [Int](repeating: 0, count: bins)
        var correct = [Double](repeating: 0, count: bins)
        var confidence = [Double](repeating: 0, count: bins)
        let predictions = probabilities.argmaxRows()
        for i in 0..<labels.count {
            let top = probabilities[i, predictions[i]]
            let b = Swift.min(bins - 1, Swift.max(0, Int(top * Double(bins))))
            count[b] += 1
            confidence[b] += top
            if predictions[i] == labels[i] { correct[b] += 1 }
        }
        var ece = 0.0
        for b in 0..<bins where count[b] > 0 {
            ece += abs(correct[b] - confidence[b]) / Double(labels.count)
        }
        return ece
    }

    /// Counts `[true label][predicted class]` over `classes` classes.
    public static func confusionMatrix(predictions: [Int], labels: [Int], classes: Int) -> [[Int]] {
        precondition(predictions.count == labels.count, "confusionMatrix: counts differ")
        var m = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        for (p, l) in zip(predictions, labels) { m[l][p] += 1 }
        return m
    }
}
