// The secretariat's referral report on both engines: exact counts and
// medians on a crafted data set, suppression and its threshold, who may read
// it, and a report fed by referrals that went through the real lifecycle.
#include <gtest/gtest.h>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::ReferralStatus;
using domain::Role;

constexpr Millis kHour = 3'600'000;

class ReportTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    net_ = AddOrg("Network secretariat", "TH");
    th_ = AddOrg("Shelter Bangkok", "TH");
    kh_ = AddOrg("Legal aid Phnom Penh", "KH");
    la_ = AddOrg("Ministry Vientiane", "LA");
    secretariat_ = AddUser(net_, "secretariat", Role::kSecretariat);
    worker_ = AddUser(th_, "worker", Role::kCaseWorker);
    th_supervisor_ = AddUser(th_, "th-supervisor", Role::kSupervisor);
    auto c = app().cases().Create(worker_, {SomePerson(), std::nullopt});
    ASSERT_TRUE(c.ok());
    case_id_ = c->c.id;
  }

  // A referral as the store keeps it, written directly so that every date is exact.
  void Put(domain::Id from, domain::Id to, std::vector<std::string> services, ReferralStatus status,
           Millis sent_at, const std::string& respond_by, Millis answered_after = 0, Millis finished_after = 0) {
    domain::Referral r;
    r.case_id = case_id_;
    r.from_organisation_id = from;
    r.to_organisation_id = to;
    r.status = status;
    r.services = std::move(services);
    r.parts = {"person"};
    r.respond_by = respond_by;
    r.summary = "crafted";
    r.sent_at = sent_at;
    r.answered_at = answered_after ? sent_at + answered_after : 0;
    r.finished_at = finished_after ? sent_at + finished_after : 0;
    r.stamp = domain::Stamp{1, worker_.user_id, kStart, worker_.user_id, kStart};
    ASSERT_TRUE(store().Write([&](store::Tx& tx) { return tx.referrals().Insert(r).status(); }).ok());
  }

  void CraftMarch() {
    const Millis t0 = DateStart("2026-03-02");
    // Shelter Bangkok -> Legal aid Phnom Penh: 14; accepted after 2, 4, ... 24
    // hours, the first 11 completed after 100 ... 110 hours; 2 declined.
    for (int i = 0; i < 14; ++i) {
      const Millis sent = t0 + i * kHour;
      if (i < 11)
        Put(th_, kh_, {"legal_aid"}, ReferralStatus::kCompleted, sent, "2026-03-05", (i + 1) * 2 * kHour,
            (100 + i) * kHour);
      else if (i == 11)
        Put(th_, kh_, {"legal_aid"}, ReferralStatus::kInProgress, sent, "2026-03-05", 24 * kHour);
      else
        Put(th_, kh_, {"legal_aid"}, ReferralStatus::kDeclined, sent, "2026-03-05", kHour, kHour);
    }
    // Shelter Bangkok -> Ministry Vientiane: 3; one accepted after 30 hours,
    // two still waiting long after their day (overdue).
    Put(th_, la_, {"repatriation"}, ReferralStatus::kAccepted, t0, "2026-03-05", 30 * kHour);
    Put(th_, la_, {"repatriation"}, ReferralStatus::kSent, t0, "2026-03-05");
    Put(th_, la_, {"repatriation"}, ReferralStatus::kSent, t0, "2026-03-05");
    // Ministry Vientiane -> Legal aid Phnom Penh: 12, all accepted after 50
    // hours, a day after their respond-by day (overdue).
    for (int i = 0; i < 12; ++i)
      Put(la_, kh_, {"legal_aid", "shelter"}, ReferralStatus::kAccepted, t0 + i * 60'000, "2026-03-03", 50 * kHour);
    // Outside [from, to): before, exactly at `to`, and a draft never sent.
    Put(th_, kh_, {"legal_aid"}, ReferralStatus::kSent, DateStart("2026-02-27"), "2026-03-01");
    Put(th_, kh_, {"legal_aid"}, ReferralStatus::kSent, DateStart("2026-04-01"), "2026-04-03");
    Put(th_, kh_, {"legal_aid"}, ReferralStatus::kDraft, 0, "2026-03-10");
  }

  Result<domain::ReferralReport> March(int threshold = 11, const service::Actor* who = nullptr) {
    return app().reports().Referrals(who ? *who : secretariat_, {"2026-03-01", "2026-04-01"}, threshold);
  }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }

  domain::Id net_ = 0, th_ = 0, kh_ = 0, la_ = 0, case_id_ = 0;
  service::Actor secretariat_, worker_, th_supervisor_;
};

std::string Show(const domain::Cell& c) { return c.suppressed ? "<" : std::to_string(c.value); }
std::string Show(const domain::ReportCounts& c) {
  return Show(c.sent) + " " + Show(c.accepted) + " " + Show(c.declined) + " " + Show(c.completed) + " " +
         Show(c.overdue);
}
std::string Show(const std::optional<double>& m) { return m ? std::to_string(*m).substr(0, 5) : "-"; }

TEST_P(ReportTest, CraftedDataSetCountsExactlyAndSuppressesSmallCells) {
  CraftMarch();
  auto r = March();
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  // sent accepted declined completed overdue; "<" is shown as "<11".
  EXPECT_EQ(Show(r->total), "29 25 < 11 14");
  EXPECT_EQ(Show(r->total.median_hours_to_accept), "30.00") << "13th of 2..24, 30, 12 x 50";
  EXPECT_EQ(Show(r->total.median_hours_to_complete), "105.0");

  ASSERT_EQ(r->by_country_pair.size(), 3u);
  EXPECT_EQ(r->by_country_pair[0].label, "LA → KH");
  EXPECT_EQ(r->by_country_pair[1].label, "TH → KH");
  EXPECT_EQ(r->by_country_pair[2].label, "TH → LA");
  // TH → LA (3) is hidden whole; in each column with one hidden cell the
  // smallest other is hidden too, so 29 - 14 - 12 cannot give it away.
  EXPECT_EQ(Show(r->by_country_pair[2].counts), "< < < < <");
  EXPECT_FALSE(r->by_country_pair[2].counts.median_hours_to_accept);
  EXPECT_EQ(Show(r->by_country_pair[0].counts), "< < 0 < 12");
  EXPECT_EQ(Show(r->by_country_pair[1].counts), "14 12 < 11 <");
  EXPECT_EQ(Show(r->by_country_pair[0].counts.median_hours_to_accept), "50.00");
  EXPECT_EQ(Show(r->by_country_pair[1].counts.median_hours_to_accept), "13.00");
  EXPECT_EQ(Show(r->by_country_pair[1].counts.median_hours_to_complete), "105.0");

  ASSERT_EQ(r->by_service.size(), 3u);
  EXPECT_EQ(r->by_service[0].key, "legal_aid");
  EXPECT_EQ(Show(r->by_service[0].counts), "26 24 < 11 12");
  EXPECT_EQ(r->by_service[1].key, "repatriation");
  EXPECT_EQ(Show(r->by_service[1].counts), "< < < < <");
  EXPECT_EQ(Show(r->by_service[2].counts), "12 12 0 0 12") << "services do not add up: no neighbour hidden";

  ASSERT_EQ(r->by_sending_organisation.size(), 2u);
  EXPECT_EQ(r->by_sending_organisation[0].label, "Ministry Vientiane");
  EXPECT_EQ(r->by_sending_organisation[0].country, "LA");
  EXPECT_EQ(Show(r->by_sending_organisation[1].counts.sent), "17");
  ASSERT_EQ(r->by_receiving_organisation.size(), 2u);
  EXPECT_EQ(Show(r->by_receiving_organisation[0].counts.sent), "<") << "the only neighbour of a hidden 3";
  EXPECT_EQ(Show(r->by_receiving_organisation[1].counts.sent), "<");
  ASSERT_TRUE(r->repatriations) << "the section is always there, empty when none completed";
  EXPECT_EQ(Show(r->repatriations->completed), "0");
  EXPECT_FALSE(r->repatriations->median_days);
}

TEST_P(ReportTest, TheThresholdMayBeRaisedNeverLowered) {
  CraftMarch();
  auto strict = March(13);
  ASSERT_TRUE(strict.ok());
  EXPECT_EQ(strict->threshold, 13);
  EXPECT_EQ(Show(strict->total), "29 25 < < 14");
  EXPECT_FALSE(strict->total.median_hours_to_complete) << "11 completions are fewer than 13";
  EXPECT_EQ(March(10).status().field(), "threshold");
  EXPECT_EQ(March(0).status().field(), "threshold");
  EXPECT_EQ(app().reports().Referrals(secretariat_, {"2026-04-01", "2026-03-01"}, 11).status().field(), "to");
  EXPECT_EQ(app().reports().Referrals(secretariat_, {"2026-02-30", "2026-03-01"}, 11).status().field(), "from");
}

TEST_P(ReportTest, OnlyTheSecretariatReadsItAndEachReadingIsAudited) {
  CraftMarch();
  for (const service::Actor* a : {&worker_, &th_supervisor_})
    EXPECT_EQ(March(11, a).status().code(), Code::kPermissionDenied);
  EXPECT_EQ(March(10, &worker_).status().code(), Code::kPermissionDenied) << "who asks is checked first";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.referrals'"), 0);
  ASSERT_TRUE(March().ok());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'report.referrals' "
                  "AND record_id = '2026-03-01..2026-04-01'"),
            1);
}

TEST_P(ReportTest, ReferralsThroughTheLifecycleAreCountedWithTheirTimes) {
  service::ConsentInput consent;
  consent.purpose = domain::ConsentPurpose::kReferral;
  consent.decision = domain::ConsentDecision::kGiven;
  consent.explained_in_language = "km";
  ASSERT_TRUE(app().casework().RecordConsent(worker_, case_id_, consent).ok());
  const domain::Id th_legal = AddOrg("Legal aid Bangkok", "TH");
  const service::Actor lawyer = AddUser(th_legal, "lawyer", Role::kCaseWorker);
  const std::string from = FormatDate(clock().Now());
  for (int i = 1; i <= 11; ++i) {
    service::NewReferral in;
    in.to_organisation_id = th_legal;
    in.services = {"legal_aid"};
    in.summary = "Needs a lawyer.";
    in.respond_by = FormatDate(clock().Now() + 48 * kHour);
    auto r = app().referrals().Create(worker_, case_id_, in);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    auto sent = app().referrals().Act(worker_, r->referral.id, 1, domain::ReferralAction::kSend, "", "");
    ASSERT_TRUE(sent.ok()) << sent.status().ToString();
    clock().Advance(i * kHour);
    ASSERT_TRUE(app().referrals().Act(lawyer, r->referral.id, 2, domain::ReferralAction::kAccept, "", "").ok());
  }
  auto r = app().reports().Referrals(secretariat_, {from, FormatDate(clock().Now() + 24 * kHour)}, 11);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(Show(r->total), "11 11 0 0 0");
  EXPECT_EQ(Show(r->total.median_hours_to_accept), "6.000") << "accepted after 1 ... 11 hours";
  ASSERT_EQ(r->by_country_pair.size(), 1u);
  EXPECT_EQ(r->by_country_pair[0].key, "TH>TH");
}

INSTANTIATE_TEST_SUITE_P(Engines, ReportTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
