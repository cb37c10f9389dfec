import DemoReports
import Exercises
import JSON
import Journey
import Lessons
import Quiz

/// docs/json.md: every command's `--json` keys, generated from the declarations beside the code
/// that builds each JSON (`JSONKeyDoc` lists) and from the demo registry. Regenerate it with
/// `TANDEM_UPDATE_GOLDENS=1 swift test --filter JSONReferenceTests`; the tests also hold each
/// list to its command's real output.
enum JSONReference {
    /// One command's JSON: how to ask for it, what it is, and its keys.
    struct Entry {
        var command: String
        var summary: String
        var keys: [JSONKeyDoc]
    }

    /// Every command's JSON but the demos', in the order of README's tour.
    static let commands: [Entry] = [
        Entry(
            command: "tandem read N --toc --json", summary: "A lesson's outline.", keys: ReadCommand.outlineJSONKeys),
        Entry(
            command: "tandem quiz N --answers FILE --json",
            summary: "An answers file graded (the same object for `--file PATH --answers FILE --json`).",
            keys: QuizReport.jsonKeys),
        Entry(
            command: "tandem quiz N --last --json",
            summary: "The last attempt beside the right answers, with what to reread.", keys: ReviewScreen.jsonKeys),
        Entry(
            command: "tandem review --json",
            summary: "What is due, with each item's FSRS memory state (nothing is reviewed).",
            keys: ReviewQueue.jsonKeys),
        Entry(
            command: "tandem search WORDS --json", summary: "The hits across lessons, quizzes and exercises.",
            keys: CourseSearch.jsonKeys),
        Entry(
            command: "tandem check [N] --json",
            summary: "The checks' results (also with `--all` and `--again`); the exit status is 1 unless all passed.",
            keys: CheckReport.jsonKeys),
        Entry(
            command: "tandem list --json, tandem progress --json",
            summary: "Every lesson, quiz and exercise with its status (both commands print the same object).",
            keys: ListReport.jsonKeys),
        Entry(
            command: "tandem bench --json", summary: "The engine's training throughput on its fixed job.",
            keys: BenchReport.jsonKeys),
    ]

    /// The whole document.
    static func document() -> String {
        var text = """
            # tandem's JSON

            Generated from the code by `TANDEM_UPDATE_GOLDENS=1 swift test --filter JSONReferenceTests`
            (the key lists sit beside the code that builds each JSON: `JSONKeyDoc` lists such as
            `CheckReport.jsonKeys`, and the demo registry `DemoCatalogue.entries`); do not edit by hand.

            Every command that takes `--json` prints one JSON object on one line, in one style: compact
            (no spaces), keys in the order listed below, numbers that are not whole rounded to at most
            six decimals (fewer where a key says so), and `null` for a number that is undefined. A
            dotted key names a nested object's key (`score.accuracy`); `[]` steps into each element of
            an array (`exercises[].id`). A type `any` is one of several types, as its meaning says.

            """
        for entry in commands {
            text += "\n## `\(entry.command)`\n\n\(entry.summary)\n\n" + JSONKeyDoc.table(entry.keys)
        }
        text += """

            ## Demos: `tandem run NAME --json`

            Every demo prints one JSON object. Its keys are those below that scripts may rely on
            (`points[]` stands for each element of the array `points`). With `--seeds N --json` every
            demo prints the same shape: `{"demo", "seeds": [each seed's usual object], "summary": {key:
            {"median", "min", "max"}}, "claims": [{"statement", "holding", "defined", "general"}]}`,
            where the summary names numbers by dotted keys, arrays of named objects by their `name` or
            `method`, and other arrays of objects by position (`points.0.random`).

            """
        for demo in DemoCatalogue.entries {
            text += "\n### `\(demo.name)`\n\n\(demo.summary)\n\n"
            if demo.jsonKeys.isEmpty {
                text += "(Keys not documented yet.)\n"
                continue
            }
            text += JSONKeyDoc.table(demo.jsonKeys)
        }
        return text
    }
}
