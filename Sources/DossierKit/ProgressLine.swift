import Foundation

/// The text of a progress bar: done/total, cases per second and the time left.
public enum ProgressLine {
    /// `[#########...............] 1234/5000  41.2 cases/s  ETA 1:31`
    public static func text(done: Int, total: Int?, elapsed: TimeInterval, width: Int) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let rateText = String(format: "%.1f cases/s", rate)
        guard let total, total > 0 else { return "\(done) done  \(rateText)" }
        let fraction = min(1, Double(done) / Double(total))
        let filled = Int(fraction * Double(width))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "]"
        var eta = "ETA --:--"
        if rate > 0 {
            let seconds = Int((Double(max(0, total - done)) / rate).rounded())
            eta = seconds >= 3600 ? String(format: "ETA %d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String(format: "ETA %d:%02d", seconds / 60, seconds % 60)
        }
        return "\(bar) \(done)/\(total)  \(rateText)  \(eta)"
    }
}
