import Foundation
import TerminalMarkdown

/// A number in a lesson's prose that was quoted from a live demo run, marked so that `tandem lint`
/// can re-run the demo and say when the number no longer matches.
///
/// # The marker (for course authors)
///
/// Put an HTML comment right after the number (and its `%` or `×`, if any), on the same line:
///
/// ```markdown
/// At τ = 0.8 the cascade is right on 87.3%<!-- live: cascade threshold=0.8 .detail.accuracy -->
/// of the test messages.
/// ```
///
/// - The comment starts with `live:`, names a demo (`cascade`; a leading `tandem run` is allowed),
///   then its options without dashes — `name=value` for `--name value`, a bare word for a flag
///   (`curve` for `--curve`) — and ends with a JSON path into `tandem run DEMO … --json`. No `--`
///   anywhere: CommonMark 0.30 (the libcmark tandem renders with) does not end a comment that
///   contains `--` where you expect, and the marker would show. `--mine` is refused, as in live
///   blocks.
/// - The path: `.key` steps into an object, `[N]` picks an array element (`[-1]` is the last),
///   and `[key=value]` picks the first element whose `key` equals `value` (a number or a word), so a
///   row of a sweep can be named by its threshold rather than by a position that may move:
///   `.sweep[threshold=0.8].accuracy`. A `--seeds N` run's summary keys each number by its dotted
///   path, and `.summary.methods.naive.pgr.median` reads the key `methods.naive.pgr` there.
/// - The number before the marker is compared with the JSON value after rounding to the decimals
///   the lesson shows: `87.3%` matches any value in [0.8725, 0.8735]. A `%` after the number reads
///   the JSON value as a fraction (×100); otherwise the two are compared as they are.
/// - The comment renders as nothing in the terminal (and on GitHub), so the student sees only the
///   number. Markers inside code blocks and code spans are ignored.
///
/// `tandem lint` runs each distinct command once, in-process, and reports `FILE:LINE: …` for a
/// marker without a number before it, a malformed command or path, a path that leads nowhere or
/// to something other than a number, and a quoted number that differs from the run's.
public struct LiveNumberMarker: Sendable, Equatable {
    /// 1-based line of the marker.
    public var line: Int
    /// The demo command as tandem arguments, `--json` included: `["run", "cascade", "--json"]`.
    public var arguments: [String]
    /// The JSON path as written: `.chosen.accuracy`.
    public var path: String
    /// The number as the lesson shows it, with its `%` or `×` when it has one: `87.3%`.
    public var quoted: String

    /// `tandem run cascade --threshold 0.8 .detail.accuracy`, for messages (`--json` left out).
    public var display: String {
        LiveCommand(arguments: arguments.filter { $0 != "--json" }).display + " " + path
    }
}

/// A marker that cannot be checked as written.
public struct LiveNumberProblem: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
}

public enum LiveNumbers {
    static let opening = "<!--"
    static let prefix = "live:"

    /// The markers of a lesson, and the problems of the ones that are malformed.
    public static func markers(in markdown: String) -> (markers: [LiveNumberMarker], problems: [LiveNumberProblem]) {
        markers(in: MarkdownStructure(parsing: markdown))
    }

    /// The markers in the prose of a parsed lesson: code spans and blocks are not prose, and a
    /// comment cmark did not take for HTML (one holding `--`, or unclosed) is still seen in the text.
    static func markers(in structure: MarkdownStructure) -> (
        markers: [LiveNumberMarker], problems: [LiveNumberProblem]
    ) {
        var markers: [LiveNumberMarker] = []
        var problems: [LiveNumberProblem] = []
        for prose in structure.proseLines {
            for comment in comments(in: prose.text) where comment.body.trimmingWhitespace().hasPrefix(prefix) {
                switch marker(comment, line: prose.line) {
                case .success(let marker): markers.append(marker)
                case .failure(let problem): problems.append(problem)
                }
            }
        }
        return (markers, problems)
    }

    /// One `<!-- … -->` on a line: its body, the text before it, and whether it closes on the line.
    struct Comment {
        var body: String
        /// The line's text before the comment, earlier comments left out.
        var before: Substring
        var closed: Bool
    }

    /// Each comment on a line of prose. An unclosed one is kept (with `closed` false), so a marker
    /// split over lines is reported rather than silently skipped.
    static func comments(in line: String) -> [Comment] {
        // The text outside comments is gathered once; each comment keeps how much of it came
        // before it and takes its slice at the end (a copy per comment made a long line quadratic).
        var found: [(body: Substring, beforeLength: Int, closed: Bool)] = []
        var outside = ""
        var rest = Substring(line)
        while let first = rest.first {
            if rest.hasPrefix(opening) {
                let afterOpening = rest.dropFirst(opening.count)
                guard let close = afterOpening.range(of: "-->") else {
                    found.append((afterOpening, outside.utf8.count, false))
                    break
                }
                found.append((afterOpening[..<close.lowerBound], outside.utf8.count, true))
                rest = afterOpening[close.upperBound...]
                continue
            }
            outside.append(first)
            rest = rest.dropFirst()
        }
        return found.map { comment in
            let end = outside.utf8.index(outside.startIndex, offsetBy: comment.beforeLength)
            return Comment(body: String(comment.body), before: outside[..<end], closed: comment.closed)
        }
    }

    static func marker(_ comment: Comment, line: Int) -> Result<LiveNumberMarker, LiveNumberProblem> {
        func problem(_ message: String) -> Result<LiveNumberMarker, LiveNumberProblem> {
            .failure(LiveNumberProblem(line: line, message: "live number: \(message)"))
        }
        guard comment.closed else { return problem("the marker has no closing `-->` on its line") }
        let body = String(comment.body.trimmingWhitespace().dropFirst(prefix.count)).trimmingWhitespace()
        var words: [String]
        do { words = try LiveCommand.splitArguments(body) } catch { return problem(error.message) }
        if let dashed = words.first(where: { $0.contains("--") }) {
            return problem(
                "write options without dashes (`seed=2`, `curve`), not `\(dashed)`: `--` ends an HTML comment early")
        }
        guard let path = words.last, path.hasPrefix(".") || path.hasPrefix("[") else {
            return problem("the marker should end with a JSON path such as `.accuracy` (got `\(body)`)")
        }
        if case .failure(let error) = JSONPath.parse(path) { return problem("path `\(path)`: \(error.message)") }
        words.removeLast()
        if words.first == "tandem" { words.removeFirst() }
        if words.first == "run" { words.removeFirst() }
        guard let demo = words.first, demo.first?.isLetter == true, !demo.contains("=") else {
            return problem("the marker should name a demo before the path, e.g. `live: cascade .small.accuracy`")
        }
        // `name=value` is `--name value`; a bare word is the flag `--name`.
        var arguments = ["run", demo]
        for option in words.dropFirst() {
            if let equals = option.firstIndex(of: "=") {
                arguments += ["--" + option[..<equals], String(option[option.index(after: equals)...])]
            } else {
                arguments.append("--" + option)
            }
        }
        if !arguments.contains("--json") { arguments.append("--json") }
        let command: LiveCommand
        do {
            command = try LiveCommand.parse([arguments.map(LiveCommand.quoteForDisplay).joined(separator: " ")])
        } catch { return problem(error.message) }
        guard let quoted = quotedNumber(endingAt: comment.before) else {
            return problem("no number right before the marker (put it just after the number it checks)")
        }
        return .success(LiveNumberMarker(line: line, arguments: command.arguments, path: path, quoted: quoted))
    }

    /// The number that ends `text` (Markdown emphasis marks and spaces around it ignored), with its
    /// `%` or `×`: `1,234.5`, `-0.5`, `87.3%`, `5.4×`.
    static func quotedNumber(endingAt text: Substring) -> String? {
        // Only the run of characters a number and its marks are made of matters, and the one
        // character before it (a sign, or a letter that makes it part of a word).
        var tailStart = text.endIndex
        while tailStart > text.startIndex {
            let previous = text.index(before: tailStart)
            tailStart = previous
            guard " *_%×.,".contains(text[previous]) || text[previous].isASCIIDigit else { break }
        }
        var characters = Array(text[tailStart...])
        while let last = characters.last, last == " " || last == "*" || last == "_" { characters.removeLast() }
        var suffix = ""
        if let last = characters.last, last == "%" || last == "×" {
            suffix = String(last)
            characters.removeLast()
            while characters.last == " " { characters.removeLast() }
        }
        var start = characters.count
        while start > 0,
            characters[start - 1].isASCIIDigit || characters[start - 1] == "." || characters[start - 1] == ","
        {
            start -= 1
        }
        var digits = String(characters[start...])
        // Punctuation around it (`(93.`, `,1,100,`) is not part of the number.
        while let first = digits.first, first == "." || first == "," { digits.removeFirst() }
        while let last = digits.last, last == "." || last == "," { digits.removeLast() }
        guard digits.contains(where: \.isASCIIDigit) else { return nil }
        if start > 0, characters[start - 1] == "-" || characters[start - 1] == "\u{2212}" { digits = "-" + digits }
        if start > 0, characters[start - 1].isLetter { return nil }  // part of a word such as `p95`
        return digits + suffix
    }

    /// Whether the quoted number is the JSON value rounded to the decimals shown.
    public static func matches(quoted: String, value: Double) -> Bool {
        guard let shown = number(quoted) else { return false }
        let scaled = quoted.hasSuffix("%") ? value * 100 : value
        let halfStep = 0.5 * pow(10, -Double(decimals(quoted)))
        return abs(shown - scaled) <= halfStep + 1e-9 * max(1, abs(shown))
    }

    /// The JSON value as the lesson would show it: the quoted number's decimals and suffix.
    public static func formatted(_ value: Double, like quoted: String) -> String {
        let percent = quoted.hasSuffix("%")
        let suffix = quoted.last.map { $0 == "%" || $0 == "×" ? String($0) : "" } ?? ""
        let text = String(format: "%.\(decimals(quoted))f", percent ? value * 100 : value)
        return text + suffix
    }

    static func number(_ quoted: String) -> Double? {
        var text = quoted.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "\u{2212}", with: "-")
        if text.hasSuffix("%") || text.hasSuffix("×") { text.removeLast() }
        return Double(text)
    }

    static func decimals(_ quoted: String) -> Int {
        let digits = quoted.filter { $0.isASCIIDigit || $0 == "." }
        guard let point = digits.firstIndex(of: ".") else { return 0 }
        return digits.distance(from: point, to: digits.endIndex) - 1
    }

    /// Checks every marker against `run` (arguments → the command's JSON text, or why it failed),
    /// running each distinct command once.
    public static func check(
        _ markers: [LiveNumberMarker], run: ([String]) -> Result<String, LiveNumberRunFailure>
    ) -> [LiveNumberProblem] {
        var outputs: [[String]: Result<Any, LiveNumberRunFailure>] = [:]
        var problems: [LiveNumberProblem] = []
        for marker in markers {
            let output: Result<Any, LiveNumberRunFailure>
            if let known = outputs[marker.arguments] {
                output = known
            } else {
                output = run(marker.arguments).flatMap { text in
                    guard let data = text.data(using: .utf8),
                        let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
                    else { return .failure(LiveNumberRunFailure("its output is not JSON")) }
                    return .success(object)
                }
                outputs[marker.arguments] = output
            }
            let shown = "`\(marker.display)`"
            switch output {
            case .failure(let failure):
                problems.append(
                    LiveNumberProblem(line: marker.line, message: "live number: \(shown) failed: \(failure.message)"))
            case .success(let json):
                guard case .success(let path) = JSONPath.parse(marker.path) else { continue }  // reported when scanned
                switch path.value(in: json) {
                case .failure(let error):
                    problems.append(
                        LiveNumberProblem(line: marker.line, message: "live number: \(shown): \(error.message)"))
                case .success(let value):
                    guard let number = JSONPath.number(value) else {
                        problems.append(
                            LiveNumberProblem(
                                line: marker.line,
                                message: "live number: \(shown) is not a number (\(describe(value)))"))
                        continue
                    }
                    if !matches(quoted: marker.quoted, value: number) {
                        problems.append(
                            LiveNumberProblem(
                                line: marker.line,
                                message:
                                    "live number: the lesson says \(marker.quoted), but \(shown) now gives \(formatted(number, like: marker.quoted)) (\(JSONPath.plain(number)))"
                            ))
                    }
                }
            }
        }
        return problems
    }

    static func describe(_ value: Any) -> String {
        if value is NSNull { return "null" }
        if value is String { return "a string" }
        if value is [Any] { return "an array" }
        if value is [String: Any] { return "an object" }
        return "\(value)"
    }
}

/// Why a marker's command gave no output to check.
public struct LiveNumberRunFailure: Error, Sendable, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// `.key`, `[N]`, `[-N]` and `[key=value]` steps into parsed JSON (`JSONSerialization` values).
struct JSONPath: Sendable, Equatable {
    enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
        case match(key: String, value: String)
    }

    var steps: [Step]

    static func parse(_ text: String) -> Result<JSONPath, JSONPathError> {
        var steps: [Step] = []
        var rest = Substring(text)
        let keyCharacters = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "_-"))
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let key = rest.prefix { $0.unicodeScalars.allSatisfy(keyCharacters.contains) }
                guard !key.isEmpty else { return .failure(JSONPathError("a `.` must be followed by a key")) }
                steps.append(.key(String(key)))
                rest = rest.dropFirst(key.count)
            } else if first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return .failure(JSONPathError("`[` without `]`")) }
                let inside = rest[rest.index(after: rest.startIndex)..<close]
                if let equals = inside.firstIndex(of: "=") {
                    let key = String(inside[..<equals]).trimmingWhitespace()
                    let value = String(inside[inside.index(after: equals)...]).trimmingWhitespace()
                    guard !key.isEmpty, !value.isEmpty else {
                        return .failure(JSONPathError("`[key=value]` needs both"))
                    }
                    steps.append(.match(key: key, value: value))
                } else if let index = Int(inside) {
                    steps.append(.index(index))
                } else {
                    return .failure(JSONPathError("`[\(inside)]` is neither an index nor `key=value`"))
                }
                rest = rest[rest.index(after: close)...]
            } else {
                return .failure(JSONPathError("unexpected `\(first)` (steps are `.key`, `[N]` or `[key=value]`)"))
            }
        }
        guard !steps.isEmpty else { return .failure(JSONPathError("the path is empty")) }
        return .success(JSONPath(steps: steps))
    }

    /// The value the path leads to, or where it stops.
    func value(in json: Any) -> Result<Any, JSONPathError> {
        var current = json
        var walked = ""
        var here: String { walked.isEmpty ? "the output" : walked }
        func stop(_ message: String) -> Result<Any, JSONPathError> { .failure(JSONPathError(message)) }
        var position = 0
        while position < steps.count {
            defer { position += 1 }
            switch steps[position] {
            case .key(let key):
                guard let object = current as? [String: Any] else { return stop("\(here) is not an object") }
                // A `--seeds` summary names each number by its dotted path (`"methods.naive.pgr"`):
                // a run of `.key` steps also reads one such key, the longest that is there.
                var run = [key]
                while position + run.count < steps.count, case .key(let more) = steps[position + run.count] {
                    run.append(more)
                }
                while run.count > 1, object[run.joined(separator: ".")] == nil { run.removeLast() }
                let name = run.joined(separator: ".")
                guard let next = object[name] else {
                    let keys = object.keys.sorted().joined(separator: ", ")
                    return stop("no key `\(key)` in \(here) (keys: \(keys))")
                }
                current = next
                walked += "." + name
                position += run.count - 1
            case .index(let index):
                guard let array = current as? [Any] else { return stop("\(here) is not an array") }
                let element = index < 0 ? array.count + index : index
                guard array.indices.contains(element) else {
                    return .failure(JSONPathError("\(walked)[\(index)] is out of range (\(array.count) elements)"))
                }
                current = array[element]
                walked += "[\(index)]"
            case .match(let key, let value):
                guard let array = current as? [Any] else { return stop("\(here) is not an array") }
                guard
                    let found = array.first(where: { element in
                        guard let field = (element as? [String: Any])?[key] else { return false }
                        return Self.equals(field, value)
                    })
                else {
                    return stop("no element of \(here) has \(key) = \(value)")
                }
                current = found
                walked += "[\(key)=\(value)]"
            }
        }
        return .success(current)
    }

    static func equals(_ field: Any, _ text: String) -> Bool {
        if let string = field as? String { return string == text }
        if let number = number(field), let wanted = Double(text) {
            return abs(number - wanted) <= 1e-9 * max(1, abs(wanted))
        }
        return false
    }

    /// A JSON number (not a string, array, object, null or boolean) as a Double.
    static func number(_ value: Any) -> Double? {
        guard let number = value as? NSNumber, !(value is String) else { return nil }
        // JSONSerialization gives `true` and `false` as NSNumbers of type `c` (char), numbers never.
        if String(cString: number.objCType) == "c" { return nil }
        return number.doubleValue
    }

    /// A number as JSON would print it, for messages.
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}

/// Why a JSON path is malformed, or where it stops.
struct JSONPathError: Error, Sendable, Equatable {
    var message: String
    init(_ message: String) { self.message = message }
}
