import Foundation
import Terminal
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
        for format in [JSONWriter.Numbers.shortest, .fixed(decimals: 6)] {
            #expect(JSONWriter.number(.nan, format) == "null")
            #expect(JSONWriter.number(.infinity, format) == "null")
            #expect(JSONWriter.number(-.infinity, format) == "null")
            #expect(JSONWriter.number(3, format) == "3")
            #expect(JSONWriter.number(-0.0, format) == "0")
            #expect(JSONWriter.number(-42, format) == "-42")
            #expect(JSONWriter.number(0.25, format) == "0.25")
        }
        #expect(JSONWriter.number(2.0 / 3.0) == "0.6666666666666666")
        #expect(JSONWriter.number(1e15) == "1000000000000000.0")
        #expect(JSONWriter.number(1e300) == "1e+300")
        #expect(JSONWriter.number(2.0 / 3.0, .fixed(decimals: 6)) == "0.666667")
        #expect(JSONWriter.number(-1e-9, .fixed(decimals: 6)) == "0")
        #expect(JSONWriter.number(1e15, .fixed(decimals: 6)) == "1000000000000000")
        #expect(JSONWriter.number(12.5, .fixed(decimals: 0)) == "12")
        #expect(JSONWriter.number(105.5, .fixed(decimals: 0)) == "106")
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

    @Test func spacedFormatSeparatesItemsForReading() {
        var writer = JSONWriter(format: .init(numbers: .shortest, spaced: true))
        writer.object([("ok", true), ("no", false)]) { $0.bool($1) }
        #expect(writer.text == #"{"ok": true, "no": false}"#)
        var list = JSONWriter(format: .init(spaced: true))
        list.array(["a", "b"]) { $0.string($1) }
        #expect(list.text == #"["a", "b"]"#)
        var empty = JSONWriter(format: .init(spaced: true))
        empty.object([(String, Int)]()) { $0.integer($1) }
        #expect(empty.text == "{}")
    }

    @Test func integersOfAnyWidth() {
        var writer = JSONWriter()
        writer.array([UInt64.max]) { $0.integer($1) }
        #expect(writer.text == "[18446744073709551615]")
        #expect(JSONWriter.number(Double(1 << 49)) == "562949953421312")
    }
}
