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

TEST_P(IntakeTest, CreateCaseOpensTheCaseAndLinksTheReportInOneStep) {
  auto& intake = app().intake();
  auto taken = intake.TakeReport(operator_, Report(Urgency::kUrgent, "x"));
  ASSERT_TRUE(taken.ok());
  const domain::Id id = taken->report.id;
  const int64_t cases_before = Count("SELECT COUNT(*) FROM cases");
  // A stale version, a bad person and a role that may not open cases each
  // write nothing: no case, no link, no audit row.
  EXPECT_EQ(intake.CreateCase(worker_, id, 2, {SomePerson(), std::nullopt}).status().code(),
            Code::kConflict);
  domain::Person bad = SomePerson();
  bad.citizenship = {"XX"};
  EXPECT_EQ(intake.CreateCase(worker_, id, 1, {bad, std::nullopt}).status().code(),
            Code::kInvalidArgument);
  service::Actor admin = AddUser(hotline_org_, "admin", Role::kOrgAdmin);
  EXPECT_EQ(intake.CreateCase(admin, id, 1, {SomePerson(), std::nullopt}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(intake.CreateCase(outsider_, id, 1, {SomePerson(), std::nullopt}).status().code(),
            Code::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases"), cases_before);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM intake_reports WHERE case_id IS NOT NULL"), 0);

  auto done = intake.CreateCase(worker_, id, 1, {SomePerson(), std::nullopt});
  ASSERT_TRUE(done.ok()) << done.status().ToString();
  EXPECT_EQ(done->report.report.case_id, done->case_view.c.id);
  EXPECT_EQ(done->report.report.status, domain::ReportStatus::kLinked);
  EXPECT_EQ(done->report.report.stamp.version, 2);
  EXPECT_EQ(done->case_view.c.owner_organisation_id, hotline_org_);
  EXPECT_TRUE(app().cases().Get(worker_, done->case_view.c.id).ok()) << "on the creator's team";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM cases"), cases_before + 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action IN ('case.create', "
                  "'intake.create_case')"),
            2);
  EXPECT_EQ(intake.CreateCase(worker_, id, 2, {SomePerson(), std::nullopt}).status().code(),
            Code::kFailedPrecondition);
}

TEST_P(IntakeTest, PublicReportKeepsOnlyWhatWasSentAndSealsTheContact) {
  auto& intake = app().intake();
  service::PublicReport in;
  in.what_happened = "Girls locked in a karaoke bar";
  in.who_is_at_risk = "three girls";
  in.people_count = 3;
  in.children = true;
  in.urgency = Urgency::kUrgent;
  in.language = "th";
  in.contact_details = "LINE somchai99";
  auto stored = intake.TakePublicReport(hotline_org_, in);
  ASSERT_TRUE(stored.ok()) << stored.status().ToString();
  EXPECT_EQ(stored->receipt.size(), 11u);
  EXPECT_EQ(stored->receipt.substr(0, 2), "R-");
  auto seen = intake.Get(operator_, stored->id);
  ASSERT_TRUE(seen.ok());
  EXPECT_EQ(seen->report.channel, domain::IntakeChannel::kWebForm);
  EXPECT_EQ(seen->report.receipt, stored->receipt);
  EXPECT_EQ(seen->report.people_count, 3);
  ASSERT_EQ(seen->report.persons.size(), 1u);
  EXPECT_TRUE(seen->report.persons[0].child);
  EXPECT_EQ(seen->report.reporter.contact, "LINE somchai99");
  EXPECT_FALSE(seen->report.reporter.anonymous);
  EXPECT_TRUE(intake.Get(worker_, stored->id)->report.reporter.contact.empty());
  auto rows = raw().Query("SELECT reporter FROM intake_reports");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Bytes(0).find("somchai"), std::string::npos) << "sealed";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'intake.public_report' AND "
                  "ip = 'public'"),
            1) << "the audit row keeps no address";

  in.contact_name = "a\x01b";
  EXPECT_EQ(intake.TakePublicReport(hotline_org_, in).status().field(), "contact.name");
  in.contact_name = "";
  EXPECT_EQ(intake.TakePublicReport(999999, in).status().code(), Code::kUnavailable);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM intake_reports"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, IntakeTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
