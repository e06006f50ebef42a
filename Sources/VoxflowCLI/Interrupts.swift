import Dispatch
import Foundation
import VoxflowKit

/// On SIGINT or SIGTERM: delete every partial output file, then exit (130 / 143). The handler
/// runs on a dispatch queue, not in signal context, so it may take locks.
enum Interrupts {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        for (sig, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                PartialFiles.removeAll()
                FileHandle.standardError.write(Data("voxflow: interrupted; no output was written\n".utf8))
                exit(code)
            }
            source.resume()
            sources.append(source)
        }
    }
}
