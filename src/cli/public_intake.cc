#include "cli/public_intake.h"

#include <filesystem>
#include <fstream>

namespace trm::cli {
namespace {

std::string PathIn(const std::string& data_dir) { return data_dir + "/public-intake-org"; }

}  // namespace

Result<std::optional<domain::Id>> ReadPublicIntakeOrg(const std::string& data_dir) {
  const std::string path = PathIn(data_dir);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::optional<domain::Id>();
  std::ifstream in(path);
  long long id = 0;
  if (!(in >> id) || id < 1)
    return Status::InvalidArgument(path + " must hold the id of an organisation");
  return std::optional<domain::Id>(id);
}

Result<bool> RememberPublicIntakeOrg(const std::string& data_dir, domain::Id org) {
  ASSIGN_OR_RETURN(auto existing, ReadPublicIntakeOrg(data_dir));
  if (existing) return false;
  std::ofstream out(PathIn(data_dir));
  out << org << "\n";
  if (!out.flush()) return Status::Unavailable("cannot write " + PathIn(data_dir));
  return true;
}

}  // namespace trm::cli
