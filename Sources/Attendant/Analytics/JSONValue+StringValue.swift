extension JSONValue {
  /// The string, when the value is one.
  var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }
}
