// Which organisation's duty queue receives reports from the public web form.
// `trm serve --public-intake-org ID` says so; without the flag, serve reads the
// id from the data folder (DIR/public-intake-org), where `trm demo` puts the
// demo network's Thai hotline so that `make run` works out of the box.
#pragma once

#include <optional>
#include <string>

#include "common/status.h"
#include "domain/records.h"

namespace trm::cli {

// The id stored in the data folder; nullopt when there is none. A file that
// holds no positive id is an error naming the file.
Result<std::optional<domain::Id>> ReadPublicIntakeOrg(const std::string& data_dir);

// Stores `org` unless the data folder already names one (a choice made by
// hand is kept). Returns whether it wrote.
Result<bool> RememberPublicIntakeOrg(const std::string& data_dir, domain::Id org);

}  // namespace trm::cli
