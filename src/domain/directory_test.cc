// Directory profiles: validation names the field, and ranking on small
// hand-worked examples (points: language 3, sex/age/exploitation 2 each, one
// per query word found, free beds 1 when shelter is asked for).
#include "domain/directory.h"

#include <gtest/gtest.h>

namespace trm::domain {
namespace {

ProfileDetails Valid() {
  ProfileDetails d;
  d.areas = {{"KH", {"Phnom Penh", "Siem Reap"}}};
  d.services = {DirService::kLegalAid, DirService::kInterpretation};
  d.expertise = "Labour claims for domestic workers.\nCourt accompaniment.";
  d.languages = {"km", "en"};
  d.accepts_sex = AcceptsSex::kAny;
  d.accepts_age = AcceptsAge::kAdults;
  d.accepts_exploitation = {Exploitation::kForcedLabour};
  d.working_hours = "Mon-Fri 8:00-17:00";
  d.liaison_officers = {{"Sok Dara", "Head lawyer", "+855 23 000 000", "dara@example.org", {"km"}}};
  d.agreements = {{AgreementType::kMou, "MOU on legal aid", 3, "2024-01-15", "2027-01-14"}};
  return d;
}

TEST(DirectoryValidation, AcceptsAFullProfile) { EXPECT_TRUE(ValidateProfileDetails(Valid()).ok()); }

TEST(DirectoryValidation, NamesTheField) {
  auto field = [](auto change) {
    ProfileDetails d = Valid();
    change(d);
    return ValidateProfileDetails(d).field();
  };
  EXPECT_EQ(field([](auto& d) { d.areas[0].country = "XX"; }), "areas[0].country");
  EXPECT_EQ(field([](auto& d) { d.areas[0].provinces[1] = " "; }), "areas[0].provinces[1]");
  EXPECT_EQ(field([](auto& d) { d.services.push_back(DirService::kLegalAid); }), "services");
  EXPECT_EQ(field([](auto& d) { d.expertise = "bad \xC3\x28"; }), "expertise");
  EXPECT_EQ(field([](auto& d) { d.languages = {"km", "khm"}; }), "languages[1]");
  EXPECT_EQ(field([](auto& d) { d.languages = {"km", "km"}; }), "languages");
  EXPECT_EQ(field([](auto& d) { d.liaison_officers[0].email = "dara@"; }),
            "liaison_officers[0].email");
  EXPECT_EQ(field([](auto& d) { d.liaison_officers[0].phone = "call me"; }),
            "liaison_officers[0].phone");
  EXPECT_EQ(field([](auto& d) { d.liaison_officers[0].languages = {"xx"}; }),
            "liaison_officers[0].languages[0]");
  EXPECT_EQ(field([](auto& d) { d.liaison_officers[0].name = ""; }), "liaison_officers[0].name");
  EXPECT_EQ(field([](auto& d) { d.agreements[0].signed_date = "2024-02-30"; }),
            "agreements[0].signed_date");
  EXPECT_EQ(field([](auto& d) { d.agreements[0].expiry_date = "2023-12-31"; }),
            "agreements[0].expiry_date");
  EXPECT_EQ(field([](auto& d) { d.agreements[0].partner_organisation_id = 0; }),
            "agreements[0].partner_organisation_id");
  EXPECT_EQ(field([](auto& d) { d.working_hours = std::string(501, 'x'); }), "working_hours");
}

TEST(DirectoryValidation, Capacity) {
  EXPECT_TRUE(ValidateCapacity(std::nullopt, std::nullopt).ok());
  EXPECT_TRUE(ValidateCapacity(0, 20).ok());
  EXPECT_TRUE(ValidateCapacity(std::nullopt, 20).ok());
  EXPECT_EQ(ValidateCapacity(21, 20).field(), "free_beds");
  EXPECT_EQ(ValidateCapacity(-1, 20).field(), "free_beds");
  EXPECT_EQ(ValidateCapacity(3, std::nullopt).field(), "total_beds");
  EXPECT_EQ(ValidateCapacity(0, -2).field(), "total_beds");
}

// A query from its free parts (designated initialisers would warn about the rest).
DirectoryQuery Query(std::string country, std::string language, std::string text) {
  DirectoryQuery q;
  q.country = std::move(country);
  q.language = std::move(language);
  q.text = std::move(text);
  return q;
}

TEST(DirectoryValidation, Query) {
  EXPECT_TRUE(ValidateDirectoryQuery(Query("KH", "km", "domestic")).ok());
  EXPECT_EQ(ValidateDirectoryQuery(Query("kh", "", "")).field(), "country");
  EXPECT_EQ(ValidateDirectoryQuery(Query("", "khm", "")).field(), "language");
  EXPECT_EQ(ValidateDirectoryQuery(Query("", "", "a b c d e f g h i j k")).field(), "q");
}

TEST(EnumNames, RoundTrip) {
  for (DirService s : AllDirServices()) EXPECT_EQ(ParseDirService(Name(s)), s);
  for (Exploitation e : AllExploitations()) EXPECT_EQ(ParseExploitation(Name(e)), e);
  EXPECT_EQ(AllExploitations().size(), 11u) << "HTCDS vic_TypeOfExploitation has 11 values";
  EXPECT_FALSE(ParseDirService("Shelter").has_value()) << "names are exact";
}

DirectoryProfile Org(std::string name, std::string country, ProfileDetails d,
                     std::optional<int> free_beds = std::nullopt) {
  DirectoryProfile p;
  p.organisation.name = std::move(name);
  p.organisation.country = std::move(country);
  p.details = std::move(d);
  p.capacity.free_beds = free_beds;
  p.capacity.total_beds = free_beds ? std::optional<int>(20) : std::nullopt;
  return p;
}

ProfileDetails Offers(std::vector<DirService> s, std::vector<std::string> langs, AcceptsSex sex,
                      AcceptsAge age, std::vector<Exploitation> ex, std::string expertise = "") {
  ProfileDetails d;
  d.services = std::move(s);
  d.languages = std::move(langs);
  d.accepts_sex = sex;
  d.accepts_age = age;
  d.accepts_exploitation = std::move(ex);
  d.expertise = std::move(expertise);
  return d;
}

std::vector<std::string> Names(const std::vector<DirectoryMatch>& m) {
  std::vector<std::string> out;
  for (const auto& x : m) out.push_back(x.profile->organisation.name);
  return out;
}

// "Legal aid in Cambodia for a woman in domestic work speaking Khmer".
TEST(RankProfiles, LegalAidInCambodiaForAKhmerSpeakingDomesticWorker) {
  const auto FL = Exploitation::kForcedLabour;
  const auto SE = Exploitation::kSexualExploitation;
  std::vector<DirectoryProfile> orgs = {
      // 2 (sex) + 2 (age) + 2 (FL) + 3 (km) + 1 ("domestic") = 10
      Org("Legal Aid Centre", "KH",
          Offers({DirService::kLegalAid}, {"km", "en"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL},
                 "Unpaid wages of domestic workers")),
      // 2 + 0 (children only) + 0 (SE only) + 3 = 5
      Org("Children's Centre", "KH",
          Offers({DirService::kLegalAid, DirService::kShelter}, {"km"}, AcceptsSex::kWomen,
                 AcceptsAge::kChildren, {SE})),
      // 0 (men) + 2 + 2 + 0 (no km) = 4
      Org("Men's Legal Clinic", "KH",
          Offers({DirService::kLegalAid}, {"en"}, AcceptsSex::kMen, AcceptsAge::kAdults, {FL})),
      // Filtered out: no legal aid.
      Org("Shelter", "KH",
          Offers({DirService::kShelter}, {"km"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL},
                 "domestic")),
      // Filtered out: Thailand, serving no area in Cambodia.
      Org("Thai Legal Aid", "TH",
          Offers({DirService::kLegalAid}, {"km", "th"}, AcceptsSex::kAny, AcceptsAge::kBoth, {FL},
                 "domestic")),
  };
  DirectoryQuery q = Query("KH", "km", "Domestic");
  q.service = DirService::kLegalAid;
  q.sex = SeekerSex::kFemale;
  q.age = SeekerAge::kAdult;
  q.exploitation = FL;
  auto r = RankProfiles(orgs, q);
  ASSERT_EQ(Names(r), (std::vector<std::string>{"Legal Aid Centre", "Children's Centre",
                                                "Men's Legal Clinic"}));
  EXPECT_EQ(r[0].score, 10);
  EXPECT_EQ(r[0].matched, (std::vector<std::string>{"service", "country", "sex", "age",
                                                    "exploitation", "language", "text"}));
  EXPECT_TRUE(r[0].missed.empty());
  EXPECT_EQ(r[0].words, std::vector<std::string>{"domestic"});
  EXPECT_EQ(r[1].score, 5);
  EXPECT_EQ(r[1].missed, (std::vector<std::string>{"age", "exploitation", "text"}));
  EXPECT_EQ(r[2].score, 4);
  EXPECT_EQ(r[2].missed, (std::vector<std::string>{"sex", "language", "text"}));
}

TEST(RankProfiles, CountryMatchesServedAreasAndShelterBedsCount) {
  ProfileDetails serves_kh = Offers({DirService::kShelter}, {}, AcceptsSex::kAny,
                                    AcceptsAge::kBoth, {});
  serves_kh.areas = {{"KH", {"Battambang"}}};
  std::vector<DirectoryProfile> orgs = {
      Org("B Full Shelter", "KH", Offers({DirService::kShelter}, {}, AcceptsSex::kAny,
                                         AcceptsAge::kBoth, {}), 0),
      Org("A Border Shelter", "TH", serves_kh, 4),
      Org("C No Beds Stated", "KH", Offers({DirService::kShelter}, {}, AcceptsSex::kAny,
                                           AcceptsAge::kBoth, {})),
  };
  DirectoryQuery q = Query("KH", "", "");
  q.service = DirService::kShelter;
  auto r = RankProfiles(orgs, q);
  ASSERT_EQ(Names(r), (std::vector<std::string>{"A Border Shelter", "B Full Shelter",
                                                "C No Beds Stated"}));
  EXPECT_EQ(r[0].score, 1);
  EXPECT_EQ(r[0].matched.back(), "beds");
  EXPECT_EQ(r[1].missed, std::vector<std::string>{"beds"});
}

TEST(RankProfiles, NoCriteriaListsEveryoneByName) {
  std::vector<DirectoryProfile> orgs = {
      Org("Zeta", "VN", {}), Org("Alpha", "LA", {}), Org("Mu", "MM", {})};
  auto r = RankProfiles(orgs, {});
  EXPECT_EQ(Names(r), (std::vector<std::string>{"Alpha", "Mu", "Zeta"}));
  for (const auto& m : r) {
    EXPECT_EQ(m.score, 0);
    EXPECT_TRUE(m.matched.empty() && m.missed.empty());
  }
}

TEST(RankProfiles, WordsMatchNameExpertiseAndProvincesInAnyScript) {
  ProfileDetails d = Offers({}, {}, AcceptsSex::kAny, AcceptsAge::kBoth, {}, "ពលករធ្វើការផ្ទះ");
  d.areas = {{"TH", {"Samut Sakhon"}}};
  std::vector<DirectoryProfile> orgs = {Org("Fishing Rights Project", "TH", d),
                                        Org("Other", "TH", {})};
  auto r = RankProfiles(orgs, Query("", "", "fishing SAKHON ធ្វើការ nowhere"));
  ASSERT_EQ(Names(r), (std::vector<std::string>{"Fishing Rights Project", "Other"}));
  EXPECT_EQ(r[0].words, (std::vector<std::string>{"fishing", "sakhon", "ធ្វើការ"}));
  EXPECT_EQ(r[0].score, 3);
  EXPECT_EQ(r[1].missed, std::vector<std::string>{"text"});
}

}  // namespace
}  // namespace trm::domain
