import Course
import Foundation
import JSON
import Quiz
import Terminal

/// `tandem search WORDS`: every line of the lessons, every quiz question and every exercise's
/// header comment, ranked by the query's words (`TextSearch`: a word matches itself, or as a prefix
/// when four letters or longer; rarer words weigh more; a unit holding every word beats one holding
/// some; a heading beats body text).
public enum CourseSearch {
    public enum Kind: String, Sendable { case lesson, quiz, exercise }

    /// One searchable unit and, once ranked, its score.
    public struct Hit: Sendable, Equatable {
        public var kind: Kind
        public var lessonNumber: Int
        public var lessonSlug: String
        /// The section title (lessons), question id (quizzes) or exercise title.
        public var place: String
        /// `tandem read 3#slug`, `tandem quiz 3`, `tandem check id`.
        public var command: String
        /// Course-relative file and 1-based line.
        public var file: String
        public var line: Int
        /// The unit's text as one line.
        public var text: String
        public var isHeading: Bool
        public var score: Double = 0
        /// Query words found.
        public var matched: [String] = []
    }

    /// Every unit of the course, in course order. Files that cannot be read are skipped.
    public static func units(course: CourseFolder) -> [Hit] {
        var units: [Hit] = []
        for lesson in course.manifest.lessons {
            let url = course.lessonFile(lesson)
            if let markdown = try? String(contentsOf: url, encoding: .utf8) {
                let sections = LessonOutline.sections(markdown)
                for (index, raw) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    let text = raw.trimmingCharacters(in: .whitespaces)
                    guard !text.isEmpty, text != "```" else { continue }
                    let section = LessonOutline.section(containing: index + 1, in: sections)
                    let isHeading = section?.line == index + 1
                    units.append(
                        Hit(
                            kind: .lesson, lessonNumber: lesson.number, lessonSlug: lesson.slug,
                            place: section?.title ?? lesson.title,
                            command: "tandem read \(lesson.number)" + (section.map { "#" + $0.slug } ?? ""),
                            file: course.relativePath(url), line: index + 1,
                            text: isHeading ? (section?.title ?? text) : text, isHeading: isHeading))
                }
            }
            if let quizURL = course.quizFile(lesson),
                let quiz = QuizLoader.load(quizURL, displayPath: course.relativePath(quizURL)).quiz
            {
                for question in quiz.questions {
                    var text = question.prompt
                    if case .multipleChoice(let mc) = question.body {
                        text += " " + (mc.answers + mc.distractors).joined(separator: " ")
                    }
                    units.append(
                        Hit(
                            kind: .quiz, lessonNumber: lesson.number, lessonSlug: lesson.slug,
                            place: "quiz question \(question.id)", command: "tandem quiz \(lesson.number)",
                            file: course.relativePath(quizURL), line: question.line,
                            text: oneLine(text), isHeading: false))
                }
            }
        }
        for exercise in course.manifest.exercises {
            let url = course.exerciseFile(exercise)
            guard let source = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let header = source.split(separator: "\n", omittingEmptySubsequences: false).prefix {
                $0.hasPrefix("///") || $0.hasPrefix("//")
            }
            let text = header.map { $0.drop { $0 == "/" }.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            let lesson = course.lesson(slug: exercise.lesson)
            units.append(
                Hit(
                    kind: .exercise, lessonNumber: lesson?.number ?? 0, lessonSlug: exercise.lesson,
                    place: "exercise \(exercise.number) — \(exercise.title)", command: "tandem check \(exercise.id)",
                    file: course.relativePath(url), line: 1, text: oneLine(text), isHeading: false))
        }
        return units
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The units that match `query`, best first (ties in course order), at most `limit`.
    public static func search(_ query: String, in units: [Hit], limit: Int = 20) -> [Hit] {
        let terms = Array(Set(TextSearch.words(query))).sorted()
        guard !terms.isEmpty else { return [] }
        let unitWords = units.map { TextSearch.words($0.text) }
        var weights: [String: Double] = [:]
        for term in terms {
            let containing = unitWords.filter { words in words.contains { TextSearch.matches($0, term) } }.count
            weights[term] = TextSearch.weight(documents: units.count, containing: containing)
        }
        var hits: [(Int, Hit)] = []
        for (index, unit) in units.enumerated() {
            let words = unitWords[index]
            let matched = terms.filter { term in words.contains { TextSearch.matches($0, term) } }
            guard !matched.isEmpty else { continue }
            var hit = unit
            hit.matched = matched
            let weight = matched.reduce(0) { $0 + (weights[$1] ?? 0) }
            let total = terms.reduce(0) { $0 + (weights[$1] ?? 0) }
            // Every word present counts most; then the share of weight; then headings and
            // quiz/exercise summaries over body lines; a phrase match over scattered words.
            hit.score =
                (matched.count == terms.count ? 10 : 0) + 5 * weight / max(total, 1e-9)
                + (unit.isHeading ? 2 : 0)
                + (oneLine(unit.text).lowercased().contains(oneLine(query).lowercased()) ? 1 : 0)
            hits.append((index, hit))
        }
        let allWords = hits.filter { $0.1.matched.count == terms.count }
        let chosen = allWords.isEmpty ? hits : allWords
        return chosen.sorted { a, b in a.1.score != b.1.score ? a.1.score > b.1.score : a.0 < b.0 }.prefix(
            max(limit, 0)
        ).map(\.1)
    }

    // MARK: - Output

    /// `lesson · section · line N` then the matching text, the words highlighted (bold yellow
    /// with colour, `*word*` without), cut around the first match to the width.
    public static func text(_ hits: [Hit], query: String, settings: TerminalSettings) -> String {
        let plain = { (text: String) in settings.ascii ? asciiOnly(text) : text }
        guard !hits.isEmpty else {
            return plain("Nothing in the lessons, quizzes or exercises matches “\(sanitized(query))”.") + "\n"
        }
        var out = ""
        let dot = settings.ascii ? "-" : "·"
        for hit in hits {
            let location = "\(hit.lessonNumber) \(dot) \(sanitized(hit.place)) \(dot) line \(hit.line)"
            out +=
                settings.paint(DisplayWidth.truncate(plain(location), columns: settings.width, ellipsis: ""), .bold)
                + "\n"
            let room = max(10, settings.width - 4)
            // Without colour the marks take columns too: narrow the window until it fits.
            var shown = ""
            for trim in stride(from: 0, to: room, by: 2) {
                let snippet = plain(window(sanitized(hit.text), around: hit.matched, width: room - trim))
                shown = highlight(snippet, terms: hit.matched, settings: settings)
                if settings.color || DisplayWidth.of(shown) <= room { break }
            }
            out += "    " + shown + "\n"
            out += "    " + settings.paint(DisplayWidth.truncate(hit.command, columns: room, ellipsis: ""), .dim) + "\n"
        }
        return out
    }

    /// `{"query", "hits": [{"kind", "lesson", …}]}`, keys as `jsonKeys` lists them.
    public static func json(_ hits: [Hit], query: String) -> JSONValue {
        .object([
            ("query", .string(query)),
            (
                "hits",
                .array(
                    hits.map { hit in
                        .object([
                            ("kind", .string(hit.kind.rawValue)), ("lesson", .integer(hit.lessonNumber)),
                            ("lesson_slug", .string(hit.lessonSlug)), ("place", .string(hit.place)),
                            ("file", .string(hit.file)), ("line", .integer(hit.line)), ("text", .string(hit.text)),
                            ("matched", .array(hit.matched.map { .string($0) })),
                            // Three decimals: the ranking's resolution, without float noise.
                            ("score", .number((hit.score * 1000).rounded() / 1000)),
                            ("command", .string(hit.command)),
                        ])
                    })
            ),
        ])
    }

    /// The keys of `json(_:query:)`, in order (docs/json.md is generated from this list).
    public static let jsonKeys: [JSONKeyDoc] = [
        JSONKeyDoc("query", .string, "the words searched for, as given"),
        JSONKeyDoc("hits", .array, "the hits, best first (at most `--limit`)"),
        JSONKeyDoc("hits[].kind", .string, "`lesson`, `quiz` or `exercise`"),
        JSONKeyDoc("hits[].lesson", .integer, "the lesson's number (0 for an exercise outside every lesson)"),
        JSONKeyDoc("hits[].lesson_slug", .string, "the lesson's slug"),
        JSONKeyDoc("hits[].place", .string, "the section title, `quiz question ID` or `exercise N — title`"),
        JSONKeyDoc("hits[].file", .string, "the file, relative to the course folder"),
        JSONKeyDoc("hits[].line", .integer, "the 1-based line in that file"),
        JSONKeyDoc("hits[].text", .string, "the matching unit's text as one line"),
        JSONKeyDoc("hits[].matched", .array, "the query's words found in it (strings)"),
        JSONKeyDoc("hits[].score", .number, "its rank score, three decimals (higher is better)"),
        JSONKeyDoc("hits[].command", .string, "the command that opens it: `tandem read 3#slug`, `tandem quiz 3`, …"),
    ]

    /// Control characters out (a lesson line is the author's text, but still goes to a terminal).
    public static func sanitized(_ text: String) -> String {
        String(
            String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    static func asciiOnly(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
    }

    /// A stretch of `text` of at most `width` columns holding the first matched word.
    static func window(_ text: String, around terms: [String], width: Int) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let lower = text.lowercased()
        let first = terms.compactMap { lower.range(of: $0)?.lowerBound }.min()
        let offset = first.map { lower.distance(from: lower.startIndex, to: $0) } ?? 0
        let characters = Array(text)
        var start = max(0, offset - width / 3)
        if start > 0, characters.count - start < width { start = max(0, characters.count - width + 1) }
        var out = start > 0 ? "…" : ""
        var used = DisplayWidth.of(out)
        var index = start
        while index < characters.count {
            let w = DisplayWidth.of(characters[index])
            if used + w > width - 1 {
                out += "…"
                break
            }
            out.append(characters[index])
            used += w
            index += 1
        }
        return out
    }

    /// Marks each word of `text` that matches a term.
    static func highlight(_ text: String, terms: [String], settings: TerminalSettings) -> String {
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            let lowered = word.precomposedStringWithCompatibilityMapping.lowercased()
            if terms.contains(where: { TextSearch.matches(lowered, $0) }) {
                out += settings.color ? settings.paint(word, Style.bold.with(.yellow)) : "*" + word + "*"
            } else {
                out += word
            }
            word = ""
        }
        for character in text {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                flush()
                out.append(character)
            }
        }
        flush()
        return out
    }
}
