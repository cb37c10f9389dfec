/// # Exercise 18 — Distillation loss with temperature
///
/// Lesson 8, *Small models in pre-training and fine-tuning* (`tandem read pretraining-and-finetuning`).
///
/// Knowledge distillation (Hinton, Vinyals, Dean 2015) trains a small student to match a large
/// teacher's *softened* probabilities `softmax(z / T)`: a temperature T > 1 spreads probability
/// over the wrong classes, which tells the student how the teacher generalises.
///
/// **Implement**
/// - `softmax(_:temperature:)`: `p[i] = exp(z[i]/T) / Σ_j exp(z[j]/T)`. It must stay finite for
///   large logits such as `[1000, 999]`: subtract the largest logit before `exp` (it cancels).
/// - `distillationLoss(studentLogits:teacherLogits:temperature:)`: with `p = softmax(teacher, T)`
///   and `q = softmax(student, T)`, return `T² × KL(p ‖ q) = T² × Σ_i p[i] × (log p[i] − log q[i])`
///   (terms with `p[i] == 0` count 0). The `T²` keeps the gradient's size comparable across
///   temperatures. T > 0; both logit vectors have the same, non-zero length.
///
/// **Done** when `tandem check distillation-loss` passes: the loss is 0 when the student matches
/// the teacher, never negative, and equals the definition on seeded random logits.

import Foundation

/// Probabilities from logits, softened by the temperature.
public func softmax(_ logits: [Double], temperature: Double) -> [Double] {
    // TODO: divide by the temperature, subtract the maximum, exponentiate, normalise.
    let total = logits.reduce(0, +)
    return logits.map { $0 / total }
}

/// T² × KL(softmax(teacher/T) ‖ softmax(student/T)).
public func distillationLoss(studentLogits: [Double], teacherLogits: [Double], temperature: Double) -> Double {
    // TODO: compute both softened distributions and their KL divergence, scaled by T².
    return 0
}
