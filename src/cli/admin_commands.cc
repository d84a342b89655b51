#include "cli/admin_commands.h"

#include <cstdlib>
#include <iostream>
#include <string>

#include "domain/enums.h"

namespace trm::cli {
namespace {

struct OrgArgs {
  std::string name, type = "NGO", country;
};
struct UserArgs {
  int64_t organisation = 0;
  std::string username, display_name, role;
};

CLI::App* org_add = nullptr;
CLI::App* user_add = nullptr;
OrgArgs org_args;
UserArgs user_args;

void StoreOptions(CLI::App* cmd, service::AppConfig* cfg) {
  cmd->add_option("--data", cfg->data_dir, "data folder")->capture_default_str();
  cmd->add_option("--postgres", cfg->postgres, "PostgreSQL connection (libpq conninfo)")
      ->envname("TRM_POSTGRES");
}

// The password comes from TRM_PASSWORD or the first line of standard input,
// never from the command line (which other users of the machine can read).
std::string ReadPassword() {
  if (const char* p = std::getenv("TRM_PASSWORD")) return p;
  std::string line;
  std::cerr << "password: ";
  std::getline(std::cin, line);
  return line;
}

int Fail(const Status& s) {
  std::cerr << "trm: " << s.ToString() << "\n";
  return 1;
}

}  // namespace

void AddAdminCommands(CLI::App& cli, service::AppConfig* cfg) {
  auto* org = cli.add_subcommand("org", "organisations");
  org->require_subcommand(1);
  org_add = org->add_subcommand("add", "add a member organisation");
  StoreOptions(org_add, cfg);
  org_add->add_option("--name", org_args.name, "name")->required();
  org_add->add_option("--type", org_args.type, "HTCDS org_Type, e.g. NGO, LegalService")
      ->capture_default_str();
  org_add->add_option("--country", org_args.country, "ISO 3166-1 alpha-2, e.g. TH")->required();

  auto* user = cli.add_subcommand("user", "users");
  user->require_subcommand(1);
  user_add = user->add_subcommand(
      "add", "add a user (password from TRM_PASSWORD or the first line of stdin)");
  StoreOptions(user_add, cfg);
  user_add->add_option("--organisation", user_args.organisation, "organisation id")->required();
  user_add->add_option("--username", user_args.username, "sign-in name")->required();
  user_add->add_option("--display-name", user_args.display_name, "name shown to others")
      ->required();
  user_add->add_option("--role", user_args.role,
                       "hotline_operator, case_worker, supervisor, legal_officer, "
                       "repatriation_officer, secretariat, org_admin or system_admin")
      ->required();
}

int RunAdminCommands(const service::AppConfig& cfg) {
  if (org_add && *org_add) {
    auto type = domain::ParseOrgType(org_args.type);
    if (!type) return Fail(Status::InvalidArgument("unknown organisation type " + org_args.type));
    auto app = service::OpenApp(cfg);
    if (!app.ok()) return Fail(app.status());
    domain::Id id = 0;
    Status s = (*app)->store().Write([&](store::Tx& tx) -> Status {
      domain::Organisation o{0, org_args.name, *type, org_args.country, {}};
      ASSIGN_OR_RETURN(id, service::AddOrganisation(tx, o, (*app)->clock().Now()));
      return Status::Ok();
    });
    if (!s.ok()) return Fail(s);
    std::cout << "organisation " << id << " added\n";
    return 0;
  }
  if (user_add && *user_add) {
    auto role = domain::ParseRole(user_args.role);
    if (!role) return Fail(Status::InvalidArgument("unknown role " + user_args.role));
    auto app = service::OpenApp(cfg);
    if (!app.ok()) return Fail(app.status());
    std::string password = ReadPassword();
    domain::Id id = 0;
    Status s = (*app)->store().Write([&](store::Tx& tx) -> Status {
      RETURN_IF_ERROR(tx.orgs().Get(user_args.organisation).status());
      domain::User u;
      u.organisation_id = user_args.organisation;
      u.username = user_args.username;
      u.display_name = user_args.display_name;
      u.role = *role;
      ASSIGN_OR_RETURN(id, service::AddUser(tx, u, password, crypto::PasswordCost::kInteractive,
                                            (*app)->clock().Now()));
      return Status::Ok();
    });
    if (!s.ok()) return Fail(s);
    std::cout << "user " << id << " added\n";
    return 0;
  }
  return -1;
}

}  // namespace trm::cli
