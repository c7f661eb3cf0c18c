import TestSupport
import CaseModel
import DossierCore
import Testing

/// Every good sample loads cleanly; every sample under `Samples/bad/` fails with located errors.
@Suite struct SampleLoadTests {
    @Test func thereAreSamplesInYAMLAndJSON() {
        let samples = CaseFiles.samples()
        #expect(samples.count >= 6)
        #expect(samples.contains { $0.hasSuffix(".json") })
    }

    @Test(arguments: CaseFiles.samples())
    func goodSampleLoadsWithoutDiagnostics(_ file: String) {
        let text = CaseFiles.text(file)
        #expect(text.hasPrefix("#") || file.hasSuffix(".json"), "a YAML sample starts with a comment saying who the person is")
        let d = CaseFiles.diagnostics(text, file: file)
        #expect(d.isEmpty, "\(d.map(\.headline))")
    }

    @Test(arguments: CaseFiles.samples(in: "Samples/bad"))
    func badSampleFailsWithLocatedErrors(_ file: String) {
        let d = CaseFiles.diagnostics(CaseFiles.text(file), file: file)
        #expect(!d.isEmpty)
        #expect(d.allSatisfy { $0.location?.file == file && ($0.location?.line ?? 0) > 0 })
    }
}
