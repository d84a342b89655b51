#include "domain/enums.h"

#include "domain/enum_table.h"

namespace trm::domain {
namespace {

constexpr EnumTable<Role, 8> kRoles{{
    {Role::kHotlineOperator, "hotline_operator"},
    {Role::kCaseWorker, "case_worker"},
    {Role::kSupervisor, "supervisor"},
    {Role::kLegalOfficer, "legal_officer"},
    {Role::kRepatriationOfficer, "repatriation_officer"},
    {Role::kSecretariat, "secretariat"},
    {Role::kOrgAdmin, "org_admin"},
    {Role::kSystemAdmin, "system_admin"},
}};

constexpr EnumTable<OrgType, 9> kOrgTypes{{
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

constexpr EnumTable<Gender, 6> kGenders{{
    {Gender::kFeminine, "Feminine"},
    {Gender::kMasculine, "Masculine"},
    {Gender::kTransgenderFeminine, "TransgenderFeminine"},
    {Gender::kTransgenderMasculine, "TransgenderMasculine"},
    {Gender::kNonConforming, "NonConforming"},
    {Gender::kNonSpecifiedUnknown, "NonSpecifiedUnknown"},
}};

constexpr EnumTable<CaseStatus, 2> kCaseStatuses{{
    {CaseStatus::kOpen, "open"},
    {CaseStatus::kClosed, "closed"},
}};

}  // namespace

std::string_view Name(Role v) { return EnumName(kRoles, v); }
std::string_view Name(OrgType v) { return EnumName(kOrgTypes, v); }
std::string_view Name(Gender v) { return EnumName(kGenders, v); }
std::string_view Name(CaseStatus v) { return EnumName(kCaseStatuses, v); }

std::optional<Role> ParseRole(std::string_view s) { return EnumParse(kRoles, s); }
std::optional<OrgType> ParseOrgType(std::string_view s) { return EnumParse(kOrgTypes, s); }
std::optional<Gender> ParseGender(std::string_view s) { return EnumParse(kGenders, s); }
std::optional<CaseStatus> ParseCaseStatus(std::string_view s) { return EnumParse(kCaseStatuses, s); }

}  // namespace trm::domain
