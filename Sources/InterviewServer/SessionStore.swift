import DossierCore
import DossierKit
import Foundation
import Interview

/// One visitor's interview, kept in memory only: the answers, the rendered packet, the last upload's output.
struct Session: Sendable {
    var id: String
    /// The token every form of this session carries (a form from elsewhere does not have it).
    var csrf: String
    var language: String
    var date: CalendarDate
    var answers = Answers()
    var lastSeen: Date
    /// The packet rendered from `renderedFrom` (the case file text), file name → bytes.
    var renderedFrom: String?
    var rendered: RenderedCase?
    /// The last upload's results, report and ZIP.
    var upload: UploadResult?
}

/// What an upload produced: each case's result, the reports and the ZIP of packets.
struct UploadResult: Sendable {
    var fileName: String
    var output: BatchOutput
    var sources: [String: String]
    var problems: [Diagnostic]
    var zip: [UInt8]
}

/// Sessions by id, forgotten after `ttl` without a request, at most `capacity` of them.
actor SessionStore {
    private var sessions: [String: Session] = [:]
    let ttl: TimeInterval
    let capacity: Int

    init(ttl: TimeInterval, capacity: Int) {
        self.ttl = ttl
        self.capacity = capacity
    }

    /// The live session with this id (its clock restarted), or nil.
    func session(_ id: String?, now: Date = Date()) -> Session? {
        expire(now: now)
        guard let id, var s = sessions[id] else { return nil }
        s.lastSeen = now
        sessions[id] = s
        return s
    }

    func create(language: String, date: CalendarDate, now: Date = Date()) -> Session {
        expire(now: now)
        if sessions.count >= capacity, let oldest = sessions.values.min(by: { $0.lastSeen < $1.lastSeen }) {
            sessions[oldest.id] = nil
        }
        let s = Session(id: Self.token(), csrf: Self.token(), language: language, date: date, lastSeen: now)
        sessions[s.id] = s
        return s
    }

    func save(_ session: Session) {
        guard sessions[session.id] != nil else { return }
        sessions[session.id] = session
    }

    var count: Int { sessions.count }

    private func expire(now: Date) {
        for (id, s) in sessions where now.timeIntervalSince(s.lastSeen) > ttl { sessions[id] = nil }
    }

    /// 128 random bits as hex, from the system's generator.
    static func token() -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &g)) }.joined()
    }
}
