import TestSupport
import DossierCore
import DossierKit
import Foundation
import Testing

/// The preparer's logo resolves inside the case file's folder only, and its size is bounded before it is decoded
/// (issue 15, point 6: `../..`, absolute paths and links copied any file into the packet; a 20000×20000 PNG took 87 s).
@Suite(.serialized) struct LogoTests {
    static let dossier: Dossier? = try? Dossier(world: FileSystemWorld(), resources: Repository.root, pdf: false)
    static let sample = "Samples/divorced-washington-mail-power-of-attorney.yaml"
    static let root = Repository.temporaryFolder("logo")
    static let outside = Repository.temporaryFolder("logo-outside")

    /// A case folder with the sample's logo, a secret outside it, and links of both kinds.
    static let setUp: Bool = {
        let fm = FileManager.default
        try? fm.createDirectory(atPath: root + "/case/logos", withIntermediateDirectories: true)
        try? fm.copyItem(atPath: Repository.path("Samples/logos/pacific-bridge.png"), toPath: root + "/case/logos/firm.png")
        try? fm.copyItem(atPath: Repository.path("Samples/logos/pacific-bridge.png"), toPath: outside + "/passport.png")
        try? fm.createSymbolicLink(atPath: root + "/case/logos/inside-link.png", withDestinationPath: root + "/case/logos/firm.png")
        try? fm.createSymbolicLink(atPath: root + "/case/logos/escape.png", withDestinationPath: outside + "/passport.png")
        try? fm.createSymbolicLink(atPath: root + "/case/up", withDestinationPath: outside)
        // A PNG header claiming 20000×20000 pixels: refused from the header, never inflated.
        let bomb: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
                             0, 0, 0x4E, 0x20, 0, 0, 0x4E, 0x20, 8, 6, 0, 0, 0, 0, 0, 0, 0]
        fm.createFile(atPath: root + "/case/logos/bomb.png", contents: Data(bomb + [UInt8](repeating: 0, count: 4096)))
        fm.createFile(atPath: root + "/case/logos/huge.png", contents: Data(bomb.prefix(29) + [UInt8](repeating: 0, count: 6 * 1024 * 1024)))
        fm.createFile(atPath: root + "/case/logos/notes.txt", contents: Data("hello".utf8))
        return true
    }()

    static func text(logo: String) throws -> String {
        try String(contentsOfFile: Repository.path(sample), encoding: .utf8)
            .replacingOccurrences(of: "logo: logos/pacific-bridge.png", with: "logo: \"\(logo)\"")
    }

    /// Where the logo's value is written in the case.
    static var logoPlace: String { TextPlaces.place(of: "\"", in: (try? text(logo: "x")) ?? "", after: "logo: ") }

    static func render(logo: String) throws -> RenderedCase {
        _ = setUp
        let dossier = try #require(Self.dossier)
        return dossier.render(CaseInput(name: root + "/case/c.yaml", text: try text(logo: logo), folder: root + "/case"),
                              formats: OutputFormats(html: true, pdf: false), date: nil)
    }

    @Test(arguments: ["logos/firm.png", "logos/inside-link.png", "./logos/firm.png"])
    func aLogoInsideTheCaseFolderIsUsed(_ logo: String) throws {
        let result = try Self.render(logo: logo)
        #expect(result.status == .ok, "\(result.diagnostics.map(\.headline))")
        #expect(result.files.contains { $0.name == "logo.png" })
    }

    @Test(arguments: [
        ("/etc/passwd", "the path `/etc/passwd` is absolute; give it relative to the case file's folder"),
        ("../../logo-outside/passport.png", "the path `../../logo-outside/passport.png` leaves the case file's folder (`..`)"),
        ("logos/../../x.png", "the path `logos/../../x.png` leaves the case file's folder (`..`)"),
        ("logos/escape.png", "the path `logos/escape.png` is a link to a file outside the case file's folder"),
        ("up/passport.png", "the path `up/passport.png` is a link to a file outside the case file's folder"),
        ("logos/missing.png", "`logos/missing.png`: no such file in the case file's folder"),
        ("logos/notes.txt", "`logos/notes.txt` is neither PNG nor JPEG"),
        ("logos/huge.png", "`logos/huge.png` is 6291485 bytes; the limit is 5242880 (5 MiB)"),
        ("logos/bomb.png", "`logos/bomb.png` is 20000×20000 pixels; the limit is 4000×4000"),
    ])
    func aLogoOutsideTheFolderOrTooBigIsALocatedError(logo: String, why: String) throws {
        let clock = ContinuousClock()
        var result: RenderedCase?
        let elapsed = try clock.measure { result = try Self.render(logo: logo) }
        let r = try #require(result)
        #expect(r.status == .error)
        #expect(r.files.isEmpty)
        let error = try #require(r.diagnostics.first)
        #expect(error.code == "CASE030")
        #expect(error.message == "cannot read the preparer's logo: \(why)")
        #expect(error.location.map { "\($0.line):\($0.column)" } == Self.logoPlace)
        #expect(elapsed < .seconds(2))
    }

    /// A NUL (YAML's `\0`) in the path is refused at load: stripping it would name another file.
    @Test func aNULInTheLogoPathIsAnErrorNotStripped() throws {
        let r = try Self.render(logo: "logos/firm.png\\0.txt")
        #expect(r.status == .error)
        #expect(r.diagnostics.map(\.headline) == [
            "\(Self.root)/case/c.yaml:\(Self.logoPlace): error[CASE030]: `case.preparer.logo`: a file path cannot contain U+0000 (control character)",
        ])
    }
}
