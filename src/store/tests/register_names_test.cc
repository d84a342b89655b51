// Register checks across scripts on both engines: the register's names in the
// matching engine (service/register_names.h), found by a name or a company
// written in Latin letters, in another script, or spelled another way, with
// the probability and how the names agreed; the index kept current from the
// store; and the check level still shown no entry value.
#include <gtest/gtest.h>

#include <optional>

#include "service/demo_network.h"
#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::MatchHow;
using domain::OrgType;
using domain::RegisterKind;
using domain::RegisterStatus;
using domain::Role;
using domain::SourceKind;

class RegisterNamesTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_NE(app().matcher(), nullptr) << "the fixture loads the matching engine";
    domain::Id police = 0, shelter = 0;
    Status s = store().Write([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(police, service::AddOrganisation(tx, {0, "Police", OrgType::kLawEnforcement, "TH", {}},
                                                        clock().Now()));
      ASSIGN_OR_RETURN(shelter, service::AddOrganisation(tx, {0, "Shelter", OrgType::kNgo, "TH", {}},
                                                         clock().Now()));
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
    officer_ = AddUser(police, "officer", Role::kCaseWorker);
    worker_ = AddUser(shelter, "worker", Role::kCaseWorker);
  }

  service::RegisterService& reg() { return app().register_entries(); }

  domain::Id Create(RegisterKind kind, std::vector<std::string> names, std::vector<std::string> aliases = {}) {
    service::RegisterFields f;
    f.kind = kind;
    f.role = kind == RegisterKind::kPerson ? domain::RegisterRole::kBroker : domain::RegisterRole::kAgency;
    f.country = "TH";
    f.details.names = std::move(names);
    f.details.aliases = std::move(aliases);
    service::RegisterStatusChange st{RegisterStatus::kCaseFiled, FormatDate(clock().Now()),
                                     {SourceKind::kCase, "Tak police 2569/0142"}, "Named in a case"};
    auto v = reg().Create(officer_, f, st);
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? v->id : 0;
  }

  std::vector<service::RegisterHit> Check(const service::Actor& a, const std::string& name,
                                          const std::string& company = "") {
    domain::CheckQuery q;
    q.name = name;
    q.company = company;
    auto r = reg().Check(a, q);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r->hits : std::vector<service::RegisterHit>{};
  }

  service::Actor officer_, worker_;
};

// The name_* match of entry `id` in `hits`, if any.
std::optional<domain::RegisterMatch> NameMatchOf(const std::vector<service::RegisterHit>& hits, domain::Id id) {
  for (const auto& h : hits)
    if (h.entry.id == id)
      for (const auto& m : h.matches)
        if (m.how == MatchHow::kNameOtherScript || m.how == MatchHow::kNameSoundsAlike) return m;
  return std::nullopt;
}

TEST_P(RegisterNamesTest, ThaiPersonFoundByTheLatinSpelling) {
  const domain::Id id = Create(RegisterKind::kPerson, {"สมชาย ใจดี"});
  const auto hits = Check(officer_, " Somchai Jaidee ");
  ASSERT_EQ(hits.size(), 1u);
  auto m = NameMatchOf(hits, id);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->how, MatchHow::kNameOtherScript);
  EXPECT_EQ(m->query_field, "name");
  EXPECT_EQ(m->query_value, "Somchai Jaidee");
  EXPECT_EQ(m->entry_field, "name");
  EXPECT_EQ(m->entry_value, "สมชาย ใจดี") << "the editor's level sees the entry's value";
  EXPECT_EQ(m->agreement, "phonetic") << "somchai jaidee / somchai chaidi";
  EXPECT_GE(m->probability, service::RegisterNames::kMinProbability);
  EXPECT_LT(m->probability, 1.0);
  auto audit = raw().Query("SELECT detail FROM audit_log WHERE action = 'register.check'");
  ASSERT_TRUE(audit.ok());
  EXPECT_EQ(audit->at(0).Text(0), "1 matched " + std::to_string(id));
}

TEST_P(RegisterNamesTest, BurmeseAndKhmerPersonsFoundByTheLatinSpelling) {
  const domain::Id burmese = Create(RegisterKind::kPerson, {"အောင်ကျော်"});
  const domain::Id khmer = Create(RegisterKind::kPerson, {"Dara Sok"}, {"សុខ ដារា"});
  auto m = NameMatchOf(Check(officer_, "U Aung Kyaw"), burmese);
  ASSERT_TRUE(m.has_value()) << "the title U is left out";
  EXPECT_EQ(m->how, MatchHow::kNameOtherScript);
  EXPECT_EQ(m->agreement, "romanised_exact");
  const auto hits = Check(officer_, "Sok Dara");
  ASSERT_EQ(hits.size(), 1u);
  ASSERT_EQ(hits[0].matches.size(), 2u) << "the Latin name in another order, and the Khmer alias";
  const auto& latin = hits[0].matches[0];
  EXPECT_EQ(latin.how, MatchHow::kNameSoundsAlike) << "the same script, the words in another order";
  EXPECT_EQ(latin.entry_value, "Dara Sok");
  EXPECT_EQ(latin.agreement, "romanised_exact");
  const auto& alias = hits[0].matches[1];
  EXPECT_EQ(alias.how, MatchHow::kNameOtherScript);
  EXPECT_EQ(alias.entry_field, "alias");
  EXPECT_EQ(alias.entry_value, "សុខ ដារា");
  EXPECT_EQ(hits[0].entry.id, khmer);
}

TEST_P(RegisterNamesTest, CompaniesMatchWithoutTheirCompanyWords) {
  const domain::Id thai = Create(RegisterKind::kOrganisation, {"บริษัท สยามแรงงาน จำกัด"});
  const domain::Id latin = Create(RegisterKind::kOrganisation, {"Golden Star Recruitment Co., Ltd."});
  auto hits = Check(officer_, "", "Siam Raeng Ngan Co Ltd");
  ASSERT_EQ(hits.size(), 1u);
  auto m = NameMatchOf(hits, thai);
  ASSERT_TRUE(m.has_value()) << "สยามแรงงาน is one romanised word, sayamraengngan";
  EXPECT_EQ(m->how, MatchHow::kNameOtherScript);
  EXPECT_EQ(m->query_field, "company");
  EXPECT_GE(m->probability, service::RegisterNames::kMinProbability);

  m = NameMatchOf(Check(officer_, "", "GOLDEN STAR RECRUITMENT LIMITED"), latin);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->how, MatchHow::kNameSoundsAlike);
  EXPECT_EQ(m->agreement, "exact") << "the same name once Co., Ltd. and Limited are left out";

  EXPECT_TRUE(Check(officer_, "", "Silver Moon Recruitment Co., Ltd.").empty()) << "Co., Ltd. alone is no match";
  EXPECT_TRUE(Check(officer_, "", "Siam Marine Co Ltd").empty());
  EXPECT_TRUE(Check(officer_, "", "Golden Sun Recruitment Co., Ltd.").empty());
  EXPECT_TRUE(Check(officer_, "", "บริษัท จำกัด").empty()) << "company words only";
}

TEST_P(RegisterNamesTest, ChineseFoundByPinyin) {
  const domain::Id id = Create(RegisterKind::kPerson, {"王小明"});
  for (const char* pinyin : {"Wang Xiaoming", "WANG Xiao Ming", "Xiaoming Wang"}) {
    auto m = NameMatchOf(Check(officer_, pinyin), id);
    ASSERT_TRUE(m.has_value()) << pinyin;
    EXPECT_EQ(m->how, MatchHow::kNameOtherScript) << pinyin;
    EXPECT_EQ(m->agreement, "romanised_exact") << pinyin;
  }
  EXPECT_TRUE(Check(officer_, "Li Xiaoming").empty()) << "another family name";
}

TEST_P(RegisterNamesTest, ClearlyDifferentNamesAreNotMatched) {
  Create(RegisterKind::kPerson, {"สมชาย ใจดี"});
  Create(RegisterKind::kPerson, {"王小明"});
  Create(RegisterKind::kOrganisation, {"บริษัท สยามแรงงาน จำกัด"});
  for (const char* other : {"Somsak Rakdee", "Somchai Rakdee", "Somphon Jaidee", "Zhang Wei", "Nguyen Van Hung"})
    EXPECT_TRUE(Check(officer_, other).empty()) << other;
}

TEST_P(RegisterNamesTest, AnEntryChangedAfterACheckIsFoundUnderItsNewName) {
  const domain::Id id = Create(RegisterKind::kPerson, {"สมชาย ใจดี"});
  ASSERT_TRUE(NameMatchOf(Check(officer_, "Somchai Jaidee"), id).has_value());
  EXPECT_TRUE(Check(officer_, "Suda Kaewsai").empty());

  clock().Advance(60'000);
  service::RegisterFields f;
  f.kind = RegisterKind::kPerson;
  f.role = domain::RegisterRole::kBroker;
  f.country = "TH";
  f.details.names = {"สุดา แก้วใส"};
  f.details.aliases = {"Khun Suda"};
  ASSERT_TRUE(reg().Edit(officer_, id, 1, f, "The name was misread in the first report").ok());

  auto m = NameMatchOf(Check(officer_, "Suda Kaewsai"), id);
  ASSERT_TRUE(m.has_value()) << "the next check reads the changed entry";
  EXPECT_EQ(m->entry_value, "สุดา แก้วใส");
  EXPECT_EQ(m->how, MatchHow::kNameOtherScript);
  EXPECT_TRUE(Check(officer_, "Somchai Jaidee").empty()) << "the old name is gone from the index";
}

TEST_P(RegisterNamesTest, TheCheckLevelSeesHowButNotTheEntrysName) {
  const domain::Id id = Create(RegisterKind::kPerson, {"สมชาย ใจดี"});
  const auto hits = Check(worker_, "Somchai Jaidee");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_FALSE(hits[0].entry.detail.has_value()) << "an NGO case worker only checks";
  auto m = NameMatchOf(hits, id);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->entry_value, "") << "the register's spelling stays hidden";
  EXPECT_EQ(m->query_value, "Somchai Jaidee");
  EXPECT_EQ(m->agreement, "phonetic");
  EXPECT_GT(m->probability, 0.0);
}

TEST_P(RegisterNamesTest, AValueMatchedByItsKeyIsNotRepeated) {
  const domain::Id id = Create(RegisterKind::kPerson, {"Somchai Jaidee", "สมชาย ใจดี"});
  const auto hits = Check(officer_, "somchai  jaidee");
  ASSERT_EQ(hits.size(), 1u);
  ASSERT_EQ(hits[0].matches.size(), 2u);
  EXPECT_EQ(hits[0].matches[0].how, MatchHow::kNormalised);
  EXPECT_EQ(hits[0].matches[0].entry_value, "Somchai Jaidee");
  EXPECT_EQ(hits[0].matches[1].how, MatchHow::kNameOtherScript);
  EXPECT_EQ(hits[0].matches[1].entry_value, "สมชาย ใจดี");
  EXPECT_EQ(hits[0].entry.id, id);
}

INSTANTIATE_TEST_SUITE_P(Engines, RegisterNamesTest, AllEngines(), EngineParamName);

class DemoRegisterNamesTest : public AppTest {};

TEST_P(DemoRegisterNamesTest, LatinChecksFindTheDemosThaiEntries) {
  auto added = service::AddDemoNetwork(app(), 30);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  service::Actor checker{1, 1, Role::kCaseWorker, "x", "x", "127.0.0.1"};
  for (const auto& [name, company] : {std::pair{"Somchai Jaidee", ""}, std::pair{"", "Siam Raeng Ngan Co., Ltd."}}) {
    domain::CheckQuery q;
    q.name = name;
    q.company = company;
    auto r = app().register_entries().Check(checker, q);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->hits.size(), 1u) << name << company;
    ASSERT_EQ(r->hits[0].matches.size(), 1u);
    EXPECT_EQ(r->hits[0].matches[0].how, MatchHow::kNameOtherScript) << name << company;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoRegisterNamesTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
