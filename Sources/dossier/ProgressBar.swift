import DossierKit
import Foundation

/// A one-line progress bar on stderr (only on a terminal): done/total, cases per second and the time left.
final class ProgressBar: @unchecked Sendable {
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var line = ""

    /// Redraws at most ten times a second (and always for the last unit).
    func update(done: Int, total: Int?) {
        let now = Date()
        guard now.timeIntervalSince(lastDrawn) >= 0.1 || done == total else { return }
        lastDrawn = now
        line = ProgressLine.text(done: done, total: total, elapsed: now.timeIntervalSince(start), width: 24)
        Terminal.progress(line)
    }

    /// Takes the bar off the line so other output can be printed; the next update draws it again.
    func clear() {
        guard !line.isEmpty else { return }
        Terminal.progress("")
        line = ""
    }
}
