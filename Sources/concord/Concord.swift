import ArgumentParser

@main
struct Concord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "Finds which news articles, in any language, report the same real-world event.",
        subcommands: [
            IngestCommand.self, EventsCommand.self, EventCommand.self, ExplainCommand.self, ClusterCommand.self,
            CompareCommand.self, EvalCommand.self, TrainCommand.self, Embed.self,
        ]
    )
}
