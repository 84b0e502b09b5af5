extension Double {
  /// The number with two decimals (`0.87`, `-1.00`), without Foundation's formatter.
  var twoDecimals: String {
    guard isFinite else { return "\(self)" }
    let hundredths = Int((self * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let fraction = magnitude % 100
    return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// `0.3`, `2`, `0.1`: a weight as people write it.
  var shortDecimal: String {
    isFinite && abs(self) < 1e15 && self == rounded() ? "\(Int(self))" : "\(self)"
  }
}
