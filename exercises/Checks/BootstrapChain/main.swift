import BootstrapChain
import CheckKit

/// Learners of different "sizes" over 1-D inputs (feature 0), so that who trained on what shows
/// in the labels: a threshold learner (the best single cut), a nearest-centroid learner, and a
/// 1-nearest-neighbour learner (it copies its teacher's labels, mistakes and all).
func thresholdLearner(_ inputs: [[Double]], _ labels: [Int]) -> ([Double]) -> Int {
    let cuts = inputs.map { $0[0] }.sorted()
    var best = (cut: 0.0, correct: -1)
    for cut in cuts {
        let correct = zip(inputs, labels).filter { ($0.0[0] >= cut ? 1 : 0) == $0.1 }.count
        if correct > best.correct { best = (cut, correct) }
    }
    return { $0[0] >= best.cut ? 1 : 0 }
}

func centroidLearner(_ inputs: [[Double]], _ labels: [Int]) -> ([Double]) -> Int {
    func mean(_ label: Int) -> Double {
        let xs = zip(inputs, labels).filter { $0.1 == label }.map { $0.0[0] }
        return xs.isEmpty ? (label == 0 ? -1e9 : 1e9) : xs.reduce(0, +) / Double(xs.count)
    }
    let (m0, m1) = (mean(0), mean(1))
    return { abs($0[0] - m1) < abs($0[0] - m0) ? 1 : 0 }
}

func neighbourLearner(_ inputs: [[Double]], _ labels: [Int]) -> ([Double]) -> Int {
    return { x in
        var best = 0
        for i in inputs.indices where abs(inputs[i][0] - x[0]) < abs(inputs[best][0] - x[0]) { best = i }
        return labels.isEmpty ? 0 : labels[best]
    }
}

/// Independent reference: the chain written out with explicit indices.
func reference(_ stages: [Learner], _ splits: [[[Double]]], _ truth: [Int]) -> [[Int]] {
    var result: [[Int]] = []
    for k in 0..<stages.count {
        let teacherLabels = k == 0 ? truth : result[k - 1]
        let model = stages[k](splits[k], teacherLabels)
        result.append(splits[k + 1].map { model($0) })
    }
    return result
}

let checker = Checker(exercise: "bootstrap-chain")
func check(_ name: String, _ kinds: [String], _ splits: [[[Double]]], _ truth: [Int]) {
    let learners: [String: Learner] = [
        "threshold": thresholdLearner, "centroid": centroidLearner, "neighbour": neighbourLearner,
    ]
    let stages = kinds.map { learners[$0]! }
    let shown = splits.map { "[" + $0.map { show($0[0]) }.joined(separator: ", ") + "]" }.joined(separator: ", ")
    checker.expect(
        name,
        input: "stages \(kinds), splits (feature 0) [\(shown)], groundTruth \(truth)",
        expected: reference(stages, splits, truth)
    ) { bootstrapLabels(stages: stages, splits: splits, groundTruth: truth) }
}
func points(_ xs: [Double]) -> [[Double]] { xs.map { [$0] } }
check("no stages, no labels", [], [points([0.1, 0.9])], [0, 1])
check(
    "one stage labels the second split", ["threshold"], [points([0.1, 0.2, 0.8, 0.9]), points([0.15, 0.85])],
    [0, 0, 1, 1])
check(
    "the second stage learns from the first stage's labels, not from ground truth",
    ["neighbour", "neighbour"],
    [points([0.1, 0.5, 0.9]), points([0.28, 0.72]), points([0.5, 0.45])], [0, 1, 0])
check(
    "weak → intermediate → strong", ["threshold", "centroid", "neighbour"],
    [
        points([0.1, 0.3, 0.6, 0.9]), points([0.2, 0.4, 0.7]), points([0.25, 0.5, 0.65, 0.8]),
        points([0.3, 0.55, 0.9]),
    ],
    [0, 1, 1, 1])
var random = CaseRandom(seed: 41)
let kinds = ["threshold", "centroid", "neighbour"]
for index in 0..<120 {
    let depth = random.int(in: 1...4)
    let chain = (0..<depth).map { _ in kinds[random.int(in: 0...2)] }
    let splits = (0...depth).map { _ in points((0..<random.int(in: 2...9)).map { _ in random.unit() }) }
    let truth = splits[0].map { x in random.unit() < 0.85 ? (x[0] > 0.5 ? 1 : 0) : (x[0] > 0.5 ? 0 : 1) }
    check("random chain #\(index + 1) (seed 41)", chain, splits, truth)
}
checker.finish()
