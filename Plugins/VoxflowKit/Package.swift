// swift-tools-version:6.0
// The Voxflow plugin SDK. It is its own package so that the host and every plugin link one
// shared copy of its types (a target of the host package would be linked statically into each
// binary, giving every plugin its own copy of each protocol and breaking `as?` across them).
import PackageDescription

let package = Package(
    name: "VoxflowKit",
    products: [
        .library(name: "VoxflowKit", type: .dynamic, targets: ["VoxflowKit"]),
    ],
    targets: [
        .target(name: "CVoxflowKit"),
        .target(name: "VoxflowKit", dependencies: ["CVoxflowKit"]),
    ]
)
