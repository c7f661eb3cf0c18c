import TestSupport
import Foundation
import Testing

/// Every case gets `calendar.ics`: read back with Python's icalendar, as a calendar program would.
@Suite struct CalendarTests {
    @Test func theCalendarHoldsEveryDeadlineAndObtainDateWithStableIDs() throws {
        let out = Repository.temporaryFolder("calendar")
        let run = try Repository.dossier(["render", "Samples/divorced-texas-power-of-attorney.yaml", "--out", out, "--format", "html"])
        #expect(run.status == 0, "\(run.stderr)")
        let script = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        for e in cal.walk('VEVENT'):
            print(e['UID'], e.decoded('DTSTART').isoformat(), e['SUMMARY'])
        """
        let read = try Repository.run("/usr/bin/env", ["python3", "-c", script, out + "/2026-0142/calendar.ics"])
        #expect(read.status == 0, "\(read.stderr)")
        let events = read.stdout.split(separator: "\n").map(String.init)
        #expect(events.contains("2026-0142-vn-single-status-deadline-file-in-vietnam@dossier 2027-05-10 Planned filing of the marriage registration in Vietnam"))
        #expect(events.contains { $0.hasPrefix("2026-0142-vn-single-status-obtain-affidavit-of-single-status@dossier 2026-11-10 Affidavit of Single Status") })
        let uids = events.map { $0.split(separator: " ")[0] }
        #expect(Set(uids).count == uids.count, "one UID per event")
        #expect(events.count == 3 + 6, "3 deadlines and the 6 dated documents of the Texas sample")

        // A second render gives the same bytes: a re-import updates the same events.
        let again = Repository.temporaryFolder("calendar-again")
        _ = try Repository.dossier(["render", "Samples/divorced-texas-power-of-attorney.yaml", "--out", again, "--format", "html"])
        #expect(FileManager.default.contents(atPath: out + "/2026-0142/calendar.ics") == FileManager.default.contents(atPath: again + "/2026-0142/calendar.ics"))
    }
}
