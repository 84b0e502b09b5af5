// The word lists and phrases were written by native-speaker review for the demo; edit freely.
extension LanguageProfile {
  /// Croatian.
  public static let croatian = LanguageProfile(
    language: .hr, name: "Croatian", localeIdentifier: "hr_HR",
    stemmer: ClippedInfinitiveStemmer(
      base: SuffixStemmer(
        suffixes: [
          "ivanjem", "ivanja", "ivanje", "ivanju", "anjem", "enjem", "evima", "ovima", "ujemo", "ujete",
          "ajte", "anja", "anje", "anju", "enja", "enje", "enju", "ijeg", "ijem", "ijih", "ijim", "jeti",
          "ujem", "ujes", "aju", "ala", "ale", "ali", "alo", "ama", "amo", "ate", "ati", "ega", "ela",
          "ele", "eli", "elo", "emo", "emu", "ete", "eti", "eva", "eve", "evi", "ila", "ile", "ili",
          "ilo", "ima", "imo", "ite", "iti", "oga", "ome", "omu", "ova", "ove", "ovi", "uje", "uju",
          "uti", "am", "ao", "as", "eg", "em", "eo", "es", "ih", "im", "io", "is", "la", "le", "li", "lo",
          "og", "oj", "om", "uo", "a", "e", "i", "o", "u",
        ],
        minimumStem: 3, rounds: 1)),
    distinctiveLetters: "čćžšđ",
    functionWords: [
      "ja", "ti", "on", "ona", "ono", "mi", "vi", "oni", "me", "te", "ga", "mu", "je", "joj", "nas",
      "vas", "vam", "nam", "ih", "im", "se", "si", "moj", "moja", "moje", "moju", "mog", "svoj",
      "svoje", "tvoj", "vaš", "vaša", "vaše", "vašu", "ovaj", "ova", "ovo", "taj", "ta", "to", "tu",
      "i", "a", "ali", "ili", "pa", "jer", "da", "ako", "nego", "već", "još", "uvijek", "samo", "li", "sam",
      "smo", "ste", "su", "bi", "biti", "bio", "bila", "bilo", "ću", "ćeš", "će", "ćemo", "ćete",
      "mogu", "može", "možete", "imam", "ima", "imate", "u", "na", "za", "od", "do", "iz", "s", "po",
      "o", "pri", "nakon", "kao", "baš", "sad", "sada", "molim", "ljudi",
      // Pronoun forms, "here" and "again", and "must" (as en "must").
      "mene", "meni", "tebe", "tebi", "njega", "nju", "njoj", "njih", "njima", "nama", "vama", "sebe", "sebi",
      "moji", "mojoj", "mojem", "mojim", "mojih", "vašeg", "vašem", "vašim", "vaših", "evo", "eto", "opet",
      "moram", "moraš", "mora", "moramo", "morate", "moraju",
    ],
    // Interjections carry no topic, and a message of them alone asks nothing ("hmm").
    interjections: [
      "uf", "ajme", "aha", "eh", "hm", "hmm", "haha", "ah", "oh", "uh",
    ],
    negations: [
      "ne", "nije", "nisam", "nisi", "nismo", "niste", "nisu", "neću", "nećeš", "neće", "nećemo",
      "nećete", "nemam", "nemaš", "nema", "nemamo", "nemate", "nemaju", "nemoj", "nemojte", "nemogu",
      "nebi", "nikad", "nikada", "ništa", "niš", "nitko", "nigdje", "ni", "niti", "bez", "nemrem",
    ],
    questionWords: [
      "tko", "što", "šta", "kaj", "gdje", "di", "gdi", "kada", "kad", "zašto", "zakaj", "kako", "kak",
      "koliko", "kolko", "kolika", "koliki", "koji", "koja", "koje", "koju", "kojem", "kojim",
      "kojoj", "čiji", "čija", "kamo", "kuda", "odakle", "otkad", "dokad", "jel", "zar",
    ],
    abbreviations: [
      "pls": "molim",
      "plz": "molim",
      "pliz": "molim",
      "mlm": "molim",
      "hvl": "hvala",
      "fala": "hvala",
      "falaa": "hvala",
      "hvla": "hvala",
      "tnx": "hvala",
      "thx": "hvala",
      "tenks": "hvala",
      "di": "gdje",
      "gdi": "gdje",
      "kaj": "što",
      "šta": "što",
      "kak": "kako",
      "zakaj": "zašto",
      "kolko": "koliko",
      "kolk": "koliko",
      "jel": "je li",
      "el": "je li",
      "dal": "da li",
      "oću": "hoću",
      "oćeš": "hoćeš",
      "oćete": "hoćete",
      "moš": "možeš",
      "nemrem": "ne mogu",
      "nemreš": "ne možeš",
      "nemogu": "ne mogu",
      "nebi": "ne bi",
      "neznam": "ne znam",
      "nzm": "ne znam",
      "niš": "ništa",
      "msm": "mislim",
      "mzd": "možda",
      "vjv": "vjerojatno",
      "npr": "na primjer",
      "tj": "to jest",
      "sry": "oprostite",
      "sori": "oprostite",
      "pozz": "pozdrav",
      "poz": "pozdrav",
      "lp": "lijep pozdrav",
      "ajde": "hajde",
      "okej": "ok",
      "oke": "ok",
      "mejl": "mail",
      "imejl": "mail",
      "email": "mail",
      "tel": "telefon",
      "mob": "mobitel",
      "br": "broj",
      "otkazat": "otkazati",
      "vratit": "vratiti",
      "platit": "platiti",
      "dobit": "dobiti",
      "promijenit": "promijeniti",
      "obrisat": "obrisati",
      "pricat": "pričati",
      "pisat": "pisati",
      "spojit": "spojiti",
      "prijavit": "prijaviti",
      "promjeniti": "promijeniti",
      "promjenit": "promijeniti",
      "promjenila": "promijenila",
      "promjenio": "promijenio",
      "narudba": "narudžba",
      "narduzba": "narudžba",
      "lozika": "lozinka",
    ],
    yes: [
      "jasno", "sve jasno", "razumijem", "shvaćam", "kužim", "našao sam", "našla sam",
      "da", "je", "ja", "jest", "može", "moze", "ok", "okej", "oki", "oke", "okey", "okk", "u redu", "naravno",
      "svakako", "točno", "tocno", "da, hvala", "da hvala", "jesam", "je, pomoglo je", "pomoglo je", "odgovorilo je",
      "aha", "to je to", "super", "odlično", "odlicno",
      // "Go on" to an offer; "ajde bok" is a goodbye all the same, since "ajde" is small talk too.
      "ajde", "hajde", "ajde može", "ajde moze",
    ],
    no: [
      "ne", "nije", "nope", "ma ne", "ne baš", "ne bas", "baš i ne", "bas i ne", "nikako",
      "nažalost ne", "nazalost ne", "ne hvala", "ne, hvala", "nije pomoglo", "ne pomaže", "ne pomaze",
      "nije to", "nije to što sam pitao", "nije to sto sam pitao", "krivi odgovor", "ni blizu",
      "ma kakvi", "neee",
    ],
    frustrationSignals: [
      "jebote", "jbt", "jebiga", "jbg", "kurac", "koji kurac", "sranje", "dovraga", "k vragu",
      "pizda mu materina", "glupost", "glupi bot", "beskoristan bot", "beskorisno", "ovo je smiješno",
      "ovo je smijesno", "sramota", "bezobrazluk", "katastrofa", "užas", "uzas", "ovo je treći put",
      "ovo je treci put", "po ne znam koji put", "već sam rekao", "vec sam rekao", "i dalje ništa",
      "i dalje nista", "još uvijek ništa", "jos uvijek nista", "i dalje ne radi", "ne kužiš",
      "ne kuzis", "dosta mi je", "pun mi je kufer", "nesposobni", "lopovi", "prevaranti",
      "gubljenje vremena", "wtf",
      "beskoristan", "beskorisna", "ne pomažeš", "ne pomazes", "nikakve koristi", "uzalud",
      "ništa od vas", "nista od vas", "nitko ne pomaže", "nitko ne pomaze", "nitko mi ne može pomoći",
      "nitko mi ne moze pomoci", "ne možete ništa", "ne mozete nista",
    ],
    smallTalk: [
      "oprostite", "oprosti", "ispričavam se", "sori", "izvinite", "ekipa", "ljudi", "dragi", "poštovani",
      "postovani", "ok", "molim", "molim vas", "ajde", "hajde",
    ],
    greetings: [
      "pozdrav ekipa", "bok", "pozdrav", "pozdrav svima", "pozdravljam", "dobar dan", "dobro jutro", "dobra večer",
      "dobro veče", "zdravo", "hej", "hey", "ćao", "cao",
    ],
    thanks: [
      "hvala", "puno hvala", "hvala lijepa", "hvala vam", "hvala puno", "fala", "hvala unaprijed", "hvala vam puno",
      "hvala ti", "hvala ti puno",
      "hvala lijepo", "zahvaljujem", "puno vam hvala",
    ],
    goodbyes: [
      "doviđenja", "dovidjenja", "laku noć", "vidimo se", "ugodan dan", "lijep pozdrav",
    ],
    partingGreetings: ["bok", "ćao", "cao", "pozdrav"],
    humanRequests: [
      "čovjek", "čovjeka", "čovjekom", "živi čovjek", "živog čovjeka", "živim čovjekom", "pravi čovjek",
      "pravog čovjeka", "pravim čovjekom", "osoba", "osobu", "osobom", "živa osoba", "živu osobu", "živom osobom",
      "stvarnom osobom", "pravom osobom", "djelatnik", "djelatnika", "djelatnikom", "djelatnica", "djelatnicu",
      "djelatnicom", "operater", "operatera", "operaterom", "agent", "agenta", "agentom", "zaposlenik",
      "zaposlenika", "zaposlenikom", "korisnička podrška", "korisničku podršku", "korisničkom podrškom",
      "služba za korisnike", "službu za korisnike", "službom za korisnike", "netko iz podrške", "nekim iz podrške",
      "s nekim", "sa nekim", "nekoga živog", "nekog živog", "nekoga živoga", "nekog živoga", "spojite me", "spoji me",
      "prebacite me", "povežite me",
      "želim razgovarati s osobom", "želim razgovarati s čovjekom", "želim razgovarati s djelatnikom",
      "želim razgovarati s nekim", "mogu li razgovarati s nekim", "mogu li dobiti čovjeka", "trebam čovjeka",
      "trebam osobu", "hoću čovjeka", "hoću razgovarati s nekim", "daj mi čovjeka", "dajte mi nekoga",
      "htio bih razgovarati s osobom", "htjela bih razgovarati s osobom", "pričati s nekim", "ne želim bota",
      "ne s botom", "voditelj", "voditelja", "voditeljem", "šef", "šefa", "šefom",
    ],
    followUpOpeners: [
      "a", "i", "a što", "a sto", "a za", "a kako", "a koliko", "a kada", "a gdje", "što je s", "sto je s",
      "onda", "još", "jos", "isto", "pa", "a ako", "i za", "također", "takodjer",
    ],
    contrastOpeners: ["ali", "al", "no", "međutim", "medjutim", "samo što", "samo sto"],
    anaphora: ["to", "ono", "taj", "ta", "toga", "tome", "tamo", "tu", "ga", "ih", "njega", "nju", "ovo", "ovaj"],
    attributeWords: [
      "košta", "koštati", "cijena", "cijenu", "naknada", "naknadu", "plaća", "plaćati", "platiti", "plaćam",
      "poštarina", "poštarinu", "dugo", "traje", "trajati", "besplatno", "besplatan", "skupo", "jeftino",
    ],
    notHelped: [
      "ne pomaže", "nije pomoglo", "ništa ne pomaže", "ništa nije pomoglo", "to mi ne pomaže", "nije to što sam pitao",
      "nije to što sam pitala", "već sam probao", "već sam probala", "već sam pogledao", "već sam pogledala",
      "već sam provjerio", "već sam provjerila", "to sam već napravio", "to sam već napravila", "već sam to napravio",
      "već sam to napravila", "već sam to probao", "već sam to probala", "sam to već probao", "sam to već probala",
      "sve sam već probao", "sve sam već probala",
      // The problem goes on after the answer ("i dalje ne radi").
      "i dalje ne radi", "opet ne radi", "još uvijek ne radi", "još ne radi", "i dalje isto", "opet isto",
      "i dalje ista greška", "opet ista greška", "opet odbijeno", "opet je odbijeno", "opet odbija",
    ],
    noNeed: [
      "ne treba", "ne trebam", "ne trebamo", "ne treba mi", "nema potrebe", "nije potrebno", "ne želim", "ne zelim",
      "neću", "necu", "ne hoću", "ne bih",
    ],
    quotingWords: ["piše", "pise", "stoji", "prikazuje", "pokazuje", "kaže", "kaze", "status", "statusu", "zapelo"],
    numberWords: [
      "jedan": 1, "jedna": 1, "dva": 2, "dvije": 2, "tri": 3, "četiri": 4, "pet": 5, "prvi": 1, "prva": 1, "prvo": 1,
      "drugi": 2,
      "druga": 2, "drugo": 2, "treći": 3, "treća": 3, "treće": 3, "četvrti": 4, "peti": 5, "zadnji": -1, "zadnja": -1,
      "zadnje": -1, "posljednji": -1, "posljednja": -1,
    ],
    optionWords: ["broj", "br", "opcija", "opciju", "pod", "ono", "onaj", "ta", "to"],
    askingPhrases: [
      "imam pitanje za", "imam pitanje o", "imam pitanje oko", "imam jedno pitanje za", "pitanje za", "pitanje o",
      "pitanje oko", "pitanje u vezi", "pitanje vezano uz", "htio bih pitati za", "htjela bih pitati za",
      // And one that only says the question is short ("bok, kratko pitanje - dostava?").
      "kratko pitanje", "samo kratko pitanje", "jedno kratko pitanje", "imam kratko pitanje",
      "imam jedno kratko pitanje", "brzo pitanje", "imam brzo pitanje", "samo brzo pitanje",
      // And the one asked while the customer waits for a person ("dok čekam, …").
      "dok čekam", "dok čekamo", "u međuvremenu",
    ],
    // The question that comes along after another topic or thanks ("one more question", "by the way").
    newTopicPhrases: [
      "još jedno pitanje", "imam još jedno pitanje", "i još nešto", "još nešto", "usput", "usput da pitam",
    ],
    // How the person who takes over replies: asked about after a hand-off ("za koliko ce mi se javiti?").
    replyPhrases: ["javiti", "javi", "javite", "javit", "javio", "odgovoriti", "odgovori", "odgovorit", "odgovor"],
    clauseConjunctions: ["a", "ali", "i", "jer", "pa"],
    entityAliases: croatianEntityAliases, homeRegion: "HR",
    placeCues: ["u", "za", "iz", "do", "na", "prema", "preko", "po", "dostava", "dostavljate", "saljete", "zemlja"],
    ambiguousNames: ["mali", "island", "cad", "rim", "kina", "nil", "senj", "solin", "uk"],
    phrases: Phrases([
      .welcome: "Dobar dan! Ja sam virtualni asistent. Mogu odgovoriti na pitanja o ovim temama: {topics}.",
      .help:
        "Upišite svoje pitanje. Mogu odgovoriti na pitanja o ovim temama: {topics}. Naredbe: /lang xx za promjenu jezika, /reset za početak ispočetka, /why da vidite zašto sam tako odgovorio, /quit za izlaz.",
      .clarify: "Nisam siguran na što od ovoga mislite:",
      .clarifyHint: "Odgovorite brojem od 1 do {last} ili upišite temu.",
      .clarifyAgain: "Oprostite, ni sada Vas nisam razumio. Molim Vas, odgovorite brojem od 1 do {last}.",
      .followUp: "Možete me pitati i o ovome:",
      .outOfScope:
        "Nažalost, mogu pomoći samo s pitanjima o ovim temama: {topics}. Želite li da Vas povežem s djelatnikom?",
      .lowConfidence: "Nisam siguran da sam dobro razumio Vaše pitanje, pa ga prosljeđujem kolegi.",
      .handoffRequested:
        "Naravno, prosljeđujem ovaj razgovor kolegi. Sve što ste ovdje napisali ide uz njega, pa nećete morati ponavljati.",
      .handoffNow: "Kolega je upravo u smjeni i odgovorit će Vam u roku od {minutes} min.",
      .handoffLater:
        "Naš tim trenutačno nije dostupan. Sljedeća smjena počinje {when}, a tada će Vam odgovoriti kolega.",
      .handoffNone: "Kolega će Vam odgovoriti što je prije moguće.",
      .askContact: "Ako želite, ostavite nam svoju adresu e-pošte pa ćemo Vam pisati.",
      .contactSaved: "Hvala, pisat ćemo Vam na {contact}.",
      .stillEscalated: "Dodao sam ovo Vašem upitu, tako da će kolega vidjeti sve što ste napisali.",
      .feedbackQuestion: "Je li ovo odgovorilo na Vaše pitanje? (da/ne)",
      .feedbackThanks: "Hvala što ste mi javili!",
      .feedbackSorry: "Žao mi je što Vam ovo nije pomoglo. Želite li da Vas povežem s djelatnikom?",
      .frustration: "Zaista mi je žao zbog toga i razumijem koliko Vam je to frustrirajuće.",
      .repeatedNonAnswer: "Žao mi je što Vam nisam mogao pomoći. Proslijedit ću Vaše pitanje kolegi.",
      .outboxFailure: "Oprostite, trenutačno ne mogu proslijediti Vaš zahtjev. Pokušajte ponovno za koji trenutak.",
      .languageSwitched: "U redu, od sada ću odgovarati na hrvatskom.",
      .reset: "Krenimo ispočetka. Kako Vam mogu pomoći?",
      .greeting: "Dobar dan! Kako Vam mogu pomoći?",
      .thanks: "Nema na čemu! Ako Vas još nešto zanima, slobodno pitajte.",
      .goodbye: "Doviđenja i hvala na posjetu!",
      .prompt: "U redu! Kako Vam mogu pomoći?",
    ])
  )
  /// Croatian names of places, languages and currencies beyond `Locale`'s.
  static let croatianEntityAliases: [EntityList] = {
    let countries: [String: [String]] = [
      "US": ["Amerika", "Amerike", "Ameriku", "SAD", "USA", "Sjedinjene Države", "Sjedinjene Američke Države"],
      "GB": ["Engleska", "Englesku", "Engleske", "Britanija", "Veliku Britaniju", "UK", "Škotska"],
      "DE": ["Njemačku", "Njemačke", "Njemačkoj"], "BA": ["BiH", "Bosna", "Bosnu", "Bosni"],
      "NL": ["Holandija", "Nizozemsku"], "KR": ["Koreja", "Južna Koreja"], "AT": ["Austriju", "Austriji"],
      "CH": ["Švicarsku", "Švicarskoj"], "SI": ["Sloveniju", "Sloveniji"], "RS": ["Srbiju", "Srbiji"],
      "IT": ["Italiju", "Italiji"], "TR": ["Tursku", "Turskoj"], "HR": ["Hrvatsku", "Hrvatskoj"],
    ]
    let homeCities: [String] = [
      "Zagreb", "Split", "Rijeka", "Osijek", "Zadar", "Pula", "Dubrovnik", "Šibenik", "Varaždin",
      "Slavonski Brod", "Karlovac", "Makarska", "Čakovec", "Vukovar", "Sisak", "Koprivnica", "Bjelovar",
      "Vinkovci", "Požega", "Virovitica", "Gospić", "Samobor", "Velika Gorica", "Zaprešić", "Poreč", "Rovinj",
      "Opatija", "Trogir", "Kaštela", "Solin", "Sinj", "Omiš", "Krk", "Hvar", "Korčula", "Knin", "Đakovo",
      "Nova Gradiška", "Umag", "Metković", "Krapina", "Petrinja", "Ogulin", "Senj", "Crikvenica", "Biograd",
    ]
    let cities: [String] = [
      "Sarajevo", "Mostar", "Beograd", "Ljubljana", "Beč", "München", "Minhen", "Pariz", "London", "Rim",
      "Milano", "Trst", "Graz", "Budimpešta",
    ]
    // Cases whose stem is too short to be found by it ("do Pule", "na Krku") or that lose or change a
    // letter ("u Zadru", "iz Karlovca", "u Rijeci").
    let cityForms: [String: [String]] = [
      "Pula": ["Pule", "Puli", "Pulu"], "Rijeka": ["Rijeke", "Rijeci", "Rijeku"], "Zadar": ["Zadra", "Zadru"],
      "Sisak": ["Siska", "Sisku"], "Karlovac": ["Karlovca", "Karlovcu"], "Čakovec": ["Čakovca", "Čakovcu"],
      "Krk": ["Krka", "Krku"], "Hvar": ["Hvara", "Hvaru"], "Knin": ["Knina", "Kninu"], "Senj": ["Senja", "Senju"],
      "Sinj": ["Sinja", "Sinju"], "Omiš": ["Omiša", "Omišu"], "Velika Gorica": ["Velike Gorice", "Velikoj Gorici"],
      "Slavonski Brod": ["Slavonskog Broda", "Slavonskom Brodu"], "Nova Gradiška": ["Nove Gradiške", "Novoj Gradiški"],
      "Beč": ["Beča", "Beču"], "Rim": ["Rima", "Rimu"], "Trst": ["Trsta", "Trstu"], "Graz": ["Graza", "Grazu"],
    ]
    let languages: [String: [String]] = [
      "de": ["njemački", "njemackom", "njemačkom"], "en": ["engleski", "engleskom"], "hr": ["hrvatski", "hrvatskom"],
    ]
    let currencies: [String: [String]] = [
      "EUR": ["euro", "eura", "eure", "eurima", "eur"], "USD": ["dolar", "dolara", "dolari", "dolarima"],
      "HRK": ["kuna", "kune", "kunama"], "GBP": ["funta", "funte", "funti"], "JPY": ["jen", "jena", "jenima"],
      "CHF": ["franak", "franke", "franci", "francima", "švicarski franci", "švicarskim francima"],
      "BAM": ["KM", "bosanske marke", "bosanskim markama", "konvertibilne marke", "marka", "marke", "markama"],
    ]
    return EntityList.aliases(
      countries: countries, homeCities: homeCities, cities: cities, cityForms: cityForms, languages: languages,
      currencies: currencies)
  }()
}
