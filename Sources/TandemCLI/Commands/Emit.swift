import JSON
import Terminal

/// Prints a command's result: with `--json` its JSON value on one line (the one style, see
/// `JSONWriter`; its keys in docs/json.md), else its report — through the pager when `pager` is
/// true and the report is taller than the terminal. Every command that takes `--json` prints
/// through here (demos through `emit(json:display:svg:report:data:)`, which adds `--svg`).
func emit(json: Bool, pager: Bool, report: () -> String, data: () -> JSONValue) {
    if json {
        Output.line(data().serialized())
    } else {
        Output.page(report(), allowPager: pager)
    }
}
