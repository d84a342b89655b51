// The referral report on hand-made facts: what counts as accepted, declined,
// completed and overdue, medians, and every suppression rule.
#include "domain/referral_report.h"

#include <gtest/gtest.h>

namespace trm::domain {
namespace {

constexpr Millis kHour = 3'600'000;
const Millis kT0 = DateStart("2026-03-02");

ReferralFact Fact(Id from, Id to, ReferralStatus status, Millis answered_after = 0,
                  Millis finished_after = 0, std::vector<std::string> services = {"legal_aid"}) {
  ReferralFact f;
  f.from_organisation_id = from;
  f.to_organisation_id = to;
  f.services = std::move(services);
  f.status = status;
  f.respond_by = "2026-03-04";
  f.sent_at = kT0;
  f.answered_at = answered_after ? kT0 + answered_after : 0;
  f.finished_at = finished_after ? kT0 + finished_after : 0;
  return f;
}

const std::vector<ReportOrg> kOrgs = {{1, "Shelter TH", "TH"}, {2, "Legal KH", "KH"}, {3, "Ministry LA", "LA"}};
const ReportPeriod kMarch{"2026-03-01", "2026-04-01"};

TEST(ReferralReportRequest, DatesAndThreshold) {
  EXPECT_TRUE(ValidateReportRequest(kMarch, 11).ok());
  EXPECT_TRUE(ValidateReportRequest(kMarch, 50).ok());
  EXPECT_EQ(ValidateReportRequest(kMarch, 10).field(), "threshold");
  EXPECT_EQ(ValidateReportRequest(kMarch, 1001).field(), "threshold");
  EXPECT_EQ(ValidateReportRequest({"2026-3-1", "2026-04-01"}, 11).field(), "from");
  EXPECT_EQ(ValidateReportRequest({"2026-03-01", "2026-02-30"}, 11).field(), "to");
  EXPECT_EQ(ValidateReportRequest({"2026-03-01", "2026-03-01"}, 11).field(), "to");
  EXPECT_EQ(ValidateReportRequest({"2000-01-01", "2026-03-01"}, 11).field(), "to");
}

TEST(ReferralReportMedian, OddAndEven) {
  EXPECT_FALSE(Median({}));
  EXPECT_EQ(*Median({5, 1, 3}), 3);
  EXPECT_EQ(*Median({4, 1, 3, 2}), 2.5);
}

TEST(ReferralReport, CountsOutcomesAndMediansOfALargeGroup) {
  std::vector<ReferralFact> facts;
  // 12 accepted after 1..12 hours, 5 of them completed after 10 days.
  for (int i = 1; i <= 12; ++i)
    facts.push_back(Fact(1, 2, i <= 5 ? ReferralStatus::kCompleted : ReferralStatus::kAccepted, i * kHour,
                         i <= 5 ? 240 * kHour : 0));
  // 3 declined three days after sending, on the 5th: late (respond by the 4th).
  for (int i = 0; i < 3; ++i) facts.push_back(Fact(1, 2, ReferralStatus::kDeclined, 72 * kHour, 72 * kHour));
  // 1 still waiting: overdue once the 4th is over.
  facts.push_back(Fact(1, 2, ReferralStatus::kSent));
  // 1 withdrawn in time: not overdue.
  facts.push_back(Fact(1, 2, ReferralStatus::kWithdrawn, 0, kHour));
  const Millis now = DateStart("2026-03-10");
  ReferralReport r = BuildReferralReport(facts, kOrgs, kMarch, 11, now);
  EXPECT_EQ(r.total.sent.value, 17);
  EXPECT_EQ(r.total.accepted.value, 12);
  EXPECT_TRUE(r.total.declined.suppressed) << "3 is below 11";
  EXPECT_EQ(r.total.declined.value, 0) << "the true value never leaves the builder";
  EXPECT_TRUE(r.total.completed.suppressed);
  EXPECT_TRUE(r.total.overdue.suppressed) << "3 declined late and 1 waiting";
  EXPECT_EQ(*r.total.median_hours_to_accept, 6.5);
  EXPECT_FALSE(r.total.median_hours_to_complete) << "only 5 completed: below the threshold";
  ASSERT_EQ(r.by_country_pair.size(), 1u);
  EXPECT_EQ(r.by_country_pair[0].label, "TH → KH");
  EXPECT_EQ(r.by_country_pair[0].counts.sent.value, 17);
  ASSERT_EQ(r.by_service.size(), 1u);
  EXPECT_EQ(r.by_service[0].key, "legal_aid");
  ASSERT_EQ(r.by_receiving_organisation.size(), 1u);
  EXPECT_EQ(r.by_receiving_organisation[0].label, "Legal KH");
  EXPECT_EQ(r.by_receiving_organisation[0].country, "KH");
  EXPECT_FALSE(r.repatriations) << "filled only by the repatriation feature";

  // With the threshold raised to 13 even the 12 acceptances are hidden.
  ReferralReport strict = BuildReferralReport(facts, kOrgs, kMarch, 13, now);
  EXPECT_TRUE(strict.total.accepted.suppressed);
  EXPECT_FALSE(strict.total.median_hours_to_accept);
  EXPECT_EQ(strict.total.sent.value, 17);
}

TEST(ReferralReport, ASmallGroupHidesEverythingAndItsNeighbourToo) {
  std::vector<ReferralFact> facts;
  for (int i = 0; i < 20; ++i) facts.push_back(Fact(1, 2, ReferralStatus::kAccepted, kHour));
  for (int i = 0; i < 15; ++i) facts.push_back(Fact(3, 2, ReferralStatus::kAccepted, kHour));
  for (int i = 0; i < 4; ++i) facts.push_back(Fact(1, 3, ReferralStatus::kDeclined, kHour, kHour));
  ReferralReport r = BuildReferralReport(facts, kOrgs, kMarch, 11, DateStart("2026-03-03"));
  ASSERT_EQ(r.by_country_pair.size(), 3u);
  // Ordered by label: LA → KH, TH → KH, TH → LA.
  const ReportGroup& la_kh = r.by_country_pair[0];
  const ReportGroup& th_kh = r.by_country_pair[1];
  const ReportGroup& th_la = r.by_country_pair[2];
  EXPECT_EQ(th_la.label, "TH → LA");
  for (const Cell* c : {&th_la.counts.sent, &th_la.counts.accepted, &th_la.counts.declined,
                        &th_la.counts.completed, &th_la.counts.overdue})
    EXPECT_TRUE(c->suppressed) << "a group of 4: every count hidden, zeros too";
  EXPECT_FALSE(th_la.counts.median_hours_to_accept);
  // TH → LA's 4 could be read as 39 - 20 - 15; so the smallest other sent
  // count (LA → KH, 15) is hidden as well, and TH → KH stays.
  EXPECT_TRUE(la_kh.counts.sent.suppressed);
  EXPECT_EQ(th_kh.counts.sent.value, 20);
  EXPECT_EQ(r.total.sent.value, 39);
  // Zero in a large group is shown: it counts nobody.
  EXPECT_FALSE(th_kh.counts.declined.suppressed);
  EXPECT_EQ(th_kh.counts.declined.value, 0);
  // Services do not add up (several per referral), so no neighbour is hidden there.
  ASSERT_EQ(r.by_service.size(), 1u);
  EXPECT_EQ(r.by_service[0].counts.sent.value, 39);
  // Sending organisations: Shelter TH 24, Ministry LA 15 - both shown.
  ASSERT_EQ(r.by_sending_organisation.size(), 2u);
  EXPECT_EQ(r.by_sending_organisation[0].label, "Ministry LA");
  EXPECT_EQ(r.by_sending_organisation[0].counts.sent.value, 15);
  // Declined: Shelter TH has 4 (hidden), Ministry LA 0 (shown) - 0 is the
  // smallest other cell, hidden so that 4 = total - 0 cannot be read.
  EXPECT_TRUE(r.by_sending_organisation[1].counts.declined.suppressed);
  EXPECT_TRUE(r.by_sending_organisation[0].counts.declined.suppressed);
}

}  // namespace
TEST(RepatriationFigures, FewAreHiddenManyAreCountedWithTheirMedian) {
  const RepatriationFigures none = BuildRepatriationFigures({}, 11);
  EXPECT_FALSE(none.completed.suppressed);
  EXPECT_EQ(none.completed.value, 0);
  EXPECT_FALSE(none.median_days);

  const RepatriationFigures few = BuildRepatriationFigures({30, 45, 60}, 11);
  EXPECT_TRUE(few.completed.suppressed);
  EXPECT_EQ(few.completed.value, 0) << "the true count never leaves the builder";
  EXPECT_FALSE(few.median_days) << "a median over three repatriations would single people out";

  std::vector<int64_t> days;
  for (int i = 0; i < 12; ++i) days.push_back(20 + i);  // 20..31
  const RepatriationFigures many = BuildRepatriationFigures(days, 11);
  EXPECT_FALSE(many.completed.suppressed);
  EXPECT_EQ(many.completed.value, 12);
  ASSERT_TRUE(many.median_days);
  EXPECT_DOUBLE_EQ(*many.median_days, 25.5);

  const RepatriationFigures raised = BuildRepatriationFigures(days, 13);
  EXPECT_TRUE(raised.completed.suppressed) << "12 is below a raised threshold of 13";
  EXPECT_FALSE(raised.median_days);
}

}  // namespace trm::domain
