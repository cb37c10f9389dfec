import Foundation
import JSON
import Testing
import ToyEngine

@testable import DemoReports
@testable import Demos

@Suite struct JSONTests {
    func parse(_ value: JSONValue) throws -> [String: Any] {
        let data = Data(value.serialized().utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func fractionsAreFractions(_ values: [Any?]) {
        for value in values {
            let number = value as? Double
            #expect(number != nil && number! >= 0 && number! <= 1, "\(String(describing: value)) is not a fraction")
        }
    }

    @Test func cascadeJSON() throws {
        let object = try parse(CascadeDemo.json(CascadeDemo.run(seed: 1)))
        #expect(
            Set(object.keys) == [
                "demo", "seed", "scorer", "tiers", "small", "medium", "large", "points", "oracle", "matching", "focus",
                "target",
                "auroc", "risk_coverage", "temperature", "scorer_comparison",
            ])
        #expect(object["demo"] as? String == "cascade" && object["seed"] as? Int == 1)
        fractionsAreFractions([object["auroc"]])
        for p in try #require(object["risk_coverage"] as? [[String: Any]]) {
            #expect(Set(p.keys) == ["coverage", "risk"])
            fractionsAreFractions([p["coverage"], p["risk"]])
        }
        let small = try #require(object["small"] as? [String: Any])
        #expect(Set(small.keys) == ["accuracy", "cost"])
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.count == CascadeDemo.thresholds.count)
        for p in points {
            #expect(
                Set(p.keys) == [
                    "threshold", "accuracy", "cost", "deferral_rate", "random_deferral_accuracy", "oracle_accuracy",
                ])
            fractionsAreFractions([p["accuracy"], p["deferral_rate"], p["threshold"], p["oracle_accuracy"]])
            // The oracle at the same budget is at least as good as the cascade there.
            #expect((p["oracle_accuracy"] as? Double ?? 0) >= (p["accuracy"] as? Double ?? 1) - 1e-12)
            #expect((p["cost"] as? Double ?? 0) >= small["cost"] as? Double ?? 0)
        }
    }

    @Test func ensembleJSON() throws {
        let object = try parse(EnsembleDemo.json(EnsembleDemo.run(seed: 1)))
        #expect(
            Set(object.keys) == [
                "demo", "seed", "method", "member_cost", "members", "mean_member", "best_member", "ensemble", "large",
                "bayes_accuracy", "bayes_standard_error", "error_correlation", "boosting_skipped", "vote_minus_average",
                "boosting_minus_average", "curve",
            ])
        fractionsAreFractions([object["bayes_accuracy"], object["mean_member"], object["best_member"]])
        let members = try #require(object["members"] as? [Double])
        #expect(members.count == 11)
        fractionsAreFractions(members)
        for point in try #require(object["curve"] as? [[String: Any]]) {
            #expect(Set(point.keys) == ["size", "method", "accuracy", "cost", "condorcet"])
            fractionsAreFractions([point["accuracy"], point["condorcet"]])
        }
    }

    @Test func saltJSON() throws {
        let salt = try parse(SaltDemo.json(SaltDemo.run(seed: 1)))
        for name in ["baseline", "salt", "salt_ds", "kd_throughout"] {
            let run = try #require(salt[name] as? [String: Any], "\(name)")
            #expect(Set(run.keys) == ["curve", "steps_to_baseline_quality", "final_loss"])
            let curve = try #require(run["curve"] as? [Double])
            let steps = try #require(salt["evaluation_steps"] as? [Int])
            #expect(curve.count == steps.count)
            #expect(run["final_loss"] as? Double == curve.last)
        }
        // The baseline reaches its own final loss at the end at the latest.
        let baseline = try #require(salt["baseline"] as? [String: Any])
        #expect((baseline["steps_to_baseline_quality"] as? Int).map { $0 <= 300 } == true)
    }

    @Test func filterDistillSpeculativeJSON() throws {
        let filter = try parse(FilterDemo.json(FilterDemo.run(seed: 1)))
        #expect(
            Set(filter.keys) == [
                "demo", "seed", "all_data_accuracy", "pool_noise", "chosen", "weak_cost", "strong_cost", "quality_cost",
                "judged", "points",
            ])
        for p in try #require(filter["points"] as? [[String: Any]]) {
            #expect(
                Set(p.keys) == [
                    "fraction", "weak_selected", "random", "strong_selected", "classifier_selected", "weak_validation",
                    "weak_kept_noise",
                ])
            fractionsAreFractions([
                p["fraction"], p["weak_selected"], p["random"], p["strong_selected"], p["classifier_selected"],
                p["weak_validation"], p["weak_kept_noise"],
            ])
        }
        let distill = try parse(DistillDemo.json(DistillDemo.run(seed: 1)))
        #expect(
            Set(distill.keys) == [
                "demo", "seed", "teacher", "hard_labels", "soft", "controls", "best_temperature", "label_noise",
                "teacher_cost", "student_cost",
            ])
        #expect(Set((distill["hard_labels"] as? [String: Any])?.keys ?? [:].keys) == ["accuracy", "ece"])
        let controls = try #require(distill["controls"] as? [String: [String: Any]])
        #expect(Set(controls.keys) == ["teacher_hard", "true_labels"])
        for control in controls.values {
            #expect(Set(control.keys) == ["accuracy", "ece"])
            fractionsAreFractions([control["accuracy"], control["ece"]])
        }
        for s in try #require(distill["soft"] as? [[String: Any]]) {
            #expect(Set(s.keys) == ["temperature", "accuracy", "ece"])
        }
        let speculative = try parse(SpeculativeDemo.json(SpeculativeDemo.run(seed: 1)))
        #expect(
            Set(speculative.keys) == [
                "demo", "seed", "acceptance_rate", "acceptance_spread", "gamma", "tokens", "target_compute",
                "draft_compute", "points", "block_acceptance", "frequency_distance", "reference_distance", "greedy",
            ])
        fractionsAreFractions([speculative["acceptance_rate"]])
        for p in try #require(speculative["points"] as? [[String: Any]]) {
            #expect(Set(p.keys) == ["gamma", "tokens_per_call", "formula", "compute_per_token"])
        }
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(JSONValue.number(Double.nan).serialized() == "null")
        #expect(JSONValue.number(Double?.none).serialized() == "null")
        #expect(
            JSONValue.object([("a", .number(0.25)), ("b", .string("x\"y"))]).serialized() == #"{"a":0.25,"b":"x\"y"}"#)
    }
}
