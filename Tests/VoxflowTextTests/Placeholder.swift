import Testing
@testable import VoxflowText
