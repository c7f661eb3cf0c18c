import DossierCore

/// Reads a `.jsonl` file a line at a time: each non-blank line is one case, parsed alone and placed at its own line
/// of the file. A line that is not UTF-8 or not a value is reported on its own; the other lines still render.
struct JSONLCases: IteratorProtocol {
    private let path: String
    private let folder: String
    private var lines: LineReader
    private var done = false

    init(path: String, stream: any ByteStream) {
        self.path = path
        self.folder = InputCollector.folder(of: path)
        self.lines = LineReader(stream: stream)
    }

    mutating func next() -> InputUnit? {
        while !done {
            let line: (number: Int, bytes: [UInt8])
            do {
                guard let l = try lines.next() else { done = true; return nil }
                line = l
            } catch {
                done = true
                return .problem(InputProblem(input: path, diagnostics: [.error("CASE001", "cannot read: \(error)", at: .file(path))]))
            }
            var bytes = line.bytes
            if line.number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
            let name = "\(path):\(line.number)"
            let text: String
            switch UTF8Text.decode(bytes, file: path, line: line.number) {
            case .failure(let d):
                return .problem(InputProblem(input: name, diagnostics: [d]))
            case .success(let t):
                text = t
            }
            guard !text.allSatisfy(\.isWhitespace) else { continue }
            let shift = line.number - 1
            switch Dossier.parseCase(text, file: path) {
            case .failure(let error):
                let placed = error.diagnostics.map { Self.onItsLine($0, text: text, file: path).movedDown(shift, in: path) }
                return .problem(InputProblem(input: name, diagnostics: placed,
                                             sources: [path: text], firstLines: [path: line.number]))
            case .success(let value):
                var input = CaseInput(name: path, text: text, folder: folder, firstLine: line.number)
                input.isRow = true
                input.value = value.movedDown(shift)
                return .case(input)
            }
        }
        return nil
    }

    /// The parser sees the line alone and reports a missing end past it: keep the position on the line, at its end.
    static func onItsLine(_ d: Diagnostic, text: String, file: String) -> Diagnostic {
        guard let location = d.location, location.file == file, location.line > 1 else { return d }
        var d = d
        d.location = SourceLocation(file: file, line: 1, column: text.unicodeScalars.count + 1)
        return d
    }
}
