import ArgumentParser
import CaseModel
import DossierCore

/// `dossier schema [PROCEDURE]`: the case-file format as JSON Schema, generated from the rule book.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the case-file schema (JSON Schema 2020-12).")
    @Argument(help: "Only what this procedure reads.") var procedure: String?
    @OptionGroup var common: CommonOptions

    func run() throws {
        let schema = try common.dossier(pdf: false).book.schema
        if let procedure, schema.procedure(procedure) == nil {
            throw ValidationError("unknown procedure `\(procedure)`; available: \(schema.procedures.map(\.id).joined(separator: ", "))")
        }
        Terminal.out(JSONSchemaWriter.schema(schema, procedure: procedure).serialized())
    }
}
