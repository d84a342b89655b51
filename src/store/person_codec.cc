#include "store/person_codec.h"

#include <nlohmann/json.hpp>

namespace trm::store {

using nlohmann::json;

std::string EncodePerson(const domain::Person& p) {
  json j = {{"first_name", p.first_name},
            {"middle_name", p.middle_name},
            {"second_name", p.second_name},
            {"gender", domain::Name(p.gender)},
            {"citizenship", p.citizenship},
            {"languages", p.languages}};
  if (p.birth_date) j["birth_date"] = *p.birth_date;
  if (p.approximate_age) j["approximate_age"] = *p.approximate_age;
  return j.dump();
}

Result<domain::Person> DecodePerson(const std::string& bytes) {
  json j = json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return Status::Internal("stored person is not readable");
  try {
    domain::Person p;
    p.first_name = j.value("first_name", "");
    p.middle_name = j.value("middle_name", "");
    p.second_name = j.value("second_name", "");
    auto g = domain::ParseGender(j.value("gender", "NonSpecifiedUnknown"));
    if (!g) return Status::Internal("stored person has an unknown gender");
    p.gender = *g;
    p.citizenship = j.value("citizenship", std::vector<std::string>{});
    p.languages = j.value("languages", std::vector<std::string>{});
    if (j.contains("birth_date")) p.birth_date = j["birth_date"].get<std::string>();
    if (j.contains("approximate_age")) p.approximate_age = j["approximate_age"].get<int>();
    return p;
  } catch (const json::exception& e) {
    return Status::Internal(std::string("stored person is malformed: ") + e.what());
  }
}

}  // namespace trm::store
