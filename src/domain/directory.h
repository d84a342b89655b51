// The directory of member organisations: what each one offers, to whom, where,
// in which languages, how many shelter beds are free, whom to call, and its
// agreements with other members. Profiles describe organisations, not victims:
// they are not sealed, and every signed-in member reads them.
//
// Search ranks profiles by fit: service and country are hard filters, the rest
// (accepted sex, age and exploitation, languages, words) add points, and each
// result says which criteria it met and which it did not.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/records.h"

namespace trm::domain {

// What an organisation offers. The first nine are the network's own list; the
// last three are HTCDS support types (spl_Type) not covered by them (HTCDS
// Health and Legal are medical and legal_aid here).
enum class DirService {
  kShelter,
  kMedical,
  kPsychological,
  kLegalAid,
  kInterpretation,
  kRepatriation,
  kVocationalTraining,
  kFamilyTracing,
  kHotline,
  kEducation,
  kFinancialAssistance,
  kLivelihood,
};

// HTCDS vic_TypeOfExploitation.
enum class Exploitation {
  kForcedLabour,
  kSexualExploitation,
  kChildLabour,
  kForcedMarriage,
  kServitude,
  kForcedMilitaryByNonStateActors,
  kOrganRemoval,
  kForcedBegging,
  kForcedAdoption,
  kSurrogacy,
  kOther,
};

enum class AcceptsSex { kWomen, kMen, kAny };
enum class AcceptsAge { kChildren, kAdults, kBoth };
enum class AgreementType { kMou, kSop };

// Who is looking for help, in the search's terms.
enum class SeekerSex { kFemale, kMale };
enum class SeekerAge { kChild, kAdult };

std::string_view Name(DirService v);
std::string_view Name(Exploitation v);
std::string_view Name(AcceptsSex v);
std::string_view Name(AcceptsAge v);
std::string_view Name(AgreementType v);
std::string_view Name(SeekerSex v);
std::string_view Name(SeekerAge v);
std::optional<DirService> ParseDirService(std::string_view s);
std::optional<Exploitation> ParseExploitation(std::string_view s);
std::optional<AcceptsSex> ParseAcceptsSex(std::string_view s);
std::optional<AcceptsAge> ParseAcceptsAge(std::string_view s);
std::optional<AgreementType> ParseAgreementType(std::string_view s);
std::optional<SeekerSex> ParseSeekerSex(std::string_view s);
std::optional<SeekerAge> ParseSeekerAge(std::string_view s);

// Every value, in table order (for listing choices and for tests).
std::vector<DirService> AllDirServices();
std::vector<Exploitation> AllExploitations();

struct ServedArea {
  std::string country;                 // ISO 3166-1 alpha-2
  std::vector<std::string> provinces;  // free text lines; empty: the whole country
};

struct LiaisonOfficer {
  std::string name;
  std::string title;  // role or job title
  std::string phone;
  std::string email;
  std::vector<std::string> languages;  // ISO 639-1
};

struct Agreement {
  AgreementType type = AgreementType::kMou;
  std::string title;
  Id partner_organisation_id = 0;  // another member organisation
  std::string signed_date;         // YYYY-MM-DD
  std::string expiry_date;         // YYYY-MM-DD or empty (open-ended)
};

// Shelter beds. Both empty: the organisation keeps no beds.
struct Capacity {
  std::optional<int> free_beds;
  std::optional<int> total_beds;
  Millis updated_at = 0;  // 0: never stated
  Id updated_by = 0;
  std::string updated_by_name;  // read from the users table, not stored
};

// The parts of a profile an editor writes (capacity has its own action).
struct ProfileDetails {
  std::vector<ServedArea> areas;
  std::vector<DirService> services;
  std::string expertise;  // multi-line free text
  std::vector<std::string> languages;  // ISO 639-1
  AcceptsSex accepts_sex = AcceptsSex::kAny;
  AcceptsAge accepts_age = AcceptsAge::kBoth;
  std::vector<Exploitation> accepts_exploitation;  // empty: not stated
  std::string working_hours;
  std::vector<LiaisonOfficer> liaison_officers;
  std::vector<Agreement> agreements;
};

struct DirectoryProfile {
  Organisation organisation;  // name, type, country: from the organisations table
  ProfileDetails details;
  Capacity capacity;
  Stamp stamp;  // version 0: no profile stored yet
};

// Checks every field; errors name the API's fields ("liaison_officers[0].email").
// Duplicate services, languages or exploitation types are refused too.
Status ValidateProfileDetails(const ProfileDetails& d);
// 0 <= free <= total <= 100000; free without total is refused.
Status ValidateCapacity(std::optional<int> free_beds, std::optional<int> total_beds);

struct DirectoryQuery {
  std::optional<DirService> service;  // hard filter
  std::string country;                // hard filter: based there or serving areas there
  std::optional<SeekerSex> sex;
  std::optional<SeekerAge> age;
  std::optional<Exploitation> exploitation;
  std::string language;  // ISO 639-1
  std::string text;      // words looked up in name, expertise and areas
};

// Checks the query's free parts (country and language codes, the text).
Status ValidateDirectoryQuery(const DirectoryQuery& q);

// The criteria a result is explained by, as the API names them.
inline constexpr std::string_view kCriterionService = "service";
inline constexpr std::string_view kCriterionCountry = "country";
inline constexpr std::string_view kCriterionSex = "sex";
inline constexpr std::string_view kCriterionAge = "age";
inline constexpr std::string_view kCriterionExploitation = "exploitation";
inline constexpr std::string_view kCriterionLanguage = "language";
inline constexpr std::string_view kCriterionText = "text";
inline constexpr std::string_view kCriterionBeds = "beds";

struct DirectoryMatch {
  const DirectoryProfile* profile = nullptr;  // points into the searched list
  int score = 0;
  std::vector<std::string> matched;  // criteria met, in the order above
  std::vector<std::string> missed;   // soft criteria asked for and not met
  std::vector<std::string> words;    // the query's words found in the profile
};

// The profiles passing the hard filters, best fit first (ties by name).
// Points: language 3 (a person must be understood), sex, age and exploitation
// 2 each, each query word found 1, and free beds 1 when shelter is asked for.
// REQUIRES: `profiles` outlives the result.
std::vector<DirectoryMatch> RankProfiles(const std::vector<DirectoryProfile>& profiles,
                                         const DirectoryQuery& q);

}  // namespace trm::domain
