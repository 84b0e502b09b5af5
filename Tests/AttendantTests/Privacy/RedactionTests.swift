import Testing

@testable import Attendant

struct RedactionTests {
  static let all = Set(PersonalData.Kind.allCases)

  @Test func aQuotedWordFromAHiddenSpanIsHidden() {
    let redaction = Redaction(customer: "my email is ana.kovac@example.com", kinds: Self.all)
    #expect(redaction.customer == "my email is [email]")
    #expect(
      redaction.apply(to: "'kovac' appears in no example and confidence 0.20 < 0.80")
        == "'[email]' appears in no example and confidence 0.20 < 0.80")
    #expect(redaction.apply(to: "'example.com' and 'ana kovac'") == "'[email]' and '[email]'")
  }

  @Test func quotedWordsAreComparedFolded() {
    let redaction = Redaction(customer: "lozinka mi je Čarobnjak_77", kinds: Self.all)
    #expect(redaction.customer == "lozinka mi je [password]")
    #expect(redaction.apply(to: "'carobnjak' appears in no example") == "'[password]' appears in no example")
    #expect(redaction.apply(to: "phrase “čarobnjak_77”") == "phrase “[password]”")
  }

  @Test func otherQuotedWordsAndTheRestOfTheFieldStay() {
    let redaction = Redaction(customer: "my email is ana.kovac@example.com, where is my order", kinds: Self.all)
    let rule = "'order' appears in no example; the customer picked 'order-status'; don't"
    #expect(redaction.apply(to: rule) == rule)
  }

  @Test func aFieldsOwnPersonalDataIsRedacted() {
    let redaction = Redaction(customer: "hello", kinds: Self.all)
    #expect(
      redaction.apply(to: "Thank you, we'll write to you at ana@example.com.")
        == "Thank you, we'll write to you at [email].")
  }

  @Test func onlyTheKindsAskedForAreHidden() {
    let redaction = Redaction(customer: "ana.kovac@example.com, lozinka: tajna123", kinds: [.password])
    #expect(redaction.customer == "ana.kovac@example.com, lozinka: [password]")
    #expect(redaction.apply(to: "'kovac' and 'tajna123'") == "'kovac' and '[password]'")
    let nothing = Redaction(customer: "ana.kovac@example.com", kinds: [])
    #expect(nothing.customer == "ana.kovac@example.com")
    #expect(nothing.apply(to: "'kovac'") == "'kovac'")
  }

  /// A word glued to a card number is hidden with it when the rule quotes it.
  @Test func aSpansWordsCountWhole() {
    let redaction = Redaction(customer: "4111 1111 1111 1111abc", kinds: Self.all)
    #expect(redaction.apply(to: "'1111abc' appears in no example") == "'[card]' appears in no example")
  }
}
