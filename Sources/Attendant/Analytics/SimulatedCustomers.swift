/// What simulated customers write beyond the content's held-out questions: needs the demo content does
/// not cover (gift cards, loyalty points, a shop to visit), anger, and feedback comments, some with
/// personal data that the transcript log must hide.
enum SimulatedCustomers {
  /// Needs without an intent, each in several wordings, by language.
  static let uncoveredNeeds: [String: [String: [String]]] = [
    "en": [
      "gift-card": [
        "do you sell gift cards", "can i buy a gift voucher for my sister", "gift card balance check",
        "how do i use a gift card at checkout", "is there an e-gift card i can email someone",
        "where can i buy a gift certificate",
      ],
      "loyalty-points": [
        "how do i collect loyalty points", "do you have a rewards program", "how many reward points do i have",
        "can i use my loyalty points on this order", "my loyalty points were not added",
        "what can i get for my reward points",
      ],
      "physical-store": [
        "do you have a shop in town i can visit", "where is your nearest store", "can i pick up my order in store",
        "is there a physical store", "can i come to your store in person", "what time does your store open",
      ],
    ],
    "hr": [
      "gift-card": [
        "imate li poklon bonove", "kako kupiti poklon bon za prijateljicu", "mogu li platiti poklon bonom",
        "provjera stanja poklon bona", "gdje mogu kupiti poklon karticu", "šaljete li poklon bon mailom",
      ],
      "loyalty-points": [
        "kako skupljam bodove vjernosti", "imate li program vjernosti", "koliko bodova vjernosti imam",
        "mogu li iskoristiti bodove za ovu narudžbu", "bodovi vjernosti mi nisu dodani",
        "što dobivam za bodove vjernosti",
      ],
      "physical-store": [
        "imate li fizičku trgovinu u zagrebu", "gdje vam je najbliža poslovnica",
        "mogu li preuzeti narudžbu u trgovini",
        "postoji li vaša prodavaonica u splitu", "kad radi vaša poslovnica", "mogu li doći osobno u trgovinu",
      ],
    ],
    "vi": [
      "gift-card": [
        "shop có bán thẻ quà tặng không", "mua thẻ quà tặng cho bạn thế nào", "thanh toán bằng thẻ quà tặng được không",
        "kiểm tra số dư thẻ quà tặng", "có thẻ quà tặng điện tử không", "mua thẻ quà tặng ở đâu",
      ],
      "loyalty-points": [
        "làm sao tích điểm thành viên", "shop có chương trình tích điểm không", "tôi có bao nhiêu điểm thưởng",
        "dùng điểm thưởng cho đơn này được không", "điểm thành viên chưa được cộng", "điểm thưởng đổi được gì",
      ],
      "physical-store": [
        "shop có cửa hàng ở hà nội không", "cửa hàng gần nhất ở đâu", "tôi có thể nhận hàng tại cửa hàng không",
        "có cửa hàng thật để xem hàng không", "cửa hàng mở cửa lúc mấy giờ", "tôi muốn đến cửa hàng mua trực tiếp",
      ],
    ],
    "tr": [
      "gift-card": [
        "hediye kartı satıyor musunuz", "arkadaşım için hediye kartı nasıl alırım",
        "hediye kartıyla ödeme yapabilir miyim",
        "hediye kartı bakiyesi sorgulama", "dijital hediye kartı var mı", "hediye kartı nereden alınır",
      ],
      "loyalty-points": [
        "sadakat puanı nasıl kazanırım", "puan programınız var mı", "kaç puanım var",
        "puanlarımı bu siparişte kullanabilir miyim", "puanlarım hesabıma eklenmedi", "puanlarımla ne alabilirim",
      ],
      "physical-store": [
        "istanbulda mağazanız var mı", "en yakın mağaza nerede", "siparişimi mağazadan teslim alabilir miyim",
        "fiziksel mağazanız var mı", "mağaza kaçta açılıyor", "mağazaya gelip ürünleri görebilir miyim",
      ],
    ],
    "id": [
      "gift-card": [
        "apakah jual kartu hadiah", "cara beli kartu hadiah untuk teman", "bisa bayar pakai kartu hadiah",
        "cek saldo kartu hadiah", "ada kartu hadiah digital tidak", "beli kartu hadiah di mana",
      ],
      "loyalty-points": [
        "bagaimana cara kumpulkan poin member", "ada program poin member tidak", "poin member saya ada berapa",
        "bisa pakai poin member untuk pesanan ini", "poin member saya belum masuk", "poin member bisa ditukar apa",
      ],
      "physical-store": [
        "ada toko fisik di jakarta", "toko terdekat di mana", "bisa ambil pesanan di toko",
        "apakah ada toko offline", "toko buka jam berapa", "saya mau datang langsung ke toko",
      ],
    ],
  ]

  /// Angry messages, by language.
  static let frustrated: [String: [String]] = [
    "en": [
      "this is useless, i've asked three times already!!!", "are you kidding me, nothing works, worst service ever",
    ],
    "hr": ["ovo je beskorisno, pitam već treći put!!!", "katastrofa, ništa ne radi, najgora usluga ikad"],
    "vi": ["vô dụng quá, tôi hỏi ba lần rồi!!!", "tệ quá, chẳng có gì hoạt động cả, dịch vụ tệ nhất"],
    "tr": ["bu işe yaramıyor, üçüncü kez soruyorum!!!", "rezalet, hiçbir şey çalışmıyor, en kötü hizmet"],
    "id": [
      "ini tidak berguna, sudah tanya tiga kali!!!", "parah banget, tidak ada yang berfungsi, pelayanan terburuk",
    ],
  ]

  /// Feedback comments, by language; some carry an e-mail address or a phone number.
  static let comments: [String: [String]] = [
    "en": [
      "exactly what i needed", "too long to read on my phone", "please call me on +44 7700 900123",
      "write to me at ana.kovac@example.com",
    ],
    "hr": [
      "točno to sam trebala", "predugo za čitanje", "nazovite me na 091 234 5678",
      "pišite mi na ivan.horvat@example.com",
    ],
    "vi": [
      "đúng cái tôi cần", "dài quá khó đọc", "gọi cho tôi số 0912 345 678",
      "gửi email cho tôi: minh.nguyen@example.com",
    ],
    "tr": [
      "tam ihtiyacım olan buydu", "okuması çok uzun", "beni 0532 123 45 67 numarasından arayın",
      "bana ayse.yilmaz@example.com adresinden yazın",
    ],
    "id": [
      "persis yang saya butuhkan", "terlalu panjang untuk dibaca", "telepon saya di 0812-3456-7890",
      "email saya budi.santoso@example.com",
    ],
  ]
}
