import ArgumentParser
import Course
import Foundation
import Journey
import Terminal
import TerminalMarkdown

/// `tandem` with no arguments: where you are and what to do next.
public struct HomeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "home", abstract: "Where you are in the course and what to do next.")
    @OptionGroup public var course: CourseOptions
    @OptionGroup public var display: DisplayOptions
    public init() {}

    public func run() throws {
        let journey = try JourneyState(options: course)
        let settings = display.settings
        let screen = HomeScreen.compose(
            course: journey.course, progress: journey.progress, quizTotals: journey.quizTotals,
            now: journey.now, reviewable: journey.reviewable, settings: settings,
            renderMarkdown: { CourseMessage.render($0, settings: settings) })
        Output.page(screen, allowPager: !display.noPager)
        try journey.recordMessagesShown()
    }
}

/// The course's welcome and final messages, rendered from Markdown. Without colour the renderer
/// keeps emphasis and code visible as `**` and backticks, which suits a lesson but makes a short
/// greeting look like raw Markdown; so these are rendered styled and the styling is then dropped.
enum CourseMessage {
    static func render(_ markdown: String, settings: TerminalSettings) -> String {
        if settings.color { return MarkdownRenderer(settings: settings).render(markdown) }
        var styled = settings
        styled.color = true
        return EscapeSequences.removed(from: MarkdownRenderer(settings: styled).render(markdown))
    }
}

/// What the journey commands share: the course, its progress store, and the status at this moment.
struct JourneyState {
    let course: CourseFolder
    let store: ProgressStore
    let progress: StudentProgress
    let quizTotals: [String: Int]
    let now: Date
    /// The questions `tandem review` can ask, so the due count agrees with it.
    let reviewable: Set<String>
    var status: CourseStatus {
        CourseStatus(course: course, progress: progress, quizTotals: quizTotals, now: now, reviewable: reviewable)
    }

    init(options: CourseOptions) throws {
        course = try options.load()
        (store, progress) = try ProgressStore.migrated(course: course)
        quizTotals = QuizSizes.count(in: course)
        now = Date()
        reviewable = CourseStatus.reviewable(course: course, progress: progress, now: now)
    }

    /// Notes that the welcome (first run) and the final message (first time all is done) were shown.
    func recordMessagesShown() throws {
        let finished = status.isFinished
        guard !progress.welcomed || (finished && !progress.finishedShown) else { return }
        try store.update { progress in
            progress.welcomed = true
            if finished { progress.finishedShown = true }
        }
    }
}

extension DisplayOptions {
    /// The options as given, to pass on to another command.
    var arguments: [String] {
        var arguments: [String] = []
        if let width { arguments += ["--width", String(width)] }
        if color != .auto { arguments += ["--color", color.rawValue] }
        if ascii { arguments.append("--ascii") }
        if noPager { arguments.append("--no-pager") }
        return arguments
    }
}
