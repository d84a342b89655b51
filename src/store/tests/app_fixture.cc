#include "store/tests/app_fixture.h"

#include "domain/indicator_test_data.h"

namespace trm::store_test {

void AppTest::SetUp() {
  EngineTest::SetUp();
  if (IsSkipped() || HasFatalFailure()) return;
  ASSERT_TRUE(crypto::Init().ok());
  key_ = crypto::RandomBytes(32);
  raw_ = conn_.get();
  std::vector<std::unique_ptr<store::Connection>> pool;
  pool.push_back(std::move(conn_));
  // SQLite runs as in the server, through the group committer.
  auto mode = GetParam() == store::Engine::kSqlite ? store::Store::Mode::kGroupCommit
                                                   : store::Store::Mode::kPool;
  auto st = std::make_unique<store::Store>(std::move(pool),
                                           std::make_unique<crypto::FieldCipher>(key_), mode);
  auto applied = st->Migrate(kStart);
  ASSERT_TRUE(applied.ok()) << applied.status().ToString();
  auto clock = std::make_unique<ManualClock>(kStart);
  clock_ = clock.get();
  service::AuthPolicy policy;
  policy.password_cost = crypto::PasswordCost::kTest;
  // The matching engine from the source tree's data, as the server loads it.
  auto matcher = service::PersonMatcher::Load((domain::testing::SourceDir() / "data" / "match").string(), kStart);
  ASSERT_TRUE(matcher.ok()) << matcher.status().ToString();
  app_ = std::make_unique<service::App>(std::move(st), std::move(clock), policy,
                                        std::vector<domain::IndicatorSet>{}, domain::RightsNoticeLibrary{},
                                        std::vector<domain::RepatriationFlow>{}, std::move(*matcher));
}

domain::Id AppTest::AddOrg(const std::string& name, const std::string& country) {
  domain::Id id = 0;
  Status s = store().Write([&](store::Tx& tx) -> Status {
    domain::Organisation o{0, name, domain::OrgType::kNgo, country, {}};
    ASSIGN_OR_RETURN(id, service::AddOrganisation(tx, o, clock().Now()));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return id;
}

service::Actor AppTest::AddUser(domain::Id org, const std::string& username, domain::Role role) {
  domain::User u;
  u.organisation_id = org;
  u.username = username;
  u.display_name = "User " + username;
  u.role = role;
  domain::Id id = 0;
  Status s = store().Write([&](store::Tx& tx) -> Status {
    ASSIGN_OR_RETURN(id, service::AddUser(tx, u, kPassword, crypto::PasswordCost::kTest,
                                          clock().Now()));
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return service::Actor{id, org, role, username, u.display_name, "127.0.0.1"};
}

domain::Person SomePerson() {
  domain::Person p;
  p.first_name = "សុខា";
  p.second_name = "ចាន់";
  p.gender = domain::Gender::kFeminine;
  p.birth_date = "1998-02-14";
  p.citizenship = {"KH"};
  p.languages = {"km", "th"};
  return p;
}

}  // namespace trm::store_test
