// The person at the centre of a case, with HTCDS v2 person fields. Names are
// kept exactly as written, in any script.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/enums.h"

namespace trm::domain {

struct Person {
  std::string first_name;   // prs_FirstName
  std::string middle_name;  // prs_MiddleName
  std::string second_name;  // prs_SecondName (family name)
  std::optional<std::string> birth_date;  // prs_Birthdate, "YYYY-MM-DD"
  std::optional<int> approximate_age;     // when the birth date is unknown
  Gender gender = Gender::kNonSpecifiedUnknown;  // prs_Gender
  std::vector<std::string> citizenship;  // prs_Citizenship, ISO 3166-1 alpha-2
  std::vector<std::string> languages;    // prs_PrimaryLanguage first, ISO 639-1

  bool operator==(const Person&) const = default;
};

// Checks every field; the first problem found is returned with its field name
// prefixed by `prefix` (e.g. "person.birth_date").
Status ValidatePerson(const Person& p, const std::string& prefix = "person");

}  // namespace trm::domain
