import ArgumentParser
import Course
import Foundation
import Lessons
import Terminal

/// `tandem search WORDS [--limit N] [--json]`: ranked hits across lessons, quizzes and exercises.
public struct SearchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the lessons, quizzes and exercise descriptions.",
        discussion: """
            Each hit is shown as lesson · section · line, with the words highlighted and the \
            command that opens it (tandem read N#section opens the lesson at that section). Lines \
            holding every word come first; rarer words weigh more; a word of four letters or more \
            also finds longer words it starts (cascade finds cascades).
            """)

    @Argument(help: ArgumentHelp("The words to look for.", valueName: "words"))
    public var words: [String]

    @Option(name: .long, help: ArgumentHelp("Show at most this many hits (default 20).", valueName: "n"))
    public var limit: Int = 20

    @Flag(name: .long, help: "Print the hits as JSON.")
    public var json = false

    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions

    public init() {}

    public func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        if TextSearch.words(words.joined(separator: " ")).isEmpty {
            throw ValidationError("Give at least one word to search for (letters or digits).")
        }
    }

    public func run() throws {
        let course = try course.load()
        let query = words.joined(separator: " ")
        let hits = CourseSearch.search(query, in: CourseSearch.units(course: course), limit: limit)
        emit(
            json: json, pager: !display.noPager,
            report: { CourseSearch.text(hits, query: query, settings: display.settings) },
            data: { CourseSearch.json(hits, query: query) })
    }
}
