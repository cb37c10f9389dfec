import Foundation
import Testing
import ToyEngine

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
        #expect(Set(object.keys) == ["demo", "seed", "small", "large", "points"])
        #expect(object["demo"] as? String == "cascade" && object["seed"] as? Int == 1)
        let small = try #require(object["small"] as? [String: Any])
        #expect(Set(small.keys) == ["accuracy", "cost"])
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.count == CascadeDemo.thresholds.count)
        for p in points {
            #expect(Set(p.keys) == ["threshold", "accuracy", "cost", "deferral_rate"])
            fractionsAreFractions([p["accuracy"], p["deferral_rate"], p["threshold"]])
            #expect((p["cost"] as? Double ?? 0) >= small["cost"] as? Double ?? 0)
        }
    }

    @Test func ensembleJSON() throws {
        let object = try parse(EnsembleDemo.json(EnsembleDemo.run(seed: 1)))
        #expect(Set(object.keys) == ["demo", "seed", "members", "large", "curve"])
        let members = try #require(object["members"] as? [Double])
        #expect(members.count == 11)
        fractionsAreFractions(members)
        for point in try #require(object["curve"] as? [[String: Any]]) {
            #expect(Set(point.keys) == ["size", "method", "accuracy", "cost", "condorcet"])
            fractionsAreFractions([point["accuracy"], point["condorcet"]])
        }
    }

    @Test func filterDistillSpeculativeJSON() throws {
        let filter = try parse(FilterDemo.json(FilterDemo.run(seed: 1)))
        #expect(Set(filter.keys) == ["demo", "seed", "all_data_accuracy", "points"])
        for p in try #require(filter["points"] as? [[String: Any]]) {
            #expect(Set(p.keys) == ["fraction", "weak_selected", "random", "strong_selected"])
            fractionsAreFractions([p["fraction"], p["weak_selected"], p["random"], p["strong_selected"]])
        }
        let distill = try parse(DistillDemo.json(DistillDemo.run(seed: 1)))
        #expect(Set(distill.keys) == ["demo", "seed", "teacher", "hard_labels", "soft"])
        #expect(Set((distill["hard_labels"] as? [String: Any])?.keys ?? [:].keys) == ["accuracy", "ece"])
        for s in try #require(distill["soft"] as? [[String: Any]]) {
            #expect(Set(s.keys) == ["temperature", "accuracy", "ece"])
        }
        let speculative = try parse(SpeculativeDemo.json(SpeculativeDemo.run(seed: 1)))
        #expect(Set(speculative.keys) == ["demo", "seed", "acceptance_rate", "points"])
        fractionsAreFractions([speculative["acceptance_rate"]])
        for p in try #require(speculative["points"] as? [[String: Any]]) {
            #expect(Set(p.keys) == ["gamma", "tokens_per_call", "formula"])
        }
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(JSONValue.number(Double.nan).serialized() == "null")
        #expect(JSONValue.number(Double?.none).serialized() == "null")
        #expect(
            JSONValue.object([("a", .number(0.25)), ("b", .string("x\"y"))]).serialized() == #"{"a":0.25,"b":"x\"y"}"#)
    }
}
