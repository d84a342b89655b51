#include "domain/library.h"

#include <algorithm>
#include <set>

#include "domain/codes.h"
#include "domain/enum_table.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr EnumTable<DocumentKind, 6> kKinds{{
    {DocumentKind::kMou, "mou"},
    {DocumentKind::kSop, "sop"},
    {DocumentKind::kHandbook, "handbook"},
    {DocumentKind::kRightsNotice, "rights_notice"},
    {DocumentKind::kForm, "form"},
    {DocumentKind::kOther, "other"},
}};
constexpr EnumTable<DocumentStatus, 2> kStatuses{{
    {DocumentStatus::kPublished, "published"},
    {DocumentStatus::kWithdrawn, "withdrawn"},
}};

constexpr size_t kTitleMax = 300;
constexpr size_t kSummaryMax = 4000;
constexpr size_t kReasonMax = 2000;
constexpr size_t kMaxCountries = 50;
constexpr size_t kMaxOrganisations = 50;
constexpr size_t kMaxQueryWords = 10;

template <typename T>
bool HasDuplicates(const std::vector<T>& v) {
  return std::set<T>(v.begin(), v.end()).size() != v.size();
}

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
    if (!cur.empty() && std::find(out.begin(), out.end(), cur) == out.end()) out.push_back(cur);
    cur.clear();
  };
  for (char c : Fold(text)) {
    if (c == ' ' || c == '\t' || c == ',' || c == ';')
      flush();
    else
      cur += c;
  }
  flush();
  return out;
}

bool AnyVersion(const DocumentEntry& d, const auto& pred) {
  return std::any_of(d.versions.begin(), d.versions.end(), pred);
}

}  // namespace

std::string_view Name(DocumentKind v) { return EnumName(kKinds, v); }
std::string_view Name(DocumentStatus v) { return EnumName(kStatuses, v); }
std::optional<DocumentKind> ParseDocumentKind(std::string_view s) { return EnumParse(kKinds, s); }
std::optional<DocumentStatus> ParseDocumentStatus(std::string_view s) { return EnumParse(kStatuses, s); }

Status ValidateDocumentTitle(const std::string& title) {
  RETURN_IF_ERROR(CheckText(title, "title", kTitleMax));
  if (IsBlank(title)) return Status::InvalidArgument("a document needs a title", "title");
  return Status::Ok();
}

Status ValidateVersionDetails(DocumentKind kind, const DocumentVersion& v) {
  if (!IsLanguageCode(v.language))
    return Status::InvalidArgument("unknown language code (use ISO 639-1, e.g. km)", "language");
  if (v.countries.empty())
    return Status::InvalidArgument("name at least one country the document applies to", "countries");
  if (v.countries.size() > kMaxCountries) return Status::InvalidArgument("too many countries", "countries");
  for (size_t i = 0; i < v.countries.size(); ++i)
    if (!IsCountryCode(v.countries[i]))
      return Status::InvalidArgument("unknown country code (use ISO 3166-1, e.g. KH)",
                                     "countries[" + std::to_string(i) + "]");
  if (HasDuplicates(v.countries)) return Status::InvalidArgument("a country is listed twice", "countries");
  if (v.organisations.size() > kMaxOrganisations)
    return Status::InvalidArgument("too many organisations", "organisations");
  for (size_t i = 0; i < v.organisations.size(); ++i)
    if (v.organisations[i] < 1)
      return Status::InvalidArgument("not an organisation id", "organisations[" + std::to_string(i) + "]");
  if (HasDuplicates(v.organisations))
    return Status::InvalidArgument("an organisation is listed twice", "organisations");
  if (kind == DocumentKind::kMou && v.organisations.empty())
    return Status::InvalidArgument("name the organisations party to the MOU", "organisations");
  if (!IsValidDate(v.effective_date))
    return Status::InvalidArgument("effective_date must be a date YYYY-MM-DD", "effective_date");
  return CheckText(v.summary, "summary", kSummaryMax, TextKind::kMultiline);
}

Status ValidateWithdrawalReason(const std::string& reason) {
  RETURN_IF_ERROR(CheckText(reason, "reason", kReasonMax, TextKind::kMultiline));
  if (IsBlank(reason)) return Status::InvalidArgument("say why the document is withdrawn", "reason");
  return Status::Ok();
}

Status ValidateLibraryQuery(const LibraryQuery& q) {
  if (!q.country.empty() && !IsCountryCode(q.country))
    return Status::InvalidArgument("unknown country code (use ISO 3166-1, e.g. KH)", "country");
  if (!q.language.empty() && !IsLanguageCode(q.language))
    return Status::InvalidArgument("unknown language code (use ISO 639-1, e.g. km)", "language");
  RETURN_IF_ERROR(CheckText(q.text, "q", 200));
  if (Words(q.text).size() > kMaxQueryWords) return Status::InvalidArgument("at most 10 words", "q");
  return Status::Ok();
}

std::vector<DocumentEntry> FilterDocuments(std::vector<DocumentEntry> docs, const LibraryQuery& q) {
  const std::vector<std::string> words = Words(q.text);
  std::vector<DocumentEntry> out;
  for (DocumentEntry& d : docs) {
    if (q.kind && d.document.kind != *q.kind) continue;
    if (!q.include_withdrawn && d.document.status == DocumentStatus::kWithdrawn) continue;
    if (!q.country.empty() && !AnyVersion(d, [&](const DocumentVersion& v) {
          return std::find(v.countries.begin(), v.countries.end(), q.country) != v.countries.end();
        }))
      continue;
    if (!q.language.empty() &&
        !AnyVersion(d, [&](const DocumentVersion& v) { return v.language == q.language; }))
      continue;
    if (!words.empty()) {
      std::string hay = d.document.title;
      for (const DocumentVersion& v : d.versions) hay += "\n" + v.summary + "\n" + v.filename;
      hay = Fold(hay);
      if (!std::all_of(words.begin(), words.end(),
                       [&](const std::string& w) { return hay.find(w) != std::string::npos; }))
        continue;
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace trm::domain
