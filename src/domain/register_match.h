// "Check a job offer": how a name, a company, a phone number, a chat handle, a
// website or a pasted advert is compared with the register's entries, and how
// the result explains each match (which field, exact or normalised).
//
// Normalised keys (exact means the values are the same text, trimmed):
//  - names: Unicode NFKC with case folding, then only letters, marks and
//    digits kept (spaces, punctuation and symbols folded away), so
//    "Golden-Star Co., Ltd." == "GOLDEN STAR CO LTD";
//  - phone numbers: digits in international form, using the entry's country
//    for a national number: +66 81 234 5678 == 0812345678 when the entry is in
//    TH (its trunk 0 dropped, its calling code added);
//  - chat handles: folded, "@", "~" and t.me/, telegram.me/, line.me/ti/p/
//    prefixes stripped;
//  - websites: folded host and path without scheme, "www.", query or trailing
//    slash.
// Beyond these keys, the register service asks the matching engine for names
// written in another script or spelled another way (service/register_names.h)
// and adds what it finds as the name_other_script and name_sounds_alike
// kinds, with the engine's probability and how the names agreed.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/register.h"

namespace trm::domain {

// REQUIRES for each: valid UTF-8 (checked by the caller).
std::string FoldText(std::string_view s);  // NFKC + case fold
std::string NameKey(std::string_view name);
std::string PhoneKey(std::string_view phone, std::string_view country);
std::string HandleKey(std::string_view handle);
std::string WebsiteKey(std::string_view url);

// What a pasted advert reveals: phone numbers, chat handles and websites, as
// written (after NFKC), each once, in the order found.
struct AdvertContacts {
  std::vector<std::string> phones;
  std::vector<std::string> handles;
  std::vector<std::string> websites;
};
AdvertContacts ExtractContacts(std::string_view text);

struct CheckQuery {
  std::string name;
  std::string company;
  std::string phone;
  std::string handle;
  std::string website;
  std::string text;  // a pasted job advert
};
// Each field bounded and valid UTF-8, at least one given. InvalidArgument
// naming the field otherwise.
Status ValidateCheckQuery(const CheckQuery& q);

// How a value matched: the same text, the same key, or (names only, by the
// matching engine) the same name in another script, or in the same script
// spelled another way (romanised alike, a typo, the same sound).
enum class MatchHow { kExact, kNormalised, kNameOtherScript, kNameSoundsAlike };
std::string_view Name(MatchHow v);

// One way an entry matched: the query's field ("name", "company", "phone",
// "handle", "website", "text") and value, the entry's field ("name", "alias",
// "phone", "handle", "website") and value, and how. A name matched by the
// engine also carries its probability and how the names agreed.
struct RegisterMatch {
  std::string query_field;
  std::string query_value;
  std::string entry_field;
  std::string entry_value;
  MatchHow how = MatchHow::kNormalised;
  double probability = 0;  // name_* kinds only
  std::string agreement;   // name_* kinds only: the engine's name level ("romanised_exact", ...)
};

// A query prepared once and compared with every entry.
class PreparedCheck {
 public:
  // REQUIRES: ValidateCheckQuery(q).ok().
  explicit PreparedCheck(const CheckQuery& q);
  const AdvertContacts& extracted() const { return extracted_; }
  // Every way `e` matches, without repeats; empty: no match.
  std::vector<RegisterMatch> Match(const RegisterEntry& e) const;

 private:
  CheckQuery q_;
  AdvertContacts extracted_;
  std::string text_key_;  // the whole advert as a name key, for names inside it
};

}  // namespace trm::domain
