// swift-tools-version:6.0
// A speech engine plugin from one small folder, as an out-of-tree author writes one: it depends on the SDK package and
// nothing else, declares its voices and renders a phrase. The tests build it and use it from every front door of
// Voxflow (voices, say, dub, Lua, the server) with no change to the host.
import PackageDescription

let package = Package(
    name: "ToneEngine",
    products: [.library(name: "VoxflowPluginToneEngine", type: .dynamic, targets: ["ToneEngine"])],
    dependencies: [.package(path: "../../../Plugins/VoxflowKit")],
    targets: [.target(name: "ToneEngine", dependencies: [.product(name: "VoxflowKit", package: "VoxflowKit")], path: "Sources")]
)
