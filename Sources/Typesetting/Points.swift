/// A length in PostScript points (1/72 inch), the unit of every layout coordinate.
public typealias Points = Double
