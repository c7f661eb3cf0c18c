import DossierCore

/// Parses the expression language. Grammar (lowest precedence first):
///
///     expr    := or ('?' expr ':' expr)?
///     or      := and (('||' | 'or') and)*
///     and     := unary (('&&' | 'and') unary)*
///     unary   := ('!' | 'not') unary | compare
///     compare := sum (('==' | '!=' | '<' | '<=' | '>' | '>=' | 'in') sum | 'is' ('given' | 'missing'))?
///     sum     := primary (('+' | '-') primary)*
///     primary := integer | "string" | true | false | null | path | name '(' args ')' | '[' args ']' | '(' expr ')'
struct ExpressionParser {
    private let text: [Character]
    private var index = 0
    private let origin: SourceLocation
    private let singleLine: Bool

    struct Failure: Error { var message: String; var offset: Int }

    init(_ text: String, origin: SourceLocation) {
        self.text = Array(text)
        self.origin = origin
        self.singleLine = !text.contains("\n")
    }

    /// The parsed expression or a diagnostic pointing at the offending character.
    static func parse(_ text: String, at origin: SourceLocation, quoted: Bool) -> Result<Expression, Diagnostic> {
        var parser = ExpressionParser(text, origin: origin)
        do {
            let expression = try parser.parseExpression()
            parser.skipSpace()
            if parser.index < parser.text.count { throw Failure(message: "unexpected `\(parser.text[parser.index])`", offset: parser.index) }
            return .success(expression)
        } catch let failure as Failure {
            let column = parser.singleLine ? origin.column + failure.offset + (quoted ? 1 : 0) : origin.column
            return .failure(.error("RULE020", "cannot read the condition: \(failure.message)",
                                   at: SourceLocation(file: origin.file, line: origin.line, column: column)))
        } catch {
            return .failure(.error("RULE020", "cannot read the condition", at: origin))
        }
    }

    mutating func parseExpression() throws -> Expression {
        let condition = try parseOr()
        if consume("?") {
            let a = try parseExpression()
            guard consume(":") else { throw Failure(message: "expected `:` in `c ? a : b`", offset: index) }
            let b = try parseExpression()
            return .conditional(condition, a, b)
        }
        return condition
    }

    mutating func parseOr() throws -> Expression {
        var left = try parseAnd()
        while consume("||") || consumeWord("or") { left = .binary(.or, left, try parseAnd()) }
        return left
    }

    mutating func parseAnd() throws -> Expression {
        var left = try parseUnary()
        while consume("&&") || consumeWord("and") { left = .binary(.and, left, try parseUnary()) }
        return left
    }

    mutating func parseUnary() throws -> Expression {
        if consume("!") || consumeWord("not") { return .not(try parseUnary()) }
        return try parseCompare()
    }

    mutating func parseCompare() throws -> Expression {
        let left = try parseSum()
        for op in ["==", "!=", "<=", ">=", "<", ">"] where consume(op) {
            return .binary(Expression.BinaryOperator(rawValue: op)!, left, try parseSum())
        }
        if consumeWord("in") { return .binary(.isIn, left, try parseSum()) }
        if consumeWord("is") {
            if consumeWord("given") { return .call("present", [left]) }
            if consumeWord("missing") { return .not(.call("present", [left])) }
            throw Failure(message: "expected `is given` or `is missing`", offset: index)
        }
        return left
    }

    mutating func parseSum() throws -> Expression {
        var left = try parsePrimary()
        while true {
            if consume("+") { left = .binary(.plus, left, try parsePrimary()) }
            else if peekMinusOperator(), consume("-") { left = .binary(.minus, left, try parsePrimary()) }
            else { return left }
        }
    }

    mutating func parsePrimary() throws -> Expression {
        skipSpace()
        guard index < text.count else { throw Failure(message: "the condition ends too early", offset: index) }
        let c = text[index]
        if c == "(" {
            index += 1
            let e = try parseExpression()
            guard consume(")") else { throw Failure(message: "expected `)`", offset: index) }
            return e
        }
        if c == "[" {
            index += 1
            let items = try parseArguments(closing: "]")
            return .list(items)
        }
        if c == "\"" || c == "'" { return .literal(.string(try parseString(quote: c))) }
        if c.isNumber || (c == "-" && index + 1 < text.count && text[index + 1].isNumber) {
            let start = index
            index += 1
            while index < text.count, text[index].isNumber { index += 1 }
            guard let n = Int(String(text[start..<index])) else { throw Failure(message: "bad number", offset: start) }
            return .literal(.integer(n))
        }
        if c.isLetter || c == "_" {
            let start = index
            while index < text.count, text[index].isLetter || text[index].isNumber || "_.-".contains(text[index]) {
                if text[index] == "-", !(index + 1 < text.count && text[index + 1].isLetter) { break }
                index += 1
            }
            let name = String(text[start..<index])
            switch name {
            case "true": return .literal(.bool(true))
            case "false": return .literal(.bool(false))
            case "null": return .literal(.null)
            default: break
            }
            if consume("(") { return .call(name, try parseArguments(closing: ")")) }
            return .path(name)
        }
        throw Failure(message: "unexpected `\(c)`", offset: index)
    }

    mutating func parseArguments(closing: Character) throws -> [Expression] {
        var items: [Expression] = []
        if consume(String(closing)) { return items }
        repeat { items.append(try parseExpression()) } while consume(",")
        guard consume(String(closing)) else { throw Failure(message: "expected `\(closing)`", offset: index) }
        return items
    }

    mutating func parseString(quote: Character) throws -> String {
        let start = index
        index += 1
        var out = ""
        while index < text.count, text[index] != quote {
            out.append(text[index])
            index += 1
        }
        guard index < text.count else { throw Failure(message: "unclosed string", offset: start) }
        index += 1
        return out
    }

    mutating func skipSpace() {
        while index < text.count, text[index].isWhitespace { index += 1 }
    }

    /// A `-` that is an operator (followed by space or a non-digit), not a negative number.
    mutating func peekMinusOperator() -> Bool {
        skipSpace()
        return index < text.count && text[index] == "-"
    }

    mutating func consume(_ token: String) -> Bool {
        skipSpace()
        let chars = Array(token)
        guard index + chars.count <= text.count, Array(text[index..<index + chars.count]) == chars else { return false }
        // `<` must not eat the first half of `<=`, and `=` alone is not an operator.
        if token == "<" || token == ">" || token == "!", index + 1 < text.count, text[index + 1] == "=" { return false }
        index += chars.count
        return true
    }

    mutating func consumeWord(_ word: String) -> Bool {
        skipSpace()
        let chars = Array(word)
        guard index + chars.count <= text.count, Array(text[index..<index + chars.count]) == chars else { return false }
        let end = index + chars.count
        if end < text.count, text[end].isLetter || text[end].isNumber || text[end] == "_" { return false }
        index = end
        return true
    }
}
