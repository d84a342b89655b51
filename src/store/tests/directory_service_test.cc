// The directory on both engines: who may edit a profile and its capacity,
// versions and audit rows, refused input that changes nothing, search over
// stored profiles, and the demo network's profiles.
#include <gtest/gtest.h>

#include "service/demo_network.h"
#include "store/tests/app_fixture.h"

namespace trm::store_test {
namespace {

using domain::DirService;
using domain::Role;

class DirectoryTest : public AppTest {
 protected:
  void SetUp() override {
    AppTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    legal_ = AddOrg("Legal Aid", "KH");
    shelter_ = AddOrg("Shelter", "TH");
    net_ = AddOrg("Network", "TH");
    admin_ = AddUser(legal_, "legal-admin", Role::kOrgAdmin);
    supervisor_ = AddUser(legal_, "legal-supervisor", Role::kSupervisor);
    worker_ = AddUser(legal_, "legal-worker", Role::kCaseWorker);
    other_admin_ = AddUser(shelter_, "shelter-admin", Role::kOrgAdmin);
    secretariat_ = AddUser(net_, "secretariat", Role::kSecretariat);
    sysadmin_ = AddUser(net_, "sysadmin", Role::kSystemAdmin);
  }
  domain::ProfileDetails Details() {
    domain::ProfileDetails d;
    d.areas = {{"KH", {"Phnom Penh"}}};
    d.services = {DirService::kLegalAid};
    d.expertise = "Domestic workers' wage claims";
    d.languages = {"km", "en"};
    d.accepts_exploitation = {domain::Exploitation::kForcedLabour};
    d.working_hours = "Mon-Fri";
    d.liaison_officers = {{"Dara", "Lawyer", "+855 23 000", "dara@example.org", {"km"}}};
    d.agreements = {{domain::AgreementType::kMou, "Legal aid MOU", shelter_, "2024-01-01", ""}};
    return d;
  }
  int64_t Count(const std::string& sql) {
    auto rows = raw().Query(sql);
    return rows.ok() ? rows->at(0).Int(0) : -1;
  }
  domain::Id legal_ = 0, shelter_ = 0, net_ = 0;
  service::Actor admin_, supervisor_, worker_, other_admin_, secretariat_, sysadmin_;
};

TEST_P(DirectoryTest, OwnAdminCreatesThenSupervisorEditsWithVersions) {
  auto& dir = app().directory();
  auto empty = dir.Get(worker_, legal_);
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_EQ(empty->stamp.version, 0) << "no profile stored yet";
  EXPECT_EQ(empty->organisation.name, "Legal Aid");

  auto v1 = dir.Update(admin_, legal_, 0, Details());
  ASSERT_TRUE(v1.ok()) << v1.status().ToString();
  EXPECT_EQ(v1->stamp.version, 1);
  EXPECT_EQ(v1->details.liaison_officers.at(0).email, "dara@example.org");
  EXPECT_EQ(v1->details.agreements.at(0).partner_organisation_id, shelter_);

  EXPECT_EQ(dir.Update(supervisor_, legal_, 0, Details()).status().code(), Code::kConflict)
      << "a second first version";
  auto d = Details();
  d.working_hours = "24 hours";
  auto v2 = dir.Update(supervisor_, legal_, 1, d);
  ASSERT_TRUE(v2.ok()) << v2.status().ToString();
  EXPECT_EQ(v2->stamp.version, 2);
  EXPECT_EQ(dir.Get(other_admin_, legal_)->details.working_hours, "24 hours")
      << "every member reads every profile";
  EXPECT_EQ(dir.Update(admin_, legal_, 1, Details()).status().code(), Code::kConflict);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'directory.update' AND "
                  "record_type = 'directory_profile'"),
            2);
}

TEST_P(DirectoryTest, CapacityIsItsOwnAuditedActionByOwnAdminsOrTheSecretariat) {
  auto& dir = app().directory();
  ASSERT_TRUE(dir.Update(admin_, legal_, 0, Details()).ok());
  clock().Advance(60000);
  auto c = dir.UpdateCapacity(supervisor_, legal_, 1, 3, 12);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->capacity.free_beds, 3);
  EXPECT_EQ(c->capacity.total_beds, 12);
  EXPECT_EQ(c->capacity.updated_at, clock().Now());
  EXPECT_EQ(c->capacity.updated_by, supervisor_.user_id);
  EXPECT_EQ(c->capacity.updated_by_name, "User legal-supervisor");
  EXPECT_EQ(c->details.working_hours, "Mon-Fri") << "details are untouched";
  auto by_secretariat = dir.UpdateCapacity(secretariat_, legal_, 2, 0, 12);
  ASSERT_TRUE(by_secretariat.ok()) << by_secretariat.status().ToString();
  auto cleared = dir.UpdateCapacity(admin_, legal_, 3, std::nullopt, std::nullopt);
  ASSERT_TRUE(cleared.ok());
  EXPECT_FALSE(cleared->capacity.total_beds.has_value());
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action = 'directory.capacity'"), 3);
}

TEST_P(DirectoryTest, OthersAreRefusedAndChangeNothing) {
  auto& dir = app().directory();
  for (const service::Actor& a : {worker_, other_admin_, sysadmin_}) {
    EXPECT_EQ(dir.Update(a, legal_, 0, Details()).status().code(), Code::kPermissionDenied)
        << a.username;
    EXPECT_EQ(dir.UpdateCapacity(a, legal_, 0, 1, 2).status().code(), Code::kPermissionDenied)
        << a.username;
  }
  EXPECT_TRUE(dir.MayEdit(admin_, legal_));
  EXPECT_TRUE(dir.MayEdit(secretariat_, shelter_));
  EXPECT_FALSE(dir.MayEdit(worker_, legal_));
  EXPECT_FALSE(dir.MayEdit(other_admin_, legal_));
  auto by_secretariat = dir.Update(secretariat_, shelter_, 0, domain::ProfileDetails{});
  EXPECT_TRUE(by_secretariat.ok()) << by_secretariat.status().ToString();
  EXPECT_EQ(dir.Update(secretariat_, 999999, 0, {}).status().code(), Code::kNotFound);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM directory_profiles WHERE organisation_id = " +
                  std::to_string(legal_)),
            0);
}

TEST_P(DirectoryTest, BadInputNamesTheFieldAndChangesNothing) {
  auto& dir = app().directory();
  ASSERT_TRUE(dir.Update(admin_, legal_, 0, Details()).ok());
  auto d = Details();
  d.agreements[0].partner_organisation_id = legal_;
  EXPECT_EQ(dir.Update(admin_, legal_, 1, d).status().field(),
            "agreements[0].partner_organisation_id") << "an agreement with itself";
  d.agreements[0].partner_organisation_id = 999999;
  EXPECT_EQ(dir.Update(admin_, legal_, 1, d).status().field(),
            "agreements[0].partner_organisation_id");
  d = Details();
  d.languages = {"zz"};
  EXPECT_EQ(dir.Update(admin_, legal_, 1, d).status().field(), "languages[0]");
  EXPECT_EQ(dir.UpdateCapacity(admin_, legal_, 1, 5, 4).status().field(), "free_beds");
  EXPECT_EQ(dir.Update(admin_, legal_, -1, Details()).status().field(), "version");
  EXPECT_EQ(dir.Get(worker_, legal_)->stamp.version, 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'directory.%'"), 1);
}

TEST_P(DirectoryTest, SearchRanksStoredProfilesAndShowsCapacity) {
  auto& dir = app().directory();
  ASSERT_TRUE(dir.Update(admin_, legal_, 0, Details()).ok());
  domain::ProfileDetails shelter;
  shelter.areas = {{"KH", {"Battambang"}}};  // a Thai shelter serving Cambodia too
  shelter.services = {DirService::kShelter, DirService::kLegalAid};
  shelter.languages = {"th"};
  ASSERT_TRUE(dir.Update(other_admin_, shelter_, 0, shelter).ok());
  ASSERT_TRUE(dir.UpdateCapacity(other_admin_, shelter_, 1, 2, 10).ok());

  domain::DirectoryQuery q;
  q.service = DirService::kLegalAid;
  q.country = "KH";
  q.language = "km";
  q.text = "domestic";
  auto hits = dir.Search(worker_, q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  ASSERT_EQ(hits->size(), 2u);
  EXPECT_EQ(hits->at(0).profile.organisation.name, "Legal Aid");
  EXPECT_EQ(hits->at(0).score, 4);
  EXPECT_EQ(hits->at(1).profile.organisation.name, "Shelter");
  EXPECT_EQ(hits->at(1).profile.capacity.free_beds, 2);
  EXPECT_EQ(hits->at(1).missed, (std::vector<std::string>{"language", "text"}));

  q = {};
  q.service = DirService::kShelter;
  EXPECT_EQ(dir.Search(worker_, q)->size(), 1u);
  q = {};
  EXPECT_EQ(dir.Search(worker_, q)->size(), 3u) << "organisations without a profile are listed";
  q.country = "XX";
  EXPECT_EQ(dir.Search(worker_, q).status().field(), "country");
}

INSTANTIATE_TEST_SUITE_P(Engines, DirectoryTest, AllEngines(), EngineParamName);

// The demo network on an empty database: every organisation gets a valid
// profile, and the example search puts the Cambodian legal aid centre
// first.
class DemoDirectoryTest : public AppTest {};

TEST_P(DemoDirectoryTest, EveryOrganisationHasAProfileAndTheExampleSearchWorks) {
  auto added = service::AddDemoNetwork(app(), 0);
  ASSERT_TRUE(added.ok()) << added.status().ToString();
  ASSERT_TRUE(*added);
  service::Actor anyone{1, 1, Role::kCaseWorker, "x", "x", "127.0.0.1"};
  domain::DirectoryQuery all;
  auto every = app().directory().Search(anyone, all);
  ASSERT_TRUE(every.ok()) << every.status().ToString();
  ASSERT_GE(every->size(), 20u);
  for (const auto& h : *every)
    EXPECT_EQ(h.profile.stamp.version, 1) << h.profile.organisation.name << " has no profile";

  domain::DirectoryQuery q;
  q.service = DirService::kLegalAid;
  q.country = "KH";
  q.sex = domain::SeekerSex::kFemale;
  q.age = domain::SeekerAge::kAdult;
  q.exploitation = domain::Exploitation::kForcedLabour;
  q.language = "km";
  q.text = "domestic";
  auto hits = app().directory().Search(anyone, q);
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  EXPECT_EQ(hits->at(0).profile.organisation.name, "Demo Legal Aid Centre (Cambodia)");
  EXPECT_TRUE(hits->at(0).missed.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, DemoDirectoryTest, AllEngines(), EngineParamName);

}  // namespace
}  // namespace trm::store_test
