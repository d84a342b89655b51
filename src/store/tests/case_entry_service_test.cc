// Case entries on both engines: sealed at rest, versioned, audited, checked
// against their form and references, confidential notes narrowed, follow-ups
// gated by consent, and the open-task list per user.
#include <gtest/gtest.h>

#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::EntryFields;
using domain::Role;

class CaseEntryTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    shelter_ = AddOrg("Shelter", "TH");
    other_ = AddOrg("Legal aid", "KH");
    worker_ = AddUser(shelter_, "worker", Role::kCaseWorker);
    colleague_ = AddUser(shelter_, "colleague", Role::kCaseWorker);
    supervisor_ = AddUser(shelter_, "supervisor", Role::kSupervisor);
    admin_ = AddUser(shelter_, "admin", Role::kOrgAdmin);
    outsider_ = AddUser(other_, "outsider", Role::kCaseWorker);
    auto c = app().cases().Create(worker_, {SomePerson(), std::nullopt});
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    case_id_ = c->c.id;
    reference_ = c->c.reference;
    // The colleague joins the team, so they see the case too.
    ASSERT_TRUE(raw().Exec("INSERT INTO case_team (case_id, user_id) VALUES (?, ?)",
                           {case_id_, colleague_.user_id})
                    .ok());
  }
  service::CaseEntryService& entries() { return app().entries(); }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
  EntryFields Task(const std::string& title, const std::string& due, domain::Id assignee) {
    return {{"title", title}, {"due_on", due}, {"assignee", int64_t{assignee}}};
  }

  domain::Id shelter_ = 0, other_ = 0, case_id_ = 0;
  std::string reference_;
  service::Actor worker_, colleague_, supervisor_, admin_, outsider_;
};

TEST_P(CaseEntryTest, EventIsSealedVersionedAndAudited) {
  EntryFields event{{"type", std::string("Exploitation")},
                    {"place", std::string("Fishing boat, Samut Sakhon")},
                    {"started_on", std::string("2026-01-10")}};
  auto added = entries().Add(worker_, case_id_, "event", event);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  EXPECT_EQ(added->entry.stamp.version, 1);
  auto rows = raw().Query("SELECT fields FROM case_entries");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(rows->at(0).Bytes(0).find("Samut"), std::string::npos) << "fields must be sealed";

  event["ended_on"] = std::string("2026-05-02");
  auto changed = entries().Change(colleague_, case_id_, added->entry.id, 1, event);
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(changed->entry.stamp.version, 2);
  EXPECT_EQ(changed->updated_by_name, "User colleague");

  // A stale version changes nothing.
  event["place"] = std::string("Overwritten");
  EXPECT_EQ(entries().Change(worker_, case_id_, added->entry.id, 1, event).status().code(),
            Code::kConflict);
  auto list = entries().List(worker_, case_id_, std::string("event"));
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(std::get<std::string>(list->at(0).entry.fields.at("place")), "Fishing boat, Samut Sakhon");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.entry.add'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.entry.change'"), 1);
  EXPECT_GE(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'case.entries.read'"), 1);
}

TEST_P(CaseEntryTest, SealedFieldsDoNotOpenOnAnotherCase) {
  auto added = entries().Add(worker_, case_id_, "note", {{"text", std::string("private")}});
  ASSERT_TRUE(added.ok());
  auto other = app().cases().Create(worker_, {SomePerson(), std::nullopt});
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(raw().Exec("UPDATE case_entries SET case_id = ?", {other->c.id}).ok());
  EXPECT_FALSE(entries().List(worker_, other->c.id, std::nullopt).ok());
}

TEST_P(CaseEntryTest, RefusedInputChangesNothing) {
  // Unknown kind, unknown field, wrong type, bad choice, end before start.
  EXPECT_EQ(entries().Add(worker_, case_id_, "diary", {}).status().field(), "kind");
  EXPECT_EQ(entries().Add(worker_, case_id_, "note", {{"text", std::string("x")}, {"mood", true}})
                .status()
                .field(),
            "fields");
  EXPECT_EQ(entries().Add(worker_, case_id_, "note", {{"text", int64_t{5}}}).status().field(),
            "fields.text");
  EXPECT_EQ(entries()
                .Add(worker_, case_id_, "event", {{"type", std::string("Holiday")}})
                .status()
                .field(),
            "fields.type");
  EXPECT_EQ(entries()
                .Add(worker_, case_id_, "service",
                     {{"service_type", std::string("shelter")},
                      {"started_on", std::string("2026-03-01")},
                      {"ended_on", std::string("2026-02-01")}})
                .status()
                .field(),
            "fields.ended_on");
  // A reference to an entry of the wrong kind, or of another case.
  auto event = entries().Add(worker_, case_id_, "event", {{"type", std::string("Transit")}});
  ASSERT_TRUE(event.ok());
  EXPECT_EQ(entries()
                .Add(worker_, case_id_, "support_action",
                     {{"objective", int64_t{event->entry.id}},
                      {"action", std::string("x")},
                      {"status", std::string("planned")}})
                .status()
                .field(),
            "fields.objective");
  // A task for someone outside the case's organisation.
  EXPECT_EQ(entries().Add(worker_, case_id_, "task", Task("call", "2026-12-01", outsider_.user_id))
                .status()
                .field(),
            "fields.assignee");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_entries"), 1);
}

TEST_P(CaseEntryTest, OnlyThoseWhoSeeTheCaseReadAndOnlyWorkersWrite) {
  ASSERT_TRUE(entries().Add(worker_, case_id_, "note", {{"text", std::string("hello")}}).ok());
  EXPECT_EQ(entries().List(outsider_, case_id_, std::nullopt).status().code(), Code::kNotFound);
  EXPECT_EQ(entries().Add(outsider_, case_id_, "note", {{"text", std::string("x")}}).status().code(),
            Code::kNotFound);
  // An organisation admin sees the case but does not work it.
  EXPECT_TRUE(entries().List(admin_, case_id_, std::nullopt).ok());
  EXPECT_EQ(entries().Add(admin_, case_id_, "note", {{"text", std::string("x")}}).status().code(),
            Code::kPermissionDenied);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_entries"), 1);
}

TEST_P(CaseEntryTest, ConfidentialNoteIsReadByAuthorAndSupervisorOnly) {
  auto note = entries().Add(worker_, case_id_, "note",
                            {{"text", std::string("disclosed abuse by uncle")}, {"confidential", true}});
  ASSERT_TRUE(note.ok());
  auto as_colleague = entries().List(colleague_, case_id_, std::string("note"));
  ASSERT_TRUE(as_colleague.ok());
  ASSERT_EQ(as_colleague->size(), 1u);
  EXPECT_TRUE(as_colleague->at(0).restricted);
  EXPECT_TRUE(as_colleague->at(0).entry.fields.empty());
  EXPECT_EQ(entries()
                .Change(colleague_, case_id_, note->entry.id, 1, {{"text", std::string("edited")}})
                .status()
                .code(),
            Code::kPermissionDenied);
  auto as_supervisor = entries().List(supervisor_, case_id_, std::string("note"));
  ASSERT_TRUE(as_supervisor.ok());
  EXPECT_FALSE(as_supervisor->at(0).restricted);
  EXPECT_EQ(std::get<std::string>(as_supervisor->at(0).entry.fields.at("text")),
            "disclosed abuse by uncle");
  EXPECT_FALSE(entries().List(worker_, case_id_, std::string("note"))->at(0).restricted);
}

TEST_P(CaseEntryTest, VictimContextIsOnePerCase) {
  EntryFields ctx{{"exploitation_types", std::vector<std::string>{"ForcedLabour"}},
                  {"forced_labour_industry", std::string("A_AgricultureForestryAndFishing")},
                  {"age_when_trafficked", int64_t{17}}};
  ASSERT_TRUE(entries().Add(worker_, case_id_, "victim_context", ctx).ok());
  EXPECT_EQ(entries().Add(worker_, case_id_, "victim_context", ctx).status().code(),
            Code::kAlreadyExists);
}

TEST_P(CaseEntryTest, FollowUpNeedsConsentAndStopsWhenItIsWithdrawn) {
  EntryFields visit{{"method", std::string("home_visit")},
                    {"scheduled_on", std::string("2026-12-01")},
                    {"status", std::string("scheduled")}};
  EXPECT_EQ(entries().Add(worker_, case_id_, "follow_up", visit).status().code(),
            Code::kFailedPrecondition);
  service::ConsentInput consent;
  consent.purpose = domain::ConsentPurpose::kFollowUpContact;
  consent.decision = domain::ConsentDecision::kGiven;
  consent.explained_in_language = "th";
  ASSERT_TRUE(app().casework().RecordConsent(worker_, case_id_, consent).ok());
  EXPECT_TRUE(entries().Add(worker_, case_id_, "follow_up", visit).ok());
  clock().Advance(1000);
  consent.decision = domain::ConsentDecision::kWithdrawn;
  ASSERT_TRUE(app().casework().RecordConsent(worker_, case_id_, consent).ok());
  EXPECT_EQ(entries().Add(worker_, case_id_, "follow_up", visit).status().code(),
            Code::kFailedPrecondition);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM case_entries WHERE kind = 'follow_up'"), 1);
}

TEST_P(CaseEntryTest, MyTasksListsOpenTasksSoonestFirstWithOverdueMarked) {
  const std::string today = FormatDate(clock().Now());
  ASSERT_TRUE(entries().Add(worker_, case_id_, "task", Task("later", "2200-01-01", worker_.user_id)).ok());
  ASSERT_TRUE(entries().Add(worker_, case_id_, "task", Task("overdue", "2000-01-01", worker_.user_id)).ok());
  ASSERT_TRUE(entries().Add(worker_, case_id_, "task", Task("today", today, worker_.user_id)).ok());
  ASSERT_TRUE(entries().Add(worker_, case_id_, "task", Task("theirs", "2000-01-01", colleague_.user_id)).ok());
  EntryFields done = Task("done", "2000-01-02", worker_.user_id);
  done["done"] = true;
  ASSERT_TRUE(entries().Add(worker_, case_id_, "task", done).ok());

  auto mine = entries().MyTasks(worker_);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  std::vector<std::string> titles;
  for (const auto& t : *mine) titles.push_back(std::get<std::string>(t.entry.entry.fields.at("title")));
  EXPECT_EQ(titles, (std::vector<std::string>{"overdue", "today", "later"}));
  EXPECT_TRUE(mine->at(0).overdue);
  EXPECT_FALSE(mine->at(1).overdue) << "due today is not overdue yet";
  EXPECT_EQ(mine->at(0).case_reference, reference_);

  // Marking it done takes it off the list.
  auto first = mine->at(0).entry.entry;
  first.fields["done"] = true;
  ASSERT_TRUE(entries().Change(worker_, case_id_, first.id, first.stamp.version, first.fields).ok());
  EXPECT_EQ(entries().MyTasks(worker_)->size(), 2u);
}

INSTANTIATE_TEST_SUITE_P(Engines, CaseEntryTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
