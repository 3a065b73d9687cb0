import ArgumentParser

@main
struct Concord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "Finds which news articles, in any language, report the same real-world event.",
        version: Concord.version,
        subcommands: [
            IngestCommand.self, EventsCommand.self, EventCommand.self, ExplainCommand.self, ClusterCommand.self,
            CompareCommand.self, EvalCommand.self, TrainCommand.self, Embed.self, StatsCommand.self, ServeCommand.self,
        ]
    )

    /// The version `concord --version` prints.
    static let version = "0.5.0"
}
