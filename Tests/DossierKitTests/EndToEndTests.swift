import TestSupport
import Foundation
import Testing

/// Runs the real CLI on every sample, as a user would, and checks what lands on disk.
@Suite(.serialized) struct EndToEndTests {
    static let out = Repository.temporaryFolder("render")
    static let render: Repository.Run? = try? Repository.dossier(["render", "Samples", "--out", out, "--format", "html,pdf", "--jobs", "2"])

    @Test func renderingTheSamplesFolderExitsOneBecauseOfTheBadSampleOnly() throws {
        let run = try #require(Self.render)
        #expect(run.status == 1, "exit code: \(run.stderr)")
        let report = try String(contentsOfFile: Self.out + "/report.csv", encoding: .utf8)
        let rows = report.split(separator: "\n").dropFirst()
        #expect(rows.count == Repository.goodSamples.count + 1)
        for row in rows where !row.contains("Samples/bad/") { #expect(row.contains(",ok,"), "\(row)") }
    }

    @Test(arguments: Repository.goodSamples)
    func everyGoodSampleHasItsDocuments(_ sample: String) throws {
        _ = try #require(Self.render)
        let text = try String(contentsOfFile: Repository.path(sample), encoding: .utf8)
        let id = try #require(Self.caseID(in: text), "case id in \(sample)")
        let folder = Self.out + "/" + id
        #expect(FileManager.default.fileExists(atPath: folder + "/packet.pdf"))
        let manifest = try Repository.json(folder + "/manifest.json")
        #expect(manifest["case"] as? String == id)
        // One packet per procedure of the case, in its order; each has its checklist, and vn-single-status its letter
        // and filled statement.
        let packets = manifest["packets"] as? [[String: Any]] ?? []
        #expect(packets.map { $0["procedure"] as? String ?? "" } == Self.procedures(in: text), "packets of \(sample)")
        for packet in packets {
            let procedure = packet["procedure"] as? String ?? ""
            // A not-eligible packet may carry only its decision (a person who must not travel gets no checklist).
            var stems = packet["verdict"] as? String == "not-eligible" ? [] : ["\(procedure)-checklist"]
            if procedure == "vn-single-status" { stems += ["vn-single-status-cover-letter", "vn-single-status-statement-of-non-impediment"] }
            for stem in stems {
                for ext in ["html", "pdf"] {
                    #expect(FileManager.default.fileExists(atPath: "\(folder)/\(stem).\(ext)"), "\(stem).\(ext) for \(sample)")
                }
            }
            let files = packet["files"] as? [String] ?? []
            #expect(files.contains { $0.hasSuffix(".html") } && files.contains { $0.hasSuffix(".pdf") }, "an HTML and a PDF for \(sample)")
            for file in files {
                #expect(FileManager.default.fileExists(atPath: "\(folder)/\(file)"), "manifest lists \(file)")
            }
        }
    }

    @Test func theBadSampleGetsLocatedErrorsAndNoFiles() throws {
        let run = try #require(Self.render)
        #expect(run.stderr.contains("Samples/bad/mistakes.yaml:"), "\(run.stderr)")
        let pattern = #/Samples/bad/mistakes\.yaml:\d+:\d+: error\[CASE\d{3}\]/#
        #expect(run.stderr.contains(pattern))
        #expect(run.stderr.contains("^"), "a caret under the column")
        let report = try Repository.json(Self.out + "/report.json")
        let bad = (report["cases"] as? [[String: Any]] ?? []).first { ($0["input"] as? String ?? "").contains("bad/") }
        #expect(bad?["status"] as? String == "error")
        #expect((bad?["files"] as? [Any])?.isEmpty == true)
        if let id = bad?["id"] as? String { #expect(!FileManager.default.fileExists(atPath: Self.out + "/" + id)) }
    }

    @Test func manifestsFollowTheInterfaceSchema() throws {
        _ = try #require(Self.render)
        let run = try Repository.validateManifests(in: Self.out)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("checked \(Repository.goodSamples.count)"))
    }

    @Test func aSecondRenderIsByteIdentical() throws {
        _ = try #require(Self.render)
        let again = Repository.temporaryFolder("render-again")
        _ = try Repository.dossier(["render", "Samples", "--out", again, "--format", "html,pdf", "--jobs", "1"])
        let files = (FileManager.default.enumerator(atPath: Self.out)?.allObjects as? [String] ?? []).filter { $0.contains(".") }.sorted()
        #expect(files.count > 20)
        for file in files {
            let a = FileManager.default.contents(atPath: Self.out + "/" + file)
            let b = FileManager.default.contents(atPath: again + "/" + file)
            #expect(a == b, "\(file) differs between runs")
        }
    }

    @Test func pdfsPassQpdfAndCarrySubsetFontsWithToUnicode() throws {
        _ = try #require(Self.render)
        for sample in Repository.goodSamples {
            let id = try #require(Self.caseID(in: try String(contentsOfFile: Repository.path(sample), encoding: .utf8)))
            let pdf = "\(Self.out)/\(id)/packet.pdf"
            let check = try Repository.run("/usr/bin/qpdf", ["--check", pdf])
            #expect(check.status == 0, "qpdf --check \(pdf): \(check.stdout)")
            let fonts = try Repository.run("/usr/bin/pdffonts", [pdf])
            let rows = fonts.stdout.split(separator: "\n").dropFirst(2)
            #expect(!rows.isEmpty)
            for row in rows { #expect(row.contains("yes yes yes"), "font not embedded+subset+ToUnicode: \(row)") }
        }
    }

    /// The ids in the case's `procedures: [a, b]` (YAML or JSON).
    static func procedures(in text: String) -> [String] {
        guard let m = text.firstMatch(of: #/procedures"?\s*:\s*\[([^\]]*)\]/#) else { return [] }
        return m.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\""))) }
    }

    static func caseID(in text: String) -> String? {
        if let m = text.firstMatch(of: #/"id"\s*:\s*"([^"]+)"/#) { return String(m.1) }
        if let m = text.firstMatch(of: #/\n  id:\s*"?([A-Za-z0-9._-]+)"?/#) { return String(m.1) }
        return nil
    }
}
