// Language detection for text that declares none: one news-style sentence pair per language
// (written for this test in the style of each language's press), and "und" rather than a guess.
#include <doctest/doctest.h>

#include "khabar/language.hpp"

using namespace khabar;

TEST_CASE("detection tells apart the languages of news pages") {
  struct Case {
    const char* language;
    const char* text;
  };
  const Case cases[] = {
      {"ar", "قال وزير الداخلية إن الحكومة ستعلن عن إجراءات جديدة لدعم الأسر في المدن الكبرى."},
      {"fa",
       "وزیر کشور گفت که دولت برای حمایت از خانواده‌ها برنامه‌های تازه‌ای را اعلام می‌کند."},
      {"ur", "وزیر داخلہ نے کہا کہ حکومت بڑے شہروں میں خاندانوں کی مدد کے لیے نئے اقدامات کا اعلان کرے گی۔"},
      {"he", "שר הפנים אמר כי הממשלה תודיע על צעדים חדשים לתמיכה במשפחות בערים הגדולות."},
      {"fr",
       "Le ministre a annoncé que le gouvernement prendra des mesures pour les familles dans les villes."},
      {"en",
       "The minister said that the government was ready to announce new measures for families in the cities."},
      {"es", "El ministro dijo que el gobierno anunciará nuevas medidas para las familias en las ciudades."},
      {"pt",
       "O ministro disse que o governo vai anunciar novas medidas para as famílias nas cidades, e não "
       "haverá cortes."},
      {"de",
       "Der Minister sagte, dass die Regierung neue Maßnahmen für die Familien in den Städten ankündigen "
       "wird und es ist dringend."},
      {"it",
       "Il ministro ha detto che il governo annuncerà nuove misure per le famiglie nelle città, e non "
       "sono poche."},
      {"nl",
       "De minister zei dat het kabinet nieuwe maatregelen voor gezinnen in de steden zal aankondigen en "
       "dat is niet alles."},
      {"tr",
       "Bakan, hükümetin büyük şehirlerdeki aileler için yeni önlemler açıklayacağını söyledi ve bu çok "
       "önemli bir adım olarak görülüyor."},
      {"id",
       "Menteri mengatakan bahwa pemerintah akan mengumumkan langkah baru untuk keluarga di kota besar "
       "yang terdampak."},
      {"ru", "Министр сказал, что правительство объявит о новых мерах поддержки семей в крупных городах."},
      {"zh", "部长表示，政府将宣布支持大城市家庭的新措施。"},
      {"ja", "大臣は、政府が大都市の家族を支援する新たな措置を発表すると述べた。"},
      {"ko", "장관은 정부가 대도시 가정을 지원하는 새로운 조치를 발표할 것이라고 말했다."},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(detect_language(c.text).language == c.language);
  }
}

TEST_CASE("undetermined rather than a wrong guess") {
  for (const char* text : {"Marrakech 2025", "OK", "12345 !!! ---",
                           "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
                           "incididunt ut labore et dolore magna aliqua.",
                           "Міністр сказав, що уряд оголосить нові заходи підтримки сімей."}) {
    CAPTURE(text);
    CHECK(detect_language(text).language == "und");
  }
}
