// swift-tools-version:6.0
// Voxflow: the host (graph runtime, plugin loader, CLI) and one dynamic library per node plugin.
// Plugin targets always name their `path:` (SwiftPM reserves Plugins/ for its own package
// plugins otherwise). The SDK, Plugins/VoxflowKit, is a package of its own so that the host and
// every plugin share one copy of its types.
import PackageDescription

/// A node plugin: a dynamic library `libVoxflowPlugin<Name>.so`, loaded at run time. C code only this plugin uses lives
/// in a subfolder of its own (`exclude`d here, a target of its own below), so a plugin is one folder.
func plugin(_ name: String, dependencies: [Target.Dependency] = [], own: [String] = []) -> (Product, Target) {
    (.library(name: "VoxflowPlugin\(name)", type: .dynamic, targets: [name]),
     .target(name: name, dependencies: [.product(name: "VoxflowKit", package: "VoxflowKit")] + dependencies,
             path: "Plugins/\(name)", exclude: own))
}

let plugins = [
    plugin("TextNormalize", dependencies: ["VoxflowText"]),
    plugin("ProsodyTag", dependencies: ["VoxflowText"]),
    plugin("AcousticFlite", dependencies: ["CFlite"], own: ["CFlite"]),
    plugin("AcousticEspeak", dependencies: ["CEspeak"], own: ["CEspeak"]),
    plugin("VocoderPassthrough"),
    plugin("VocoderStretch", dependencies: ["CRubberBand"], own: ["CRubberBand"]),
    plugin("ResampleSoxr", dependencies: ["CSoxr"]),
    plugin("SinkFile", dependencies: ["CSndfile"]),
    plugin("SinkJack", dependencies: ["CJackSink"], own: ["CJackSink"]),
    plugin("AcousticSherpa", dependencies: ["CSherpa"], own: ["CSherpa", "Check"]),
]

let kit: Target.Dependency = .product(name: "VoxflowKit", package: "VoxflowKit")

let package = Package(
    name: "Voxflow",
    products: [
        .executable(name: "voxflow", targets: ["VoxflowCLI"]),
    ] + plugins.map(\.0),
    dependencies: [
        .package(path: "Plugins/VoxflowKit"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.6.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
    ],
    targets: [
        // C libraries
        .systemLibrary(name: "CSoxr", pkgConfig: "soxr", providers: [.apt(["libsoxr-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),  // SHA-256 (dub cache keys)
        .systemLibrary(name: "CRubberBand", path: "Plugins/VocoderStretch/CRubberBand", pkgConfig: "rubberband",
                      providers: [.apt(["librubberband-dev"])]),
        .systemLibrary(name: "CLua", pkgConfig: "lua5.4", providers: [.apt(["liblua5.4-dev"])]),
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        .systemLibrary(name: "CJack", pkgConfig: "jack", providers: [.apt(["libjack-jackd2-dev"])]),
        .target(name: "CJackSink", dependencies: ["CJack"], path: "Plugins/SinkJack/CJackSink"),  // the real-time part, in C
        .target(name: "CJackCapture", dependencies: ["CJack"]),  // a real JACK client that records, for tests and bench
        .systemLibrary(name: "CSndfile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        // flite's voice libraries are dlopen'ed on first use (see cflite.c); only the core is linked.
        .target(name: "CFlite", path: "Plugins/AcousticFlite/CFlite", linkerSettings: [
            .linkedLibrary("flite_usenglish"), .linkedLibrary("flite_cmulex"), .linkedLibrary("flite"), .linkedLibrary("dl"),
        ]),

        .target(name: "CEspeak", path: "Plugins/AcousticEspeak/CEspeak", linkerSettings: [.linkedLibrary("dl")]),  // dlopens libespeak-ng (see cespeak.h); headers from libespeak-ng-dev
        // sherpa-onnx (neural voices) and libespeak-ng's phonemizer, both dlopen'ed (see csherpa.h); and the child process
        // that opens an untrusted model first (a model with broken metadata kills the process that opens it).
        .target(name: "CSherpa", path: "Plugins/AcousticSherpa/CSherpa", linkerSettings: [.linkedLibrary("dl")]),
        .executableTarget(name: "VoxflowSherpaCheck", dependencies: ["CSherpa"], path: "Plugins/AcousticSherpa/Check"),

        // The text front end (markup, normalization, pinyin, prosody tagging), shared by the text
        // plugins and the CLI's normalize/tag commands. Only VoxflowKit types cross a plugin boundary.
        .target(name: "VoxflowText", dependencies: [kit]),

        // Host modules
        .target(name: "VoxflowGraph", dependencies: [kit]),
        .target(name: "VoxflowPluginHost", dependencies: [kit, "VoxflowGraph", "CSoxr"]),
        .target(name: "VoxflowApp", dependencies: [
            kit, "VoxflowGraph", "VoxflowPluginHost", "VoxflowText", "CSndfile", "CCrypto", .product(name: "Logging", package: "swift-log"),
        ]),
        // Dubbing: subtitles in, a timeline-aligned track, stems and a report out (voxflow dub, vf.dub).
        .target(name: "VoxflowDub", dependencies: [kit, "VoxflowGraph", "VoxflowPluginHost", "VoxflowText", "VoxflowApp", "CSndfile", "CCrypto"]),
        .target(name: "VoxflowLua", dependencies: [kit, "VoxflowGraph", "VoxflowApp", "VoxflowDub", "VoxflowText", "CLuaShim"],
                resources: [.copy("voxflow.lua")]),
        // `voxflow serve`: HTTP, WebSocket and the web page, on Hummingbird 2.
        .target(name: "VoxflowServer", dependencies: [
            kit, "VoxflowApp", "VoxflowGraph", "VoxflowLua", "VoxflowText", "CSndfile",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "VoxflowCLI", dependencies: [
            "VoxflowApp", "VoxflowDub", "VoxflowLua", "VoxflowText", "VoxflowServer", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "Logging", package: "swift-log"),
        ]),

        // Benchmarks (scripts/bench runs it): sink.jack against a private dummy server.
        .executableTarget(name: "VoxflowJackBench", dependencies: ["VoxflowApp", "VoxflowGraph", "VoxflowTestSupport"]),

        // Tests: real plugins through the real loader, plus a capturing sink (VoxflowTestSupport).
        .target(name: "VoxflowTestSupport", dependencies: [kit, "VoxflowGraph", "VoxflowPluginHost", "CJackCapture"]),
        .testTarget(name: "VoxflowTextTests", dependencies: ["VoxflowText"]),
        .testTarget(name: "VoxflowGraphTests", dependencies: ["VoxflowGraph", "VoxflowTestSupport"]),
        .testTarget(name: "VoxflowPluginHostTests", dependencies: ["VoxflowPluginHost"]),
        .testTarget(name: "VoxflowPluginsTests", dependencies: ["VoxflowApp", "VoxflowLua", "VoxflowTestSupport"]),
        .testTarget(name: "VoxflowLuaTests", dependencies: ["VoxflowLua", "VoxflowApp", "VoxflowTestSupport"]),
        .testTarget(name: "VoxflowJackTests", dependencies: ["VoxflowApp", "VoxflowGraph", "VoxflowTestSupport", "CJackCapture"]),
        .testTarget(name: "VoxflowCLITests", dependencies: ["VoxflowApp", "VoxflowTestSupport"]),
    ] + plugins.map(\.1)
)
