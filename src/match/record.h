// The input to matching: one person record as it arrives (from a case file,
// a CSV row, or a search form). Any field may be empty.
#pragma once

#include <optional>
#include <string>

namespace trm::match {

struct Record {
  std::string id;
  std::string full_name;  // any script and order; used when given/family are empty
  std::string given_name;
  std::string family_name;
  std::string birth_date;   // "YYYY-MM-DD", "YYYY-MM", "YYYY" or ""
  std::optional<int> age;   // years at registration, when the birth date is unknown
  std::string sex;          // "m", "f", "x" or a word for them in a regional language
  std::string citizenship;  // ISO 3166 code or a country name
  std::string place;        // place of birth or origin, free text
  std::string phone;
  std::string document_number;  // passport, ID card or other document
};

}  // namespace trm::match
