/// How a person's name is printed: given names first, or family name first ("Nguyễn Thị Thu Hà"). `name.order` in
/// the case decides; by default a person whose only citizenship is one of `familyNameFirst` (countries listed in
/// `Rules/people.yaml`) is written family first.
public enum PersonName {
    public static func display(_ person: Fact, familyNameFirst: [String]) -> String {
        let given = person.lookup("name.given")?.string
        let middle = person.lookup("name.middle")?.string
        let family = person.lookup("name.family")?.string
        let citizenship = person["citizenship"]?.list?.compactMap(\.string) ?? []
        let familyFirst = person.lookup("name.order")?.string.map { $0 == "family-first" }
            ?? (citizenship.count == 1 && familyNameFirst.contains(citizenship[0]))
        // Family first is family, middle, given: "Nguyễn Thị Lan" (family Nguyễn, middle Thị, given Lan).
        let parts = familyFirst ? [family, middle, given] : [given, middle, family]
        return parts.compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
