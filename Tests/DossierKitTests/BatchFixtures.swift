import TestSupport
import DossierCore
import DossierKit
import Foundation

/// Case rows and worlds shared by the batch tests.
enum BatchFixtures {
    static let header = BatchInputTests.header

    /// A good CSV row for `id` (HTML renders in a few milliseconds).
    static func row(_ id: String, marital: String = "never-married", place: String = "\"Portland, Oregon, USA\"") -> String {
        "2,\(id),en|vi,vn-single-status,Anna,Lee,female,1990-01-02,\(place),US,US,citizen,OR,X1234567,\(marital),Văn Nam,Trần,male,1988-05-06,Huế,VN,spouse,2027-03-01,in-person,mail,true"
    }

    /// A good JSONL line for `id`.
    static func jsonLine(_ id: String) -> String {
        #"{"dossier":2,"case":{"id":"\#(id)","prepared_on":"2026-11-22","languages":["en","vi"],"procedures":["vn-single-status"]},"people":{"applicant":{"name":{"given":"Anna","family":"Lee"},"sex":"female","birth":{"date":"1990-01-02","place":"Portland, Oregon, USA","country":"US"},"citizenship":["US"],"us_status":"citizen","residence":{"state":"OR"},"passport":{"number":"X1234567"},"marital_status":"never-married"},"spouse":{"name":{"given":"Văn Nam","family":"Trần"},"sex":"male","birth":{"date":"1988-05-06","place":"Huế"},"citizenship":["VN"]}},"vn_single_status":{"intended_spouse":"spouse","filing_in_vietnam":{"date":"2027-03-01","by":"in-person"},"consulate_submission":"mail","single_notary":true}}"#
    }

    static let html = OutputFormats(html: true, pdf: false)

    /// A memory world with the repository's rules and templates plus `files`.
    static func world(_ files: [String: String]) throws -> MemoryWorld { try BatchInputTests.world(files) }

    /// Renders `arguments` from `world` into `out` and returns the outcomes in order.
    static func render(_ arguments: [String], world: World, out: String = "out", jobs: Int = 2,
                       resume: RenderFingerprint? = nil, force: Bool = false) throws -> [CaseOutcome] {
        let dossier = try Dossier(world: world, resources: "", pdf: false)
        let collected = Outcomes()
        try BatchRunner(dossier: dossier, formats: html, date: nil, jobs: jobs, resume: resume, force: force)
            .run(InputCollector(world: world, schema: dossier.book.schema, skipping: [out]).units(arguments), out: out, observe: { collected.add($0) })
        return collected.all
    }

    /// The units of `arguments`, all at once.
    static func units(_ arguments: [String], world: World) -> [InputUnit] { Array(InputCollector(world: world, schema: RuleBookFixture.schema).units(arguments)) }

    static func problems(_ units: [InputUnit]) -> [InputProblem] {
        units.compactMap { if case .problem(let p) = $0 { return p } else { return nil } }
    }

    static func cases(_ units: [InputUnit]) -> [CaseInput] {
        units.compactMap { if case .case(let c) = $0 { return c } else { return nil } }
    }

    /// A real folder for tests that need the file system.
    static func folder(_ name: String) -> String { Repository.temporaryFolder(name) }

    /// Every file below `folder` (relative path → bytes).
    static func tree(_ folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[relative] = FileManager.default.contents(atPath: path)
            } else if !isDirectory.boolValue {
                out[relative] = Data("<unreadable>".utf8)
            }
        }
        return out
    }
}

/// Outcomes gathered from a batch's observer.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [CaseOutcome] = []
    func add(_ outcome: CaseOutcome) { lock.lock(); outcomes.append(outcome); lock.unlock() }
    var all: [CaseOutcome] { lock.lock(); defer { lock.unlock() }; return outcomes }
}
