#include "domain/enums.h"

#include <array>
#include <utility>

namespace trm::domain {
namespace {

template <typename E, size_t N>
using Table = std::array<std::pair<E, std::string_view>, N>;

constexpr Table<Role, 8> kRoles{{
    {Role::kHotlineOperator, "hotline_operator"},
    {Role::kCaseWorker, "case_worker"},
    {Role::kSupervisor, "supervisor"},
    {Role::kLegalOfficer, "legal_officer"},
    {Role::kRepatriationOfficer, "repatriation_officer"},
    {Role::kSecretariat, "secretariat"},
    {Role::kOrgAdmin, "org_admin"},
    {Role::kSystemAdmin, "system_admin"},
}};

constexpr Table<OrgType, 9> kOrgTypes{{
    {OrgType::kNgo, "NGO"},
    {OrgType::kLawEnforcement, "LawEnforcement"},
    {OrgType::kHealthServiceOrganisation, "HealthServiceOrganisation"},
    {OrgType::kCentralGovernmentOrganisation, "CentralGovernmentOrganisation"},
    {OrgType::kLocalGovernmentOrganisation, "LocalGovernmentOrganisation"},
    {OrgType::kImmigrationService, "ImmigrationService"},
    {OrgType::kLegalService, "LegalService"},
    {OrgType::kCorporateBusiness, "CorporateBusiness"},
    {OrgType::kSchoolOrCollege, "SchoolOrCollege"},
}};

constexpr Table<Gender, 6> kGenders{{
    {Gender::kFeminine, "Feminine"},
    {Gender::kMasculine, "Masculine"},
    {Gender::kTransgenderFeminine, "TransgenderFeminine"},
    {Gender::kTransgenderMasculine, "TransgenderMasculine"},
    {Gender::kNonConforming, "NonConforming"},
    {Gender::kNonSpecifiedUnknown, "NonSpecifiedUnknown"},
}};

constexpr Table<CaseStatus, 2> kCaseStatuses{{
    {CaseStatus::kOpen, "open"},
    {CaseStatus::kClosed, "closed"},
}};

template <typename E, size_t N>
std::string_view Lookup(const Table<E, N>& table, E v) {
  for (const auto& [e, name] : table)
    if (e == v) return name;
  return "?";
}

template <typename E, size_t N>
std::optional<E> Find(const Table<E, N>& table, std::string_view s) {
  for (const auto& [e, name] : table)
    if (name == s) return e;
  return std::nullopt;
}

}  // namespace

std::string_view Name(Role v) { return Lookup(kRoles, v); }
std::string_view Name(OrgType v) { return Lookup(kOrgTypes, v); }
std::string_view Name(Gender v) { return Lookup(kGenders, v); }
std::string_view Name(CaseStatus v) { return Lookup(kCaseStatuses, v); }

std::optional<Role> ParseRole(std::string_view s) { return Find(kRoles, s); }
std::optional<OrgType> ParseOrgType(std::string_view s) { return Find(kOrgTypes, s); }
std::optional<Gender> ParseGender(std::string_view s) { return Find(kGenders, s); }
std::optional<CaseStatus> ParseCaseStatus(std::string_view s) { return Find(kCaseStatuses, s); }

}  // namespace trm::domain
