import ArgumentParser
import Foundation
import VoxflowApp
import VoxflowServer

struct SpeechdModuleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "speechd-module",
        abstract: "Run as a speech-dispatcher output module (its module protocol on stdin/stdout), for Orca and every speech-dispatcher client.",
        discussion: """
        speech-dispatcher starts it; docs/integrations.md has the configuration. speech-dispatcher runs a module \
        as `MODULE CONFIG-FILE`, so point AddModule at a two-line script:
          #!/bin/sh
          exec voxflow speechd-module "$@"
        """)

    @Argument(help: "The module configuration file speech-dispatcher passes (read by nothing yet).")
    var configFile: String?

    @Option(help: "A copy of presets/say.lua with your own graph (it must end in sink.stream named 'out').")
    var preset: String?

    func run() async throws {
        let voxflow = Voxflow()
        for r in voxflow.plugins.refused { FileHandle.standardError.write(Data("voxflow speechd-module: plugin refused: \(r)\n".utf8)) }
        let status = await SpeechdModule(voxflow: voxflow, preset: preset).run()
        if status != 0 { throw ExitCode(status) }
    }
}
