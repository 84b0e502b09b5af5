import Foundation

extension TimeZone {
  /// Coordinated Universal Time: the zone of records, logs and a customer who gave none.
  static let utc = TimeZone(identifier: "UTC")!
}
