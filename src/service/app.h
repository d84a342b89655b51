// The application: a data folder (key file, SQLite database) or a PostgreSQL
// server, opened, migrated, and the use-case services over it. `cli/` builds
// one App and hands it to the HTTP server or a command.
#pragma once

#include <memory>
#include <string>

#include "common/clock.h"
#include "crypto/field_cipher.h"
#include "service/answer_cache.h"
#include "service/auth_service.h"
#include "service/case_entry_service.h"
#include "service/case_service.h"
#include "service/casework_service.h"
#include "service/directory_service.h"
#include "service/intake_service.h"
#include "service/legal_service.h"
#include "service/library_service.h"
#include "service/match_service.h"
#include "service/person_matcher.h"
#include "service/referral_service.h"
#include "service/register_import_service.h"
#include "service/register_service.h"
#include "service/repatriation_service.h"
#include "service/report_service.h"
#include "service/tracing_service.h"
#include "service/user_service.h"
#include "store/store.h"

namespace trm::service {

struct AppConfig {
  std::string data_dir = "var";  // holds field.key and, without PostgreSQL, trm.db
  std::string postgres;          // libpq conninfo; empty: SQLite in data_dir
  int postgres_pool = 4;
  std::string indicators_dir = "data/indicators";  // indicator sets; skipped when missing
  std::string rights_notices_dir = "data/rights-notices";  // skipped when missing
  std::string repatriation_dir = "data/repatriation";      // flows; skipped when missing
  std::string match_dir = "data/match";  // matching engine data; matching is off when missing
  bool sqlite_synchronous_full = true;
  // Memory for answers kept to repeated case reads (service/answer_cache.h);
  // 0 turns keeping off.
  int answer_cache_mb = 32;
  AuthPolicy auth;
};

class App {
 public:
  App(std::unique_ptr<store::Store> store, std::unique_ptr<Clock> clock, const AuthPolicy& auth,
      std::vector<domain::IndicatorSet> indicator_sets = {},
      domain::RightsNoticeLibrary notices = {},
      std::vector<domain::RepatriationFlow> repatriation_flows = {},
      std::unique_ptr<PersonMatcher> matcher = nullptr);

  store::Store& store() { return *store_; }
  const Clock& clock() const { return *clock_; }
  AuthService& auth() { return auth_; }
  CaseService& cases() { return cases_; }
  UserService& users() { return users_; }
  CaseworkService& casework() { return casework_; }
  IntakeService& intake() { return intake_; }
  CaseEntryService& entries() { return entries_; }
  ReferralService& referrals() { return referrals_; }
  DirectoryService& directory() { return directory_; }
  RepatriationService& repatriations() { return repatriations_; }
  LegalService& legal() { return legal_; }
  LibraryService& library() { return library_; }
  ReportService& reports() { return reports_; }
  RegisterService& register_entries() { return register_entries_; }
  RegisterImportService& register_import() { return register_import_; }
  MatchService& matches() { return matches_; }
  TracingService& tracing() { return tracing_; }
  // Answers to case reads, given again while nothing has changed.
  AnswerCache& answers() { return answers_; }
  // Null when the matching engine's data is not installed.
  PersonMatcher* matcher() { return matcher_.get(); }

 private:
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Clock> clock_;
  AuthService auth_;
  CaseService cases_;
  UserService users_;
  CaseworkService casework_;
  IntakeService intake_;
  CaseEntryService entries_;
  ReferralService referrals_;
  DirectoryService directory_;
  RepatriationService repatriations_;
  LegalService legal_;
  LibraryService library_;
  ReportService reports_;
  RegisterService register_entries_;
  RegisterImportService register_import_;
  std::unique_ptr<PersonMatcher> matcher_;
  MatchService matches_;
  TracingService tracing_;
  AnswerCache answers_;
};

// Creates the data folder and key file when missing, opens the database and
// applies pending migrations. `clock` defaults to the system clock.
Result<std::unique_ptr<App>> OpenApp(const AppConfig& config,
                                     std::unique_ptr<Clock> clock = nullptr);

// Opens the database without migrating (for `trm migrate` and `trm audit verify`).
Result<std::unique_ptr<store::Store>> OpenStoreOnly(const AppConfig& config);

}  // namespace trm::service
