/// # Exercise 19 — SALT's two-phase schedule
///
/// Lesson 8, *Small models in pre-training and fine-tuning* (`tandem read pretraining-and-finetuning`).
///
/// SALT (Rawat et al. 2024, arXiv:2410.18779) trains a large model with a small model's help, but
/// only early on: first the large model also learns from the small model's soft labels
/// (knowledge distillation, KD), then standard next-token training takes over. Distilling for the
/// whole run caps the student near its teacher.
///
/// This exercise's schedule (its numbers are yours to choose; the shape is SALT's):
/// - steps `0 ..< kdSteps`: the distillation weight is `kdWeight`;
/// - then a linear hand-over of `handoverSteps` steps: at step `kdSteps + j`
///   (j = 0 … handoverSteps − 1) the weight is `kdWeight × (handoverSteps − j) / (handoverSteps + 1)`;
/// - from step `kdSteps + handoverSteps` on: 0, standard training.
/// With `handoverSteps = 0` the switch is abrupt, as in the paper's two-stage recipe.
///
/// The loss at a step mixes the two losses with that weight w:
/// `loss = w × kdLoss + (1 − w) × nextTokenLoss`.
///
/// **Implement** `distillationWeight(step:schedule:)`, `saltLoss(step:schedule:kdLoss:nextTokenLoss:)`
/// and `firstStandardStep(schedule:)` (the first step whose weight is 0). Steps are ≥ 0; all
/// schedule fields are ≥ 0.
///
/// **Done** when `tandem check salt-schedule` passes.

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
    // TODO: constant during distillation, a linear hand-over, then 0.
    return step <= schedule.kdSteps ? schedule.kdWeight : 0
}

/// The training loss at a step: the distillation and next-token losses mixed by the weight.
public func saltLoss(step: Int, schedule: SaltSchedule, kdLoss: Double, nextTokenLoss: Double) -> Double {
    // TODO: w × kdLoss + (1 − w) × nextTokenLoss.
    return kdLoss + nextTokenLoss
}

/// The first step of standard training (weight 0).
public func firstStandardStep(schedule: SaltSchedule) -> Int {
    // TODO
    return schedule.kdSteps
}
