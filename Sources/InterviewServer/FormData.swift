import Foundation
import MultipartKit
import NIOCore

/// A submitted form's fields, in order; a name given several times (checkboxes) keeps every value.
struct FormData: Sendable {
    var fields: [(name: String, value: String)] = []

    subscript(name: String) -> String? { fields.first { $0.name == name }?.value }

    /// All values of a name, joined with ", " (several checked boxes of one question).
    func joined(_ name: String) -> String? {
        let values = fields.filter { $0.name == name }.map(\.value)
        return values.isEmpty ? nil : values.joined(separator: ", ")
    }

    /// `application/x-www-form-urlencoded`: `+` is a space, `%XX` a byte; malformed escapes are kept as typed.
    static func urlEncoded(_ body: String) -> FormData {
        var form = FormData()
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            form.fields.append((decode(parts[0]), parts.count > 1 ? decode(parts[1]) : ""))
        }
        return form
    }

    /// One uploaded file of a `multipart/form-data` body.
    struct Upload: Sendable {
        var fileName: String
        var bytes: [UInt8]
    }

    /// The text fields and the first file of a `multipart/form-data` body; nil when it cannot be parsed.
    static func multipart(_ body: ByteBuffer, contentType: String) -> (form: FormData, file: Upload?)? {
        guard let boundary = contentType.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) })
            .first(where: { $0.lowercased().hasPrefix("boundary=") })?.dropFirst(9).trimmingCharacters(in: CharacterSet(charactersIn: "\"")),
            !boundary.isEmpty, boundary.count <= 200 else { return nil }
        let parser = MultipartParser(boundary: boundary)
        var parts: [(headers: [(String, String)], body: [UInt8])] = []
        var headers: [(String, String)] = []
        var bytes: [UInt8] = []
        parser.onHeader = { name, value in headers.append((name, value)) }
        parser.onBody = { buffer in bytes += buffer.readBytes(length: buffer.readableBytes) ?? [] }
        parser.onPartComplete = {
            parts.append((headers, bytes))
            headers = []
            bytes = []
        }
        do { try parser.execute(body) } catch { return nil }
        var form = FormData()
        var file: Upload?
        for part in parts {
            guard let disposition = part.headers.first(where: { $0.0.lowercased() == "content-disposition" })?.1 else { continue }
            let params = Self.parameters(disposition)
            guard let name = params["name"] else { continue }
            if let fileName = params["filename"] {
                if file == nil, !fileName.isEmpty { file = Upload(fileName: fileName, bytes: part.body) }
            } else {
                form.fields.append((name, String(decoding: part.body, as: UTF8.self)))
            }
        }
        return (form, file)
    }

    /// `form-data; name="file"; filename="a.csv"` → name, filename.
    static func parameters(_ header: String) -> [String: String] {
        var out: [String: String] = [:]
        for piece in header.split(separator: ";").dropFirst() {
            let kv = piece.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            let key = kv[0].trimmingCharacters(in: .whitespaces).lowercased()
            var value = kv[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            out[key] = value
        }
        return out
    }
}
