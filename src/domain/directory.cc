#include "domain/directory.h"

#include <algorithm>
#include <set>

#include "domain/codes.h"
#include "domain/enum_table.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<DirService, 12> kServices{{
    {DirService::kShelter, "shelter"},
    {DirService::kMedical, "medical"},
    {DirService::kPsychological, "psychological"},
    {DirService::kLegalAid, "legal_aid"},
    {DirService::kInterpretation, "interpretation"},
    {DirService::kRepatriation, "repatriation"},
    {DirService::kVocationalTraining, "vocational_training"},
    {DirService::kFamilyTracing, "family_tracing"},
    {DirService::kHotline, "hotline"},
    {DirService::kEducation, "education"},
    {DirService::kFinancialAssistance, "financial_assistance"},
    {DirService::kLivelihood, "livelihood"},
}};
constexpr EnumTable<Exploitation, 11> kExploitations{{
    {Exploitation::kForcedLabour, "ForcedLabour"},
    {Exploitation::kSexualExploitation, "SexualExploitation"},
    {Exploitation::kChildLabour, "ChildLabour"},
    {Exploitation::kForcedMarriage, "ForcedMarriage"},
    {Exploitation::kServitude, "Servitude"},
    {Exploitation::kForcedMilitaryByNonStateActors, "ForcedMilitaryByNonStateActors"},
    {Exploitation::kOrganRemoval, "OrganRemoval"},
    {Exploitation::kForcedBegging, "ForcedBegging"},
    {Exploitation::kForcedAdoption, "ForcedAdoption"},
    {Exploitation::kSurrogacy, "Surrogacy"},
    {Exploitation::kOther, "Other"},
}};
constexpr EnumTable<AcceptsSex, 3> kAcceptsSex{{
    {AcceptsSex::kWomen, "women"}, {AcceptsSex::kMen, "men"}, {AcceptsSex::kAny, "any"}}};
constexpr EnumTable<AcceptsAge, 3> kAcceptsAge{{
    {AcceptsAge::kChildren, "children"}, {AcceptsAge::kAdults, "adults"}, {AcceptsAge::kBoth, "both"}}};
constexpr EnumTable<AgreementType, 2> kAgreementTypes{{
    {AgreementType::kMou, "mou"}, {AgreementType::kSop, "sop"}}};
constexpr EnumTable<SeekerSex, 2> kSeekerSex{{
    {SeekerSex::kFemale, "female"}, {SeekerSex::kMale, "male"}}};
constexpr EnumTable<SeekerAge, 2> kSeekerAge{{
    {SeekerAge::kChild, "child"}, {SeekerAge::kAdult, "adult"}}};

// Bounds that keep one profile readable on a screen and small on the wire.
constexpr size_t kMaxAreas = 30;
constexpr size_t kMaxProvinces = 100;
constexpr size_t kMaxLanguages = 30;
constexpr size_t kMaxOfficers = 20;
constexpr size_t kMaxAgreements = 100;
constexpr int kMaxBeds = 100000;
constexpr size_t kMaxQueryWords = 10;

template <typename T>
bool HasDuplicates(const std::vector<T>& v) {
  return std::set<T>(v.begin(), v.end()).size() != v.size();
}

template <typename T>
bool Contains(const std::vector<T>& v, const T& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

Status CheckLanguages(const std::vector<std::string>& langs, const std::string& field) {
  if (langs.size() > kMaxLanguages) return Status::InvalidArgument("too many languages", field);
  for (size_t i = 0; i < langs.size(); ++i)
    if (!IsLanguageCode(langs[i]))
      return Status::InvalidArgument("unknown language code (use ISO 639-1, e.g. km)",
                                     field + "[" + std::to_string(i) + "]");
  if (HasDuplicates(langs)) return Status::InvalidArgument("a language is listed twice", field);
  return Status::Ok();
}

// Deliberately loose: one @, something on each side, a dot in the domain and no
// spaces. The address is for people to read, not for the server to send to.
bool LooksLikeEmail(std::string_view s) {
  const size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos)
    return false;
  const std::string_view domain = s.substr(at + 1);
  const size_t dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) return false;
  return s.find_first_of(" \t<>\"") == std::string_view::npos;
}

bool LooksLikePhone(std::string_view s) {
  return s.find_first_not_of("0123456789+-() ./") == std::string_view::npos &&
         s.find_first_of("0123456789") != std::string_view::npos;
}

Status CheckOfficer(const LiaisonOfficer& o, const std::string& f) {
  RETURN_IF_ERROR(CheckText(o.name, f + ".name", 200));
  if (IsBlank(o.name)) return Status::InvalidArgument("a liaison officer needs a name", f + ".name");
  RETURN_IF_ERROR(CheckText(o.title, f + ".title", 200));
  RETURN_IF_ERROR(CheckText(o.phone, f + ".phone", 50));
  if (!o.phone.empty() && !LooksLikePhone(o.phone))
    return Status::InvalidArgument("a phone number has digits, spaces and + - ( ) only",
                                   f + ".phone");
  RETURN_IF_ERROR(CheckText(o.email, f + ".email", 254));
  if (!o.email.empty() && !LooksLikeEmail(o.email))
    return Status::InvalidArgument("not an e-mail address", f + ".email");
  if (o.phone.empty() && o.email.empty())
    return Status::InvalidArgument("give a phone number or an e-mail address", f + ".phone");
  return CheckLanguages(o.languages, f + ".languages");
}

Status CheckAgreement(const Agreement& a, const std::string& f) {
  RETURN_IF_ERROR(CheckText(a.title, f + ".title", 300));
  if (IsBlank(a.title)) return Status::InvalidArgument("an agreement needs a title", f + ".title");
  if (a.partner_organisation_id < 1)
    return Status::InvalidArgument("name the partner organisation", f + ".partner_organisation_id");
  if (!IsValidDate(a.signed_date))
    return Status::InvalidArgument("signed_date must be a date YYYY-MM-DD", f + ".signed_date");
  if (!a.expiry_date.empty()) {
    if (!IsValidDate(a.expiry_date))
      return Status::InvalidArgument("expiry_date must be a date YYYY-MM-DD", f + ".expiry_date");
    // ISO dates compare as text.
    if (a.expiry_date < a.signed_date)
      return Status::InvalidArgument("an agreement cannot expire before it was signed",
                                     f + ".expiry_date");
  }
  return Status::Ok();
}

// ASCII letters folded to lower case; other scripts (Khmer, Thai, ...) have no
// case, and Vietnamese capitals are rare in the words people search for.
std::string Fold(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty() && !Contains(out, cur)) out.push_back(cur);
    cur.clear();
  };
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == ',' || c == ';' || c == '.' || c == '/')
      flush();
    else
      cur += c;
  }
  flush();
  for (std::string& w : out) w = Fold(w);
  return out;
}

std::string Haystack(const DirectoryProfile& p) {
  std::string s = p.organisation.name + "\n" + p.details.expertise;
  for (const ServedArea& a : p.details.areas)
    for (const std::string& line : a.provinces) s += "\n" + line;
  return Fold(s);
}

bool ServesCountry(const DirectoryProfile& p, const std::string& country) {
  if (p.organisation.country == country) return true;
  for (const ServedArea& a : p.details.areas)
    if (a.country == country) return true;
  return false;
}

bool AcceptsSeekerSex(AcceptsSex a, SeekerSex s) {
  return a == AcceptsSex::kAny || (a == AcceptsSex::kWomen && s == SeekerSex::kFemale) ||
         (a == AcceptsSex::kMen && s == SeekerSex::kMale);
}

bool AcceptsSeekerAge(AcceptsAge a, SeekerAge s) {
  return a == AcceptsAge::kBoth || (a == AcceptsAge::kChildren && s == SeekerAge::kChild) ||
         (a == AcceptsAge::kAdults && s == SeekerAge::kAdult);
}

}  // namespace

std::string_view Name(DirService v) { return EnumName(kServices, v); }
std::string_view Name(Exploitation v) { return EnumName(kExploitations, v); }
std::string_view Name(AcceptsSex v) { return EnumName(kAcceptsSex, v); }
std::string_view Name(AcceptsAge v) { return EnumName(kAcceptsAge, v); }
std::string_view Name(AgreementType v) { return EnumName(kAgreementTypes, v); }
std::string_view Name(SeekerSex v) { return EnumName(kSeekerSex, v); }
std::string_view Name(SeekerAge v) { return EnumName(kSeekerAge, v); }
std::optional<DirService> ParseDirService(std::string_view s) { return EnumParse(kServices, s); }
std::optional<Exploitation> ParseExploitation(std::string_view s) { return EnumParse(kExploitations, s); }
std::optional<AcceptsSex> ParseAcceptsSex(std::string_view s) { return EnumParse(kAcceptsSex, s); }
std::optional<AcceptsAge> ParseAcceptsAge(std::string_view s) { return EnumParse(kAcceptsAge, s); }
std::optional<AgreementType> ParseAgreementType(std::string_view s) { return EnumParse(kAgreementTypes, s); }
std::optional<SeekerSex> ParseSeekerSex(std::string_view s) { return EnumParse(kSeekerSex, s); }
std::optional<SeekerAge> ParseSeekerAge(std::string_view s) { return EnumParse(kSeekerAge, s); }

std::vector<DirService> AllDirServices() {
  std::vector<DirService> out;
  for (const auto& [v, name] : kServices) out.push_back(v);
  return out;
}

std::vector<Exploitation> AllExploitations() {
  std::vector<Exploitation> out;
  for (const auto& [v, name] : kExploitations) out.push_back(v);
  return out;
}

Status ValidateProfileDetails(const ProfileDetails& d) {
  if (d.areas.size() > kMaxAreas) return Status::InvalidArgument("too many areas", "areas");
  for (size_t i = 0; i < d.areas.size(); ++i) {
    const std::string f = "areas[" + std::to_string(i) + "]";
    if (!IsCountryCode(d.areas[i].country))
      return Status::InvalidArgument("unknown country code (use ISO 3166-1, e.g. KH)",
                                     f + ".country");
    if (d.areas[i].provinces.size() > kMaxProvinces)
      return Status::InvalidArgument("too many provinces", f + ".provinces");
    for (size_t j = 0; j < d.areas[i].provinces.size(); ++j) {
      const std::string pf = f + ".provinces[" + std::to_string(j) + "]";
      RETURN_IF_ERROR(CheckText(d.areas[i].provinces[j], pf, 200));
      if (IsBlank(d.areas[i].provinces[j]))
        return Status::InvalidArgument("a province line is empty", pf);
    }
  }
  if (HasDuplicates(d.services)) return Status::InvalidArgument("a service is listed twice", "services");
  RETURN_IF_ERROR(CheckText(d.expertise, "expertise", 5000, TextKind::kMultiline));
  RETURN_IF_ERROR(CheckLanguages(d.languages, "languages"));
  if (HasDuplicates(d.accepts_exploitation))
    return Status::InvalidArgument("a type of exploitation is listed twice", "accepts_exploitation");
  RETURN_IF_ERROR(CheckText(d.working_hours, "working_hours", 500, TextKind::kMultiline));
  if (d.liaison_officers.size() > kMaxOfficers)
    return Status::InvalidArgument("too many liaison officers", "liaison_officers");
  for (size_t i = 0; i < d.liaison_officers.size(); ++i)
    RETURN_IF_ERROR(CheckOfficer(d.liaison_officers[i], "liaison_officers[" + std::to_string(i) + "]"));
  if (d.agreements.size() > kMaxAgreements)
    return Status::InvalidArgument("too many agreements", "agreements");
  for (size_t i = 0; i < d.agreements.size(); ++i)
    RETURN_IF_ERROR(CheckAgreement(d.agreements[i], "agreements[" + std::to_string(i) + "]"));
  return Status::Ok();
}

Status ValidateCapacity(std::optional<int> free_beds, std::optional<int> total_beds) {
  if (total_beds && (*total_beds < 0 || *total_beds > kMaxBeds))
    return Status::InvalidArgument("total_beds must be between 0 and 100000", "total_beds");
  if (free_beds && !total_beds)
    return Status::InvalidArgument("give the total number of beds too", "total_beds");
  if (free_beds && (*free_beds < 0 || *free_beds > *total_beds))
    return Status::InvalidArgument("free_beds must be between 0 and total_beds", "free_beds");
  return Status::Ok();
}

Status ValidateDirectoryQuery(const DirectoryQuery& q) {
  if (!q.country.empty() && !IsCountryCode(q.country))
    return Status::InvalidArgument("unknown country code (use ISO 3166-1, e.g. KH)", "country");
  if (!q.language.empty() && !IsLanguageCode(q.language))
    return Status::InvalidArgument("unknown language code (use ISO 639-1, e.g. km)", "language");
  RETURN_IF_ERROR(CheckText(q.text, "q", 200));
  if (Words(q.text).size() > kMaxQueryWords)
    return Status::InvalidArgument("at most 10 words", "q");
  return Status::Ok();
}

std::vector<DirectoryMatch> RankProfiles(const std::vector<DirectoryProfile>& profiles,
                                         const DirectoryQuery& q) {
  const std::vector<std::string> words = Words(q.text);
  std::vector<DirectoryMatch> out;
  for (const DirectoryProfile& p : profiles) {
    const ProfileDetails& d = p.details;
    if (q.service && !Contains(d.services, *q.service)) continue;
    if (!q.country.empty() && !ServesCountry(p, q.country)) continue;
    DirectoryMatch m;
    m.profile = &p;
    auto soft = [&m](std::string_view criterion, bool met, int points) {
      (met ? m.matched : m.missed).emplace_back(criterion);
      if (met) m.score += points;
    };
    if (q.service) m.matched.emplace_back(kCriterionService);
    if (!q.country.empty()) m.matched.emplace_back(kCriterionCountry);
    if (q.sex) soft(kCriterionSex, AcceptsSeekerSex(d.accepts_sex, *q.sex), 2);
    if (q.age) soft(kCriterionAge, AcceptsSeekerAge(d.accepts_age, *q.age), 2);
    // An organisation that states no types is not assumed to take every type.
    if (q.exploitation)
      soft(kCriterionExploitation, Contains(d.accepts_exploitation, *q.exploitation), 2);
    if (!q.language.empty()) soft(kCriterionLanguage, Contains(d.languages, q.language), 3);
    if (!words.empty()) {
      const std::string hay = Haystack(p);
      for (const std::string& w : words)
        if (hay.find(w) != std::string::npos) m.words.push_back(w);
      m.score += static_cast<int>(m.words.size());
      (m.words.empty() ? m.missed : m.matched).emplace_back(kCriterionText);
    }
    if (q.service == DirService::kShelter)
      soft(kCriterionBeds, p.capacity.free_beds.value_or(0) > 0, 1);
    out.push_back(std::move(m));
  }
  std::stable_sort(out.begin(), out.end(), [](const DirectoryMatch& a, const DirectoryMatch& b) {
    if (a.score != b.score) return a.score > b.score;
    return a.profile->organisation.name < b.profile->organisation.name;
  });
  return out;
}

}  // namespace trm::domain
