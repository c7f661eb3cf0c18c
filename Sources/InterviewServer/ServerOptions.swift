import DossierCore

/// How `dossier serve` runs: where it listens, how long answers are kept, how much a request may send.
public struct ServerOptions: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The day interviews are held for (their `prepared_on`); nil: today.
    public var date: CalendarDate?
    /// A session (its answers, its rendered packet) is forgotten this long after its last request.
    public var sessionMinutes = 30
    /// At most this many sessions are kept; the least recently used goes first.
    public var maxSessions = 500
    /// The largest answer form accepted.
    public var maxFormBytes = 64 * 1024
    /// The largest upload accepted.
    public var maxUploadBytes = 2 * 1024 * 1024
    /// At most this many cases of one upload are rendered.
    public var maxUploadCases = 200
    /// When set, finished interviews' case files and packets, and uploads' packets, are also written here.
    public var saveFolder: String?

    public init() {}
}
