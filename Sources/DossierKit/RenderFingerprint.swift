import DossierCore

/// The fingerprint of what a case's folder is rendered from: the case's own text (and a CSV's header), its name in
/// reports, the rule book, templates and fonts, the program, the formats and the evaluation date. Equal fingerprints
/// give byte-identical folders, so a rerun skips such cases.
public struct RenderFingerprint: Sendable {
    /// The digest of the resources and the program, shared by every case of a run.
    public let shared: String

    /// Hashes the files of `Rules/`, the templates and (for PDF output) `Fonts/`; `engine` identifies the program
    /// (a change of Dossier itself must render again).
    public init(world: World, resources: String, templates: String?, pdf: Bool, engine: String) {
        let hash = ContentHash()
        hash.add("engine", engine)
        var folders = [("rules", Dossier.join(resources, "Rules")), ("templates", templates ?? Dossier.join(resources, "Templates"))]
        if pdf { folders.append(("fonts", Dossier.join(resources, "Fonts"))) }
        for (label, folder) in folders {
            let files = (try? world.list(folder)) ?? []
            hash.add(label, String(files.count))
            for file in files {
                hash.add("name", String(file.dropFirst(folder.count)))
                hash.add("bytes", (try? world.read(file)) ?? [])
            }
        }
        shared = hash.hex()
    }

    /// The fingerprint of one case's folder.
    func of(_ input: CaseInput, formats: OutputFormats, date: CalendarDate?, world: World) -> String {
        let hash = ContentHash()
        hash.add("shared", shared)
        hash.add("formats", "\(formats.html) \(formats.pdf) \(formats.packet)")
        // The evaluation date: `--date`, else the case's own `prepared_on`, else today (then tomorrow renders again).
        let envelope = input.value?["case"]
        if let date { hash.add("date", date.iso) } else if envelope?["prepared_on"] != nil { hash.add("date", "prepared_on") } else {
            hash.add("date", world.today().iso)
        }
        hash.add("input", input.displayName)
        hash.add("context", input.context)
        hash.add("text", input.text)
        // The logo is copied into the folder: its bytes count too.
        if let logo = envelope?["preparer"]?["logo"]?.scalarText {
            hash.add("logo", logo)
            hash.add("logo-bytes", (try? world.read(logo.hasPrefix("/") ? logo : Dossier.join(input.folder, logo))) ?? [])
        }
        return hash.hex()
    }
}
