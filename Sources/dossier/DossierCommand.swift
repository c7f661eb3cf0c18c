import ArgumentParser

/// `dossier`: turns case files into complete, checked, bilingual packets.
struct DossierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turn an immigration or consular case file into a complete, printable packet.",
        discussion: "Exit codes: 0 all good; 1 some input had errors (the rest still rendered); 2 usage error; 3 internal error.",
        subcommands: [ProceduresCommand.self, SchemaCommand.self, CheckCommand.self, ExplainCommand.self, RenderCommand.self, DiffCommand.self,
                      InterviewCommand.self, ServeCommand.self, ReportCommand.self])
}
