import Foundation
import CCrypto

/// SHA-256 from OpenSSL's libcrypto: the keys of the dub cache and the server's phrase cache.
public enum SHA256 {
    public static func hex(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { b in _ = CCrypto.SHA256(b.baseAddress, b.count, &digest) }
        return digest.map { String(format: "%02x", $0) }.joined()
    }
}
