// Standard code lists: ISO 3166-1 alpha-2 countries and ISO 639-1 languages.
#pragma once

#include <string_view>

namespace trm::domain {

// True for an assigned ISO 3166-1 alpha-2 code in upper case ("TH", "KH").
bool IsCountryCode(std::string_view code);
// True for an ISO 639-1 code in lower case ("th", "km", "my").
bool IsLanguageCode(std::string_view code);

}  // namespace trm::domain
