import Foundation

extension String {
    /// Canonical composition (NFC), so the tree, the HTML and the PDF carry one spelling of "ệ".
    var nfc: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        return precomposedStringWithCanonicalMapping
    }
}
