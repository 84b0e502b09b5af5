// The word lists and phrases were written by native-speaker review for the demo; edit freely.
extension LanguageProfile {
  /// Turkish.
  public static let turkish = LanguageProfile(
    language: .tr, name: "Turkish", localeIdentifier: "tr_TR",
    turkishCasing: true, apostrophe: .dropSuffix,
    stemmer: SuffixStemmer(
      suffixes: [
        // The present tense as chat writes it, without its `r` (`çalışıyo`, `gelmiyo`, `yapıyom`,
        // `biliyosun`): the same stems as `çalışıyor`, `gelmiyor`.
        "amiyo", "emiyo", "miyo", "muyo", "iyo", "uyo", "iyom", "uyom", "miyom", "muyom", "iyoz", "uyoz",
        "iyosun", "uyosun", "iyonuz", "uyonuz",
        // The "while" converb (`gönderirken`, `yaparken`, `beklerken`, `gelirken`, `çalışıyorken`).
        "irken", "urken", "arken", "erken", "iyorken", "uyorken",
        // The conditional in the first persons (`versem`, `seçersem`, `yapsak`, `isterseniz`), and the
        // future as chat writes it (`vericez`, `yapıcam`, `gelicem`, `iade edicem`).
        "sem", "sam", "sek", "sak", "ersem", "arsam", "irsem", "ursam", "seniz", "saniz", "erseniz", "arsaniz",
        "icam", "icem", "icaz", "icez", "ucam", "ucem", "ucaz", "ucez",
        "larimizdan", "larinizdan", "lerimizden", "lerinizden", "larimizin", "larinizin", "lerimizin",
        "lerinizin", "yabilirim", "yebilirim", "abilirim", "amiyorum", "ebilirim", "emiyorum",
        "larimdan", "larimiza", "larimizi", "larindan", "lariniza", "larinizi", "lerimden", "lerimize",
        "lerimizi", "lerinden", "lerinize", "lerinizi", "imizdan", "imizden", "inizdan", "inizden",
        "larimda", "larimin", "larimiz", "larinda", "larinin", "lariniz", "lerimde", "lerimin",
        "lerimiz", "lerinde", "lerinin", "leriniz", "misiniz", "miyorum", "miyoruz", "musunuz",
        "muyorum", "muyoruz", "umuzdan", "umuzden", "unuzdan", "unuzden", "yabilir", "yacagim",
        "yebilir", "yecegim", "abilir", "acagim", "amadim", "amiyor", "ebilir", "ecegim", "emedim",
        "emiyor", "imizin", "inizin", "iyorum", "iyoruz", "lardan", "larima", "larimi", "larina",
        "larini", "lerden", "lerime", "lerimi", "lerine", "lerini", "mizdan", "mizden", "muzdan",
        "muzden", "nizdan", "nizden", "nuzdan", "nuzden", "sindan", "sinden", "sundan", "sunden",
        "umuzun", "unuzun", "uyorum", "uyoruz", "amadi", "digim", "dilar", "diler", "diniz", "dugum",
        "dular", "duler", "dunuz", "emedi", "imdan", "imden", "imiza", "imize", "imizi", "indan",
        "inden", "iniza", "inize", "inizi", "larda", "larim", "larin", "larla", "lerde", "lerim",
        "lerin", "lerle", "madim", "medim", "misim", "miyim", "miyiz", "miyor", "musum", "muyor",
        "muyum", "muyuz", "sinda", "sinde", "sinin", "sunda", "sunde", "sunun", "umdan", "umden",
        "umuza", "umuze", "umuzu", "undan", "unden", "unuza", "unuze", "unuzu", "yacak", "yecek",
        "yorum", "acak", "daki", "deki", "digi", "dugu", "ecek", "imda", "imde", "imin", "imiz", "inda",
        "inde", "inin", "iniz", "iyor", "lara", "lari", "lere", "leri", "madi", "masi", "mdan", "mden",
        "medi", "mesi", "sina", "sine", "sini", "suna", "sune", "sunu", "taki", "teki", "umda", "umde",
        "umun", "umuz", "unda", "unde", "unun", "unuz", "uyor", "dan", "den", "dik", "dim", "dir",
        "duk", "dum", "dur", "ima", "ime", "imi", "ina", "ine", "ini", "lar", "ler", "mak", "mda",
        "mde", "mek", "mis", "miz", "mus", "muz", "nin", "niz", "nun", "nuz", "tan", "ten", "tir",
        "tur", "uma", "ume", "umu", "una", "une", "unu", "yla", "yle", "yor", "da", "de", "di", "du",
        "im", "in", "la", "le", "mi", "mu", "si", "su", "um", "un", "ya", "ye", "yi", "yu", "a", "e", "i", "m", "u",
      ],
      minimumStem: 3, rounds: 3,
      // Roots that end like a case or person ending: "sorun" (problem) is not "sor-" (ask).
      roots: ["sorun"]),
    distinctiveLetters: "ığşİçöüâîû",
    functionWords: [
      "ben", "sen", "o", "biz", "siz", "onlar", "beni", "bana", "benim", "seni", "sana", "senin",
      "onu", "ona", "onun", "bizi", "bize", "bizim", "sizi", "size", "sizin", "onları", "onlara",
      "onların", "kendi", "kendim", "bu", "şu", "bunu", "buna", "bunun", "bunlar", "şunu", "şuna",
      "orada", "burada", "ve", "ile", "veya", "ya", "yahut", "ama", "fakat", "ancak", "çünkü", "ki",
      "de", "da", "eğer", "için", "gibi", "kadar", "göre", "diye", "sonra", "önce", "üzere", "bir",
      "birkaç", "her", "bazı", "tüm", "bütün", "çok", "daha", "en", "az", "hem", "ise", "acaba",
      "yani", "işte", "şey", "bile", "sadece", "zaten", "artık", "hâlâ", "hala", "şimdi", "lütfen",
      "olan", "olarak", "olur", "oldu", "olmak", "etmek", "ederim", "mi", "mı", "mu", "mü", "abi", "abla",
      "hocam", "kardeşim",
    ],
    // Interjections carry no topic, and a message of them alone asks nothing ("hmm").
    interjections: [
      "of", "off", "ah", "hmm", "hım", "haha", "eh", "ee", "eee",
    ],
    negations: [
      "değil", "degil", "değilim", "degilim", "değiliz", "değilsiniz", "yok", "yoktu", "yokmuş",
      "hayır", "hayir", "hiç", "hic", "hiçbir", "hicbir", "hiçbiri", "asla", "olmaz", "olmadı",
      "olmadi", "olmuyor",
    ],
    questionWords: [
      "ne", "neden", "niye", "niçin", "nicin", "nasıl", "nasil", "nerede", "nerde", "nereye",
      "nereden", "nerden", "neresi", "kim", "kime", "kimin", "kaç", "kac", "kaça", "kaca", "kaçta",
      "kacta", "hangi", "hangisi", "mi", "mı", "mu", "mü",
      // The question particle with its person endings ("yapabilir miyim", "gelir misiniz").
      "miyim", "mıyım", "muyum", "müyüm", "misin", "mısın", "musun", "müsün", "miyiz", "mıyız", "muyuz",
      "müyüz", "misiniz", "mısınız", "musunuz", "müsünüz", "midir", "mıdır", "mudur", "müdür",
      // With the past copula, asking again what one forgot ("faturası nerdeydi", where was the invoice).
      "neydi", "nasıldı", "nasildi", "neredeydi", "nerdeydi", "kimdi", "miydi", "mıydı", "muydu", "müydü",
    ],
    abbreviations: [
      "slm": "selam",
      "slmlar": "selamlar",
      "mrb": "merhaba",
      "mrhb": "merhaba",
      "mrblar": "merhabalar",
      "meraba": "merhaba",
      "sa": "selamün aleyküm",
      "nbr": "ne haber",
      "naber": "ne haber",
      "tşk": "teşekkürler",
      "tsk": "teşekkürler",
      "tşkler": "teşekkürler",
      "tskler": "teşekkürler",
      "sgl": "sağ ol",
      "sağol": "sağ ol",
      "sagol": "sağ ol",
      "saol": "sağ ol",
      "saolun": "sağ olun",
      "bb": "bay bay",
      "ltf": "lütfen",
      "lütfn": "lütfen",
      "pls": "lütfen",
      "tmm": "tamam",
      "tm": "tamam",
      "ok": "tamam",
      "okey": "tamam",
      "bi": "bir",
      "bişey": "bir şey",
      "bisey": "bir şey",
      "birşey": "bir şey",
      "hiçbişey": "hiçbir şey",
      "nerde": "nerede",
      "nerden": "nereden",
      "napcam": "ne yapacağım",
      "napıcam": "ne yapacağım",
      "napicam": "ne yapacağım",
      "napim": "ne yapayım",
      "napayım": "ne yapayım",
      "noldu": "ne oldu",
      "nolur": "ne olur",
      "nası": "nasıl",
      "nasi": "nasıl",
      "şmdi": "şimdi",
      "varmı": "var mı",
      "yokmu": "yok mu",
      "olurmu": "olur mu",
      "değilmi": "değil mi",
      "dimi": "değil mi",
      "degilmi": "değil mi",
      "gelcek": "gelecek",
      "olcak": "olacak",
      "olucak": "olacak",
      "yapcam": "yapacağım",
      "edcem": "edeceğim",
      "etcem": "edeceğim",
      "istiyom": "istiyorum",
      "bilmiyom": "bilmiyorum",
      "diyo": "diyor",
      "geliyo": "geliyor",
      "olmuyo": "olmuyor",
      "calismiyo": "çalışmıyor",
      "çalışmıyo": "çalışmıyor",
      "dk": "dakika",
      "dkda": "dakikada",
      "msj": "mesaj",
      "tel": "telefon",
      "wp": "WhatsApp",
      "wapp": "WhatsApp",
      "eposta": "e-posta",
      "siprariş": "sipariş",
      "sipraiş": "sipariş",
      "siprişim": "siparişim",
      "sparişim": "siparişim",
      "ipal": "iptal",
      "iptall": "iptal",
      "indrim": "indirim",
      "temsilcye": "temsilciye",
      "unuttm": "unuttum",
      "istiyorm": "istiyorum",
      "yapıyormusunuz": "yapıyor musunuz",
      "yapiyormusunuz": "yapıyor musunuz",
      "ediyormusunuz": "ediyor musunuz",
      "varmi": "var mı",
    ],
    yes: [
      "anladım", "anlaşıldı", "gayet açık", "buldum", "tamamdır",
      "evet", "evt", "eet", "he", "hı hı", "hıhı", "aynen", "tamam", "tmm", "ok", "okey", "okk", "oki", "olur",
      "oldu", "tabii", "tabi", "elbette", "kesinlikle", "doğru", "dogru", "evet oldu",
      "evet teşekkürler", "evet tesekkurler", "evet yardımcı oldu", "evet işime yaradı",
      "işime yaradı", "yardımcı oldu", "cevap verdi", "evet cevap verdi", "süper", "harika",
    ],
    no: [
      "hayır", "hayir", "yok", "yo", "yoo", "değil", "degil", "olmadı", "olmadi", "hayır olmadı",
      "hayir olmadi", "pek değil", "hiç değil", "maalesef hayır", "işime yaramadı", "ise yaramadi",
      "yardımcı olmadı", "yardimci olmadi", "cevap vermedi", "sorduğum bu değil", "sordugum bu degil",
      "alakası yok", "alakasız", "yanlış cevap", "yanlis cevap", "anlamadınız", "hayır teşekkürler",
    ],
    frustrationSignals: [
      "rezalet", "rezil", "saçmalık", "sacmalik", "saçma sapan", "berbat", "berbat hizmet",
      "yeter artık", "bıktım", "biktim", "bıktım artık", "kaç kere yazacağım", "kaç kez söyleyeceğim",
      "üçüncü kez yazıyorum", "ucuncu kez yaziyorum", "hâlâ olmadı", "hala olmadi", "hâlâ gelmedi",
      "hala gelmedi", "işe yaramaz bot", "salak bot", "aptal bot", "gerizekalı", "beni anlamıyorsun",
      "kimse ilgilenmiyor", "dalga mı geçiyorsunuz", "daha ne kadar bekleyeceğim", "dolandırıcı",
      "sinir oldum", "çok sinirliyim", "delirtmeyin beni", "ayıp", "utanmıyor musunuz", "lanet olsun",
      "kahretsin", "allah kahretsin", "siktir", "amk", "aq",
      "boşuna", "bosuna", "işe yaramıyor", "ise yaramiyor", "hiçbir işe yaramıyor", "hicbir ise yaramiyor",
      "kimse yardımcı olmuyor", "kimse yardimci olmuyor", "ilgilenen yok", "ilgilenen kimse yok",
      "hiçbir şey yapamıyor musunuz", "hicbir sey yapamiyor musunuz",
    ],
    smallTalk: [
      "kusura bakmayın", "özür dilerim", "pardon", "affedersiniz", "arkadaşlar", "hocam", "abi", "abla", "tamam",
      "ok", "lütfen", "rica ederim",
    ],
    greetings: [
      "merhaba", "merhabalar", "selam", "selamlar", "selamün aleyküm", "iyi günler", "günaydın", "iyi akşamlar",
      "kolay gelsin", "iyi çalışmalar",
    ],
    thanks: [
      "teşekkürler", "teşekkür ederim", "çok teşekkürler", "çok teşekkür ederim", "sağ ol", "sağ olun", "sağolun",
      "eyvallah", "tşk", "tesekkurler", "çok sağ olun", "çok sağ ol", "teşekkür", "tşkler",
      "tşk ederim",
    ],
    goodbyes: [
      "iyi geceler", "görüşürüz", "hoşça kal", "hoşçakalın", "hoşça kalın", "iyi hafta sonları",
      "kendinize iyi bakın",
    ],
    partingGreetings: ["iyi günler", "iyi akşamlar", "kolay gelsin", "iyi çalışmalar"],
    humanRequests: [
      "müşteri temsilcisi", "müşteri temsilcisiyle", "müşteri temsilcisine", "temsilci", "temsilciyle", "temsilciye",
      "bir temsilci", "canlı destek", "canlı desteğe", "canlı temsilci", "gerçek bir insan", "gerçek insan",
      "gerçek biri", "gerçek kişi", "insan", "insanla", "bir insanla", "biriyle", "yetkili", "yetkiliyle",
      "yetkiliye", "yetkili biri", "operatör", "operatörle", "operatöre", "müşteri hizmetleri",
      "müşteri hizmetlerine", "müşteri hizmetleriyle", "beni bağlayın", "bağlar mısınız", "temsilciye bağlayın",
      "müşteri temsilcisiyle görüşmek istiyorum", "temsilciyle konuşmak istiyorum", "biriyle konuşabilir miyim",
      "bir insanla konuşmak istiyorum", "yetkiliyle görüşmek istiyorum", "bot istemiyorum",
      "robotla konuşmak istemiyorum", "müdür", "müdürle",
      // "Someone look at this": a person, not the bot.
      "biri baksın", "biri ilgilensin", "birisi baksın", "birisi ilgilensin",
    ],
    followUpOpeners: [
      "peki", "ya", "bir de", "ayrıca", "o zaman", "hem", "ve", "peki ya", "bu arada", "bide", "birde", "ee",
    ],
    contrastOpeners: ["ama", "fakat", "ancak", "lakin", "oysa", "halbuki"],
    anaphora: ["bu", "şu", "o", "onun", "bunun", "bunu", "onu", "orası", "oraya", "orada", "bunlar", "onlar"],
    attributeWords: [
      "ücret", "fiyat", "para", "öde", "ödüyorum", "öderim", "ödeyecek", "süre", "sürer", "sürüyor", "bedava",
      "ücretsiz", "pahalı", "ucuz",
    ],
    notHelped: [
      "işime yaramadı", "işe yaramadı", "yardımcı olmadı", "faydası olmadı", "faydası yok", "sorduğum bu değil",
      "bu değil sorduğum", "zaten baktım", "zaten denedim", "zaten yaptım", "onu zaten yaptım", "zaten kontrol ettim",
      "bir işe yaramadı", "cevap vermedi",
      // The problem goes on after the answer ("hala olmuyor").
      "hala olmuyor", "hâlâ olmuyor", "yine olmuyor", "gene olmuyor", "hala çalışmıyor", "yine çalışmıyor", "yine aynı",
      "hala aynı", "yine aynı hata", "hala aynı hata", "yine geçersiz", "hala geçersiz", "yine hata veriyor",
      "hala hata veriyor",
    ],
    noNeed: [
      "gerek yok", "gerekmez", "gerekmiyor", "istemiyorum", "istemem", "lazım değil", "ihtiyacım yok", "ihtiyaç yok",
    ],
    quotingWords: [
      "yazıyor", "yazıyo", "yaziyo", "görünüyor", "görünüyo", "gorunuyo", "gözüküyor", "gözüküyo", "diyor",
      "diyo", "durum", "durumu", "durumda",
    ],
    numberWords: [
      "bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4,
      "beşinci": 5,
      "birincisi": 1, "ikincisi": 2, "üçüncüsü": 3, "dördüncüsü": 4, "beşincisi": 5, "sonuncu": -1, "sonuncusu": -1,
      // "The first" as chat says it ("ilki", "ilkini"), and the picks in the accusative ("ikincisini").
      "ilk": 1, "ilki": 1, "ilkini": 1, "birincisini": 1, "ikincisini": 2, "üçüncüsünü": 3, "dördüncüsünü": 4,
      "beşincisini": 5, "sonuncusunu": -1,
    ],
    optionWords: ["numara", "numaralı", "no", "seçenek", "şık", "olan"],
    askingPhrases: [
      "ile ilgili bir sorum var", "ilgili bir sorum var", "hakkında bir sorum var", "ile ilgili sormak istiyorum",
      "hakkında sormak istiyorum", "bir sorum var", "sormak istiyorum",
      // Said as people say it: "alakalı" for "ilgili", "bişey" for "bir şey", "soracaktım" ("I was
      // going to ask").
      "ile alakalı bir sorum var", "alakalı bir sorum var", "ile ilgili bir şey soracaktım",
      "ilgili bir şey soracaktım",
      "ile alakalı bir şey soracaktım", "alakalı bir şey soracaktım", "ile alakalı bişey soracaktım",
      "alakalı bişey soracaktım", "ilgili bişey soracaktım", "bir şey soracaktım", "bişey soracaktım", "soracaktım",
      "bir şey sormak istiyorum", "bişey sormak istiyorum", "sormak istiyordum", "bir sorum olacaktı",
      "sorum olacaktı", "hakkında bir şey soracaktım",
      // "I had a question" ("iade konusunda bi sorum vardı"), and "konusunda" (on the subject of).
      "konusunda bir sorum var", "konusunda bir sorum vardı", "ile ilgili bir sorum vardı", "ilgili bir sorum vardı",
      "hakkında bir sorum vardı", "bir sorum vardı", "sorum vardı",
      "konusunda bir şey soracaktım", "konusunda bişey soracaktım",
      // "sorcaktım", as "soracaktım" is said ("ödeme konusunda bişey sorcaktım").
      "konusunda bişey sorcaktım", "ile ilgili bişey sorcaktım", "bişey sorcaktım", "bir şey sorcaktım", "sorcaktım",
      // And one that only says the question is short ("merhaba, kısa bir soru: kargo?").
      "kısa bir soru", "kısa bir sorum var", "kısa bir sorum olacak", "hızlı bir soru", "ufak bir soru",
      "ufak bir sorum var",
      // And the one asked while the customer waits for a person ("beklerken, …").
      "beklerken", "ben beklerken", "temsilciyi beklerken", "bu sırada",
    ],
    // The question that comes along after another topic or thanks ("one more question", "by the way").
    newTopicPhrases: [
      "bir de şunu soracağım", "bir de", "bi de", "ayrıca", "bir sorum daha var", "bir şey daha soracağım", "bu arada",
      "aklıma gelmişken",
    ],
    // How the person who takes over replies: asked about after a hand-off ("kaç dakikada yazar biri?").
    // Not "yazıyo" (is written: "sipariş numarası nerde yazıyo") or "döner" (money comes back too).
    replyPhrases: [
      "yazar", "yazacak", "dönüş", "dönüyosunuz", "dönüyorsunuz", "cevap verir", "cevap verecek", "ulaşır",
    ],
    clauseConjunctions: ["ama", "fakat", "ve", "ancak", "çünkü"],
    entityAliases: turkishEntityAliases, homeRegion: "TR",
    ambiguousNames: ["mali", "fas", "cad", "aydın", "tokat", "bolu"],
    // `arası` ("between", "break": "3-5 gün arası", "öğlen arası") stems to `aras`, Aras Kargo's short
    // name; "aras", "Aras'la" and "Aras Kargo" are still the carrier.
    // "telefon" alone is the call or the number ("telefon etsem", "telefon numarası"), though its
    // forms are a phone ("telefonum", "telefonu").
    wordsNotNamesByStem: ["arası", "arasında", "arasından", "arasına", "telefon"],
    // Case endings after a name typed without its apostrophe: dative, locative, ablative, genitive,
    // accusative, instrumental (`kanadaya`, `rusyada`, `çinden`, `dolarla`, `yenle`).
    nameEndings: [
      "a", "e", "ya", "ye", "da", "de", "ta", "te", "dan", "den", "tan", "ten", "ın", "in", "un", "ün", "nın", "nin",
      "nun", "nün", "ı", "i", "u", "ü", "yı", "yi", "yu", "yü", "la", "le", "yla", "yle",
    ],
    phrases: Phrases([
      .welcome: "Merhaba! Ben sanal asistanınızım. Şu konulardaki sorularınızı yanıtlayabilirim: {topics}.",
      .help:
        "Sorunuzu yazın. Şu konulardaki sorularınızı yanıtlayabilirim: {topics}. Komutlar: dili değiştirmek için /lang xx, baştan başlamak için /reset, neden bu yanıtı verdiğimi görmek için /why, çıkmak için /quit.",
      .clarify: "Hangisini kastettiğinizden emin değilim:",
      .clarifyHint: "1 ile {last} arasında bir sayı yazarak yanıtlayın ya da konuyu yazın.",
      .clarifyAgain: "Kusura bakmayın, yine anlayamadım. Lütfen 1 ile {last} arasında bir sayı yazın.",
      .followUp: "Şu konularda da soru sorabilirsiniz:",
      .outOfScope:
        "Üzgünüm, yalnızca şu konulardaki sorularda yardımcı olabiliyorum: {topics}. Sizi bir müşteri temsilcisine bağlamamı ister misiniz?",
      .lowConfidence: "Sorunuzu doğru anladığımdan emin değilim, bu yüzden bir temsilcimize iletiyorum.",
      .handoffRequested:
        "Elbette, bu görüşmeyi bir temsilcimize aktarıyorum. Burada yazdığınız her şey ona iletilecek, tekrar anlatmanız gerekmeyecek.",
      .handoffNow: "Şu anda vardiyada olan bir temsilcimiz {minutes} dakika içinde size yanıt verecek.",
      .handoffLater:
        "Ekibimiz şu anda çevrim dışı. Bir sonraki vardiyanın başlangıcı: {when}. Temsilcimiz size o zaman yanıt verecek.",
      .handoffNone: "Bir temsilcimiz en kısa sürede size yanıt verecek.",
      .askContact: "Dilerseniz e-posta adresinizi bırakın, size yazalım.",
      .contactSaved: "Teşekkür ederiz, size {contact} adresine yazacağız.",
      .stillEscalated: "Bunu talebinize ekledim; temsilcimiz yazdığınız her şeyi görecek.",
      .feedbackQuestion: "Bu yanıt sorunuza cevap verdi mi? (evet/hayır)",
      .feedbackThanks: "Bildirdiğiniz için teşekkür ederim!",
      .feedbackSorry: "Yardımcı olamadığım için üzgünüm. Sizi bir müşteri temsilcisine bağlamamı ister misiniz?",
      .frustration: "Bunun için gerçekten çok üzgünüm; ne kadar can sıkıcı olduğunu anlıyorum.",
      .repeatedNonAnswer: "Bu konuda yardımcı olamadığım için üzgünüm. Sorunuzu bir temsilcimize iletiyorum.",
      .outboxFailure: "Üzgünüm, talebinizi şu anda iletemedim. Lütfen biraz sonra tekrar deneyin.",
      .languageSwitched: "Tamam, bundan sonra Türkçe yanıt vereceğim.",
      .reset: "Baştan başlayalım. Size nasıl yardımcı olabilirim?",
      .greeting: "Merhaba! Size nasıl yardımcı olabilirim?",
      .thanks: "Rica ederim! Başka bir sorunuz olursa yazmanız yeterli.",
      .goodbye: "Hoşça kalın, bizi ziyaret ettiğiniz için teşekkür ederiz!",
      .prompt: "Tamam! Size nasıl yardımcı olabilirim?",
    ])
  )
  /// Turkish names of places, languages and currencies beyond `Locale`'s.
  static let turkishEntityAliases: [EntityList] = {
    let countries: [String: [String]] = [
      "US": ["Amerika", "ABD", "Birleşik Devletler"], "GB": ["İngiltere", "UK", "Britanya", "Birleşik Krallık"],
      "NL": ["Hollanda"], "KR": ["Kore", "Güney Kore"], "CY": ["KKTC", "Kıbrıs"], "DE": ["Almanyaya", "Almanyada"],
      "TR": ["Türkiyeye", "Türkiyede", "Turkey"],
    ]
    let homeCities: [String] = [
      "İstanbul", "Ankara", "İzmir", "Antalya", "Bursa", "Adana", "Konya", "Gaziantep", "Trabzon", "Eskişehir",
      "Kayseri", "Mersin", "Diyarbakır", "Samsun", "Denizli", "Bodrum", "Sakarya", "Kocaeli", "Muğla",
      "Edirne", "Tekirdağ", "Çanakkale", "Balıkesir", "Manisa", "Aydın", "Isparta", "Afyon", "Kütahya", "Sivas",
      "Malatya", "Elazığ", "Erzurum", "Şanlıurfa", "Urfa", "Hatay", "Antakya", "Kahramanmaraş", "Maraş",
      "Adapazarı", "İzmit", "Zonguldak", "Bolu", "Düzce", "Rize", "Giresun", "Çorum", "Yozgat", "Nevşehir",
      "Kapadokya", "Alanya", "Fethiye", "Marmaris", "Kuşadası", "Çeşme", "Mardin", "Erzincan", "Kastamonu",
      "Sinop", "Amasya", "Uşak", "Karabük", "Aksaray", "Karaman", "Osmaniye", "Adıyaman", "Yalova",
      "Kırklareli", "Kırşehir", "Kırıkkale", "Burdur", "Antep", "Gebze", "Tokat",
    ]
    let cities: [String] = ["Londra", "Paris", "Berlin", "Münih", "Roma", "Viyana", "Amsterdam", "Bakü", "Lefkoşa"]
    let currencies: [String: [String]] = [
      "TRY": ["TL", "lira", "Türk lirası", "türk lirasi"], "EUR": ["avro", "euro", "eur"], "USD": ["dolar", "usd"],
      "GBP": ["sterlin", "pound"], "CHF": ["frank", "isviçre frangı"], "JPY": ["yen", "japon yeni"],
      "RUB": ["ruble"], "CNY": ["yuan"],
    ]
    return EntityList.aliases(countries: countries, homeCities: homeCities, cities: cities, currencies: currencies)
  }()
}
