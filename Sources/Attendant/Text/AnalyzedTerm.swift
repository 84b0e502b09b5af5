/// A word of a message after the language's rules: lower-cased, folded, stemmed and classified.
public struct AnalyzedTerm: Sendable, Hashable {
  /// What a word does in the sentence, as far as matching is concerned.
  public enum Role: Sendable, Hashable {
    /// A word that carries meaning.
    case content
    /// A frequent grammatical word (`the`, `je`, `của`). It is matched like any word (it weighs less
    /// only because many intents share it); the role feeds decisions, language id and `check`.
    case function
    /// A negation (`not`, `ne`, `không`); never dropped, it changes the meaning.
    case negation
    /// A question word (`where`, `gdje`, `nerede`); never dropped.
    case question
    /// A number (`19.99`, `48213579`); matched as the shape "a number", not by its digits.
    case number
    /// A name of a known class (`Japan`, `Swiss francs`, `DHL`) or a piece of personal data (an e-mail
    /// address), matched as its class token (`@place`, `@currency`, `@email`): any member of the class
    /// matches any other, and a name is never an unknown word.
    case entity
  }

  /// The word lower-cased, with its diacritics, as the customer typed it.
  public let exact: String
  /// The word folded to plain letters (`şifre` → `sifre`, `hủy` → `huy`).
  public let folded: String
  /// The stem of the folded word, shared by its inflected forms.
  public let stem: String
  public let role: Role

  /// The matching key of a number.
  static let numberStem = "#"
}
