// Consent, screening and identification on both engines: the rules hold
// through the store, every change is audited, refused input changes nothing,
// and personal details are encrypted.
#include <gtest/gtest.h>

#include "domain/indicator_loader.h"
#include "domain/indicator_test_data.h"
#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::ConsentDecision;
using domain::ConsentPurpose;
using domain::ConsentScope;

class CaseworkTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto sets = domain::LoadIndicatorSets(domain::testing::IndicatorDataDir());
    ASSERT_TRUE(sets.ok()) << sets.status().ToString();
    sets_ = std::move(*sets);
    shelter_ = AddOrg("Shelter", "TH");
    legal_ = AddOrg("Legal aid", "KH");
    worker_ = AddUser(shelter_, "worker", domain::Role::kCaseWorker);
    admin_ = AddUser(shelter_, "admin", domain::Role::kOrgAdmin);
    outsider_ = AddUser(legal_, "outsider", domain::Role::kCaseWorker);
    auto c = app().cases().Create(worker_, {SomePerson(), std::nullopt});
    ASSERT_TRUE(c.ok());
    case_id_ = c->c.id;
  }
  service::CaseworkService cw() { return service::CaseworkService(store(), clock(), sets_); }
  service::ConsentInput Referral(ConsentDecision d) {
    service::ConsentInput in;
    in.purpose = ConsentPurpose::kReferral;
    in.decision = d;
    in.scope = {ConsentScope::Kind::kOrganisation, "", legal_};
    in.explained_in_language = "km";
    in.rights_notice_version = "2026-1";
    return in;
  }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  std::vector<domain::IndicatorSet> sets_;
  domain::Id shelter_ = 0, legal_ = 0, case_id_ = 0;
  service::Actor worker_, admin_, outsider_;
};

TEST_P(CaseworkTest, ConsentGivenThenWithdrawnTakesEffectAtOnce) {
  auto s = cw();
  ASSERT_TRUE(s.RecordConsent(worker_, case_id_, Referral(ConsentDecision::kGiven)).ok());
  auto check = s.CheckConsent(worker_, case_id_, ConsentPurpose::kReferral, legal_);
  ASSERT_TRUE(check.ok());
  EXPECT_TRUE(check->covered);
  EXPECT_FALSE(s.CheckConsent(worker_, case_id_, ConsentPurpose::kReferral, shelter_)->covered)
      << "wrong recipient";
  EXPECT_FALSE(s.CheckConsent(worker_, case_id_, ConsentPurpose::kFamilyTracing, legal_)->covered)
      << "wrong purpose";
  ASSERT_TRUE(s.RecordConsent(worker_, case_id_, Referral(ConsentDecision::kWithdrawn)).ok());
  EXPECT_FALSE(s.CheckConsent(worker_, case_id_, ConsentPurpose::kReferral, legal_)->covered);
  auto list = s.Consents(worker_, case_id_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->front().record.decision, ConsentDecision::kWithdrawn) << "newest first";
  EXPECT_EQ(list->front().organisation_name, "Legal aid");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.consent.record'"), 2);
}

TEST_P(CaseworkTest, ExpiredConsentStopsCovering) {
  auto s = cw();
  auto in = Referral(ConsentDecision::kGiven);
  in.expires_on = FormatDate(clock().Now() + 3 * 86400 * 1000);
  ASSERT_TRUE(s.RecordConsent(worker_, case_id_, in).ok());
  EXPECT_TRUE(s.CheckConsent(worker_, case_id_, ConsentPurpose::kReferral, legal_)->covered);
  clock().Advance(5 * 86400 * 1000);
  EXPECT_FALSE(s.CheckConsent(worker_, case_id_, ConsentPurpose::kReferral, legal_)->covered);
}

TEST_P(CaseworkTest, RefusedConsentInputChangesNothing) {
  auto s = cw();
  auto audit = Count("SELECT COUNT(*) FROM audit_log");
  auto bad = Referral(ConsentDecision::kGiven);
  bad.scope.organisation_id = 9999;
  EXPECT_EQ(s.RecordConsent(worker_, case_id_, bad).status().field(), "scope.organisation_id");
  bad = Referral(ConsentDecision::kGiven);
  bad.expires_on = "2020-01-01";
  EXPECT_EQ(s.RecordConsent(worker_, case_id_, bad).status().field(), "expires_on");
  bad = Referral(ConsentDecision::kGiven);
  bad.explained_in_language = "khmer";
  EXPECT_EQ(s.RecordConsent(worker_, case_id_, bad).status().field(), "explained_in_language");
  EXPECT_EQ(s.RecordConsent(outsider_, case_id_, Referral(ConsentDecision::kGiven)).status().code(),
            Code::kNotFound);
  EXPECT_EQ(s.RecordConsent(admin_, case_id_, Referral(ConsentDecision::kGiven)).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM consent_records"), 0);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log"), audit);
}

TEST_P(CaseworkTest, AChildsConsentNeedsAGuardianOrBestInterestDecision) {
  domain::Person child = SomePerson();
  child.birth_date.reset();
  child.approximate_age = 15;
  auto c = app().cases().Create(worker_, {child, std::nullopt});
  ASSERT_TRUE(c.ok());
  auto s = cw();
  EXPECT_EQ(s.RecordConsent(worker_, c->c.id, Referral(ConsentDecision::kGiven)).status().field(),
            "child");
  auto in = Referral(ConsentDecision::kGiven);
  in.child = domain::ChildConsent{"Aunt (legal guardian)", ""};
  auto ok = s.RecordConsent(worker_, c->c.id, in);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  auto listed = s.Consents(worker_, c->c.id);
  ASSERT_TRUE(listed.ok());
  ASSERT_TRUE(listed->front().record.child);
  EXPECT_EQ(listed->front().record.child->guardian_name, "Aunt (legal guardian)");
  // The guardian's name is personal data: not in the database in plaintext.
  auto rows = raw().Query("SELECT details FROM consent_records");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Bytes(0).find("Aunt"), std::string::npos);
}

TEST_P(CaseworkTest, ScreeningIsEvaluatedExplainedAndKeptAsShown) {
  auto s = cw();
  service::ScreeningInput in;
  in.set_id = "ilo-ec-adults-labour";
  in.group = domain::PersonGroup::kAdult;
  for (const char* id : {"dr-job-nature", "cr-violence", "ex-excessive-hours", "cd-documents",
                         "cd-debt-bondage"})
    in.observations.emplace_back(id, std::string("seen: ") + id);
  auto v = s.Screen(worker_, case_id_, in);
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(v->record.outcome, domain::Outcome::kNotIndicated)
      << "one strong indicator per recruitment dimension is not enough";
  EXPECT_NE(v->record.evaluation_json.find("\"dimensions\""), std::string::npos);
  auto listed = s.Screenings(worker_, case_id_);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().record.observations.size(), 5u);
  EXPECT_EQ(listed->front().record.evaluation_json, v->record.evaluation_json);
  auto rows = raw().Query("SELECT details FROM screenings");
  EXPECT_EQ(rows->at(0).Bytes(0).find("seen:"), std::string::npos) << "notes stored in plaintext";
}

TEST_P(CaseworkTest, ScreeningRejectsUnknownSetsIndicatorsAndRepeats) {
  auto s = cw();
  service::ScreeningInput in;
  in.set_id = "no-such-set";
  in.observations = {{"dr-job-nature", ""}};
  EXPECT_EQ(s.Screen(worker_, case_id_, in).status().field(), "set_id");
  in.set_id = "ilo-ec-adults-labour";
  in.observations = {};
  EXPECT_EQ(s.Screen(worker_, case_id_, in).status().field(), "observations");
  in.observations = {{"dr-job-nature", ""}, {"made-up", ""}};
  EXPECT_EQ(s.Screen(worker_, case_id_, in).status().field(), "observations[1].indicator_id");
  in.observations = {{"dr-job-nature", ""}, {"dr-job-nature", ""}};
  EXPECT_EQ(s.Screen(worker_, case_id_, in).status().field(), "observations[1].indicator_id");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM screenings"), 0);
}

TEST_P(CaseworkTest, IdentificationIsASeparateDecisionWithHistory) {
  auto s = cw();
  domain::Identification d;
  d.status = domain::TraffickingStatus::kPossibleVictim;
  d.decided_by = domain::DecisionBody::kNgo;
  d.decided_on = FormatDate(clock().Now());
  d.reasons = "Indicators observed at intake";
  ASSERT_TRUE(s.Identify(worker_, case_id_, d).ok());
  clock().Advance(1000);
  d.status = domain::TraffickingStatus::kActualVictim;
  d.decided_by = domain::DecisionBody::kPolice;
  d.team_meeting = true;
  ASSERT_TRUE(s.Identify(worker_, case_id_, d).ok());
  auto history = s.Identifications(worker_, case_id_);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ(history->at(0).decision.status, domain::TraffickingStatus::kActualVictim);
  EXPECT_EQ(history->at(1).decision.status, domain::TraffickingStatus::kPossibleVictim);
  d.decided_on = "2999-01-01";
  EXPECT_EQ(s.Identify(worker_, case_id_, d).status().field(), "decided_on");
  d.decided_on = FormatDate(clock().Now());
  d.reasons = "  ";
  EXPECT_EQ(s.Identify(worker_, case_id_, d).status().field(), "reasons");
  d.reasons = "ok";
  d.screening_id = 424242;
  EXPECT_EQ(s.Identify(worker_, case_id_, d).status().field(), "screening_id");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM identifications"), 2);
}

TEST_P(CaseworkTest, TheCaseRecordsWhichRightsNoticeWasGiven) {
  domain::RightsNoticeLibrary lib;
  for (std::string_view lang : domain::kNoticeLanguages)
    lib["2026-1"][std::string(lang)] = {"2026-1", std::string(lang), "Your rights", "## Help"};
  service::CaseworkService s(store(), clock(), sets_, lib);
  EXPECT_EQ(s.RecordNoticeGiven(worker_, case_id_, "1999-9", "km", false).status().field(), "version");
  EXPECT_EQ(s.RecordNoticeGiven(worker_, case_id_, "2026-1", "fr", false).status().field(),
            "language");
  EXPECT_EQ(s.RecordNoticeGiven(outsider_, case_id_, "2026-1", "km", false).status().code(),
            Code::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM rights_notice_receipts"), 0);
  auto given = s.RecordNoticeGiven(worker_, case_id_, "2026-1", "km", true);
  ASSERT_TRUE(given.ok()) << given.status().ToString();
  auto list = s.NoticeReceipts(worker_, case_id_);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().receipt.notice_version, "2026-1");
  EXPECT_EQ(list->front().receipt.language, "km");
  EXPECT_TRUE(list->front().receipt.interpreter_used);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.rights_notice.given'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseworkTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
