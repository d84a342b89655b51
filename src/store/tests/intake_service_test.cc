// Intake on both engines: the duty queue order, the reporter's confidentiality,
// assignment by supervisors only, linking to a case, and refused input that
// changes nothing.
#include <gtest/gtest.h>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::Role;
using domain::Urgency;

class IntakeTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    hotline_org_ = AddOrg("Hotline", "TH");
    other_org_ = AddOrg("Shelter", "KH");
    operator_ = AddUser(hotline_org_, "operator", Role::kHotlineOperator);
    worker_ = AddUser(hotline_org_, "worker", Role::kCaseWorker);
    supervisor_ = AddUser(hotline_org_, "supervisor", Role::kSupervisor);
    outsider_ = AddUser(other_org_, "outsider", Role::kSupervisor);
  }
  domain::IntakeReport Report(Urgency u, const std::string& what) {
    domain::IntakeReport r;
    r.channel = domain::IntakeChannel::kPhoneHotline;
    r.language = "km";
    r.interpreter_used = true;
    domain::ReportedPerson p;
    p.name = "ស្រីនាង";
    p.approximate_age = 16;
    p.child = true;
    p.citizenship = "KH";
    r.persons = {p, domain::ReportedPerson{"", 20, false, domain::Gender::kMasculine, "KH", "brother"}};
    r.location_country = "TH";
    r.location = "Fishing port, Samut Sakhon";
    r.what_happened = what;
    r.urgency = u;
    r.reporter = domain::Reporter{"Mother of the girl", "+855 12 345 678", "mother", false};
    return r;
  }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
  domain::Id hotline_org_ = 0, other_org_ = 0;
  service::Actor operator_, worker_, supervisor_, outsider_;
};

TEST_P(IntakeTest, QueueShowsMostUrgentFirstThenOldest) {
  auto& intake = app().intake();
  ASSERT_TRUE(intake.TakeReport(operator_, Report(Urgency::kRoutine, "routine, oldest")).ok());
  clock().Advance(60000);
  ASSERT_TRUE(intake.TakeReport(operator_, Report(Urgency::kUrgent, "urgent")).ok());
  clock().Advance(60000);
  ASSERT_TRUE(intake.TakeReport(operator_, Report(Urgency::kImmediateDanger, "danger, newest")).ok());
  clock().Advance(60000);
  ASSERT_TRUE(intake.TakeReport(operator_, Report(Urgency::kUrgent, "urgent, newer")).ok());
  auto q = intake.Queue(worker_);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  std::vector<std::string> order;
  for (const auto& v : *q) order.push_back(v.report.what_happened);
  EXPECT_EQ(order, (std::vector<std::string>{"danger, newest", "urgent", "urgent, newer",
                                             "routine, oldest"}));
  EXPECT_EQ(intake.Queue(outsider_)->size(), 0u) << "another organisation's queue";
}

TEST_P(IntakeTest, ReporterIsVisibleOnlyToHotlineAndSupervisors) {
  auto& intake = app().intake();
  auto taken = intake.TakeReport(operator_, Report(Urgency::kUrgent, "x"));
  ASSERT_TRUE(taken.ok());
  const domain::Id id = taken->report.id;
  EXPECT_EQ(intake.Get(operator_, id)->report.reporter.contact, "+855 12 345 678");
  EXPECT_EQ(intake.Get(supervisor_, id)->report.reporter.name, "Mother of the girl");
  auto as_worker = intake.Get(worker_, id);
  ASSERT_TRUE(as_worker.ok());
  EXPECT_FALSE(as_worker->reporter_visible);
  EXPECT_TRUE(as_worker->report.reporter.name.empty());
  EXPECT_TRUE(as_worker->report.reporter.contact.empty());
  EXPECT_EQ(as_worker->report.persons.size(), 2u) << "the rest of the report is visible";
  auto queue = intake.Queue(worker_);
  ASSERT_TRUE(queue.ok());
  for (const auto& v : *queue) EXPECT_TRUE(v.report.reporter.contact.empty());
  EXPECT_EQ(intake.Get(outsider_, id).status().code(), Code::kNotFound);
  // Neither the reporter nor the reported names are in the database in plaintext.
  auto rows = raw().Query("SELECT details, reporter FROM intake_reports");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Bytes(1).find("+855"), std::string::npos);
  EXPECT_EQ(rows->at(0).Bytes(0).find("Samut"), std::string::npos);
}

TEST_P(IntakeTest, SupervisorAssignsThenTheReportIsLinkedToACase) {
  auto& intake = app().intake();
  auto taken = intake.TakeReport(operator_, Report(Urgency::kImmediateDanger, "x"));
  ASSERT_TRUE(taken.ok());
  const domain::Id id = taken->report.id;
  EXPECT_EQ(intake.Assign(operator_, id, 1, "Mobile team 2", std::nullopt).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(intake.Assign(supervisor_, id, 1, "", std::nullopt).status().field(), "team");
  auto assigned = intake.Assign(supervisor_, id, 1, "Mobile team 2", other_org_);
  ASSERT_TRUE(assigned.ok()) << assigned.status().ToString();
  EXPECT_EQ(assigned->report.status, domain::ReportStatus::kAssigned);
  EXPECT_EQ(assigned->report.assigned_team, "Mobile team 2");
  EXPECT_EQ(intake.Assign(supervisor_, id, 1, "again", std::nullopt).status().code(),
            Code::kConflict) << "stale version";
  auto c = app().cases().Create(worker_, {SomePerson(), std::nullopt});
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(intake.Link(worker_, id, 2, 999999).status().field(), "case_id");
  auto linked = intake.Link(worker_, id, 2, c->c.id);
  ASSERT_TRUE(linked.ok()) << linked.status().ToString();
  EXPECT_EQ(linked->report.case_id, c->c.id);
  EXPECT_EQ(intake.Link(worker_, id, 3, c->c.id).status().code(), Code::kFailedPrecondition);
  EXPECT_TRUE(intake.Queue(worker_)->empty()) << "linked reports leave the queue";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE record_type = 'intake_report' AND "
                  "action IN ('intake.report', 'intake.assign', 'intake.link')"),
            3);
}

TEST_P(IntakeTest, RefusedReportsChangeNothing) {
  auto& intake = app().intake();
  auto bad = Report(Urgency::kUrgent, "  ");
  EXPECT_EQ(intake.TakeReport(operator_, bad).status().field(), "what_happened");
  bad = Report(Urgency::kUrgent, "x");
  bad.persons.clear();
  EXPECT_EQ(intake.TakeReport(operator_, bad).status().field(), "persons");
  bad = Report(Urgency::kUrgent, "x");
  bad.persons[1].citizenship = "XX";
  EXPECT_EQ(intake.TakeReport(operator_, bad).status().field(), "persons[1].citizenship");
  bad = Report(Urgency::kUrgent, "x");
  bad.reporter.anonymous = true;
  EXPECT_EQ(intake.TakeReport(operator_, bad).status().field(), "reporter");
  bad = Report(Urgency::kUrgent, "x");
  bad.received_at = clock().Now() + 3600 * 1000;
  EXPECT_EQ(intake.TakeReport(operator_, bad).status().field(), "received_at");
  service::Actor secretariat = AddUser(hotline_org_, "sec", Role::kSecretariat);
  EXPECT_EQ(intake.TakeReport(secretariat, Report(Urgency::kUrgent, "x")).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM intake_reports"), 0);
}

INSTANTIATE_TEST_SUITE_P(Engines, IntakeTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
