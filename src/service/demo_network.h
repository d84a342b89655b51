// The synthetic demo network: member organisations in Thailand, Cambodia, Lao
// PDR, Myanmar, Viet Nam and Singapore, a user for each role, and a few hundred
// invented cases with names written in each country's script. Nobody in it is
// a real person.
#pragma once

#include <ostream>

#include "service/app.h"

namespace trm::service {

inline constexpr const char* kDemoPassword = "demo-pass-2026";

// Adds the network in one transaction. Returns false (adding nothing) when
// the database already holds organisations.
Result<bool> AddDemoNetwork(App& app, int cases);

// Prints the demo sign-ins (usernames by organisation and role, and the password).
void PrintDemoSignIns(std::ostream& out);

}  // namespace trm::service
