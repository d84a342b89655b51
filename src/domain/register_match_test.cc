// Normalised keys, contacts found in adverts, and how a check explains each
// match. Table rows read `input | input | expected`.
#include "domain/register_match.h"

#include <gtest/gtest.h>

namespace trm::domain {
namespace {

struct Same {
  const char* a;
  const char* b;
  bool equal;
};

TEST(RegisterKeys, NamesFoldCaseWidthSpacesAndPunctuation) {
  const Same rows[] = {
      {"Golden-Star Co., Ltd.", "GOLDEN STAR CO LTD", true},
      {"ＧＯＬＤＥＮ　ＳＴＡＲ", "golden star", true},  // full-width letters and space
      {"Nguyễn Văn An", "NGUYỄN VĂN AN", true},
      {"Nguyễn Văn An", "Nguyen Van An", false},  // diacritics are part of the name
      {"สมปอง รุ่งเรือง", "สมปองรุ่งเรือง", true},
      {"สมปอง", "สมปอน", false},
      {"Straße", "STRASSE", true},  // case folding, not just lower case
      {"王伟", "王 伟", true},
  };
  for (const Same& r : rows) EXPECT_EQ(NameKey(r.a) == NameKey(r.b), r.equal) << r.a << " | " << r.b;
  EXPECT_EQ(NameKey(" -- "), "");
}

TEST(RegisterKeys, PhonesInInternationalFormWithTheEntrysCountry) {
  struct Row {
    const char* phone;
    const char* country;
    const char* key;
  };
  const Row rows[] = {
      {"+66 81 234 5678", "TH", "66812345678"},
      {"081-234-5678", "TH", "66812345678"},
      {"0812345678", "TH", "66812345678"},
      {"0066 81 234 5678", "TH", "66812345678"},
      {"66812345678", "TH", "66812345678"},
      {"๐๘๑๒๓๔๕๖๗๘", "TH", "66812345678"},  // Thai digits
      {"+855 12 345 678", "KH", "85512345678"},
      {"012 345 678", "KH", "85512345678"},
      {"8123 4567", "SG", "6581234567"},  // no trunk 0 in Singapore
      {"0812345678", "ZZ", "0812345678"},  // an unknown country: digits as written
  };
  for (const Row& r : rows) EXPECT_EQ(PhoneKey(r.phone, r.country), r.key) << r.phone << " in " << r.country;
  EXPECT_NE(PhoneKey("0812345678", "KH"), PhoneKey("+66 81 234 5678", "KH"))
      << "a national number belongs to the entry's country";
}

TEST(RegisterKeys, HandlesAndWebsites) {
  const Same handles[] = {
      {"@GoldJobs", "goldjobs", true},
      {"https://t.me/goldjobs", "@goldjobs", true},
      {"t.me/GoldJobs/", "goldjobs", true},
      {"line.me/ti/p/~goldjobs", "goldjobs", true},
      {"https://line.me/R/ti/p/@goldjobs", "goldjobs", true},
      {"goldjobs", "goldjob", false},
  };
  for (const Same& r : handles) EXPECT_EQ(HandleKey(r.a) == HandleKey(r.b), r.equal) << r.a << " | " << r.b;
  const Same sites[] = {
      {"https://www.Gold-Jobs.com/apply/", "gold-jobs.com/apply", true},
      {"http://gold-jobs.com/?ref=fb#top", "www.gold-jobs.com", true},
      {"gold-jobs.com/apply", "gold-jobs.com/other", false},
      {"gold-jobs.com", "gold-jobs.net", false},
  };
  for (const Same& r : sites) EXPECT_EQ(WebsiteKey(r.a) == WebsiteKey(r.b), r.equal) << r.a << " | " << r.b;
}

TEST(RegisterExtract, PhonesHandlesAndWebsitesFromAnAdvert) {
  const AdvertContacts c = ExtractContacts(
      "งานโรงงานมาเลเซีย เงินเดือน 15000 บาท! Salary 15.000-20.000 baht, start 2026-03-15.\n"
      "Call +66 81 234 5678 or ๐๘๙-๑๑๑-๒๒๒๒. LINE: goldjobs, Telegram t.me/gold_jobs_th "
      "or @recruit.asia (www.gold-jobs.com/apply). ID card required. mail hr@gold-jobs.com");
  EXPECT_EQ(c.phones, (std::vector<std::string>{"+66 81 234 5678", "๐๘๙-๑๑๑-๒๒๒๒"}));
  EXPECT_EQ(c.handles, (std::vector<std::string>{"goldjobs", "t.me/gold_jobs_th", "@recruit.asia"}));
  EXPECT_EQ(c.websites, (std::vector<std::string>{"www.gold-jobs.com/apply"}));
}

TEST(RegisterExtract, LabelsWithAndWithoutColonsAndNothingFromPlainText) {
  EXPECT_EQ(ExtractContacts("LINE ID: sompong99").handles, std::vector<std::string>{"sompong99"});
  EXPECT_EQ(ExtractContacts("Line:sompong99").handles, std::vector<std::string>{"sompong99"});
  EXPECT_EQ(ExtractContacts("ไลน์ : sompong99").handles, std::vector<std::string>{"sompong99"});
  EXPECT_EQ(ExtractContacts("Tel. 0812345678").phones, std::vector<std::string>{"0812345678"});
  const AdvertContacts none = ExtractContacts("Good pay, free housing, age 20-35, 12 hours a day.");
  EXPECT_TRUE(none.phones.empty());
  EXPECT_TRUE(none.handles.empty());
  EXPECT_TRUE(none.websites.empty());
}

RegisterEntry Broker() {
  RegisterEntry e;
  e.country = "TH";
  e.details.names = {"Sompong Rungruang"};
  e.details.aliases = {"Golden Star Recruitment"};
  e.details.phones = {"081-234-5678"};
  e.details.handles = {"@sompong_jobs"};
  e.details.websites = {"https://gold-jobs.com"};
  return e;
}

TEST(RegisterCheck, ExplainsEachMatchByFieldAndHow) {
  CheckQuery q;
  q.name = "SOMPONG  RUNGRUANG";
  q.company = "Golden Star Recruitment";
  q.phone = "+66 81 234 5678";
  q.handle = "t.me/Sompong_Jobs";
  q.website = "www.gold-jobs.com/";
  ASSERT_TRUE(ValidateCheckQuery(q).ok());
  const auto m = PreparedCheck(q).Match(Broker());
  ASSERT_EQ(m.size(), 5u);
  auto is = [](const RegisterMatch& x, const char* qf, const char* ef, MatchHow how) {
    return x.query_field == qf && x.entry_field == ef && x.how == how;
  };
  EXPECT_TRUE(is(m[0], "name", "name", MatchHow::kNormalised));
  EXPECT_TRUE(is(m[1], "company", "alias", MatchHow::kExact));
  EXPECT_TRUE(is(m[2], "phone", "phone", MatchHow::kNormalised));
  EXPECT_EQ(m[2].entry_value, "081-234-5678");
  EXPECT_TRUE(is(m[3], "handle", "handle", MatchHow::kNormalised));
  EXPECT_TRUE(is(m[4], "website", "website", MatchHow::kNormalised));
}

TEST(RegisterCheck, AnAdvertMatchesByItsContactsAndTheNamesInIt) {
  CheckQuery q;
  q.text = "Jobs in Malaysia with Golden Star Recruitment! โทร 0812345678, LINE: sompong_jobs";
  const PreparedCheck check(q);
  const auto m = check.Match(Broker());
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].query_field, "text");
  EXPECT_EQ(m[0].entry_field, "phone");
  EXPECT_EQ(m[0].query_value, "0812345678");
  EXPECT_EQ(m[1].entry_field, "handle");
  EXPECT_EQ(m[2].entry_field, "alias");
  EXPECT_EQ(m[2].how, MatchHow::kExact);

  CheckQuery other;
  other.text = "Call +66 81 234 5678";
  RegisterEntry cambodian = Broker();
  cambodian.country = "KH";
  EXPECT_TRUE(PreparedCheck(other).Match(cambodian).empty()) << "a Thai number is not the Cambodian 081 234 5678";
}

TEST(RegisterCheck, QueriesAreCheckedFieldByField) {
  EXPECT_EQ(ValidateCheckQuery(CheckQuery{}).field(), "text") << "nothing asked";
  CheckQuery blank;
  blank.name = "   ";
  EXPECT_EQ(ValidateCheckQuery(blank).code(), Code::kInvalidArgument);
  CheckQuery bad;
  bad.phone = "\xFF";
  EXPECT_EQ(ValidateCheckQuery(bad).field(), "phone");
  CheckQuery big;
  big.text = std::string(10001, 'a');
  EXPECT_EQ(ValidateCheckQuery(big).field(), "text");
}

TEST(RegisterCheck, MatchKindsHaveTheirApiNames) {
  EXPECT_EQ(Name(MatchHow::kExact), "exact");
  EXPECT_EQ(Name(MatchHow::kNormalised), "normalised");
  EXPECT_EQ(Name(MatchHow::kNameOtherScript), "name_other_script");
  EXPECT_EQ(Name(MatchHow::kNameSoundsAlike), "name_sounds_alike");
  // Keys alone never claim the engine's kinds: those come from the register service.
  RegisterEntry e;
  e.country = "TH";
  e.details.names = {"สมชาย ใจดี"};
  CheckQuery q;
  q.name = "Somchai Jaidee";
  EXPECT_TRUE(PreparedCheck(q).Match(e).empty());
}

}  // namespace
}  // namespace trm::domain
