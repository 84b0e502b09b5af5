/// Questions that no customer-service content answers (weather, recipes, sport, trivia), in each
/// built-in language: the out-of-scope part of benchmark messages.
enum OutOfScopeSentences {
  /// The sentences of a language; English for a language without its own.
  static func sentences(for language: Language) -> [String] {
    switch language {
    case .hr:
      return [
        "kakvo će sutra biti vrijeme u Splitu", "tko je pobijedio na prošlom svjetskom prvenstvu",
        "kako se peče domaći kruh", "koliko je visok Mont Blanc", "preporuči mi dobar film za večeras",
        "koja je glavna luka u Dalmaciji", "napiši mi pjesmu o moru", "koliko je sati u Tokiju",
        "kako naučiti svirati gitaru", "što znači riječ fotosinteza", "ispričaj mi vic",
        "gdje mogu vidjeti medvjede u prirodi", "koliko kalorija ima jabuka", "tko je napisao Na Drini ćuprija",
        "kako se zove najveća planeta", "je li zdravo trčati svaki dan", "koji je recept za sarmu",
        "zašto je nebo plavo", "kada počinje ljeto", "koliko nogu ima pauk",
      ]
    case .vi:
      return [
        "ngày mai thời tiết ở Hà Nội thế nào", "ai vô địch bóng đá thế giới năm ngoái", "cách nấu phở bò tại nhà",
        "núi Phú Sĩ cao bao nhiêu mét", "gợi ý cho tôi một bộ phim hay", "thủ đô của nước Úc là gì",
        "viết cho tôi một bài thơ về biển", "bây giờ ở Tokyo là mấy giờ", "làm sao để học đàn ghi ta",
        "quang hợp nghĩa là gì", "kể cho tôi một câu chuyện cười", "con voi nặng bao nhiêu ký",
        "một quả táo có bao nhiêu calo", "ai là tác giả truyện Kiều", "hành tinh lớn nhất là hành tinh nào",
        "chạy bộ mỗi ngày có tốt không", "công thức làm bánh xèo", "tại sao bầu trời màu xanh",
        "khi nào bắt đầu mùa hè", "con nhện có mấy chân",
      ]
    case .tr:
      return [
        "yarın İstanbul'da hava nasıl olacak", "geçen dünya kupasını kim kazandı", "evde ekmek nasıl yapılır",
        "Ağrı Dağı kaç metre", "bu akşam için iyi bir film önerir misin", "Avustralya'nın başkenti neresi",
        "bana deniz hakkında bir şiir yaz", "Tokyo'da saat kaç", "gitar çalmayı nasıl öğrenirim",
        "fotosentez ne demek", "bana bir fıkra anlat", "bir fil kaç kilo gelir", "bir elmada kaç kalori var",
        "Çalıkuşu romanını kim yazdı", "en büyük gezegen hangisi", "her gün koşmak sağlıklı mı",
        "mercimek çorbası tarifi", "gökyüzü neden mavi", "yaz ne zaman başlıyor", "örümceğin kaç bacağı var",
      ]
    case .id:
      return [
        "bagaimana cuaca di Bandung besok", "siapa juara piala dunia terakhir", "cara membuat rendang di rumah",
        "berapa tinggi gunung Semeru", "rekomendasi film bagus untuk nanti malam", "apa ibu kota Australia",
        "tuliskan puisi tentang laut", "jam berapa sekarang di Tokyo", "bagaimana cara belajar main gitar",
        "apa arti fotosintesis", "ceritakan lelucon lucu", "berapa berat seekor gajah", "berapa kalori dalam satu apel",
        "siapa penulis Laskar Pelangi", "planet apa yang paling besar", "apakah lari setiap hari itu sehat",
        "resep nasi goreng yang enak", "kenapa langit berwarna biru", "kapan musim hujan mulai",
        "laba-laba punya berapa kaki",
      ]
    default:
      return [
        "what will the weather be like in London tomorrow", "who won the last world cup",
        "how do you bake sourdough bread",
        "how tall is mount everest", "recommend me a good movie for tonight", "what is the capital of australia",
        "write me a poem about the sea", "what time is it in tokyo", "how can i learn to play the guitar",
        "what does photosynthesis mean", "tell me a joke", "how much does an elephant weigh",
        "how many calories are in an apple", "who wrote pride and prejudice", "which planet is the largest",
        "is running every day healthy", "give me a recipe for lasagna", "why is the sky blue",
        "when does summer start", "how many legs does a spider have",
      ]
    }
  }
}
