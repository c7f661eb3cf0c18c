import CaseModel
import DossierCore
import Rules

/// `calendar.ics` (RFC 5545): a case's deadlines, the "obtain on or after" day of each dated document and the
/// filing dates, as all-day events in the case's primary language. UIDs are stable (case, procedure, item), so
/// importing a newer calendar updates events instead of duplicating them; no clock is read (DTSTAMP is the day the
/// rules were applied for), so the same case gives the same bytes.
enum CalendarWriter {
    static func ics(caseID: String, plans: [PacketPlan], language: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Dossier//Packet calendar//EN", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + escape("\(caseID) — \(plans.first?.title[language] ?? "")")]
        for plan in plans {
            let stamp = plan.evaluatedOn.iso.replacingAll("-", with: "") + "T000000Z"
            let packet = plan.title[language] ?? plan.procedure
            func event(_ id: String, _ date: CalendarDate, _ summary: String, _ description: String) {
                lines += ["BEGIN:VEVENT",
                          "UID:\(caseID)-\(plan.procedure)-\(id)@dossier",
                          "DTSTAMP:\(stamp)",
                          "DTSTART;VALUE=DATE:\(date.iso.replacingAll("-", with: ""))",
                          "DTEND;VALUE=DATE:\(date.adding(days: 1).iso.replacingAll("-", with: ""))",
                          "SUMMARY:" + escape(summary),
                          "DESCRIPTION:" + escape(description),
                          "TRANSP:TRANSPARENT",
                          "END:VEVENT"]
            }
            for d in plan.deadlines {
                event("deadline-\(d.id)", d.date, d.title[language] ?? d.id,
                      [packet, d.note?[language]].compactMap { $0 }.joined(separator: "\n"))
            }
            for doc in plan.documents {
                guard let valid = doc.valid else { continue }
                event("obtain-\(doc.id)", valid.issuedOnOrAfter, (doc.title[language] ?? doc.id) + " ≥ " + valid.issuedOnOrAfter.iso,
                      [packet, doc.obtain[language]].compactMap { $0 }.joined(separator: "\n"))
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT escaping: backslash, semicolon, comma, newline.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        var out = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if count + size > 75 {
                out += "\r\n "
                count = 1
            }
            out.unicodeScalars.append(scalar)
            count += size
        }
        return out
    }
}
