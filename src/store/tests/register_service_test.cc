// The register on both engines: creating entries and changing their status
// with versions and history, who sees what, linked cases by the case rule,
// import preview and apply (bad rows: nothing half-imported), the review
// flag, sealing at rest, export, and the demo's entries.
#include <gtest/gtest.h>

#include "service/demo_network.h"
#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::OrgType;
using domain::RegisterStatus;
using domain::Role;
using domain::SourceKind;
using service::RegisterAccess;

constexpr Millis kDay = 86'400'000;

class RegisterTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    police_ = AddTypedOrg("Police", OrgType::kLawEnforcement);
    legal_ = AddTypedOrg("Legal aid", OrgType::kLegalService);
    shelter_ = AddTypedOrg("Shelter", OrgType::kNgo);
    officer_ = AddUser(police_, "officer", Role::kCaseWorker);
    police_admin_ = AddUser(police_, "police-admin", Role::kOrgAdmin);
    lawyer_ = AddUser(legal_, "lawyer", Role::kLegalOfficer);
    legal_supervisor_ = AddUser(legal_, "legal-supervisor", Role::kSupervisor);
    legal_worker_ = AddUser(legal_, "legal-worker", Role::kCaseWorker);
    social_worker_ = AddUser(shelter_, "social-worker", Role::kCaseWorker);
    secretariat_ = AddUser(shelter_, "secretariat", Role::kSecretariat);
    sysadmin_ = AddUser(shelter_, "sysadmin", Role::kSystemAdmin);
  }

  domain::Id AddTypedOrg(const std::string& name, OrgType type) {
    domain::Id id = 0;
    Status s = store().Write([&](store::Tx& tx) -> Status {
      ASSIGN_OR_RETURN(id, service::AddOrganisation(tx, {0, name, type, "TH", {}}, clock().Now()));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return id;
  }

  service::RegisterService& reg() { return app().register_entries(); }
  std::string Day(int from_today) { return FormatDate(clock().Now() + from_today * kDay); }

  service::RegisterFields Broker(const std::string& name = "Sompong Rungruang") {
    service::RegisterFields f;
    f.kind = domain::RegisterKind::kPerson;
    f.role = domain::RegisterRole::kBroker;
    f.country = "TH";
    f.details.names = {name};
    f.details.phones = {"081-234-5678"};
    f.details.handles = {"@pongjobs"};
    f.details.licence_numbers = {"TH-REC-0099"};
    return f;
  }
  service::RegisterStatusChange Filed() {
    return {RegisterStatus::kCaseFiled, Day(-30), {SourceKind::kCase, "Tak police 2569/0142"},
            "Police opened a case after three women's statements"};
  }
  service::RegisterStatusChange To(RegisterStatus s, const char* why = "Court decision") {
    return {s, Day(-1), {SourceKind::kCourt, "Tak Provincial Court 12/2569"}, why};
  }
  domain::Id Create(const service::RegisterFields& f) {
    auto v = reg().Create(officer_, f, Filed());
    EXPECT_TRUE(v.ok()) << v.status().ToString();
    return v.ok() ? v->id : 0;
  }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
  domain::CheckQuery PhoneQuery(const std::string& phone) {
    domain::CheckQuery q;
    q.phone = phone;
    return q;
  }

  domain::Id police_ = 0, legal_ = 0, shelter_ = 0;
  service::Actor officer_, police_admin_, lawyer_, legal_supervisor_, legal_worker_, social_worker_,
      secretariat_, sysadmin_;
};

TEST_P(RegisterTest, StatusChangesNeedTheVersionReadAndKeepTheirHistory) {
  const domain::Id id = Create(Broker());
  auto v2 = reg().ChangeStatus(officer_, id, 1, To(RegisterStatus::kConvicted, "Convicted of trafficking"));
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->version, 2);
  EXPECT_EQ(v2->status, RegisterStatus::kConvicted);
  EXPECT_EQ(v2->public_reference, "Tak Provincial Court 12/2569") << "a court's decision is public";

  const int64_t lines = Count("SELECT COUNT(*) FROM register_history");
  EXPECT_EQ(reg().ChangeStatus(lawyer_, id, 1, To(RegisterStatus::kAcquitted)).status().code(), Code::kConflict)
      << "a stale version";
  EXPECT_EQ(reg().ChangeStatus(lawyer_, id, 2, To(RegisterStatus::kCaseFiled)).status().code(),
            Code::kFailedPrecondition)
      << "convicted -> case_filed is not in the table";
  auto future = To(RegisterStatus::kAcquitted);
  future.status_date = Day(1);
  EXPECT_EQ(reg().ChangeStatus(lawyer_, id, 2, future).status().field(), "status_date");
  auto no_reason = To(RegisterStatus::kAcquitted, " ");
  EXPECT_EQ(reg().ChangeStatus(lawyer_, id, 2, no_reason).status().field(), "reason");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM register_history"), lines) << "refused changes write nothing";
  EXPECT_EQ(Count("SELECT version FROM register_entries WHERE id = " + std::to_string(id)), 2);

  ASSERT_TRUE(reg().ChangeStatus(lawyer_, id, 2, To(RegisterStatus::kAcquitted, "Acquitted on appeal")).ok());
  auto got = reg().Get(lawyer_, id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  ASSERT_TRUE(got->detail.has_value());
  const auto& h = got->detail->history;
  ASSERT_EQ(h.size(), 3u) << "the conviction stays in the history after the acquittal";
  EXPECT_EQ(h[0].line.change, "create");
  EXPECT_FALSE(h[0].line.from_status.has_value());
  EXPECT_EQ(h[1].line.from_status, RegisterStatus::kCaseFiled);
  EXPECT_EQ(h[1].line.to_status, RegisterStatus::kConvicted);
  EXPECT_EQ(h[1].line.reason, "Convicted of trafficking");
  EXPECT_EQ(h[1].actor_name, "User officer");
  EXPECT_EQ(h[2].line.to_status, RegisterStatus::kAcquitted);
  EXPECT_EQ(h[2].line.source.reference, "Tak Provincial Court 12/2569");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'register.status' AND record_id = '" +
                  std::to_string(id) + "'"),
            2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'register.create'"), 1);
}

TEST_P(RegisterTest, EditsNeedAReasonAndNobodyStartsAcquitted) {
  auto acquitted = To(RegisterStatus::kAcquitted);
  EXPECT_EQ(reg().Create(officer_, Broker(), acquitted).status().code(), Code::kFailedPrecondition);
  auto bad = Broker();
  bad.country = "XX";
  EXPECT_EQ(reg().Create(officer_, bad, Filed()).status().field(), "country");
  bad = Broker();
  bad.details.phones = {"not a phone"};
  EXPECT_EQ(reg().Create(officer_, bad, Filed()).status().field(), "phones[0]");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM register_entries"), 0);

  const domain::Id id = Create(Broker());
  auto edited = Broker();
  edited.details.aliases = {"Pong Jobs"};
  edited.review_date = Day(90);
  EXPECT_EQ(reg().Edit(lawyer_, id, 1, edited, "").status().field(), "reason");
  auto v2 = reg().Edit(lawyer_, id, 1, edited, "Alias from a second victim's statement");
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->detail->details.aliases, std::vector<std::string>{"Pong Jobs"});
  EXPECT_EQ(v2->status, RegisterStatus::kCaseFiled) << "an edit keeps the status";
  EXPECT_EQ(reg().Edit(lawyer_, id, 1, edited, "again").status().code(), Code::kConflict);
  EXPECT_EQ(v2->detail->history.back().line.change, "edit");
}

TEST_P(RegisterTest, WhoSeesWhat) {
  const domain::Id id = Create(Broker());
  for (const auto* a : {&social_worker_, &legal_worker_, &sysadmin_}) {
    auto r = reg().Check(*a, PhoneQuery("+66 81 234 5678"));
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->hits.size(), 1u) << a->username;
    const auto& hit = r->hits[0];
    EXPECT_EQ(hit.entry.status, RegisterStatus::kCaseFiled);
    EXPECT_EQ(hit.entry.source_kind, SourceKind::kCase);
    EXPECT_EQ(hit.entry.public_reference, "") << "a police case number is not public";
    EXPECT_FALSE(hit.entry.detail.has_value()) << a->username << " sees no details";
    EXPECT_FALSE(hit.entry.may_edit);
    ASSERT_EQ(hit.matches.size(), 1u);
    EXPECT_EQ(hit.matches[0].entry_field, "phone");
    EXPECT_EQ(hit.matches[0].how, domain::MatchHow::kNormalised);
    EXPECT_EQ(hit.matches[0].entry_value, "") << "the stored number stays hidden";
    EXPECT_EQ(reg().Get(*a, id).status().code(), Code::kPermissionDenied);
    EXPECT_EQ(reg().List(*a, {}).status().code(), Code::kPermissionDenied);
    EXPECT_EQ(reg().Create(*a, Broker("Someone Else"), Filed()).status().code(), Code::kPermissionDenied);
    EXPECT_EQ(reg().ChangeStatus(*a, id, 1, To(RegisterStatus::kConvicted)).status().code(),
              Code::kPermissionDenied);
  }
  auto admin = reg().Get(police_admin_, id);
  ASSERT_TRUE(admin.ok()) << admin.status().ToString();
  ASSERT_TRUE(admin->detail.has_value()) << "every law-enforcement user sees details";
  EXPECT_EQ(admin->detail->source_reference, "Tak police 2569/0142");
  EXPECT_EQ(admin->detail->details.licence_numbers, std::vector<std::string>{"TH-REC-0099"});
  EXPECT_FALSE(admin->may_edit);
  EXPECT_EQ(reg().ChangeStatus(police_admin_, id, 1, To(RegisterStatus::kConvicted)).status().code(),
            Code::kPermissionDenied);
  auto check = reg().Check(legal_supervisor_, PhoneQuery("0812345678"));
  ASSERT_TRUE(check.ok());
  EXPECT_EQ(check->hits.at(0).matches.at(0).entry_value, "081-234-5678") << "details readers see the value";
  for (const auto* a : {&officer_, &lawyer_, &legal_supervisor_, &secretariat_})
    EXPECT_EQ(*reg().Access(*a), RegisterAccess::kEdit) << a->username;
  EXPECT_EQ(*reg().Access(police_admin_), RegisterAccess::kDetails);
  EXPECT_EQ(*reg().Access(social_worker_), RegisterAccess::kCheck);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'register.check'"), 4);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'register.read'"), 1);
}

TEST_P(RegisterTest, LinkedCasesAreShownOnlyToThoseWhoMaySeeTheCase) {
  const domain::Id id = Create(Broker());
  auto own = app().cases().Create(lawyer_, {SomePerson(), std::nullopt});
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  const domain::Id case_id = own->c.id;
  EXPECT_EQ(reg().Link(officer_, id, 1, case_id, "Named in the case").status().code(), Code::kNotFound)
      << "the officer may not see the lawyer's case";
  EXPECT_EQ(reg().Link(lawyer_, id, 1, case_id, "").status().field(), "reason");
  auto linked = reg().Link(lawyer_, id, 1, case_id, "The broker is named in the victim's statement");
  ASSERT_TRUE(linked.ok()) << linked.status().ToString();
  ASSERT_EQ(linked->detail->cases.size(), 1u);
  EXPECT_EQ(linked->detail->cases[0].reference, own->c.reference);
  EXPECT_EQ(reg().Link(lawyer_, id, 2, case_id, "again").status().code(), Code::kAlreadyExists);

  EXPECT_TRUE(reg().Get(officer_, id)->detail->cases.empty()) << "not on the case's team";
  EXPECT_EQ(reg().Get(legal_supervisor_, id)->detail->cases.size(), 1u) << "a supervisor of the owning org";
  auto check = reg().Check(social_worker_, PhoneQuery("0812345678"));
  EXPECT_FALSE(check->hits.at(0).entry.detail.has_value());
  EXPECT_EQ(reg().Unlink(officer_, id, 2, case_id, "wrong case").status().code(), Code::kNotFound);
  auto unlinked = reg().Unlink(lawyer_, id, 2, case_id, "Linked to the wrong entry");
  ASSERT_TRUE(unlinked.ok()) << unlinked.status().ToString();
  EXPECT_TRUE(unlinked->detail->cases.empty());
  EXPECT_EQ(unlinked->detail->history.back().line.change, "unlink");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'register.link' AND detail LIKE 'case " +
                  std::to_string(case_id) + ",%'"),
            1);
}

TEST_P(RegisterTest, ImportPreviewThenAllOrNothing) {
  const domain::Id existing = Create(Broker());
  const std::string header =
      "id,kind,role,names,phones,licence_numbers,country,status,status_date,source_kind,source_reference\n";
  const std::string good =
      ",organisation,agency,Golden Star Recruitment,+66 2 123 4567,,TH,alleged_in_report," + Day(-5) +
      ",public_list,DoE warning list\n"
      ",person,broker,SOMPONG RUNGRUANG,,,TH,convicted," + Day(-2) + ",court,Tak Provincial Court 12/2569\n";
  const std::string bad = ",person,broker,Nobody,,,TH,guilty," + Day(-2) + ",court,X\n";
  auto& imp = app().register_import();

  auto preview = imp.Preview(lawyer_, header + good + bad, "DoE list, March");
  ASSERT_TRUE(preview.ok()) << preview.status().ToString();
  ASSERT_EQ(preview->steps.size(), 3u);
  EXPECT_EQ(preview->created, 1);
  EXPECT_EQ(preview->updated, 1);
  EXPECT_EQ(preview->rejected, 1);
  EXPECT_EQ(preview->steps[1].step.entry_id, existing);
  EXPECT_EQ(preview->steps[1].step.matched_by, "name");
  EXPECT_EQ(preview->steps[1].from_status, RegisterStatus::kCaseFiled);
  EXPECT_EQ(preview->steps[2].step.line, 4);
  EXPECT_EQ(preview->steps[2].step.error.field(), "status");

  const int64_t entries = Count("SELECT COUNT(*) FROM register_entries");
  const int64_t lines = Count("SELECT COUNT(*) FROM register_history");
  auto refused = imp.Apply(lawyer_, header + good + bad, "DoE list, March");
  EXPECT_EQ(refused.status().code(), Code::kFailedPrecondition);
  EXPECT_EQ(refused.status().field(), "csv");
  EXPECT_NE(refused.status().message().find("line 4"), std::string::npos) << refused.status().message();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM register_entries"), entries) << "nothing half-imported";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM register_history"), lines);
  EXPECT_EQ(Count("SELECT version FROM register_entries WHERE id = " + std::to_string(existing)), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'register.import'"), 0);

  EXPECT_EQ(imp.Apply(social_worker_, header + good, "x").status().code(), Code::kPermissionDenied);
  EXPECT_EQ(imp.Preview(lawyer_, header + good, "").status().field(), "reason");
  EXPECT_EQ(imp.Preview(lawyer_, "names\nX\n", "x").status().field(), "csv");

  auto applied = imp.Apply(lawyer_, header + good, "DoE list, March");
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  EXPECT_EQ(Count("SELECT COUNT(*) FROM register_entries"), entries + 1);
  auto updated = reg().Get(lawyer_, existing);
  EXPECT_EQ(updated->status, RegisterStatus::kConvicted);
  EXPECT_EQ(updated->version, 2);
  EXPECT_EQ(updated->detail->history.back().line.change, "import");
  EXPECT_EQ(updated->detail->history.back().line.reason, "DoE list, March");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'register.import'"), 2);
  auto again = imp.Preview(lawyer_, header + good, "DoE list, March");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 2) << "importing the same list again changes nothing";
}

TEST_P(RegisterTest, EntriesOnOrPastTheirReviewDateAreFlaggedAndFiltered) {
  auto f = Broker("Due Yesterday");
  f.review_date = Day(-1);
  const domain::Id yesterday = Create(f);
  f = Broker("Due Today");
  f.review_date = Day(0);
  const domain::Id today = Create(f);
  f = Broker("Due Tomorrow");
  f.review_date = Day(1);
  const domain::Id tomorrow = Create(f);
  Create(Broker("No Review"));
  service::RegisterListQuery due;
  due.due_for_review = true;
  auto list = reg().List(lawyer_, due);
  ASSERT_TRUE(list.ok()) << list.status().ToString();
  ASSERT_EQ(list->size(), 2u);
  EXPECT_EQ(list->at(0).id, yesterday);
  EXPECT_EQ(list->at(1).id, today);
  EXPECT_TRUE(list->at(0).detail->due_for_review);
  EXPECT_FALSE(reg().Get(lawyer_, tomorrow)->detail->due_for_review);
  clock().Advance(kDay);
  EXPECT_EQ(reg().List(lawyer_, due)->size(), 3u);
  service::RegisterListQuery by_name;
  by_name.q = "due tom";
  EXPECT_EQ(reg().List(lawyer_, by_name)->size(), 1u) << "names searched normalised";
  service::RegisterListQuery by_status;
  by_status.status = RegisterStatus::kConvicted;
  EXPECT_TRUE(reg().List(lawyer_, by_status)->empty());
}

TEST_P(RegisterTest, NamesAndContactsAreSealedAndTheExportFollowsTheLevel) {
  Create(Broker("Kittisak Wongsawat"));
  auto rows = raw().Query("SELECT details FROM register_entries");
  ASSERT_TRUE(rows.ok());
  const std::string& blob = rows->at(0).Bytes(0);
  EXPECT_EQ(blob.find("Kittisak"), std::string::npos);
  EXPECT_EQ(blob.find("081-234-5678"), std::string::npos);
  auto body = raw().Query("SELECT body FROM register_history");
  EXPECT_EQ(body->at(0).Bytes(0).find("three women"), std::string::npos);

  auto full = app().register_import().Export(officer_);
  ASSERT_TRUE(full.ok());
  EXPECT_NE(full->find("Kittisak Wongsawat"), std::string::npos);
  auto pub = app().register_import().Export(social_worker_);
  ASSERT_TRUE(pub.ok());
  EXPECT_EQ(pub->find("Kittisak"), std::string::npos);
  EXPECT_EQ(pub->find("081"), std::string::npos);
  EXPECT_NE(pub->find("case_filed"), std::string::npos);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'register.export'"), 2);
}

INSTANTIATE_TEST_SUITE_P(Engines, RegisterTest, AllEngines(), EngineParamName);

class DemoRegisterTest : public AppTest {
 protected:
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
};

TEST_P(DemoRegisterTest, TheDemoSeedsEntriesWithHistoryAndALinkedCase) {
  auto added = service::AddDemoNetwork(app(), 30);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  service::Actor checker{1, 1, Role::kCaseWorker, "x", "x", "127.0.0.1"};
  domain::CheckQuery q;
  q.text = "Factory jobs in Malaysia! Call 081 234 5678 or LINE: pongjobs";
  auto r = app().register_entries().Check(checker, q);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->hits.size(), 1u);
  EXPECT_EQ(r->hits[0].entry.status, RegisterStatus::kCaseFiled);
  ASSERT_EQ(r->hits[0].matches.size(), 3u) << "the phone, the handle, and the alias Pong Jobs in the handle";
  EXPECT_EQ(r->hits[0].matches[0].entry_field, "phone");
  EXPECT_EQ(r->hits[0].matches[1].entry_field, "handle");
  EXPECT_EQ(r->hits[0].matches[2].entry_field, "alias");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM register_entries"), 7);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM register_case_links"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM register_entries WHERE status = 'acquitted'"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoRegisterTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
