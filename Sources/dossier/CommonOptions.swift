import ArgumentParser
import DossierCore
import DossierKit
import Foundation

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Flag(name: .long, help: "Machine-readable JSON on stdout instead of text.")
    var json = false

    @Option(name: .long, help: "Folder holding Rules/, Templates/ and Fonts/ (default: $DOSSIER_HOME, the current folder, or the install).")
    var resources: String?

    @Option(name: .long, help: "Folder of templates to use instead of the built-in Templates/.")
    var templates: String?

    @Option(name: .long, help: "Rule-book folder to use instead of the built-in Rules/ (its procedures, people model and tables).")
    var rules: String?

    /// The resources folder: explicit, $DOSSIER_HOME, the current folder, or a folder above the executable.
    func resourceFolder() -> String {
        if let resources { return resources }
        if let home = ProcessInfo.processInfo.environment["DOSSIER_HOME"] { return home }
        let fm = FileManager.default
        if fm.fileExists(atPath: "Rules/sources.yaml") { return "." }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            if fm.fileExists(atPath: url.appendingPathComponent("Rules/sources.yaml").path) { return url.path }
            url.deleteLastPathComponent()
        }
        return "."
    }

    /// A folder named on the command line must be a folder: a usage error (exit 2) otherwise.
    func validate() throws {
        for (flag, folder) in [("--resources", resources), ("--templates", templates), ("--rules", rules)] {
            guard let folder else { continue }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("\(flag) \(folder): no such folder")
            }
        }
    }

    /// Loads the facade, or prints why not and exits: 2 when the folder is the user's (`--resources`, `--templates`,
    /// `$DOSSIER_HOME`), 3 when our own installed resources are broken (an internal error).
    func dossier(pdf: Bool) throws -> Dossier {
        do {
            return try Dossier(world: FileSystemWorld(), resources: resourceFolder(), rules: rules, templates: templates, pdf: pdf)
        } catch {
            Terminal.printDiagnostics(error.diagnostics, sources: [:], json: json)
            let userFolder = resources ?? rules ?? templates ?? ProcessInfo.processInfo.environment["DOSSIER_HOME"]
            if let userFolder {
                let flag = resources != nil ? "--resources" : rules != nil ? "--rules" : templates != nil ? "--templates" : "$DOSSIER_HOME"
                Terminal.error("error: \(flag) \(userFolder) cannot be used: see the problems above")
                throw ExitCode(2)
            }
            throw ExitCode(3)
        }
    }
}

/// `--date YYYY-MM-DD`, within the dates a case may give (1800–2200).
struct EvaluationDate: ExpressibleByArgument {
    var date: CalendarDate
    init?(argument: String) {
        guard let d = CalendarDate(iso: argument), CalendarDate.caseRange.contains(d) else { return nil }
        date = d
    }
}
