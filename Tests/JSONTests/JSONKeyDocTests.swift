import JSON
import Testing

/// `JSONKeyDoc.mismatches` is what keeps docs/json.md true: each kind of drift is reported.
@Suite struct JSONKeyDocTests {
    let declared = [
        JSONKeyDoc("items", .array, "the items"),
        JSONKeyDoc("items[].id", .string, "its id"),
        JSONKeyDoc("items[].score", .number, "its score", nullable: true),
        JSONKeyDoc("items[].answer", .any, "text, a number or an object"),
        JSONKeyDoc("total", .integer, "how many"),
    ]

    func item(_ id: String, _ score: JSONValue, answer: JSONValue = .string("x")) -> JSONValue {
        .object([("id", .string(id)), ("score", score), ("answer", answer)])
    }

    @Test func agreeingOutputHasNoMismatches() {
        let sample = JSONValue.object([
            ("items", .array([item("a", .number(0.5)), item("b", .null, answer: .object([("deep", .bool(true))]))])),
            ("total", .integer(2)),
        ])
        #expect(JSONKeyDoc.mismatches(declared, samples: [sample]) == [])
        // Whole numbers are numbers; keys below an `any` are not checked.
        let whole = JSONValue.object([("items", .array([item("a", .integer(1))])), ("total", .integer(1))])
        #expect(JSONKeyDoc.mismatches(declared, samples: [whole]) == [])
    }

    @Test func everyKindOfDriftIsReported() {
        let undeclared = JSONValue.object([
            ("items", .array([item("a", .number(1))])), ("total", .integer(1)), ("extra", .null),
        ])
        #expect(JSONKeyDoc.mismatches(declared, samples: [undeclared]) == ["`extra` is in the output but not declared"])

        let missing = JSONValue.object([("items", .array([])), ("total", .integer(0))])
        #expect(
            JSONKeyDoc.mismatches(declared, samples: [missing]) == [
                "`items[].id` is declared but in no sample", "`items[].score` is declared but in no sample",
                "`items[].answer` is declared but in no sample",
            ])

        let reordered = JSONValue.object([("total", .integer(1)), ("items", .array([item("a", .number(1))]))])
        #expect(
            JSONKeyDoc.mismatches(declared, samples: [reordered]) == [
                "`items` comes after `total`, which is declared after it"
            ])

        let mistyped = JSONValue.object([("items", .array([item("a", .string("1"))])), ("total", .number(1.5))])
        #expect(
            JSONKeyDoc.mismatches(declared, samples: [mistyped]) == [
                "`items[].score` is string, declared number or null", "`total` is number, declared integer",
            ])
    }

    @Test func theTableHasATypeColumnOnlyWhenTypesAreKnown() {
        #expect(
            JSONKeyDoc.table([JSONKeyDoc("a", .number, "x | y", nullable: true)])
                == "| key | type | meaning |\n| --- | --- | --- |\n| `a` | number or null | x \\| y |\n")
        #expect(JSONKeyDoc.table([JSONKeyDoc("a", meaning: "x")]) == "| key | meaning |\n| --- | --- |\n| `a` | x |\n")
    }
}
