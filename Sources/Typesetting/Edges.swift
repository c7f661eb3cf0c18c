/// One value per box side, in CSS order.
struct Edges<Value: Sendable & Hashable>: Sendable, Hashable {
    var top: Value
    var right: Value
    var bottom: Value
    var left: Value

    init(_ all: Value) {
        top = all
        right = all
        bottom = all
        left = all
    }
}
