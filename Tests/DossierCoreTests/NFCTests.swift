import DossierCore
import Testing

/// NFC: one spelling of every Vietnamese letter, whether the input was composed or not; the fast path changes nothing.
@Suite struct NFCTests {
    @Test func decomposedVietnameseIsComposed() {
        let nfd = "Tuye\u{0302}n the\u{0323}\u{0302} \u{0111}o\u{0323}\u{0302}c tha\u{0302}n"
        #expect(Array(nfd.nfc.unicodeScalars) == Array("Tuyên thệ độc thân".unicodeScalars))
    }

    @Test func composedTextIsReturnedUnchanged() {
        let text = "Giấy chứng nhận chưa kết hôn — “Đổng lý” $1,385.00 … ₫"
        #expect(Array(text.nfc.unicodeScalars) == Array(text.unicodeScalars))
    }

    @Test func singletonsOutsideTheFastPathAreNormalized() {
        #expect(Array("\u{2126}".nfc.unicodeScalars) == ["\u{03A9}"], "OHM SIGN becomes GREEK CAPITAL OMEGA")
        #expect(Array("A\u{030A}".nfc.unicodeScalars) == ["\u{00C5}"])
    }
}
