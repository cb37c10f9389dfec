import Foundation

/// Writes JSON text piece by piece: the one place that escapes strings, formats numbers and
/// separates items, for every `--json` output and report. Objects keep their keys in the order
/// given (people read these), and numbers that are not finite become `null` (JSON has no NaN), so
/// an undefined result is never mistaken for a number.
public struct JSONWriter: Sendable {
    /// How numbers that are not whole are written; whole numbers below 10^15 are always integers.
    public enum Numbers: Sendable, Equatable {
        /// The shortest text that reads back as the same Double: `0.1`, `0.8333333333333334`.
        case shortest
        /// Rounded to `decimals` places, trailing zeros dropped: `0.833333`, `0.25`; `-0` is `0`.
        case fixed(decimals: Int)
    }

    /// The numbers, and whether items are separated by `", "` and `": "` rather than `","` and `":"`.
    public struct Format: Sendable, Equatable {
        public var numbers: Numbers
        public var spaced: Bool
        public init(numbers: Numbers = .shortest, spaced: Bool = false) {
            self.numbers = numbers
            self.spaced = spaced
        }

        /// One line, no spaces, shortest numbers.
        public static let compact = Format()
    }

    public let format: Format
    /// The JSON written so far.
    public private(set) var text = ""

    public init(format: Format = .compact) { self.format = format }

    public mutating func null() { text += "null" }

    public mutating func bool(_ value: Bool) { text += value ? "true" : "false" }

    /// A number; `null` when it is NaN or infinite.
    public mutating func number(_ value: Double) { text += Self.number(value, format.numbers) }

    public mutating func integer<Integer: BinaryInteger>(_ value: Integer) { text += String(value) }

    public mutating func string(_ value: String) { Self.appendQuoted(value, to: &text) }

    /// `[item, …]`, each item written by `writeItem`.
    public mutating func array<Items: Sequence>(_ items: Items, _ writeItem: (inout JSONWriter, Items.Element) -> Void)
    {
        text += "["
        var first = true
        for item in items {
            if !first { text += format.spaced ? ", " : "," }
            first = false
            writeItem(&self, item)
        }
        text += "]"
    }

    /// `{"key": value, …}` in the members' order, each value written by `writeValue`.
    public mutating func object<Value>(
        _ members: some Sequence<(String, Value)>, _ writeValue: (inout JSONWriter, Value) -> Void
    ) {
        text += "{"
        var first = true
        for (key, value) in members {
            if !first { text += format.spaced ? ", " : "," }
            first = false
            string(key)
            text += format.spaced ? ": " : ":"
            writeValue(&self, value)
        }
        text += "}"
    }

    /// `value` as a JSON number, or `null` when it is not finite.
    public static func number(_ value: Double, _ numbers: Numbers = .shortest) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        switch numbers {
        case .shortest:
            return String(value)
        case .fixed(let decimals):
            var text = String(format: "%.\(max(0, decimals))f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text == "-0" ? "0" : text
        }
    }

    /// `value` as a JSON string literal: quotes, backslashes and control characters (DEL too)
    /// escaped; everything else, non-ASCII included, as is.
    public static func quoted(_ value: String) -> String {
        var out = ""
        appendQuoted(value, to: &out)
        return out
    }

    private static func appendQuoted(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
