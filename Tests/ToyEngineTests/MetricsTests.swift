import Foundation
import Testing

@testable import ToyEngine

@Suite struct MetricsTests {
    @Test func accuracyAndLogLoss() {
        #expect(Metrics.accuracy(predictions: [0, 1, 1, 2], labels: [0, 1, 2, 2]) == 0.75)
        #expect(Metrics.accuracy(predictions: [], labels: []) == 0)
        let p = Matrix([[0.8, 0.2], [0.4, 0.6]])
        #expect(abs(Metrics.logLoss(probabilities: p, labels: [0, 0]) - (-(log(0.8) + log(0.4)) / 2)) < 1e-15)
        #expect(Metrics.logLoss(probabilities: Matrix([[1, 0]]), labels: [1]) < 35)
    }

    @Test func calibrationErrorOnAHandWorkedExample() {
        // Top probabilities .9 (right), .6 (wrong), .7 (right), .55 (right), each alone in its bin:
        // ECE = (.1 + .6 + .3 + .45) / 4.
        let p = Matrix([[0.9, 0.1], [0.6, 0.4], [0.3, 0.7], [0.55, 0.45]])
        let ece = Metrics.expectedCalibrationError(probabilities: p, labels: [0, 1, 1, 0], bins: 10)
        #expect(abs(ece - 0.3625) < 1e-12)
        // One bin: |accuracy − mean confidence| = |.75 − .6875|.
        let single = Metrics.expectedCalibrationError(probabilities: p, labels: [0, 1, 1, 0], bins: 1)
        #expect(abs(single - 0.0625) < 1e-12)
    }

    @Test func confusionMatrixCountsTrueByPredicted() {
        let m = Metrics.confusionMatrix(predictions: [0, 1, 1, 2, 0], labels: [0, 1, 2, 2, 1], classes: 3)
        #expect(m == [[1, 0, 0], [1, 1, 0], [0, 1, 1]])
    }
}
