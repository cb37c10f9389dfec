import Foundation

/// One heading of a lesson: the unit `tandem read N#section`, `--toc`, search hits and the quiz
/// review screen's "reread" hints all point at.
public struct LessonSection: Sendable, Equatable {
    /// 2 for `##`, 3 for `###`… (the `#` title is not a section).
    public var level: Int
    public var title: String
    /// GitHub-style anchor: lower case, punctuation dropped, spaces as hyphens; a repeated
    /// heading gets `-1`, `-2`…
    public var slug: String
    /// Outline number: "3" for the third `##`, "3.2" for the second `###` under it.
    public var number: String
    /// 1-based line of the heading in the Markdown source.
    public var line: Int
    /// 1-based last line of the section's text (before the next heading of any level).
    public var endLine: Int

    public init(level: Int, title: String, slug: String, number: String, line: Int, endLine: Int) {
        self.level = level
        self.title = title
        self.slug = slug
        self.number = number
        self.line = line
        self.endLine = endLine
    }
}

/// The outline of a Markdown lesson: its ATX headings outside fenced code blocks.
public enum LessonOutline {
    public static func sections(_ markdown: String) -> [LessonSection] {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var sections: [LessonSection] = []
        var fence: String?
        var counters: [Int] = []
        var seenSlugs: [String: Int] = [:]
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if let open = fence {
                if line.hasPrefix(open) { fence = nil }
                continue
            }
            if line.hasPrefix("```") || line.hasPrefix("~~~") {
                fence = String(line.prefix(3))
                continue
            }
            guard let (level, title) = heading(line), level >= 2 else { continue }
            let depth = level - 2
            if counters.count > depth + 1 { counters.removeLast(counters.count - depth - 1) }
            while counters.count < depth + 1 { counters.append(0) }
            counters[depth] += 1
            var slug = slug(title)
            if let seen = seenSlugs[slug] {
                seenSlugs[slug] = seen + 1
                slug += "-\(seen + 1)"
            } else {
                seenSlugs[slug] = 0
            }
            if var last = sections.popLast() {
                last.endLine = index
                sections.append(last)
            }
            sections.append(
                LessonSection(
                    level: level, title: title, slug: slug,
                    number: counters.map(String.init).joined(separator: "."), line: index + 1, endLine: lines.count))
        }
        return sections
    }

    /// `## Title ##` → (2, "Title"); nil for anything that is not an ATX heading.
    static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var title = rest.trimmingCharacters(in: .whitespaces)
        while title.hasSuffix("#") { title.removeLast() }
        title = title.trimmingCharacters(in: .whitespaces)
        return (hashes, plainText(title))
    }

    /// Heading text without the inline marks a reader does not see (code, emphasis, link targets).
    public static func plainText(_ markdown: String) -> String {
        var out = ""
        var skippingTarget = false
        var previous: Character?
        for character in markdown {
            if skippingTarget {
                if character == ")" { skippingTarget = false }
                continue
            }
            if character == "(" && previous == "]" {
                skippingTarget = true
                continue
            }
            previous = character
            if "`*_[]".contains(character) { continue }
            out.append(character)
        }
        return out
    }

    /// GitHub's anchor rule: lower case, letters, digits, spaces and hyphens kept, spaces as hyphens.
    public static func slug(_ title: String) -> String {
        var out = ""
        for character in title.lowercased() {
            if character.isLetter || character.isNumber || character == "-" || character == "_" {
                out.append(character)
            } else if character == " " {
                out.append("-")
            }
        }
        return out
    }

    /// The section `reference` names: its outline number ("3", "3.2"), its slug (or its title),
    /// or a unique prefix of a slug, else a unique part of one. Nil when none or several match.
    public static func find(_ reference: String, in sections: [LessonSection]) -> LessonSection? {
        let wanted = reference.trimmingCharacters(in: .whitespaces).lowercased()
        guard !wanted.isEmpty else { return nil }
        if let byNumber = sections.first(where: { $0.number == wanted }) { return byNumber }
        if let exact = sections.first(where: { $0.slug == wanted }) { return exact }
        let slugged = slug(wanted)
        if let exact = sections.first(where: { $0.slug == slugged }) { return exact }
        let prefixed = sections.filter { $0.slug.hasPrefix(slugged) }
        if prefixed.count == 1 { return prefixed[0] }
        guard prefixed.isEmpty else { return nil }
        let containing = sections.filter { $0.slug.contains(slugged) }
        return containing.count == 1 ? containing[0] : nil
    }

    /// The section holding 1-based `line` (nil before the first heading).
    public static func section(containing line: Int, in sections: [LessonSection]) -> LessonSection? {
        sections.last { $0.line <= line }
    }
}
