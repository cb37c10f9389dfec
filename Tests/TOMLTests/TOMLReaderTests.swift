import Foundation
import TestSupport
import Testing

@testable import TOML

/// The reader's own behaviour: positions, messages, limits and hostile input.
@Suite struct TOMLReaderTests {
    func error(_ text: String) -> TOMLError? {
        do {
            _ = try TOMLDocument.parse(text)
            return nil
        } catch {
            return error
        }
    }

    /// The inputs that aborted TOMLKit's bundled toml++ are ordinary errors on line 1.
    @Test(arguments: ["[\n", "[ \n", "[#\n", "[=\n", "[", "[[", "[[a]", "a.", "=", "\"", "'''", "{"])
    func truncatedHeadersAndKeysAreErrors(_ text: String) throws {
        let problem = try #require(error(text))
        #expect(problem.line == 1)
        #expect(problem.column >= 1)
        #expect(!problem.message.isEmpty)
    }

    @Test func duplicateKeyIsQuotedAsWritten() throws {
        let problem = try #require(error("\"abc\" = 1\n\"abc\" = 2\n"))
        #expect(problem.line == 2)
        #expect(problem.column == 1)
        #expect(problem.message == "duplicate key 'abc': already defined as an integer (line 1)")
        let spaced = try #require(error("\"a b\" = 1\n'a b' = 2\n"))
        #expect(spaced.message == "duplicate key '\"a b\"': already defined as an integer (line 1)")
        let control = try #require(error("\"a\\u001Bb\" = 1\n\"a\\u001Bb\" = 2\n"))
        #expect(!control.message.contains("\u{1B}"))
        #expect(control.message.contains("\\u001B"))
    }

    @Test func everyKeyAndTableHasItsLine() throws {
        let document = try TOMLDocument.parse(
            """
            # comment
            title = "t"

            [[lessons]]
            number = 1
            [[lessons]]
              number = 2
            [a.b]
            x = 1
            [a]
            y.z = 2
            inline = { p = 1, q = [1,
              2] }
            """)
        let root = document.root
        #expect(root.keys == ["title", "lessons", "a"])
        #expect(root.position(ofKey: "title") == TOMLPosition(line: 2, column: 1))
        let lessons = try #require(root["lessons"]?.array)
        #expect(lessons.isArrayOfTables)
        #expect(lessons.map(\.line) == [4, 6])
        #expect(lessons[1].table?.position(ofKey: "number") == TOMLPosition(line: 7, column: 3))
        // `a` was created by `[a.b]` on line 8 and defined by its own header on line 10.
        let a = try #require(root["a"]?.table)
        #expect(a.line == 10)
        #expect(a.keys == ["b", "y", "inline"])
        #expect(a["b"]?.line == 8)
        #expect(a["y"]?.table?.position(ofKey: "z")?.line == 11)
        #expect(a["inline"]?.table?["q"]?.array?.compactMap(\.int) == [1, 2])
        #expect(a["inline"]?.table?["q"]?.array?[1].line == 13)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let problem = try #require(error("é = \"ü\" x\n"))
        // `é` is not a bare key character: the error is at column 1.
        #expect(problem.position == TOMLPosition(line: 1, column: 1))
        let after = try #require(error("\"é\" = \"ü\" x\n"))
        #expect(after.position == TOMLPosition(line: 1, column: 11))
        #expect(after.message == "expected the end of the line after the value, found 'x'")
    }

    @Test func linesCountAcrossMultilineStringsAndCRLF() throws {
        let problem = try #require(error("a = \"\"\"\r\none\r\ntwo\"\"\"\r\nb = 1\r\nb = 2\r\n"))
        #expect(problem.line == 5)
        let unclosed = try #require(error("a = 1\nb = '''\nnever closed\n"))
        #expect(unclosed.line == 4)
        #expect(unclosed.message.contains("opened at line 2"))
        let loneCR = try #require(error("a = 1\rb = 2"))
        #expect(loneCR.line == 1)
    }

    @Test func valuesOfEveryKind() throws {
        let document = try TOMLDocument.parse(
            """
            s = "tab\\tquote\\" \\u00E9 \\U0001F600"
            l = 'C:\\path'
            m = \"\"\"
            one \\
              two\"\"\"
            hex = 0xDEAD_beef
            oct = 0o755
            bin = 0b1101
            min = -9223372036854775808
            f = 6.626e-34
            i = -inf
            n = nan
            t = true
            odt = 1979-05-27T07:32:00.999-07:00
            ldt = 1979-05-27 07:32:00
            ld = 1979-05-27
            lt = 07:32:00
            """)
        let root = document.root
        #expect(root["s"]?.string == "tab\tquote\" é 😀")
        #expect(root["l"]?.string == "C:\\path")
        #expect(root["m"]?.string == "one two")
        #expect(root["hex"]?.int == 0xDEAD_BEEF)
        #expect(root["oct"]?.int == 0o755)
        #expect(root["bin"]?.int == 13)
        #expect(root["min"]?.int == Int.min)
        #expect(root["f"]?.double == 6.626e-34)
        #expect(root["f"]?.int == nil)
        #expect(root["hex"]?.number == Double(0xDEAD_BEEF))
        #expect(root["i"]?.double == -.infinity)
        #expect(root["n"]?.double?.isNaN == true)
        #expect(root["t"]?.bool == true)
        #expect(root["odt"]?.dateTime == TOMLDateTime(kind: .offsetDateTime, text: "1979-05-27T07:32:00.999-07:00"))
        #expect(root["ldt"]?.dateTime == TOMLDateTime(kind: .localDateTime, text: "1979-05-27 07:32:00"))
        #expect(root["ld"]?.dateTime?.kind == .localDate)
        #expect(root["lt"]?.dateTime?.kind == .localTime)
        #expect(root["lt"]?.kind.description == "a date")
    }

    @Test(arguments: [
        ("a = 9223372036854775808", "the integer does not fit in 64 bits in '9223372036854775808'"),
        ("a = 012", "leading zeros are not allowed in a decimal number in '012'"),
        ("a = 1__2", "an underscore must sit between two digits in '1__2'"),
        ("a = +0x1", "a sign is not allowed on a hexadecimal, octal or binary integer in '+0x1'"),
        ("a = 1e400", "the float is out of range in '1e400'"),
        ("a = \"\\ud800\"", "\\u escape U+D800 is not a Unicode scalar value"),
        (
            "a = \"\\x41\"",
            "invalid escape: a backslash followed by 'x' (TOML 1.0 has \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)"
        ),
        ("a = 2023-02-29", "invalid date: month 2 of 2023 has no day 29"),
        ("a = {b = 1,}", "a trailing comma is not allowed in an inline table"),
    ])
    func valueErrorsSayWhy(_ row: (String, String)) throws {
        let problem = try #require(error(row.0))
        #expect(problem.message == row.1)
        #expect(problem.line == 1)
    }

    @Test func redefinitionRules() throws {
        #expect(error("[a]\n[a]\n")?.message == "table [a] is defined twice (first at line 1)")
        #expect(error("[a]\n[a]\n")?.line == 2)
        #expect(error("a = {b = 1}\na.c = 2\n")?.line == 2)
        #expect(error("a = [1]\n[[a]]\n")?.line == 2)
        #expect(error("[x]\ny.z = 1\n[x.y]\n")?.line == 3)
        // Allowed: a table named by an earlier header may be defined once; dotted keys may add to their own tables.
        #expect(error("[a.b]\n[a]\n") == nil)
        #expect(error("a.b = 1\na.c = 2\n[a.d]\n") == nil)
    }

    /// Nesting is bounded, so deep input is an error, not a stack overflow (in parsing or freeing).
    @Test func deepNestingIsAnErrorNotACrash() throws {
        let depth = TOMLDocument.maximumDepth
        #expect(error("a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)) == nil)
        let deep = try #require(error("a = " + String(repeating: "[", count: 100_000)))
        #expect(deep.message == "arrays and inline tables nest deeper than 128 levels")
        #expect(deep.line == 1)
        let inline = try #require(error("a = " + String(repeating: "{b = ", count: 100_000)))
        #expect(inline.message.contains("deeper than 128"))
        let dotted = try #require(error(Array(repeating: "k", count: 10_000).joined(separator: ".") + " = 1"))
        #expect(dotted.message == "a key has more than 128 dotted parts")
        let header = try #require(error("[" + Array(repeating: "k", count: 10_000).joined(separator: ".") + "]"))
        #expect(header.message == "a key has more than 128 dotted parts")
    }

    /// Positions on one long line are computed incrementally: many keys on one line stay linear
    /// (0.2 s alone in a debug build; the bound is for a loaded CI machine, far below a rescan per key).
    @Test func manyKeysOnOneLineAreFast() throws {
        let count = 20_000
        let text = "t = {" + (0..<count).map { "k\($0) = \($0)" }.joined(separator: ", ") + "}\n"
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            let document = try TOMLDocument.parse(text)
            #expect(document.root["t"]?.table?.count == count)
        }
        #expect(elapsed < .seconds(10), "\(elapsed)")
    }

    @Test func invalidUTF8BytesAreAnErrorWithTheirPosition() throws {
        do {
            _ = try TOMLDocument.parse(bytes: Array("a = 1\nb = \"x".utf8) + [0xFF, 0x22])
            Issue.record("accepted invalid UTF-8")
        } catch {
            #expect(error.position == TOMLPosition(line: 2, column: 7))
            #expect(error.message == "the file is not valid UTF-8 (byte 0xFF)")
        }
    }

    @Test func keyDisplayQuotesAndShortens() {
        #expect(TOMLKey.display("plain-key_1") == "plain-key_1")
        #expect(TOMLKey.display("") == "\"\"")
        #expect(TOMLKey.display("a\"b\n") == "\"a\\\"b\\n\"")
        #expect(TOMLKey.display(String(repeating: "x", count: 100)) == String(repeating: "x", count: 60) + "…")
        #expect(TOMLKey.display(path: ["a", "b c"]) == "a.\"b c\"")
    }
}

/// The fuzz target's saved inputs and any crash it found (fuzz/corpus/toml, fuzz/crashes/toml) read
/// to a document or an error with a position inside the input, here as well as in `fuzz/replay.sh`.
@Suite struct TOMLFuzzInputTests {
    static let fuzz = checkoutRoot.appendingPathComponent("fuzz")

    @Test func savedFuzzInputsReadWithoutTrapping() throws {
        var count = 0
        for folder in ["corpus/toml", "crashes/toml"] {
            let directory = Self.fuzz.appendingPathComponent(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
            for name in names.sorted() {
                let bytes = try [UInt8](Data(contentsOf: directory.appendingPathComponent(name)))
                let lines = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
                count += 1
                do {
                    _ = try TOMLDocument.parse(bytes: bytes)
                } catch {
                    #expect(error.line >= 1 && error.line <= lines && error.column >= 1, "\(folder)/\(name)")
                }
            }
        }
        #expect(count >= 5)
    }
}
