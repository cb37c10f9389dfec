import CheckKit
import Foundation
import ToyEngine
import WeakLabels

/// The recipe from the task, step by step.
func reference(_ inputs: Matrix, _ labels: [Int], _ classes: Int, _ seed: UInt64) -> (soft: Matrix, hard: [Int]) {
    let half = inputs.rows / 2
    var rng = SplitMix64(seed: seed)
    let model = LogisticRegression(inputs: inputs.cols, classes: classes, rng: &rng)
    train(
        model, inputs: inputs.rows(0..<half), targets: .hard(Array(labels.prefix(half))), config: weakSupervisorConfig,
        rng: &rng)
    let soft = model.probabilities(inputs.rows(half..<inputs.rows))
    return (soft, soft.argmaxRows())
}

/// Noisy blobs around one centre per class: learnable, but not perfectly.
func dataset(examples: Int, classes: Int, features: Int, seed: UInt64) -> (Matrix, [Int]) {
    var random = CaseRandom(seed: seed)
    // Centres evenly spread on a circle of radius 3 in the first two features.
    let centres = (0..<classes).map { c in
        (0..<features).map { f in
            let angle = 2 * Double.pi * Double(c) / Double(classes)
            return f == 0 ? 3 * cos(angle) : f == 1 ? 3 * sin(angle) : 0
        }
    }
    var rows: [[Double]] = []
    var labels: [Int] = []
    for _ in 0..<examples {
        let label = random.int(in: 0...(classes - 1))
        labels.append(label)
        rows.append(centres[label].map { $0 + random.double(in: -3...3) })
    }
    return (Matrix(rows), labels)
}

func describeMatrix(_ m: Matrix) -> String {
    let shown = (0..<min(m.rows, 3)).map { show(m.rowArray($0)) }.joined(separator: ", ")
    return "\(m.rows)×\(m.cols) [\(shown)\(m.rows > 3 ? ", …" : "")]"
}

let checker = Checker(exercise: "weak-labels")
let cases: [(examples: Int, classes: Int, features: Int, seed: UInt64)] = [
    (60, 2, 2, 61), (41, 3, 3, 62), (80, 2, 4, 63), (33, 4, 2, 64),
]
for (number, c) in cases.enumerated() {
    let (inputs, labels) = dataset(examples: c.examples, classes: c.classes, features: c.features, seed: c.seed)
    let name = "dataset #\(number + 1): \(c.examples) examples, \(c.classes) classes, seed \(c.seed)"
    let input =
        "makeWeakLabels(inputs: \(describeMatrix(inputs)), labels: \(Array(labels.prefix(8)))…, classes: \(c.classes), seed: \(c.seed))"
    checker.announce(name)
    let mine = makeWeakLabels(inputs: inputs, labels: labels, classes: c.classes, seed: c.seed)
    let expected = reference(inputs, labels, c.classes, c.seed)
    let countB = c.examples - c.examples / 2
    checker.require(
        "\(name): one row per example of half B", input: input,
        requirement: "soft \(countB)×\(c.classes), hard \(countB) labels",
        actual: "soft \(mine.soft.rows)×\(mine.soft.cols), hard \(mine.hard.count) labels",
        mine.soft.rows == countB && mine.soft.cols == c.classes && mine.hard.count == countB)
    let sums = mine.soft.rowSums()
    checker.require(
        "\(name): soft labels are probabilities", input: input, requirement: "every row sums to 1",
        actual: "row sums \(show(Array(sums.prefix(5))))", sums.allSatisfy { close($0, 1, tolerance: 1e-9) })
    checker.expect(
        "\(name): hard labels are the most probable classes", input: input,
        expected: mine.soft.argmaxRows(), { mine.hard })
    let accuracy = Double(zip(mine.hard, labels[(c.examples / 2)...]).filter { $0 == $1 }.count) / Double(countB)
    checker.require(
        "\(name): weak labels beat chance on half B", input: input,
        requirement: "accuracy above \(show(1 / Double(c.classes)))", actual: "accuracy \(show(accuracy))",
        accuracy > 1 / Double(c.classes))
    let sameNumbers: (Matrix, Matrix) -> Bool = { a, b in
        a.rows == b.rows && a.cols == b.cols && a.maxAbsDifference(b) < 1e-9
    }
    checker.expect(
        "\(name): soft labels follow the recipe (train on A, label B)", input: input,
        expected: expected.soft, { mine.soft }, describe: describeMatrix, matches: sameNumbers)
}
checker.finish()
