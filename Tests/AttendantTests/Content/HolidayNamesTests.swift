import Foundation
import Testing

@testable import Attendant

/// The demo's lists of public holidays (`KnowledgeBase/<xx>/entities/holiday.txt`): a holiday the
/// examples never name stands for the whole class, so questions about support on any holiday are the
/// support hours. Several of these were asked about, refused or handed over before the lists (hr
/// "radite li za Novu godinu?", "do you work on boxing day", id "imlek buka?").
struct HolidayNamesTests {
  @Test(arguments: [
    ("are you open on christmas day", Language.en), ("do you work on boxing day", .en),
    ("is support open on new years eve", .en), ("easter monday are you working", .en),
    ("radite li na Badnjak", .hr), ("jel radite za Uskrs", .hr), ("radite li na Tijelovo", .hr),
    ("radite li za Novu godinu?", .hr), ("bayramda çalışıyor musunuz", .tr), ("kurban bayramında açık mısınız", .tr),
    ("yılbaşı günü destek var mı", .tr), ("tết shop có làm việc ko", .vi), ("nghỉ lễ 30/4 có ai trực ko", .vi),
    ("giáng sinh có nhân viên trực không", .vi), ("pas lebaran cs buka gak", .id), ("natal libur gak kak", .id),
    ("tahun baru cs masuk gak", .id), ("imlek buka?", .id),
  ])
  func supportOnAHolidayIsTheSupportHours(text: String, language: Language) {
    ConversationDriver.expectAnswer(text, language: language, intent: "support-hours")
  }

  /// A holiday is one class in each language, canonical names and the names customers use alike.
  @Test func aHolidayIsANameOfItsClass() throws {
    let match = try #require(Demo.engine.match("do you work on boxing day", in: .en))
    #expect(match.terms.contains { $0.role == .entity && $0.folded == "@holiday" })
    let croatian = try #require(Demo.engine.match("a na Silvestrovo?", in: .hr))
    #expect(croatian.terms.contains { $0.folded == "@holiday" })
  }

  /// A delivery before a holiday is still the delivery times.
  @Test(arguments: [
    ("will my order arrive before easter", Language.en), ("stigne li paket do Uskrsa", .hr),
    ("kurban bayramından önce gelir mi", .tr),
  ])
  func aDeliveryBeforeAHolidayIsTheDeliveryTimes(text: String, language: Language) {
    ConversationDriver.expectAnswer(text, language: language, intent: "delivery-time")
  }
}
