import Compose
import DossierCore
import Foundation

/// Test inputs read from the Fixtures folder beside this file (no bundle resources needed).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The loader a `TemplateSet` gets: paths are relative to Fixtures.
    static func load(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: directory.appendingPathComponent(path)))
    }

    static func text(_ path: String) -> String {
        (try? load(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    static let strings: StringCatalog = {
        do {
            return try StringCatalog(sources: [
                .init(language: "en", file: "strings/en.yaml", bytes: try load("strings/en.yaml")),
                .init(language: "vi", file: "strings/vi.yaml", bytes: try load("strings/vi.yaml")),
            ])
        } catch {
            fatalError("fixture catalogs: \(error)")
        }
    }()

    static let bilingual = ComposeOptions(languages: ["en", "vi"])

    static func localized(_ en: String, _ vi: String) -> TemplateValue {
        .localized(LocalizedText([("en", en), ("vi", vi)]))
    }

    /// A context shaped like a small packet: two documents, one with a validity date, and fees.
    static let packet: TemplateValue = [
        "case": ["id": "VN-2027-014", "applicant": "Nguyễn Thị Mai", "date": "2027-03-15"],
        "packet": [
            "eligible": true,
            "verdict": localized("Eligible to marry in Vietnam", "Đủ điều kiện kết hôn tại Việt Nam"),
            "documents": [
                [
                    "title": localized("Certificate of single status", "Giấy xác nhận tình trạng hôn nhân"),
                    "steps": [localized("Certified copy", "Bản sao có chứng thực"), localized("Apostille", "Chứng nhận lãnh sự")],
                    "valid_from": "2026-09-15",
                    "source": "https://example.org/rules?a=1&b=2",
                    "citation": "Decree 123/2015, Art. 22",
                ],
                [
                    "title": localized("Passport copy", "Bản sao hộ chiếu"),
                    "steps": [localized("Notarized copy", "Bản sao công chứng")],
                    "valid_from": nil,
                    "source": "https://example.org/passport",
                    "citation": "Law 60/2019",
                ],
            ],
            "fees": [
                ["label": localized("Apostille", "Chứng nhận lãnh sự"), "amount": "$20.00"],
                ["label": localized("Translation", "Bản dịch"), "amount": "$1,385.00"],
            ],
        ],
    ]

    static func template(_ text: String, file: String = "test.xhtml") throws -> Template {
        try Template(file: file, text: text)
    }

    /// Wraps body markup in the html/head/body skeleton; the body content starts on line 4.
    static func page(_ body: String, title: String = "T") -> String {
        """
        <html xmlns:t="urn:dossier:template">
        <head><title>\(title)</title></head>
        <body>
        \(body)
        </body>
        </html>
        """
    }

    /// The diagnostics a throwing call produced, or [] when it succeeded.
    static func diagnostics<T>(_ body: () throws(DiagnosticError) -> T) -> [Diagnostic] {
        do {
            _ = try body()
            return []
        } catch {
            return error.diagnostics
        }
    }
}
