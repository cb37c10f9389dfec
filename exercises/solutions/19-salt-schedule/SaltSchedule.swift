/// # Exercise 19 — SALT's two-phase schedule (reference solution)
///
/// Lesson 8, *Small models in pre-training and fine-tuning*.

public struct SaltSchedule: Equatable {
    public var kdSteps: Int
    public var kdWeight: Double
    public var handoverSteps: Int

    public init(kdSteps: Int, kdWeight: Double, handoverSteps: Int = 0) {
        self.kdSteps = kdSteps
        self.kdWeight = kdWeight
        self.handoverSteps = handoverSteps
    }
}

/// The distillation weight at a training step.
public func distillationWeight(step: Int, schedule: SaltSchedule) -> Double {
    if step < schedule.kdSteps { return schedule.kdWeight }
    let j = step - schedule.kdSteps
    guard j < schedule.handoverSteps else { return 0 }
    return schedule.kdWeight * Double(schedule.handoverSteps - j) / Double(schedule.handoverSteps + 1)
}

/// The training loss at a step: the distillation and next-token losses mixed by the weight.
public func saltLoss(step: Int, schedule: SaltSchedule, kdLoss: Double, nextTokenLoss: Double) -> Double {
    let w = distillationWeight(step: step, schedule: schedule)
    return w * kdLoss + (1 - w) * nextTokenLoss
}

/// The first step of standard training (weight 0).
public func firstStandardStep(schedule: SaltSchedule) -> Int {
    schedule.kdWeight == 0 ? 0 : schedule.kdSteps + schedule.handoverSteps
}
