import DossierCore

/// Per-state authentication facts and the Vietnamese missions' districts (Rules/jurisdictions/).
public struct Jurisdictions: Sendable, Hashable {
    public var states: [StateRule]
    public var missions: [MissionRule]

    public init(states: [StateRule] = [], missions: [MissionRule] = []) {
        self.states = states
        self.missions = missions
    }

    public func state(_ code: String) -> StateRule? { states.first { $0.code == code } }
    public func mission(_ id: String) -> MissionRule? { missions.first { $0.id == id } }
    public func mission(forState code: String) -> MissionRule? { missions.first { $0.states.contains(code) } }
}

/// How one US state authenticates a notary's signature for use abroad.
public struct StateRule: Sendable, Hashable {
    public enum CountyClerk: String, Sendable, Hashable { case required, notRequired = "not-required", unknown }
    public var code: String
    public var name: String
    public var countyClerk: CountyClerk
    public var secretaryOfState: String
    public var secretaryOfStateFees: [FeeEdition]
    public var countyClerkFees: [FeeEdition]
    public var note: LocalizedText?
    public var citation: Citation
}

/// A Vietnamese embassy or consulate and the states it serves.
public struct MissionRule: Sendable, Hashable {
    public var id: String
    public var name: LocalizedText
    public var address: String
    public var states: [String]
    public var citation: Citation
}
