import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `dossier serve` built from these sources, on a free port of 127.0.0.1, with everything it prints kept.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    let url: String
    let port: Int
    private let lock = NSLock()
    private var printed = Data()

    init(_ extra: [String] = []) throws {
        process.executableURL = URL(fileURLWithPath: Repository.executable)
        process.arguments = ["serve", "--resources", Repository.root, "--port", "0", "--date", "2026-11-22"] + extra
        process.currentDirectoryURL = URL(fileURLWithPath: Repository.root)
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let handle = pipe.fileHandleForReading
        var seen = ""
        let deadline = Date().addingTimeInterval(60)
        while !seen.contains("\n") || !seen.contains("listening on"), Date() < deadline {
            let data = handle.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        guard let range = seen.range(of: #"http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression) else {
            process.terminate()
            throw NSError(domain: "ServerProcess", code: 1, userInfo: [NSLocalizedDescriptionKey: "the server did not start: \(seen)"])
        }
        url = String(seen[range])
        port = Int(url.split(separator: ":").last!.dropLast())!
        printed = Data(seen.utf8)
        handle.readabilityHandler = { [weak self] h in
            let data = h.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.lock(); self.printed.append(data); self.lock.unlock()
        }
    }

    /// What the server printed so far (its log).
    var log: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: printed, as: UTF8.self)
    }

    func stop() {
        if process.isRunning { process.interrupt() }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { process.terminate() } }
}

/// A plain HTTP/1.1 client for one request at a time (`Connection: close`), cookies kept by hand like a browser.
struct HTTP {
    let port: Int
    var cookie: String?

    struct Reply {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    }

    mutating func get(_ path: String, headers: [(String, String)] = []) throws -> Reply {
        try send("GET", path, headers: headers, body: [])
    }

    mutating func post(_ path: String, form: [(String, String)]) throws -> Reply {
        let body = form.map { Self.encode($0.0) + "=" + Self.encode($0.1) }.joined(separator: "&")
        return try send("POST", path, headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array(body.utf8))
    }

    mutating func upload(_ path: String, csrf: String, fileName: String, content: [UInt8]) throws -> Reply {
        let boundary = "----dossier-test-boundary"
        var body = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(csrf)\r\n".utf8)
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += content
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return try send("POST", path, headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")], body: body)
    }

    static func encode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    mutating func send(_ method: String, _ path: String, headers: [(String, String)], body: [UInt8]) throws -> Reply {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
        for (k, v) in headers { head += "\(k): \(v)\r\n" }
        if let cookie { head += "Cookie: \(cookie)\r\n" }
        let request = Array((head + "\r\n").utf8) + body
        var sent = 0
        while sent < request.count {
            let n = request[sent...].withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }  // the server may answer (413) and close before the whole body is sent
            sent += n
        }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            response += buffer[0..<n]
        }
        guard let split = response.firstRange(of: Array("\r\n\r\n".utf8)) else { throw POSIXError(.EPROTO) }
        let lines = String(decoding: response[..<split.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let parsed = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var content = Array(response[split.upperBound...])
        if parsed.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.lowercased().contains("chunked") }) {
            content = Self.dechunk(content)
        }
        if let set = parsed.first(where: { $0.0.lowercased() == "set-cookie" })?.1 {
            cookie = String(set.split(separator: ";")[0])
        }
        return Reply(status: status, headers: parsed, body: content)
    }

    static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard let end = bytes[i...].firstRange(of: [13, 10]) else { break }
            let size = Int(String(decoding: bytes[i..<end.lowerBound], as: UTF8.self).split(separator: ";")[0], radix: 16) ?? 0
            if size == 0 { break }
            let start = end.upperBound
            out += bytes[start..<min(bytes.count, start + size)]
            i = start + size + 2
        }
        return out
    }
}

extension HTTP.Reply {
    /// The value of the hidden `csrf` field of the page.
    var csrf: String? {
        guard let r = text.range(of: #"name="csrf" value="[0-9a-f]+""#, options: .regularExpression) else { return nil }
        return String(text[r].split(separator: "\"")[3])
    }

    /// The value of the hidden `page` field (the page shown).
    var page: String? {
        guard let r = text.range(of: #"name="page" value="[^"]+""#, options: .regularExpression) else { return nil }
        return String(text[r].split(separator: "\"")[3])
    }
}
