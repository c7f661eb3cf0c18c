import CCrypto

/// SHA-256 (OpenSSL's libcrypto) over labelled parts: the fingerprint of what a case's output depends on.
final class ContentHash {
    private let context: OpaquePointer

    init() {
        guard let context = EVP_MD_CTX_new() else { preconditionFailure("libcrypto cannot allocate a digest context") }
        self.context = context
        EVP_DigestInit_ex(context, EVP_sha256(), nil)
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Adds a part; each is labelled and length-prefixed so `ab`+`c` and `a`+`bc` hash differently.
    func add(_ label: String, _ bytes: [UInt8]) {
        update(Array("\(label):\(bytes.count):".utf8))
        update(bytes)
    }

    func add(_ label: String, _ text: String) { add(label, Array(text.utf8)) }

    private func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { _ = EVP_DigestUpdate(context, $0.baseAddress, $0.count) }
    }

    /// The digest as 64 lowercase hex digits; the hash is finished after this.
    func hex() -> String {
        var digest = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &digest, &length)
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest.prefix(Int(length)) { out.append(digits[Int(byte >> 4)]); out.append(digits[Int(byte & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}
