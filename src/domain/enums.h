// The closed value sets of the domain, each with its wire name (HTCDS picklist
// values where HTCDS defines them). Parse* returns nullopt for an unknown name so
// that callers can report it; adding a value means touching its table only.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace trm::domain {

enum class Role {
  kHotlineOperator,
  kCaseWorker,
  kSupervisor,
  kLegalOfficer,
  kRepatriationOfficer,
  kSecretariat,
  kOrgAdmin,
  kSystemAdmin,
};

// HTCDS org_Type.
enum class OrgType {
  kNgo,
  kLawEnforcement,
  kHealthServiceOrganisation,
  kCentralGovernmentOrganisation,
  kLocalGovernmentOrganisation,
  kImmigrationService,
  kLegalService,
  kCorporateBusiness,
  kSchoolOrCollege,
};

// HTCDS prs_Gender.
enum class Gender {
  kFeminine,
  kMasculine,
  kTransgenderFeminine,
  kTransgenderMasculine,
  kNonConforming,
  kNonSpecifiedUnknown,
};

enum class CaseStatus { kOpen, kClosed };

std::string_view Name(Role v);
std::string_view Name(OrgType v);
std::string_view Name(Gender v);
std::string_view Name(CaseStatus v);

std::optional<Role> ParseRole(std::string_view s);
std::optional<OrgType> ParseOrgType(std::string_view s);
std::optional<Gender> ParseGender(std::string_view s);
std::optional<CaseStatus> ParseCaseStatus(std::string_view s);

}  // namespace trm::domain
