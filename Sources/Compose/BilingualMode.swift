/// How text in several languages is laid out.
public enum BilingualMode: String, Sendable, Hashable, CaseIterable {
    /// One language per line: `<span lang="en">…</span><br/><span lang="vi" class="tr">…</span>`.
    case stack
    /// On one line: `<span lang="en">…</span> / <span lang="vi" class="tr">…</span>`.
    case inline
    /// The first case language only, still in a `<span lang>`.
    case primary
}
