/// How text in several languages is laid out. Dossier's bilingual system: running text stacks (each further language
/// starts its own line, class `tr`, set in italic by the stylesheet so it survives a black-and-white print); a short
/// label is one unbreakable unit (`label`).
public enum BilingualMode: String, Sendable, Hashable, CaseIterable {
    /// One language per line: `<span lang="en">…</span><br/><span lang="vi" class="tr">…</span>`.
    case stack
    /// On one line: `<span lang="en">…</span> / <span lang="vi" class="tr">…</span>`.
    case inline
    /// A short label on one line that never breaks: `<span class="nobr"><span lang="en">…</span> / <span lang="vi" class="tr">…</span></span>`.
    case label
    /// The first case language only, still in a `<span lang>`.
    case primary
}
