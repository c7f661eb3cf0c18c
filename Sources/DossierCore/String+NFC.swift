import Foundation

extension String {
    /// Canonical composition (NFC), so the tree, the HTML and the PDF carry one spelling of "ệ".
    /// Most text is already NFC: a string whose scalars all lie in ranges with no decomposition or composition
    /// (ASCII, Latin-1 and Latin Extended-A/B, precomposed letters with stacked diacritics, common punctuation) is returned as is,
    /// and only the rest goes through Foundation's normalizer, which costs far more.
    public var nfc: String {
        if unicodeScalars.allSatisfy(Self.isStableUnderNFC) { return self }
        return precomposedStringWithCanonicalMapping
    }

    private static func isStableUnderNFC(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0..<0x0300: return true                 // up to the combining diacritical marks
        case 0x1E00...0x1EFF: return true            // Latin Extended Additional (precomposed letters such as ệ)
        case 0x2010...0x2027, 0x2030...0x205E: return true  // dashes, quotes, bullets, ellipsis (no singletons here)
        case 0x20A0...0x20C0: return true            // currency signs
        default: return false
        }
    }
}
