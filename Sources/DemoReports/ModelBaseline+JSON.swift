import Demos
import JSON

extension ModelBaseline {
    /// `{"accuracy", "cost"}`, as every demo's JSON writes a single model.
    var json: JSONValue { .object([("accuracy", .number(accuracy)), ("cost", .number(cost))]) }
}
