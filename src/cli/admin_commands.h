// `trm org add` and `trm user add`: setting up a real (non-demo) node from the
// command line, before anyone can sign in.
#pragma once

#include <CLI/CLI.hpp>

#include "service/app.h"

namespace trm::cli {

// Registers the commands on `cli`; `cfg` receives the store options.
void AddAdminCommands(CLI::App& cli, service::AppConfig* cfg);

// Runs whichever admin command was parsed. Returns -1 when none was.
int RunAdminCommands(const service::AppConfig& cfg);

}  // namespace trm::cli
