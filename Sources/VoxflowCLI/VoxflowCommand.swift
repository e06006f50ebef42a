import ArgumentParser

@main
struct VoxflowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voxflow",
        abstract: "Real-time, plugin-based text-to-speech: text in, speech out, through a graph of plugin nodes.",
        discussion: """
        Start with:  voxflow say "Hello there." -o hello.wav

        Plugins are loaded from $VOXFLOW_PLUGIN_PATH, the folder of this executable, and \
        ~/.local/lib/voxflow/plugins (`voxflow plugins` lists them). Scripts: docs/lua-api.md.
        """,
        version: "0.1.0",
        subcommands: [SayCommand.self, DubCommand.self, NormalizeCommand.self, TagCommand.self, RunCommand.self, CheckCommand.self, GraphCommand.self, PluginsCommand.self, VoicesCommand.self, ServeCommand.self, SpeechdModuleCommand.self])
}
