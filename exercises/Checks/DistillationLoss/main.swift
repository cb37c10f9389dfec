import CheckKit
import DistillationLoss
import Foundation

/// Log-sum-exp formulation, independent of any solution's structure.
func referenceLogSoftmax(_ z: [Double], _ t: Double) -> [Double] {
    let scaled = z.map { $0 / t }
    let top = scaled.max() ?? 0
    let lse = top + log(scaled.map { exp($0 - top) }.reduce(0, +))
    return scaled.map { $0 - lse }
}
func referenceLoss(_ student: [Double], _ teacher: [Double], _ t: Double) -> Double {
    let logP = referenceLogSoftmax(teacher, t)
    let logQ = referenceLogSoftmax(student, t)
    return t * t * zip(logP, logQ).map { exp($0) == 0 ? 0 : exp($0) * ($0 - $1) }.reduce(0, +)
}

let checker = Checker(exercise: "distillation-loss")
func checkSoftmax(_ name: String, _ z: [Double], _ t: Double) {
    checker.expect(
        name, input: "softmax(\(show(z)), temperature: \(show(t)))", expected: referenceLogSoftmax(z, t).map(exp),
        { softmax(z, temperature: t) }, describe: show, matches: { close($0, $1, tolerance: 1e-9) })
}
func checkLoss(_ name: String, _ student: [Double], _ teacher: [Double], _ t: Double) {
    checker.expect(
        name,
        input:
            "distillationLoss(studentLogits: \(show(student)), teacherLogits: \(show(teacher)), temperature: \(show(t)))",
        expected: referenceLoss(student, teacher, t),
        { distillationLoss(studentLogits: student, teacherLogits: teacher, temperature: t) },
        describe: show, matches: { close($0, $1, tolerance: 1e-7) })
}
checkSoftmax("softmax at T = 1", [2, 1, 0], 1)
checkSoftmax("a higher temperature softens", [2, 1, 0], 4)
checkSoftmax("negative logits", [-1, -3], 1)
checkSoftmax("large logits stay finite", [1000, 999], 1)
checkSoftmax("equal logits give a uniform distribution", [5, 5, 5, 5], 2)
checkLoss("a student matching the teacher has loss 0", [1, 2, 3], [1, 2, 3], 2)
checkLoss("shifting all logits by a constant changes nothing", [1, 2, 3], [11, 12, 13], 3)
checkLoss("a disagreeing student at T = 1", [3, 0, 0], [0, 3, 0], 1)
checkLoss("the same pair at T = 4 (note the T² factor)", [3, 0, 0], [0, 3, 0], 4)
checkLoss("large logits stay finite", [800, 0], [0, 800], 2)
var random = CaseRandom(seed: 9)
for index in 0..<150 {
    let classes = random.int(in: 2...6)
    let student = (0..<classes).map { _ in random.double(in: -6...6) }
    let teacher = (0..<classes).map { _ in random.double(in: -6...6) }
    let t = random.double(in: 0.5...8)
    checkSoftmax("random logits #\(index + 1) (seed 9)", teacher, t)
    checkLoss("random student and teacher #\(index + 1) (seed 9)", student, teacher, t)
    let loss = distillationLoss(studentLogits: student, teacherLogits: teacher, temperature: t)
    checker.require(
        "the loss is never negative, #\(index + 1)",
        input:
            "distillationLoss(studentLogits: \(show(student)), teacherLogits: \(show(teacher)), temperature: \(show(t)))",
        requirement: ">= 0", actual: show(loss), loss >= -1e-12)
}
checker.finish()
