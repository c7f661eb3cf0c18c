import ArgumentParser
import CaseModel
import DossierCore

/// `dossier schema [PROCEDURE]`: the case-file format as JSON Schema.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the case-file schema (JSON Schema 2020-12).")
    @Argument(help: "Only what this procedure reads.") var procedure: String?

    func validate() throws {
        if let procedure, CaseSchema.section(for: procedure) == nil {
            throw ValidationError("unknown procedure `\(procedure)`; see `dossier procedures`")
        }
    }

    func run() throws {
        Terminal.out(JSONSchemaWriter.schema(procedure: procedure).serialized())
    }
}
