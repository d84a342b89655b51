#include "domain/person.h"

#include <algorithm>

#include "domain/codes.h"
#include "domain/validation.h"

namespace trm::domain {
namespace {

constexpr size_t kMaxNameChars = 200;
constexpr size_t kMaxListItems = 10;

}  // namespace

Status ValidatePerson(const Person& p, const std::string& prefix) {
  RETURN_IF_ERROR(CheckText(p.first_name, prefix + ".first_name", kMaxNameChars));
  RETURN_IF_ERROR(CheckText(p.middle_name, prefix + ".middle_name", kMaxNameChars));
  RETURN_IF_ERROR(CheckText(p.second_name, prefix + ".second_name", kMaxNameChars));
  if (IsBlank(p.first_name) && IsBlank(p.second_name))
    return Status::InvalidArgument("a first name or a second (family) name is required",
                                   prefix + ".first_name");
  for (const auto& [name, field] : {std::pair{&p.first_name, ".first_name"},
                                    std::pair{&p.middle_name, ".middle_name"},
                                    std::pair{&p.second_name, ".second_name"}})
    if (!name->empty() && IsBlank(*name))
      return Status::InvalidArgument("a name cannot be only spaces", prefix + field);
  if (p.birth_date && !IsValidDate(*p.birth_date))
    return Status::InvalidArgument("birth date must be a real date written YYYY-MM-DD",
                                   prefix + ".birth_date");
  if (p.approximate_age && (*p.approximate_age < 0 || *p.approximate_age > 120))
    return Status::InvalidArgument("approximate age must be between 0 and 120",
                                   prefix + ".approximate_age");
  if (p.citizenship.size() > kMaxListItems)
    return Status::InvalidArgument("too many citizenships", prefix + ".citizenship");
  for (const auto& c : p.citizenship)
    if (!IsCountryCode(c))
      return Status::InvalidArgument("unknown country code '" + c + "' (use ISO 3166-1 alpha-2)",
                                     prefix + ".citizenship");
  if (p.languages.size() > kMaxListItems)
    return Status::InvalidArgument("too many languages", prefix + ".languages");
  for (const auto& l : p.languages)
    if (!IsLanguageCode(l))
      return Status::InvalidArgument("unknown language code '" + l + "' (use ISO 639-1)",
                                     prefix + ".languages");
  auto has_dup = [](std::vector<std::string> v) {
    std::sort(v.begin(), v.end());
    return std::adjacent_find(v.begin(), v.end()) != v.end();
  };
  if (has_dup(p.citizenship))
    return Status::InvalidArgument("a citizenship is listed twice", prefix + ".citizenship");
  if (has_dup(p.languages))
    return Status::InvalidArgument("a language is listed twice", prefix + ".languages");
  return Status::Ok();
}

}  // namespace trm::domain
