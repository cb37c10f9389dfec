import CheckKit
import SaltSchedule

/// Independent reference: the hand-over as a straight line from (kdSteps − 1, kdWeight) to
/// (kdSteps + handoverSteps, 0), sampled at whole steps.
func referenceWeight(_ step: Int, _ s: SaltSchedule) -> Double {
    if step < s.kdSteps { return s.kdWeight }
    let end = Double(s.kdSteps + s.handoverSteps)
    let start = Double(s.kdSteps - 1)
    let t = (Double(step) - start) / (end - start)
    return t >= 1 ? 0 : s.kdWeight * (1 - t)
}

func referenceFirstStandard(_ s: SaltSchedule) -> Int {
    var step = 0
    while referenceWeight(step, s) != 0 { step += 1 }
    return step
}

func describe(_ s: SaltSchedule) -> String {
    "SaltSchedule(kdSteps: \(s.kdSteps), kdWeight: \(show(s.kdWeight)), handoverSteps: \(s.handoverSteps))"
}

let checker = Checker(exercise: "salt-schedule")
func checkWeight(_ name: String, _ step: Int, _ s: SaltSchedule) {
    checker.expect(
        name, input: "distillationWeight(step: \(step), schedule: \(describe(s)))", expected: referenceWeight(step, s),
        { distillationWeight(step: step, schedule: s) }, describe: show, matches: { close($0, $1) })
}
func checkLoss(_ name: String, _ step: Int, _ s: SaltSchedule, _ kd: Double, _ ntp: Double) {
    let w = referenceWeight(step, s)
    checker.expect(
        name,
        input: "saltLoss(step: \(step), schedule: \(describe(s)), kdLoss: \(show(kd)), nextTokenLoss: \(show(ntp)))",
        expected: w * kd + (1 - w) * ntp, { saltLoss(step: step, schedule: s, kdLoss: kd, nextTokenLoss: ntp) },
        describe: show, matches: { close($0, $1) })
}
func checkSwitch(_ name: String, _ s: SaltSchedule) {
    checker.expect(
        name, input: "firstStandardStep(schedule: \(describe(s)))", expected: referenceFirstStandard(s)
    ) { firstStandardStep(schedule: s) }
}
let abrupt = SaltSchedule(kdSteps: 100, kdWeight: 0.5)
checkWeight("during distillation", 0, abrupt)
checkWeight("the last distillation step", 99, abrupt)
checkWeight("the switch: step kdSteps is standard training", 100, abrupt)
checkSwitch("the abrupt switch happens at kdSteps", abrupt)
let gradual = SaltSchedule(kdSteps: 10, kdWeight: 1, handoverSteps: 3)
checkWeight("hand-over step 1 of 3: 3/4 of the weight", 10, gradual)
checkWeight("hand-over step 3 of 3: 1/4 of the weight", 12, gradual)
checkWeight("after the hand-over", 13, gradual)
checkSwitch("with a hand-over, standard training starts after it", gradual)
checkLoss("the loss during distillation mixes both", 5, SaltSchedule(kdSteps: 10, kdWeight: 0.25), 2, 4)
checkLoss("after the switch the loss is the next-token loss alone", 50, SaltSchedule(kdSteps: 10, kdWeight: 0.25), 2, 4)
checkSwitch("no distillation at all", SaltSchedule(kdSteps: 0, kdWeight: 0.7))
checkSwitch(
    "a zero weight is standard training from the start", SaltSchedule(kdSteps: 50, kdWeight: 0, handoverSteps: 5))
var random = CaseRandom(seed: 47)
for index in 0..<150 {
    let s = SaltSchedule(
        kdSteps: random.int(in: 0...40), kdWeight: random.double(in: 0.05...1), handoverSteps: random.int(in: 0...10))
    let step = random.int(in: 0...60)
    checkWeight("random schedule #\(index + 1) (seed 47)", step, s)
    checkLoss("random loss #\(index + 1) (seed 47)", step, s, random.double(in: 0...5), random.double(in: 0...5))
    checkSwitch("random switch #\(index + 1) (seed 47)", s)
}
checker.finish()
