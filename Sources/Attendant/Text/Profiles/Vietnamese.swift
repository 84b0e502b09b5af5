// The word lists and phrases were written by native-speaker review for the demo; edit freely.
extension LanguageProfile {
  /// Vietnamese.
  public static let vietnamese = LanguageProfile(
    language: .vi, name: "Vietnamese", localeIdentifier: "vi_VN", tokensPerWord: 1.5,
    stemmer: IdentityStemmer(),
    distinctiveLetters: "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ",
    functionWords: [
      "tôi", "mình", "em", "anh", "chị", "bạn", "nó", "họ", "chúng", "ta", "ai", "của", "và", "với",
      "cho", "là", "thì", "mà", "có", "được", "bị", "đã", "đang", "sẽ", "rồi", "vẫn", "cũng", "còn", "chắc",
      "lại", "nữa", "này", "đó", "kia", "ấy", "các", "những", "mọi", "một", "cái", "để", "từ", "ở",
      "trong", "ngoài", "trên", "dưới", "về", "theo", "bằng", "nếu", "vì", "nên", "nhưng", "hay",
      "hoặc", "khi", "lúc", "thế", "vậy", "như", "rất", "quá", "lắm", "chỉ", "cứ", "ạ", "à", "ơi",
      "nhé", "nha", "nhỉ", "đi", "chứ", "hả", "vâng", "dạ", "xin", "vui", "lòng", "ra", "muốn", "cần",
      "hãy",
    ],
    // Interjections carry no topic, and a message of them alone asks nothing ("hmm").
    interjections: [
      "ôi", "haiz", "haizz", "hic", "huhu", "haha", "hmm", "ui", "uầy",
    ],
    negations: [
      "không", "chẳng", "chả", "chưa", "đừng", "chớ", "ko", "k", "kh", "hông", "hổng", "hok", "hem",
      "khum", "chưa hề", "không phải", "chẳng phải",
    ],
    questionWords: [
      "ai", "gì", "đâu", "nào", "sao", "mấy", "bao", "nhiêu", "chi", "răng",
    ],
    abbreviations: [
      "ko": "không",
      "bai": "bye",
      "k": "không",
      "kh": "không",
      "hk": "không",
      "hok": "không",
      "hông": "không",
      "khum": "không",
      "kô": "không",
      "dc": "được",
      "đc": "được",
      "j": "gì",
      "gi": "gì",
      "bn": "bao nhiêu",
      "bnh": "bao nhiêu",
      "ntn": "như thế nào",
      "sp": "sản phẩm",
      "đh": "đơn hàng",
      "dh": "đơn hàng",
      "hđ": "hóa đơn",
      "mn": "mọi người",
      "e": "em",
      "a": "anh",
      "c": "chị",
      "ng": "người",
      "nv": "nhân viên",
      "tk": "tài khoản",
      "acc": "tài khoản",
      "mk": "mật khẩu",
      "pass": "mật khẩu",
      "mik": "mình",
      "mh": "mình",
      "vs": "với",
      "r": "rồi",
      "ròi": "rồi",
      "oy": "rồi",
      "z": "vậy",
      "v": "vậy",
      "zậy": "vậy",
      "dzậy": "vậy",
      "bít": "biết",
      "bik": "biết",
      "bh": "bây giờ",
      "bjo": "bây giờ",
      "h": "giờ",
      "ms": "mới",
      "cx": "cũng",
      "cg": "cũng",
      "thui": "thôi",
      "lun": "luôn",
      "nhìu": "nhiều",
      "wa": "qua",
      "wá": "quá",
      "trc": "trước",
      "ngta": "người ta",
      "đag": "đang",
      "lm": "làm",
      "ns": "nói",
      "trl": "trả lời",
      "rep": "trả lời",
      "ib": "nhắn tin",
      "đt": "điện thoại",
      "dt": "điện thoại",
      "sđt": "số điện thoại",
      "sdt": "số điện thoại",
      "ck": "chuyển khoản",
      "stk": "số tài khoản",
      "tt": "thanh toán",
      "cskh": "chăm sóc khách hàng",
      "dv": "dịch vụ",
      "hnay": "hôm nay",
      "hqua": "hôm qua",
      "ui": "ơi",
      "ak": "à",
      "ah": "à",
      "uk": "ừ",
      "ukm": "ừ",
      "tks": "cảm ơn",
      "thks": "cảm ơn",
      "cám ơn": "cảm ơn",
      "camon": "cảm ơn",
      "c.ơn": "cảm ơn",
      "ad": "admin",
      "freeship": "miễn phí vận chuyển",
      "mst": "mã số thuế",
    ],
    yes: [
      "hiểu rồi", "em hiểu rồi", "thấy rồi", "em thấy rồi", "rõ rồi", "ok rồi",
      "có", "có ạ", "dạ có", "vâng", "vâng ạ", "dạ", "dạ vâng", "ừ", "ừm", "uk", "uh", "uhm", "um", "ok", "oke", "okie",
      "okay", "được", "được rồi", "đúng", "đúng rồi", "đúng vậy", "phải", "chuẩn rồi", "rồi", "yes",
      "co",
    ],
    no: [
      "không", "không ạ", "dạ không", "ko", "k", "hông", "khum", "chưa", "chưa ạ", "chưa được",
      "không phải", "không đúng", "sai rồi", "không giúp được gì", "vẫn chưa", "no", "khong",
    ],
    frustrationSignals: [
      "tệ quá", "quá tệ", "tệ hại", "bực mình", "bực quá", "tức quá", "bức xúc", "chán quá",
      "thất vọng", "vô lý", "quá đáng", "không chấp nhận được", "vô dụng", "bot vô dụng", "bot ngu",
      "ngu quá", "lừa đảo", "lần thứ ba rồi", "hỏi mãi", "nói mãi không hiểu", "chờ mãi", "vẫn chưa",
      "vẫn không", "làm ăn kiểu gì", "làm ăn chán", "điên mất", "chết tiệt", "mẹ kiếp", "vãi", "vl",
      "vcl", "đm", "dm", "đcm", "đéo", "cc",
      "chẳng giúp được gì", "không giúp được gì", "ko giúp đc gì", "vô ích", "chả được tích sự gì",
      "chán ghê", "chán thật", "bực ghê", "tức ghê", "bot kiểu gì", "bot gì mà", "phí thời gian",
      "mất thời gian",
      "hỏi hoài", "không ai giúp", "chẳng ai giúp", "trả lời kiểu gì",
    ],
    smallTalk: [
      "xin lỗi", "xin lỗi shop", "sorry", "shop", "ad", "admin", "ok", "oke", "dạ", "vâng", "shop ơi", "ad ơi",
    ],
    greetings: [
      "xin chào", "chào", "chào bạn", "chào shop", "chào ad", "chào admin", "hello", "hi", "alo", "em chào",
      "anh chào", "chị chào",
    ],
    thanks: [
      "cảm ơn", "cám ơn", "cảm ơn nhiều", "cảm ơn bạn", "cảm ơn shop", "cám ơn shop", "thanks", "thank you", "tks",
      "thank", "cảm ơn shop nhiều", "cám ơn shop nhiều", "cám ơn nhiều", "cảm ơn bạn nhiều", "cảm ơn nha",
      "cảm ơn ạ", "cảm ơn shop nha", "cảm ơn shop ạ", "em cảm ơn", "mình cảm ơn",
    ],
    goodbyes: [
      "tạm biệt", "bye", "chào nhé",
    ],
    partingGreetings: ["chào"],
    humanRequests: [
      "nhân viên", "gặp nhân viên", "cho gặp nhân viên", "cho em gặp nhân viên", "cho mình gặp nhân viên",
      "nhân viên tư vấn", "nhân viên hỗ trợ", "nhân viên chăm sóc khách hàng", "tư vấn viên", "gặp tư vấn viên",
      "người thật", "gặp người thật", "nói chuyện với người thật", "nói chuyện với nhân viên",
      "muốn nói chuyện với nhân viên", "kết nối với nhân viên", "chuyển cho nhân viên", "chuyển sang nhân viên",
      "tổng đài viên", "gặp tổng đài viên", "chăm sóc khách hàng", "cskh", "gặp cskh", "người hỗ trợ",
      "gặp người hỗ trợ", "gặp người", "gặp quản lý", "quản lý", "gặp admin", "không muốn nói chuyện với bot",
      "không phải bot",
    ],
    followUpOpeners: [
      "còn", "thế còn", "vậy còn", "còn nếu", "vậy", "thế", "và", "với lại", "rồi", "ngoài ra", "thế nếu", "vậy nếu",
      "còn về", "thế thì", "cho hỏi thêm",
    ],
    contrastOpeners: ["nhưng", "nhưng mà", "mà", "tuy nhiên", "có điều"],
    anaphora: ["đó", "này", "nó", "kia", "ấy", "đấy"],
    attributeWords: [
      "giá", "phí", "tiền", "lâu", "mất", "miễn", "đắt", "rẻ",
    ],
    notHelped: [
      "không giúp được gì", "chẳng giúp được gì", "chả giúp được gì", "ko giúp được gì", "không giúp gì",
      "không có ích", "mình xem rồi", "em xem rồi", "tôi xem rồi", "xem rồi mà", "mình thử rồi", "em thử rồi",
      "thử rồi mà", "làm rồi mà", "không phải cái mình hỏi", "không phải ý mình",
      // The problem goes on after the answer ("vẫn không được").
      "vẫn không được", "vẫn ko được", "vẫn không dùng được", "vẫn lỗi", "vẫn bị lỗi", "vẫn báo lỗi", "vẫn y vậy",
      "vẫn như cũ",
    ],
    noNeed: ["không cần", "ko cần", "khỏi", "khỏi cần", "không muốn", "chẳng cần", "không cần thiết"],
    quotingWords: ["ghi", "hiện", "hiển", "thị", "báo", "trạng", "thái"],
    numberWords: ["một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "nhất": 1, "đầu": 1, "cuối": -1],
    optionWords: ["số", "cái", "câu", "thứ", "lựa", "chọn", "phương", "án", "mục", "tiên", "cùng"],
    askingPhrases: [
      "cho mình hỏi vụ", "cho em hỏi vụ", "cho mình hỏi về", "cho em hỏi về", "cho tôi hỏi về", "cho mình hỏi",
      "cho em hỏi", "cho tôi hỏi", "cho hỏi", "mình muốn hỏi về", "em muốn hỏi về", "hỏi vụ", "hỏi về",
      "hỏi xíu về vụ", "hỏi xíu về", "hỏi xíu vụ", "hỏi chút về", "hỏi tí về", "hỏi xíu", "hỏi chút", "hỏi tí",
      "mình hỏi chút chuyện", "em hỏi chút chuyện", "mình hỏi xíu chuyện", "em hỏi xíu chuyện", "mình hỏi chút",
      "em hỏi chút", "mình hỏi xíu", "em hỏi xíu", "mình hỏi tí", "em hỏi tí", "hỏi chút chuyện", "hỏi xíu chuyện",
      // And one that only says the question is short ("chào shop, hỏi nhanh xíu, phí ship?").
      "cho hỏi nhanh", "cho mình hỏi nhanh", "cho em hỏi nhanh", "hỏi nhanh xíu", "hỏi nhanh chút", "hỏi nhanh",
      // And the one asked while the customer waits for a person ("trong lúc chờ hỏi luôn, …").
      "trong lúc chờ hỏi luôn", "trong lúc đợi hỏi luôn", "trong lúc chờ", "trong lúc đợi", "trong khi chờ",
      "trong khi đợi",
    ],
    // The question that comes along after another topic or thanks ("one more question", "by the way").
    newTopicPhrases: [
      "tiện hỏi luôn", "tiện hỏi", "nhân tiện hỏi", "nhân tiện", "tiện thể hỏi", "tiện thể", "hỏi thêm", "cho hỏi thêm",
    ],
    // How the person who takes over replies: asked about after a hand-off ("bao lâu thì nhân viên rep?").
    replyPhrases: ["rep", "trả lời", "phản hồi", "nhắn lại", "gọi lại", "liên hệ lại"],
    clauseConjunctions: ["nhưng", "và", "mà", "vì"],
    // "… được không", "… chưa", "… hả": at the end of a clause they ask.
    questionTags: ["không", "hông", "chưa", "hả", "nhỉ"],
    // "A hay B": before a person, "là" or a negation, "hay" is "or" ("hay bị văng" is "often crashes").
    questionPairs: [
      "hay là", "hay mình", "hay em", "hay e", "hay tôi", "hay shop", "hay bạn", "hay anh", "hay chị", "hay không",
      "hay ko", "hay chưa",
    ],
    // After a negation, "ai", "gì" and "đâu" are "nobody", "nothing" and "nowhere" ("đặt cả tuần rồi mà
    // chẳng ai gọi lại", a week and nobody has called back).
    indefinitePairs: [
      "không ai", "chẳng ai", "chả ai", "ko ai", "k ai", "hông ai", "chẳng gì",
      "chả gì", "chẳng đâu", "chả đâu",
    ],
    questionAlternatives: ["hay", "hoặc"],
    finalParticles: ["ạ", "vậy", "nhé", "nha", "hả", "với"],
    entityAliases: vietnameseEntityAliases, homeRegion: "VN",
    placeCues: [
      "sang", "tới", "đến", "ở", "qua", "về", "nước", "từ", "đi", "ship", "gửi", "giao", "còn", "bằng", "tiền",
    ],
    ambiguousNames: [
      "anh", "nga", "đức", "pháp", "thái", "hàn", "nhật", "lào", "sing", "đô", "yên", "hcm", "bạt", "síp",
    ],
    // Typed without diacritics, "sip" is "ship" ("tien sip qua Duc bn vay"); Cyprus is written "Síp".
    accentedOnlyNames: ["síp"],
    phrases: Phrases([
      .welcome: "Xin chào quý khách! Đây là trợ lý ảo. Quý khách có thể hỏi về các chủ đề sau: {topics}.",
      .help:
        "Quý khách vui lòng nhập câu hỏi. Quý khách có thể hỏi về các chủ đề sau: {topics}. Các lệnh: /lang xx để đổi ngôn ngữ, /reset để bắt đầu lại, /why để xem vì sao có câu trả lời này, /quit để thoát.",
      .clarify: "Chúng tôi chưa rõ quý khách muốn hỏi về nội dung nào dưới đây:",
      .clarifyHint: "Quý khách vui lòng trả lời bằng số từ 1 đến {last}, hoặc nhập chủ đề cần hỏi ạ.",
      .clarifyAgain:
        "Xin lỗi, chúng tôi vẫn chưa hiểu ý quý khách. Quý khách vui lòng trả lời bằng số từ 1 đến {last} ạ.",
      .followUp: "Quý khách cũng có thể hỏi về:",
      .outOfScope:
        "Xin lỗi quý khách, chúng tôi chỉ có thể hỗ trợ các câu hỏi về các chủ đề sau: {topics}. Quý khách có muốn được kết nối với nhân viên hỗ trợ không ạ?",
      .lowConfidence:
        "Chúng tôi chưa chắc đã hiểu đúng câu hỏi của quý khách, nên xin chuyển câu hỏi này đến một nhân viên hỗ trợ ạ.",
      .handoffRequested:
        "Dạ vâng, chúng tôi xin chuyển cuộc trò chuyện này đến nhân viên hỗ trợ. Toàn bộ nội dung quý khách đã viết sẽ được chuyển kèm, quý khách không cần nhắc lại ạ.",
      .handoffNow: "Hiện đang có nhân viên trực và sẽ trả lời quý khách trong vòng {minutes} phút ạ.",
      .handoffLater:
        "Hiện đội ngũ hỗ trợ đang ngoài giờ làm việc. Ca làm việc tiếp theo bắt đầu {when}, khi đó nhân viên của chúng tôi sẽ trả lời quý khách ạ.",
      .handoffNone: "Nhân viên của chúng tôi sẽ trả lời quý khách sớm nhất có thể ạ.",
      .askContact: "Nếu quý khách muốn, xin để lại địa chỉ email, chúng tôi sẽ liên hệ lại qua email ạ.",
      .contactSaved: "Cảm ơn quý khách, chúng tôi sẽ gửi thư đến {contact} ạ.",
      .stillEscalated:
        "Chúng tôi đã bổ sung nội dung này vào yêu cầu của quý khách, để nhân viên hỗ trợ xem được toàn bộ những gì quý khách đã viết ạ.",
      .feedbackQuestion: "Câu trả lời này có giải đáp được thắc mắc của quý khách không ạ? (có/không)",
      .feedbackThanks: "Cảm ơn quý khách đã phản hồi ạ!",
      .feedbackSorry:
        "Rất tiếc câu trả lời chưa giúp được quý khách. Quý khách có muốn được kết nối với nhân viên hỗ trợ không ạ?",
      .frustration:
        "Chúng tôi thành thật xin lỗi quý khách về sự việc này và rất hiểu cảm giác khó chịu của quý khách lúc này ạ.",
      .repeatedNonAnswer:
        "Rất tiếc chúng tôi chưa giúp được quý khách về vấn đề này. Chúng tôi xin chuyển câu hỏi của quý khách đến một nhân viên hỗ trợ ạ.",
      .outboxFailure:
        "Xin lỗi quý khách, hiện chúng tôi chưa chuyển được yêu cầu đi. Quý khách vui lòng thử lại sau giây lát ạ.",
      .languageSwitched: "Vâng, từ bây giờ chúng tôi sẽ trả lời quý khách bằng tiếng Việt ạ.",
      .reset: "Chúng ta cùng bắt đầu lại nhé. Chúng tôi có thể giúp gì cho quý khách ạ?",
      .greeting: "Xin chào quý khách! Chúng tôi có thể giúp gì cho quý khách ạ?",
      .thanks: "Dạ không có gì ạ! Nếu cần hỗ trợ thêm, quý khách cứ hỏi nhé.",
      .goodbye: "Tạm biệt quý khách, cảm ơn quý khách đã ghé thăm!",
      .prompt: "Dạ vâng! Quý khách cần hỗ trợ gì ạ?",
    ])
  )
  /// Vietnamese names of places, languages and currencies beyond `Locale`'s.
  static let vietnameseEntityAliases: [EntityList] = {
    let countries: [String: [String]] = [
      "US": ["Mỹ", "nước Mỹ", "Hoa Kỳ"], "GB": ["Anh", "nước Anh", "Anh Quốc"], "DE": ["Đức", "nước Đức"],
      "FR": ["Pháp", "nước Pháp"], "IT": ["Ý", "Italia"], "RU": ["Nga"], "AU": ["Úc", "Australia"],
      "JP": ["Nhật", "Nhật Bản"], "KR": ["Hàn", "Hàn Quốc"], "CN": ["Trung Quốc"], "TH": ["Thái", "Thái Lan"],
      "SG": ["Sing", "Singapore", "Xinh-ga-po"], "MY": ["Malaysia", "Mã Lai"], "TW": ["Đài Loan"],
      "HK": ["Hồng Kông", "Hong Kong"], "LA": ["Lào"], "KH": ["Campuchia", "Cam-pu-chia"],
    ]
    let homeCities: [String] = [
      "Hà Nội", "Hồ Chí Minh", "TP HCM", "TPHCM", "HCM", "Sài Gòn", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Huế",
      "Nha Trang", "Đà Lạt", "Vũng Tàu", "Biên Hòa", "Quảng Ninh", "Bình Dương", "Đồng Nai", "Hạ Long",
      "Phú Quốc", "Buôn Ma Thuột", "Buôn Mê Thuột", "Quy Nhơn", "Thủ Đức", "Pleiku", "Hội An", "Phan Thiết",
      "Cà Mau", "Mỹ Tho", "Bạc Liêu", "Sóc Trăng", "Tây Ninh", "Bến Tre", "Quảng Ngãi", "Tuy Hòa", "Kon Tum",
      "Lào Cai", "Sa Pa", "Sapa", "Hà Giang", "Điện Biên", "Ninh Bình", "Hải Dương", "Hưng Yên", "Vĩnh Long",
      "Trà Vinh", "Cao Lãnh", "Long Xuyên", "Rạch Giá", "Thanh Hóa", "Nam Định", "Thái Nguyên", "Bắc Ninh",
      "Quảng Nam", "Quảng Bình", "Đồng Hới", "Hà Tĩnh", "Nghệ An", "Bà Rịa", "Long An", "Đồng Tháp", "Gia Lai",
      "Đắk Lắk", "Lâm Đồng", "Khánh Hòa", "Bình Định", "Bình Thuận", "Kiên Giang", "An Giang",
    ]
    let cities: [String] = ["Tokyo", "Seoul", "Bangkok", "Paris", "London"]
    let currencies: [String: [String]] = [
      "VND": ["vnd", "vnđ", "việt nam đồng"], "USD": ["đô", "đô la", "đô la Mỹ", "usd", "đô Mỹ"],
      "EUR": ["euro", "eur", "ơ-rô"], "JPY": ["yên", "yên Nhật"], "AUD": ["đô Úc", "đô la Úc"],
      "CAD": ["đô Canada", "đô Ca"], "SGD": ["đô Sing", "đô Singapore"],
      "THB": ["baht", "bạt", "bạt Thái"],
    ]
    return EntityList.aliases(countries: countries, homeCities: homeCities, cities: cities, currencies: currencies)
  }()
}
