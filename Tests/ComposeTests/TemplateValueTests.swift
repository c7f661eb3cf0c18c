import Compose
import DossierCore
import Testing

@Suite struct TemplateValueTests {
    @Test func pathLookupFollowsObjectsAndListIndexes() {
        let value: TemplateValue = ["case": ["id": "X-1", "docs": [["title": "A"], ["title": "B"]]]]
        #expect(value.value(at: "case.id") == "X-1")
        #expect(value.value(at: "case.docs.1.title") == "B")
        #expect(value.value(at: "case.docs.2.title") == nil)
        #expect(value.value(at: "case.nope") == nil)
        #expect(value.value(at: "case.id.more") == nil)
    }

    @Test func objectsKeepTheirOrderAndCompareByIt() {
        let a: TemplateValue = ["b": 1, "a": 2]
        let b: TemplateValue = ["a": 2, "b": 1]
        guard case .object(let pairs) = a else { Issue.record("not an object"); return }
        #expect(pairs.map(\.key) == ["b", "a"])
        #expect(a != b)
        #expect(a == TemplateValue.object(["b": 1, "a": 2]))
        #expect(Set([a, a, b]).count == 2)
    }

    @Test func truthiness() {
        #expect(!TemplateValue.string("").isTruthy)
        #expect(TemplateValue.string("x").isTruthy)
        #expect(!TemplateValue.number(0).isTruthy)
        #expect(TemplateValue.number(-1).isTruthy)
        #expect(!TemplateValue.list([]).isTruthy)
        #expect(!TemplateValue.object([]).isTruthy)
        #expect(!TemplateValue.null.isTruthy)
        #expect(!TemplateValue.localized(LocalizedText()).isTruthy)
        #expect(TemplateValue.localized(LocalizedText([("en", "x")])).isTruthy)
    }

    @Test func builders() {
        #expect(TemplateValue.optional(nil) == .null)
        #expect(TemplateValue.date(CalendarDate(year: 2027, month: 2, day: 3)!) == "2027-02-03")
        #expect(TemplateValue.money(Money(minorUnits: 138_500, currency: "USD")) == "$1,385.00")
    }
}
