import Foundation
import JSON
import Testing

@Suite struct JSONWriterTests {
    @Test func stringsEscapeQuotesBackslashesAndControlCharacters() throws {
        let text = "a\"b\\c\nd\re\tf\u{1}g\u{1F}h\u{7F}i é 🙂 /"
        let quoted = JSONWriter.quoted(text)
        #expect(quoted == #""a\"b\\c\nd\re\tf\u0001g\u001fh\u007fi é 🙂 /""#)
        // And a JSON parser reads back the very string.
        let parsed = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: .fragmentsAllowed) as? String
        #expect(parsed == text)
        #expect(JSONWriter.quoted("") == "\"\"")
    }

    @Test func numbersHaveNoNaNAndWholeValuesAreIntegers() {
        #expect(JSONWriter.number(.nan) == "null")
        #expect(JSONWriter.number(.infinity) == "null")
        #expect(JSONWriter.number(-.infinity) == "null")
        #expect(JSONWriter.number(3) == "3")
        #expect(JSONWriter.number(-0.0) == "0")
        #expect(JSONWriter.number(-42) == "-42")
        #expect(JSONWriter.number(0.25) == "0.25")
        #expect(JSONWriter.number(2.0 / 3.0) == "0.666667")
        #expect(JSONWriter.number(-1e-9) == "0")
        #expect(JSONWriter.number(1e15) == "1000000000000000")
        #expect(JSONWriter.number(12.5, decimals: 0) == "12")
        #expect(JSONWriter.number(105.5, decimals: 0) == "106")
    }

    @Test func objectsKeepKeyOrderAndArraysNest() throws {
        var writer = JSONWriter()
        let members: [(String, Double?)] = [("z", 1), ("a", .nan), ("m", 0.5), ("k\"ey", nil)]
        writer.object(members) { writer, value in
            if let value { writer.number(value) } else { writer.null() }
        }
        #expect(writer.text == #"{"z":1,"a":null,"m":0.5,"k\"ey":null}"#)

        var nested = JSONWriter()
        nested.object([("list", [1, 2, 3]), ("empty", [])]) { writer, items in
            writer.array(items) { $0.integer($1) }
        }
        #expect(nested.text == #"{"list":[1,2,3],"empty":[]}"#)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(nested.text.utf8)) as? [String: [Int]])
        #expect(parsed == ["list": [1, 2, 3], "empty": []])
    }

    @Test func valuesSerializeInOneCompactStyle() throws {
        let value = JSONValue.object([
            ("b", .bool(true)), ("n", .number(1.0 / 3.0)), ("i", .integer(-2)), ("u", .unsigned(UInt64.max)),
            ("s", .string("é\n")), ("a", .array([.null, .number(.nan), .number(nil)])), ("o", .object([])),
        ])
        #expect(
            value.serialized()
                == #"{"b":true,"n":0.333333,"i":-2,"u":18446744073709551615,"s":"é\n","a":[null,null,null],"o":{}}"#)
        #expect(value["n"]?.double == 0.333333333333333 + 1.0 / 3.0 - 0.333333333333333)
        #expect(value["u"]?.double == Double(UInt64.max) && value["b"]?.bool == true && value["s"]?.string == "é\n")
        #expect(value.keys == ["b", "n", "i", "u", "s", "a", "o"] && value["a"]?.items.count == 3 && value["x"] == nil)
        // Key order is part of the value: the same members in another order are another value.
        #expect(JSONValue.object([("x", .null), ("y", .null)]) != .object([("y", .null), ("x", .null)]))
        #expect(try JSONSerialization.jsonObject(with: Data(value.serialized().utf8)) is [String: Any])
    }

    @Test func integersOfAnyWidth() {
        var writer = JSONWriter()
        writer.array([UInt64.max]) { $0.integer($1) }
        #expect(writer.text == "[18446744073709551615]")
        #expect(JSONWriter.number(Double(1 << 49)) == "562949953421312")
    }
}
