#include "service/app.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <filesystem>

#include "crypto/crypto.h"
#include "domain/indicator_loader.h"
#include "domain/repatriation_flow_loader.h"
#include "store/postgres/postgres_connection.h"
#include "store/sqlite/sqlite_connection.h"

namespace trm::service {

App::App(std::unique_ptr<store::Store> store, std::unique_ptr<Clock> clock,
         const AuthPolicy& auth, std::vector<domain::IndicatorSet> indicator_sets,
         domain::RightsNoticeLibrary notices,
         std::vector<domain::RepatriationFlow> repatriation_flows,
         std::unique_ptr<PersonMatcher> matcher)
    : store_(std::move(store)),
      clock_(std::move(clock)),
      auth_(*store_, *clock_, auth),
      cases_(*store_, *clock_),
      users_(*store_),
      casework_(*store_, *clock_, std::move(indicator_sets), std::move(notices)),
      intake_(*store_, *clock_),
      entries_(*store_, *clock_),
      referrals_(*store_, *clock_),
      directory_(*store_, *clock_),
      repatriations_(*store_, *clock_, std::move(repatriation_flows)),
      legal_(*store_, *clock_),
      library_(*store_, *clock_),
      reports_(*store_, *clock_),
      // `matcher` is still the parameter here: matcher_ is initialised later.
      register_entries_(*store_, *clock_, matcher ? matcher->register_names() : nullptr),
      register_import_(*store_, *clock_),
      matcher_(std::move(matcher)),
      matches_(*store_, *clock_, matcher_.get()),
      tracing_(*store_, *clock_, matcher_.get()),
      answers_(*store_, *clock_) {}

Result<std::unique_ptr<store::Store>> OpenStoreOnly(const AppConfig& config) {
  RETURN_IF_ERROR(crypto::Init());
  if (::mkdir(config.data_dir.c_str(), 0700) != 0 && errno != EEXIST)
    return Status::Unavailable("cannot create data folder " + config.data_dir + ": " +
                               strerror(errno));
  ASSIGN_OR_RETURN(std::string key, crypto::LoadOrCreateKeyFile(config.data_dir + "/field.key"));
  auto cipher = std::make_unique<crypto::FieldCipher>(std::move(key));
  std::vector<std::unique_ptr<store::Connection>> pool;
  if (config.postgres.empty()) {
    // One writer (group commit) and six readers: WAL lets them read while
    // the writer commits, so reads only wait for their audit row.
    store::SqliteOptions opts;
    opts.synchronous_full = config.sqlite_synchronous_full;
    for (int i = 0; i < 7; ++i) {
      ASSIGN_OR_RETURN(auto conn, store::OpenSqlite(config.data_dir + "/trm.db", opts));
      pool.push_back(std::move(conn));
    }
    return std::make_unique<store::Store>(std::move(pool), std::move(cipher),
                                          store::Store::Mode::kGroupCommit);
  } else {
    for (int i = 0; i < std::max(1, config.postgres_pool); ++i) {
      ASSIGN_OR_RETURN(auto conn, store::OpenPostgres(config.postgres));
      pool.push_back(std::move(conn));
    }
  }
  return std::make_unique<store::Store>(std::move(pool), std::move(cipher));
}

Result<std::unique_ptr<App>> OpenApp(const AppConfig& config, std::unique_ptr<Clock> clock) {
  if (!clock) clock = std::make_unique<SystemClock>();
  ASSIGN_OR_RETURN(auto store, OpenStoreOnly(config));
  ASSIGN_OR_RETURN(int applied, store->Migrate(clock->Now()));
  (void)applied;
  std::vector<domain::IndicatorSet> sets;
  std::error_code ec;
  if (std::filesystem::is_directory(config.indicators_dir, ec)) {
    // A malformed set stops the start with its file and line: better than a
    // screening evaluated against half a list.
    ASSIGN_OR_RETURN(sets, domain::LoadIndicatorSets(config.indicators_dir));
  }
  domain::RightsNoticeLibrary notices;
  if (std::filesystem::is_directory(config.rights_notices_dir, ec)) {
    ASSIGN_OR_RETURN(notices, domain::LoadRightsNotices(config.rights_notices_dir));
  }
  std::vector<domain::RepatriationFlow> flows;
  if (std::filesystem::is_directory(config.repatriation_dir, ec)) {
    // Like indicator sets: a malformed flow stops the start with its file and line.
    ASSIGN_OR_RETURN(flows, domain::LoadRepatriationFlows(config.repatriation_dir));
  }
  std::unique_ptr<PersonMatcher> matcher;
  if (std::filesystem::is_directory(config.match_dir, ec)) {
    // Loaded, not filled: the index reads the cases on its first query.
    ASSIGN_OR_RETURN(matcher, PersonMatcher::Load(config.match_dir, clock->Now()));
  }
  auto app = std::make_unique<App>(std::move(store), std::move(clock), config.auth,
                                   std::move(sets), std::move(notices), std::move(flows),
                                   std::move(matcher));
  app->answers().Resize(static_cast<size_t>(std::max(config.answer_cache_mb, 0)) << 20);
  return app;
}

}  // namespace trm::service
