// Casework on one case: consent records, screenings against indicator sets,
// and identification decisions. Every use case goes through LoadCaseFor (the
// policy), is one transaction with its audit row, and reads are audited too.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "domain/consent.h"
#include "domain/identification.h"
#include "domain/indicator_set.h"
#include "domain/rights_notice.h"
#include "domain/screening.h"
#include "service/actor.h"
#include "store/store.h"

namespace trm::service {

struct ConsentInput {
  domain::ConsentPurpose purpose = domain::ConsentPurpose::kCaseManagement;
  domain::ConsentDecision decision = domain::ConsentDecision::kGiven;
  domain::ConsentScope scope;
  std::optional<std::string> expires_on;  // YYYY-MM-DD; valid through that day
  std::string explained_in_language;
  bool interpreter_used = false;
  std::string rights_notice_version;
  std::optional<domain::ChildConsent> child;
};

struct ConsentView {
  domain::ConsentRecord record;
  std::string recorded_by_name;
  std::string organisation_name;  // for an organisation scope
};

struct ScreeningInput {
  std::string set_id;
  domain::PersonGroup group = domain::PersonGroup::kAdult;
  std::vector<std::pair<std::string, std::string>> observations;  // indicator id, note
};

struct ScreeningView {
  domain::ScreeningRecord record;
  const domain::IndicatorSet* set = nullptr;  // null when the set is no longer loaded
  std::map<domain::Id, std::string> user_names;
};

struct NoticeReceiptView {
  domain::NoticeReceipt receipt;
  std::string given_by_name;
};

struct IdentificationView {
  domain::Identification decision;
  std::string recorded_by_name;
};

class CaseworkService {
 public:
  CaseworkService(store::Store& store, const Clock& clock, std::vector<domain::IndicatorSet> sets,
                  domain::RightsNoticeLibrary notices = {})
      : store_(store), clock_(clock), sets_(std::move(sets)), notices_(std::move(notices)) {}

  const domain::RightsNoticeLibrary& notices() const { return notices_; }
  // Records that the person received `version` in `language`; InvalidArgument
  // when that notice does not exist.
  Result<NoticeReceiptView> RecordNoticeGiven(const Actor& actor, domain::Id case_id,
                                              const std::string& version,
                                              const std::string& language, bool interpreter_used);
  Result<std::vector<NoticeReceiptView>> NoticeReceipts(const Actor& actor, domain::Id case_id);

  const std::vector<domain::IndicatorSet>& sets() const { return sets_; }
  const domain::IndicatorSet* FindSet(const std::string& id) const;

  Result<std::vector<ConsentView>> Consents(const Actor& actor, domain::Id case_id);
  Result<ConsentView> RecordConsent(const Actor& actor, domain::Id case_id, const ConsentInput& in);
  // Whether consent covers `purpose` for the organisation now.
  Result<domain::ConsentAnswer> CheckConsent(const Actor& actor, domain::Id case_id,
                                             domain::ConsentPurpose purpose,
                                             domain::Id organisation_id);

  Result<std::vector<ScreeningView>> Screenings(const Actor& actor, domain::Id case_id);
  Result<ScreeningView> Screen(const Actor& actor, domain::Id case_id, const ScreeningInput& in);

  Result<std::vector<IdentificationView>> Identifications(const Actor& actor, domain::Id case_id);
  Result<IdentificationView> Identify(const Actor& actor, domain::Id case_id,
                                      domain::Identification decision);

 private:
  store::Store& store_;
  const Clock& clock_;
  std::vector<domain::IndicatorSet> sets_;
  domain::RightsNoticeLibrary notices_;
};

// True when the person is under 18 today by birth date or approximate age.
bool IsChild(const domain::Person& p, const std::string& today);

}  // namespace trm::service
