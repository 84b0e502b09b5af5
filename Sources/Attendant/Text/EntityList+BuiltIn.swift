import Foundation
import Synchronization

/// The built-in classes of names: places (countries, world regions, cities), languages and currencies.
///
/// Names come from Foundation's `Locale` in the language and in English (on Linux, ICU has them for
/// every language: `Njemačka`, `Almanya`, `Đức`, `Jerman`), plus the time-zone database's cities and
/// the profile's aliases (`Turkey`, `USA`, `Amerika`, `Sài Gòn`, `CHF`). Languages and currencies are
/// limited to a list of widely used ones: the full ISO lists hold names that are everyday words
/// (`Ewe`, `Ido`, `Lek`).
extension EntityList {
  /// The language codes whose names are looked for.
  static let languageCodes = [
    "en", "hr", "vi", "tr", "id", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sk", "sl", "sr",
    "bs", "mk", "bg", "ro", "hu", "el", "sv", "nb", "da", "fi", "et", "lv", "lt", "ja", "ko", "zh", "ar", "he",
    "fa", "hi", "bn", "ur", "th", "ms", "fil", "sq", "ka", "hy", "az", "kk", "sw", "ga", "is", "mt",
  ]

  /// The currency codes whose names are looked for; their codes count as names too.
  static let currencyCodes = [
    "EUR", "USD", "GBP", "CHF", "JPY", "TRY", "VND", "IDR", "HRK", "CAD", "AUD", "NZD", "SGD", "MYR", "CNY",
    "HKD", "TWD", "KRW", "INR", "THB", "PHP", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN",
    "RSD", "BAM", "MKD", "ALL", "RUB", "UAH", "AED", "SAR", "QAR", "ILS", "EGP", "ZAR", "BRL", "MXN", "ARS",
  ]

  /// Large cities that are not in the time-zone database, which names one city per zone, so that a
  /// customer's city is a place in every language ("when the parcel arrives in Rotterdam"): the name
  /// customers of any of the languages write, then local spellings. Left out: names that are everyday
  /// words (Nice, Reading, Bath, Cork, Van, Split outside Croatian).
  static let worldCities: [[String]] = [
    ["Rotterdam"], ["The Hague", "Den Haag"], ["Utrecht"], ["Eindhoven"], ["Antwerp", "Antwerpen"],
    ["Ghent", "Gent"], ["Munich", "München"], ["Frankfurt"], ["Hamburg"], ["Cologne", "Köln"], ["Stuttgart"],
    ["Düsseldorf"], ["Leipzig"], ["Dresden"], ["Hannover", "Hanover"], ["Nuremberg", "Nürnberg"],
    ["Milan", "Milano"], ["Naples", "Napoli"], ["Turin", "Torino"], ["Florence", "Firenze"],
    ["Venice", "Venezia"], ["Bologna"], ["Barcelona"], ["Valencia"], ["Seville", "Sevilla"], ["Málaga"],
    ["Porto"], ["Lyon"], ["Marseille"], ["Toulouse"], ["Bordeaux"], ["Strasbourg"], ["Geneva", "Genève"],
    ["Basel"], ["Salzburg"], ["Graz"], ["Innsbruck"], ["Kraków", "Krakow"], ["Gdańsk"], ["Wrocław"],
    ["Manchester"], ["Birmingham"], ["Liverpool"], ["Leeds"], ["Glasgow"], ["Edinburgh"], ["Cardiff"],
    ["Bristol"], ["Gothenburg", "Göteborg"], ["Malmö"], ["Bergen"], ["Aarhus"], ["Thessaloniki"],
    ["Rijeka"], ["Osijek"], ["Zadar"], ["Dubrovnik"], ["Pula"], ["Mostar"], ["Banja Luka"], ["Novi Sad"],
    ["Maribor"], ["Ankara"], ["İzmir", "Izmir"], ["Antalya"], ["Bursa"], ["Adana"], ["Konya"],
    ["Gaziantep"], ["Trabzon"], ["Eskişehir"], ["Osaka"], ["Kyoto"], ["Yokohama"], ["Nagoya"], ["Sapporo"],
    ["Fukuoka"], ["Busan"], ["Incheon"], ["Beijing", "Peking"], ["Guangzhou"], ["Shenzhen"], ["Hangzhou"],
    ["Chengdu"], ["Wuhan"], ["Mumbai", "Bombay"], ["Delhi", "New Delhi"], ["Bangalore", "Bengaluru"],
    ["Chennai"], ["Hyderabad"], ["Lahore"], ["Islamabad"], ["Abu Dhabi"], ["Sharjah"], ["Jeddah"],
    ["Surabaya"], ["Bandung"], ["Semarang"], ["Yogyakarta", "Jogja"], ["Denpasar"], ["Bali"], ["Batam"],
    ["Penang"], ["Johor Bahru"], ["Cebu"], ["Davao"], ["Chiang Mai"], ["Phuket"], ["Pattaya"],
    ["Siem Reap"], ["Mandalay"], ["San Francisco"], ["Seattle"], ["Boston"], ["Miami"], ["Houston"],
    ["Dallas"], ["Atlanta"], ["Washington"], ["Philadelphia"], ["San Diego"], ["Las Vegas"], ["Orlando"],
    ["Montreal", "Montréal"], ["Ottawa"], ["Calgary"], ["Rio de Janeiro"], ["Brasília", "Brasilia"],
    ["Medellín"], ["Guadalajara"], ["Monterrey"], ["Cancún"], ["Auckland"], ["Wellington"],
    ["Christchurch"], ["Gold Coast"], ["Cape Town"], ["Durban"], ["Marrakesh", "Marrakech"],
    ["Alexandria"],
  ]

  /// Time-zone cities that are everyday words in English or in one of the languages.
  static let citiesThatAreWords: Set<String> = [
    "man", "isle of man", "jersey", "guernsey", "regina", "phoenix", "resolute", "lima", "nome", "cayenne",
    "darwin", "oral", "swift current",
  ]

  /// Codes that are also everyday words in some language once folded, so they are not names by
  /// themselves: en "try", "all", "rub"; vi "bấm" ("press": "bấm quên mật khẩu" is BAM); tr "sar" ("wrap").
  static let currencyCodesThatAreWords: Set<String> = ["TRY", "ALL", "PHP", "BAM", "RUB", "SAR"]

  private static let cache = Mutex<[Language: [EntityList]]>([:])

  /// The built-in classes for a profile's language, built once per process.
  ///
  /// - Complexity: a few thousand `Locale` look-ups the first time (tens of milliseconds), then O(1).
  static func builtIn(for profile: LanguageProfile) -> [EntityList] {
    if let lists = cache.withLock({ $0[profile.language] }) { return lists }
    let lists = make(for: profile)
    cache.withLock { $0[profile.language] = lists }
    return lists
  }

  private static func make(for profile: LanguageProfile) -> [EntityList] {
    let local = Locale(identifier: profile.localeIdentifier)
    let english = Locale(identifier: "en_US")
    let locales = profile.language == .en ? [english] : [local, english]

    var countries: [Member] = []
    var regions: [Member] = []
    for region in Locale.Region.isoRegions {
      let code = region.identifier
      let names = locales.compactMap { $0.localizedString(forRegionCode: code) }
      guard !names.isEmpty, code != "ZZ" else { continue }
      if code.count == 2 && code.allSatisfy(\.isLetter) {
        countries.append(Member(value: code, names: names))
      } else {
        regions.append(Member(value: code, names: names))
      }
    }
    // The cities of the time-zone database, on the continents (the islands and research stations
    // include everyday words: Christmas, Easter, Wake, Troll), less a few that are words too.
    var cities = Set<String>()
    for zone in TimeZone.knownTimeZoneIdentifiers {
      let parts = zone.split(separator: "/")
      guard parts.count == 2, ["Europe", "Asia", "Africa", "America", "Australia"].contains(parts[0]) else { continue }
      let city = parts[1].replacingOccurrences(of: "_", with: " ")
      if !citiesThatAreWords.contains(city.lowercased()) { cities.insert(city) }
    }
    var cityMembers = cities.sorted().map { Member(value: $0, names: [$0]) }
    cityMembers += worldCities.filter { !cities.contains($0[0]) }.map { Member(value: $0[0], names: $0) }

    let languages = languageCodes.map { code -> Member in
      var names: [String] = []
      if profile.language != .en, let name = local.localizedString(forLanguageCode: code) {
        // Indonesian names a language "bahasa Jerman"; "Jerman" alone is the country.
        names.append(profile.languageNamePrefix.map { "\($0) \(name)" } ?? name)
      }
      if let name = english.localizedString(forLanguageCode: code) { names.append(name) }
      return Member(value: code, names: names)
    }
    let currencies = currencyCodes.map { code -> Member in
      var names = locales.compactMap { $0.localizedString(forCurrencyCode: code) }
      if !currencyCodesThatAreWords.contains(code) { names.append(code) }
      return Member(value: code, names: names)
    }
    var lists = [
      EntityList(type: "country", matchingClass: placeClass, members: countries),
      EntityList(type: "region", matchingClass: placeClass, members: regions),
      EntityList(type: "city", matchingClass: placeClass, members: cityMembers),
      EntityList(type: "language", members: languages),
      EntityList(type: "currency", members: currencies),
    ]
    // The profile's aliases come first, so that their names win over a built-in one with the same words.
    lists.insert(contentsOf: profile.entityAliases, at: 0)
    guard let home = profile.homeRegion else { return lists }
    // The market's own country is a home place, under each of its names.
    return lists.flatMap { list -> [EntityList] in
      guard list.type == "country", list.matchingClass == placeClass, list.members.contains(where: { $0.value == home })
      else { return [list] }
      return [
        EntityList(type: list.type, matchingClass: homePlaceClass, members: list.members.filter { $0.value == home }),
        EntityList(type: list.type, matchingClass: placeClass, members: list.members.filter { $0.value != home }),
      ]
    }
  }

  /// The class of countries, regions and cities.
  static let placeClass = "place"
  /// The class of the market's own country and home cities (`LanguageProfile.homeRegion`).
  static let homePlaceClass = "home-place"
  /// The class tokens of places, at home or abroad.
  static let placeTokens: Set<String> = ["@" + placeClass, "@" + homePlaceClass]
}

extension EntityList {
  /// A profile's extra names, by class, each keyed by its member's value (an ISO code, or the city).
  ///
  /// - Parameters:
  ///   - homeCities: The market's own cities (`@home-place`), listed before the others.
  ///   - cityForms: Other forms of a city's name, by the name (hr "do Pule", "u Zadru"): forms whose
  ///     stem is too short to be found by it, or that change more than their ending.
  public static func aliases(
    countries: [String: [String]] = [:], homeCities: [String] = [], cities: [String] = [],
    cityForms: [String: [String]] = [:], languages: [String: [String]] = [:], currencies: [String: [String]] = [:]
  ) -> [EntityList] {
    func members(_ names: [String: [String]]) -> [Member] {
      names.keys.sorted().map { Member(value: $0, names: names[$0]!) }
    }
    func city(_ name: String) -> Member { Member(value: name, names: [name] + (cityForms[name] ?? [])) }
    return [
      EntityList(type: "country", matchingClass: placeClass, members: members(countries)),
      EntityList(type: "city", matchingClass: homePlaceClass, members: homeCities.map(city)),
      EntityList(type: "city", matchingClass: placeClass, members: cities.map(city)),
      EntityList(type: "language", members: members(languages)),
      EntityList(type: "currency", members: members(currencies)),
    ]
  }
}
