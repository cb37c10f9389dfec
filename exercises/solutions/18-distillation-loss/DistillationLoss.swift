/// # Exercise 18 — Distillation loss with temperature (reference solution)
///
/// Lesson 8, *Small models in pre-training and fine-tuning*.

import Foundation

/// Probabilities from logits, softened by the temperature.
public func softmax(_ logits: [Double], temperature: Double) -> [Double] {
    let scaled = logits.map { $0 / temperature }
    let top = scaled.max() ?? 0
    let exps = scaled.map { exp($0 - top) }
    let total = exps.reduce(0, +)
    return exps.map { $0 / total }
}

/// T² × KL(softmax(teacher/T) ‖ softmax(student/T)).
public func distillationLoss(studentLogits: [Double], teacherLogits: [Double], temperature: Double) -> Double {
    let p = softmax(teacherLogits, temperature: temperature)
    let q = softmax(studentLogits, temperature: temperature)
    var kl = 0.0
    for (pi, qi) in zip(p, q) where pi > 0 {
        kl += pi * (log(pi) - log(qi))
    }
    return temperature * temperature * kl
}
