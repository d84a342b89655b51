// The synthetic demo network: member organisations in Thailand, Cambodia, Lao
// PDR, Myanmar, Viet Nam and Singapore, a user for each role, and a few hundred
// invented cases with names written in each country's script. Nobody in it is
// a real person.
#pragma once

#include <optional>
#include <ostream>

#include "service/app.h"

namespace trm::service {

inline constexpr const char* kDemoPassword = "demo-pass-2026";

// Adds the network in one transaction. Returns false (adding nothing) when
// the database already holds organisations.
Result<bool> AddDemoNetwork(App& app, int cases);

// The demo network's Thai hotline, which takes the public's web reports; nullopt
// when the database holds no demo network.
Result<std::optional<domain::Id>> DemoPublicIntakeOrg(App& app);

// Prints the demo sign-ins (usernames by organisation and role, and the password).
void PrintDemoSignIns(std::ostream& out);

}  // namespace trm::service
