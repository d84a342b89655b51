// `trm`: the one binary. Wires the layers together for each command.
#include <CLI/CLI.hpp>

#include <sys/stat.h>

#include <cstdlib>
#include <iostream>

#include "cli/admin_commands.h"
#include "cli/public_intake.h"
#include "http/api.h"
#include "http/server.h"
#include "service/app.h"
#include "service/demo_network.h"

#include "match/batch_cli.h"

namespace {

using trm::Status;

int Fail(const Status& s) {
  std::cerr << "trm: " << s.ToString() << "\n";
  return 1;
}

void AddStoreOptions(CLI::App* cmd, trm::service::AppConfig* cfg) {
  cmd->add_option("--data", cfg->data_dir, "data folder (key file; SQLite database)")
      ->capture_default_str();
  cmd->add_option("--postgres", cfg->postgres,
                  "PostgreSQL connection (libpq conninfo); default: SQLite in the data folder")
      ->envname("TRM_POSTGRES");
}

}  // namespace

int main(int argc, char** argv) {
  ::umask(077);  // data files (database, key, WAL) readable by the owner only
  CLI::App cli{"OpenTRM: case management and referral for victims of trafficking"};
  cli.require_subcommand(1);
  trm::service::AppConfig cfg;

  auto* serve = cli.add_subcommand("serve", "serve the API and the web app");
  AddStoreOptions(serve, &cfg);
  trm::http::ServerOptions server;
  trm::http::ApiOptions api;
  api.static_dir = "web/dist";
  serve->add_option("--port", server.port, "TCP port")->capture_default_str();
  serve->add_option("--address", server.address, "listen address")->capture_default_str();
  serve->add_option("--threads", server.threads, "worker threads")->capture_default_str();
  serve->add_option("--answer-cache-mb", cfg.answer_cache_mb,
                    "memory for answers kept to repeated case reads (0: keep none)")
      ->capture_default_str()->check(CLI::Range(0, 4096));
  serve->add_option("--web", api.static_dir, "built web app folder ('' for API only)")
      ->capture_default_str();
  serve->add_flag("--secure-cookies", api.secure_cookies, "mark the session cookie Secure (HTTPS)");
  int64_t public_intake_org = 0;
  int64_t public_window_s = api.public_reports.limits.window_ms / 1000;
  serve->add_option("--public-intake-org", public_intake_org,
                    "organisation id whose duty queue receives public web reports "
                    "(default: the one named in DATA/public-intake-org; none: the form is off)");
  serve->add_option("--public-reports-per-address", api.public_reports.limits.per_key,
                    "public reports accepted from one client address per window")
      ->capture_default_str()->check(CLI::PositiveNumber);
  serve->add_option("--public-reports-total", api.public_reports.limits.total,
                    "public reports accepted from everyone together per window")
      ->capture_default_str()->check(CLI::PositiveNumber);
  serve->add_option("--public-reports-window", public_window_s, "rate-limit window in seconds")
      ->capture_default_str()->check(CLI::PositiveNumber);

  auto* init = cli.add_subcommand("init", "create the data folder, key file and database");
  AddStoreOptions(init, &cfg);

  auto* demo = cli.add_subcommand("demo", "add the synthetic demo network (once)");
  AddStoreOptions(demo, &cfg);
  int demo_cases = 300;
  demo->add_option("--cases", demo_cases, "number of synthetic cases")->capture_default_str();

  auto* migrate = cli.add_subcommand("migrate", "apply pending schema migrations");
  AddStoreOptions(migrate, &cfg);

  auto* audit = cli.add_subcommand("audit", "audit log tools");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "prove the audit chain intact");
  AddStoreOptions(verify, &cfg);

  trm::cli::AddAdminCommands(cli, &cfg);

  auto* match = cli.add_subcommand("match", "identity matching from the command line");
  match->allow_extras();
  match->prefix_command();
  match->set_help_flag();  // `trm match --help` is the matcher's own help

  CLI11_PARSE(cli, argc, argv);

  if (*serve) {
    auto app = trm::service::OpenApp(cfg);
    if (!app.ok()) return Fail(app.status());
    api.public_reports.limits.window_ms = public_window_s * 1000;
    if (public_intake_org > 0) {
      api.public_reports.intake_org = public_intake_org;
    } else {
      auto stored = trm::cli::ReadPublicIntakeOrg(cfg.data_dir);
      if (!stored.ok()) return Fail(stored.status());
      api.public_reports.intake_org = *stored;
    }
    server.on_listening = [&](int port) {
      std::cout << "OpenTRM serving on http://" << server.address << ":" << port << std::endl;
    };
    Status s = trm::http::Serve(server, trm::http::MakeHandler(**app, api));
    if (!s.ok()) return Fail(s);
    std::cout << "OpenTRM stopped" << std::endl;
    return 0;
  }
  if (*init) {
    auto app = trm::service::OpenApp(cfg);
    if (!app.ok()) return Fail(app.status());
    auto v = (*app)->store().SchemaVersion();
    if (!v.ok()) return Fail(v.status());
    std::cout << "data folder " << cfg.data_dir << " ready (schema version " << *v << ")\n";
    return 0;
  }
  if (*demo) {
    auto app = trm::service::OpenApp(cfg);
    if (!app.ok()) return Fail(app.status());
    auto added = trm::service::AddDemoNetwork(**app, demo_cases);
    if (!added.ok()) return Fail(added.status());
    if (!*added) {
      std::cout << "the demo network is already there\n";
    } else {
      std::cout << "demo network added\n";
    }
    auto hotline = trm::service::DemoPublicIntakeOrg(**app);
    if (!hotline.ok()) return Fail(hotline.status());
    if (*hotline) {
      auto wrote = trm::cli::RememberPublicIntakeOrg(cfg.data_dir, **hotline);
      if (!wrote.ok()) return Fail(wrote.status());
      if (*wrote) std::cout << "public web reports go to the demo Thai hotline\n";
    }
    trm::service::PrintDemoSignIns(std::cout);
    return 0;
  }
  if (*migrate) {
    auto store = trm::service::OpenStoreOnly(cfg);
    if (!store.ok()) return Fail(store.status());
    auto n = (*store)->Migrate(trm::SystemClock().Now());
    if (!n.ok()) return Fail(n.status());
    auto v = (*store)->SchemaVersion();
    if (!v.ok()) return Fail(v.status());
    std::cout << "applied " << *n << " migration(s); schema version " << *v << "\n";
    return 0;
  }
  if (*verify) {
    auto store = trm::service::OpenStoreOnly(cfg);
    if (!store.ok()) return Fail(store.status());
    trm::Result<trm::store::AuditVerdict> verdict = Status::Internal("not run");
    Status s = (*store)->Read([&](trm::store::Tx& tx) -> Status {
      verdict = tx.audit().Verify();
      return verdict.status();
    });
    if (!s.ok()) return Fail(s);
    if (verdict->intact) {
      std::cout << "audit chain intact: " << verdict->rows_checked << " rows\n";
      return 0;
    }
    std::cout << "audit chain BROKEN at row " << verdict->first_broken_seq << ": "
              << verdict->reason << "\n";
    return 2;
  }
  if (int rc = trm::cli::RunAdminCommands(cfg); rc >= 0) return rc;
  if (*match) {
    return trm::match::RunMatchCommand(match->remaining(), std::cout, std::cerr);
  }
  return 0;
}
