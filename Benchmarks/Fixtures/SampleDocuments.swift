import DocumentModel

/// Hand-built document trees shaped like Dossier's real output (bilingual checklist, cover letter, statement), for
/// tests and benchmarks of the PDF engine; they need no case file, rule book or template.
public enum SampleDocuments {
    /// A bilingual checklist: letterhead, verdict, `items` document items each with tick-box steps, a fees table
    /// with `feeRows` rows, a deadlines table, warnings and a disclaimer.
    public static func checklist(caseID: String = "VN-2027-014", items: Int = 6, feeRows: Int = 8,
                                 logo: String? = nil) -> Document {
        var body: [Node] = []
        var letterhead: [Node] = []
        if let logo {
            letterhead += [el("img", ["class": "logo", "src": logo, "alt": "Lotus Legal Services"]), el("br")]
        }
        letterhead += [el("strong", [:], [txt("Lotus Legal Services")]), el("br"),
                       txt("1200 Westlake Ave N, Seattle, WA 98109"), el("br"), txt("+1 206 555 0143 · "),
                       el("a", ["href": "mailto:help@lotus.example"], [txt("help@lotus.example")])]
        body.append(el("div", ["class": "letterhead"], letterhead))
        body.append(el("h1", [:], bilingual("Document checklist: marrying in Vietnam", "Danh mục giấy tờ: kết hôn tại Việt Nam")))
        body.append(el("p", ["class": "meta"], [
            en("Prepared for Nguyễn Thị Mai and Daniel Brooks on 2027-03-15"), el("br"),
            en("Case \(caseID) · filing at the Consulate General of Vietnam in San Francisco"), el("br"),
            vi("Lập cho Nguyễn Thị Mai và Daniel Brooks ngày 15/03/2027"),
        ]))
        body.append(el("div", ["class": "verdict"], [
            el("p", [:], [el("strong", [:], bilingual("Eligible to marry in Vietnam", "Đủ điều kiện kết hôn tại Việt Nam"))]),
            el("p", [:], bilingual("Both partners are over the legal age and neither has a prior marriage on record.",
                                  "Cả hai bên đều đã đủ tuổi kết hôn và không có hôn nhân trước đó được ghi nhận.")
               + [el("br"), el("span", ["class": "cite"], [txt("Source: Law on Marriage and Family 52/2014/QH13, Art. 8")])]),
        ]))
        body.append(el("h2", [:], bilingual("Documents", "Giấy tờ")))
        for i in 0..<items {
            body.append(item(number: i + 1, sample: itemSamples[i % itemSamples.count]))
        }
        body.append(el("h2", [:], bilingual("Fees", "Lệ phí")))
        var rows: [Node] = []
        for i in 0..<feeRows {
            let fee = feeSamples[i % feeSamples.count]
            rows.append(el("tr", [:], [
                el("td", [:], bilingual(fee.en, fee.vi) + [el("br"), el("span", ["class": "cite"], [txt(fee.cite)])]),
                el("td", [:], [txt(fee.payee)]),
                el("td", ["class": "amount"], [txt(fee.amount)]),
            ]))
        }
        rows.append(el("tr", [:], [el("td", [:], [el("strong", [:], bilingual("Total", "Tổng cộng"))]), el("td"),
                                  el("td", ["class": "amount"], [el("strong", [:], [txt("$1,385.00")])])]))
        body.append(el("table", ["class": "fees"], [
            el("thead", [:], [el("tr", [:], [
                el("th", [:], bilingual("Item", "Khoản")), el("th", [:], bilingual("Payable to", "Nộp cho")),
                el("th", ["class": "amount"], bilingual("Amount", "Số tiền")),
            ])]),
            el("tbody", [:], rows),
        ]))
        body.append(el("h2", [:], bilingual("Deadlines", "Thời hạn")))
        body.append(el("table", ["class": "deadlines"], [
            el("thead", [:], [el("tr", [:], [el("th", [:], bilingual("Date", "Ngày")), el("th", [:], bilingual("What", "Việc cần làm"))])]),
            el("tbody", [:], [
                el("tr", [:], [el("td", [:], [el("strong", [:], [txt("2027-04-30")])]),
                              el("td", [:], bilingual("Apostille requests reach the Secretary of State",
                                                     "Hồ sơ hợp pháp hóa phải đến Văn phòng Bộ trưởng Ngoại giao bang"))]),
                el("tr", [:], [el("td", [:], [el("strong", [:], [txt("2027-06-15")])]),
                              el("td", [:], bilingual("Single-status certificate expires (6 months)",
                                                     "Giấy xác nhận tình trạng hôn nhân hết hạn (6 tháng)"))]),
            ]),
        ]))
        body.append(el("h2", [:], bilingual("Warnings", "Lưu ý")))
        body.append(el("div", ["class": "warning"], [
            el("p", [:], bilingual("Translations must be made by a translator registered with a Vietnamese notary; "
                                  + "a translation made abroad needs its own legalization.",
                                  "Bản dịch phải do người dịch đã đăng ký với tổ chức hành nghề công chứng Việt Nam thực hiện; "
                                  + "bản dịch ở nước ngoài phải được hợp pháp hóa lãnh sự riêng.")),
            el("p", ["class": "cite"], [txt("Decree 23/2015/ND-CP, Art. 27")]),
        ]))
        body.append(el("div", ["class": "warning verify"], [
            el("p", [:], bilingual("Check the consulate's current fee schedule before paying.",
                                  "Hãy kiểm tra biểu phí hiện hành của lãnh sự quán trước khi nộp tiền.")),
        ]))
        body.append(el("p", ["class": "small muted"], bilingual(
            "This checklist explains the rules in force on the case date. It is not legal advice.",
            "Danh mục này giải thích các quy định có hiệu lực vào ngày lập hồ sơ. Đây không phải là tư vấn pháp lý.")))
        return Document(name: "checklist", title: "\(caseID) — Document checklist / Danh mục giấy tờ", language: "en",
                        runningHeader: caseID, body: Element("body", [Attribute("class", "checklist")], body))
    }

    /// A cover letter (English, with a Vietnamese subject line) of about one page.
    public static func coverLetter(caseID: String = "VN-2027-014") -> Document {
        let paragraphs = [
            "I am writing to submit the documents listed below in support of my application for a certificate of "
                + "no impediment to marriage, so that I may marry Nguyễn Thị Mai in Hồ Chí Minh City.",
            "Each document has been certified, translated into Vietnamese by a registered translator and legalized as "
                + "your office requires. The translations are attached behind each original.",
            "Please contact me by telephone or e-mail if anything further is needed. Thank you for your assistance.",
        ]
        var body: [Node] = [
            el("div", ["class": "letterhead"], [el("strong", [:], [txt("Daniel Brooks")]), el("br"),
                                                 txt("418 Pine Street, Seattle, WA 98101")]),
            el("p", [:], [txt("Consulate General of the Socialist Republic of Vietnam"), el("br"),
                         txt("1700 California Street, Suite 580, San Francisco, CA 94109")]),
            el("h2", [:], bilingual("Application for a certificate of no impediment",
                                   "Đơn xin cấp giấy xác nhận không có trở ngại kết hôn")),
            el("p", [:], [txt("Dear Consul,")]),
        ]
        body += paragraphs.map { el("p", [:], [txt($0)]) }
        body.append(el("ol", ["class": "enclosures"], itemSamples.map { el("li", [:], bilingual($0.en, $0.vi)) }))
        body.append(el("p", ["class": "signature"], [txt("Sincerely,"), el("br"), el("br"), txt("Daniel Brooks")]))
        return Document(name: "cover-letter", title: "\(caseID) — Cover letter", language: "en", runningHeader: caseID,
                        body: Element("body", [Attribute("class", "letter")], body))
    }

    /// A sworn statement in Vietnamese with an English translation, justified, with a jurat box.
    public static func statement(caseID: String = "VN-2027-014") -> Document {
        let body: [Node] = [
            el("h1", [:], bilingual("Statement of single status", "Tờ khai tình trạng hôn nhân")),
            el("p", [:], [en("I, "), el("span", ["class": "field"], [txt("Daniel James Brooks")]),
                         en(", born on 1990-07-04 in Portland, Oregon, holder of passport no. 567123489, declare under "
                            + "oath that I have never been married and that I am free to marry.")]),
            el("p", [:], [vi("Tôi, "), el("span", ["class": "field"], [txt("Daniel James Brooks")]),
                         vi(", sinh ngày 04/07/1990 tại Portland, Oregon, hộ chiếu số 567123489, xin cam đoan rằng tôi "
                            + "chưa từng kết hôn và hiện không có trở ngại pháp lý nào để kết hôn. Tôi xin chịu trách "
                            + "nhiệm trước pháp luật về lời khai của mình.")]),
            el("div", ["class": "jurat"], [
                el("p", [:], bilingual("Subscribed and sworn before me on ____________ by Daniel James Brooks.",
                                      "Đã ký và tuyên thệ trước tôi vào ngày ____________ bởi Daniel James Brooks.")),
                el("div", ["class": "sigline"]),
                el("p", ["class": "small"], bilingual("Notary public", "Công chứng viên")),
            ]),
        ]
        return Document(name: "statement", title: "\(caseID) — Statement of single status / Tờ khai tình trạng hôn nhân",
                        language: "vi", runningHeader: caseID,
                        body: Element("body", [Attribute("class", "statement")], body))
    }

    /// A packet of `rounds` rounds of checklist, cover letter and statement (ten pages per round).
    public static func packet(caseID: String = "VN-2027-014", rounds: Int = 3) -> [Document] {
        (0..<rounds).flatMap { r -> [Document] in
            var checklist = Self.checklist(caseID: caseID, items: 9, feeRows: 24)
            checklist.name = "checklist-\(r + 1)"
            return [checklist, coverLetter(caseID: caseID), statement(caseID: caseID)]
        }
    }

    // MARK: Building blocks

    /// An element; attributes in the order given.
    public static func el(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [Node] = []) -> Node {
        .element(Element(name, attributes.map { Attribute($0.key, $0.value) }, children))
    }

    public static func txt(_ s: String) -> Node { .text(s) }
    public static func en(_ s: String) -> Node { el("span", ["lang": "en"], [txt(s)]) }
    public static func vi(_ s: String) -> Node { el("span", ["lang": "vi", "class": "tr"], [txt(s)]) }

    /// The English text, a line break, the Vietnamese text (how templates render bilingual strings).
    public static func bilingual(_ english: String, _ vietnamese: String) -> [Node] {
        [en(english), el("br"), vi(vietnamese)]
    }

    /// One checklist item of the fixtures: title, what, issuer, steps (English, Vietnamese), why.
    public struct ItemSample: Sendable {
        public var en: String
        public var vi: String
        public var obtain: String
        public var issuer: String
        public var steps: [(String, String)]
        public var why: String
    }

    /// The items `checklist` cycles through.
    public static let itemSamples: [ItemSample] = [
        ItemSample(en: "Certificate of single status", vi: "Giấy xác nhận tình trạng hôn nhân",
                   obtain: "A statement of single status sworn before a notary public in Washington State.",
                   issuer: "Notary public", steps: [("Sign before a notary", "Ký trước công chứng viên"),
                                                    ("County clerk certification", "Chứng thực của thư ký quận"),
                                                    ("Apostille from the Secretary of State", "Chứng nhận Apostille của Bộ trưởng Ngoại giao bang"),
                                                    ("Consular legalization", "Hợp pháp hóa lãnh sự")],
                   why: "Vietnam requires proof that a foreign partner is free to marry."),
        ItemSample(en: "Passport copy", vi: "Bản sao hộ chiếu",
                   obtain: "A copy of the photo page of a passport valid for at least six more months.",
                   issuer: "Applicant", steps: [("Notarized copy", "Bản sao công chứng"),
                                                ("Translation into Vietnamese", "Bản dịch sang tiếng Việt")],
                   why: "Identity of the foreign partner."),
        ItemSample(en: "Medical certificate", vi: "Giấy khám sức khỏe",
                   obtain: "A certificate from a licensed physician that the applicant has no mental illness "
                       + "affecting the capacity to marry, issued within the last six months.",
                   issuer: "Licensed physician", steps: [("Examination", "Khám sức khỏe"),
                                                         ("Certified translation", "Bản dịch có chứng thực"),
                                                         ("Consular legalization", "Hợp pháp hóa lãnh sự")],
                   why: "Required for every partner by the Law on Marriage and Family."),
        ItemSample(en: "Birth certificate", vi: "Giấy khai sinh",
                   obtain: "A certified copy of the birth certificate from the state vital records office.",
                   issuer: "Oregon Vital Records", steps: [("Certified copy", "Bản sao có chứng thực"),
                                                            ("Apostille", "Chứng nhận Apostille"),
                                                            ("Translation", "Bản dịch")],
                   why: "Confirms age and parentage."),
    ]

    static func item(number: Int, sample: ItemSample) -> Node {
        let steps = sample.steps.map { step in
            el("li", [:], [el("span", ["class": "tick"]), en(step.0), el("br"),
                          el("span", ["class": "small muted"], [vi(step.1)])])
        }
        return el("div", ["class": "item"], [
            el("h3", [:], [txt("\(number). ")] + bilingual(sample.en, sample.vi)),
            el("p", ["class": "what"], [el("span", ["class": "label"], [txt("What:")]), el("br"), en(sample.obtain)]),
            el("p", ["class": "from"], [el("span", ["class": "label"], [txt("From:")]), txt(" "), en(sample.issuer)]),
            el("ul", ["class": "steps"], steps),
            el("p", ["class": "valid"], bilingual("Issued on or after 2026-09-15", "Cấp vào hoặc sau ngày 15/09/2026")),
            el("p", ["class": "why"], [el("span", ["class": "label"], [txt("Why:")]), txt(" "), en(sample.why)]),
            el("p", ["class": "cite"], [txt("Source: "), el("a", ["href": "https://vbpl.vn/decree-123-2015"],
                                                           [txt("Decree 123/2015/ND-CP, Art. 30")])]),
        ])
    }

    struct FeeSample {
        var en: String
        var vi: String
        var cite: String
        var payee: String
        var amount: String
    }

    static let feeSamples: [FeeSample] = [
        FeeSample(en: "Apostille, per document", vi: "Chứng nhận Apostille, mỗi giấy tờ", cite: "RCW 43.07.120",
                  payee: "Washington Secretary of State", amount: "$15.00"),
        FeeSample(en: "Consular legalization", vi: "Hợp pháp hóa lãnh sự", cite: "Circular 264/2016/TT-BTC",
                  payee: "Consulate General of Vietnam", amount: "$40.00"),
        FeeSample(en: "Certified translation, per page", vi: "Bản dịch có chứng thực, mỗi trang",
                  cite: "Decree 23/2015/ND-CP", payee: "Registered translator", amount: "$35.00"),
        FeeSample(en: "Marriage registration", vi: "Lệ phí đăng ký kết hôn", cite: "Circular 85/2019/TT-BTC",
                  payee: "People's Committee, District 1", amount: "₫1,500,000"),
    ]
}
