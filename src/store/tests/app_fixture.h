// A whole App over a fresh test database on either engine, with a manual
// clock and cheap password hashing, for store and service tests.
#pragma once

#include <memory>
#include <string>

#include "crypto/crypto.h"
#include "service/app.h"
#include "store/tests/test_engine.h"

namespace trm::store_test {

constexpr Millis kStart = 1'800'000'000'000;  // a fixed "now" for tests
constexpr const char* kPassword = "correct horse battery";

class AppTest : public EngineTest {
 protected:
  void SetUp() override;

  store::Store& store() { return app_->store(); }
  service::App& app() { return *app_; }
  ManualClock& clock() { return *clock_; }
  const std::string& key() const { return key_; }
  // Raw access to the database, bypassing the store (to inspect or tamper).
  store::Connection& raw() { return *raw_; }

  domain::Id AddOrg(const std::string& name, const std::string& country);
  // Adds a user with kPassword and returns the actor for it.
  service::Actor AddUser(domain::Id org, const std::string& username, domain::Role role);

  std::unique_ptr<service::App> app_;
  ManualClock* clock_ = nullptr;
  std::string key_;
  store::Connection* raw_ = nullptr;
};

domain::Person SomePerson();

// The matching engine's data in the source tree (data/match).
std::string MatchDataDir();

}  // namespace trm::store_test
