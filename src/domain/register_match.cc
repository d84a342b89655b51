#include "domain/register_match.h"

#include <algorithm>
#include <functional>

#include "domain/validation.h"

namespace trm::domain {
namespace {

// A name found inside an advert must be at least this long (code points of
// its key), so that a short alias does not match half the adverts.
constexpr size_t kMinNameInText = 5;

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  return std::string(s);
}

using KeyFn = std::function<std::string(std::string_view)>;

// Adds a match when `query` and `value` are the same text, or have the same
// non-empty key.
void Compare(const std::string& query_field, const std::string& query, const std::string& entry_field,
             const std::vector<std::string>& values, const KeyFn& key, std::vector<RegisterMatch>& out) {
  if (IsBlank(query)) return;
  const std::string q = Trimmed(query);
  const std::string qkey = key(q);
  for (const std::string& v : values) {
    const std::string value = Trimmed(v);
    MatchHow how;
    if (value == q) how = MatchHow::kExact;
    else if (!qkey.empty() && key(value) == qkey) how = MatchHow::kNormalised;
    else continue;
    const bool seen = std::any_of(out.begin(), out.end(), [&](const RegisterMatch& m) {
      return m.query_field == query_field && m.entry_field == entry_field && m.entry_value == v;
    });
    if (!seen) out.push_back({query_field, q, entry_field, v, how, 0, {}});
  }
}

}  // namespace

std::string_view Name(MatchHow v) {
  switch (v) {
    case MatchHow::kExact: return "exact";
    case MatchHow::kNormalised: return "normalised";
    case MatchHow::kNameOtherScript: return "name_other_script";
    case MatchHow::kNameSoundsAlike: return "name_sounds_alike";
  }
  return "normalised";
}

Status ValidateCheckQuery(const CheckQuery& q) {
  RETURN_IF_ERROR(CheckText(q.name, "name", 300));
  RETURN_IF_ERROR(CheckText(q.company, "company", 300));
  RETURN_IF_ERROR(CheckText(q.phone, "phone", 50));
  RETURN_IF_ERROR(CheckText(q.handle, "handle", 100));
  RETURN_IF_ERROR(CheckText(q.website, "website", 300));
  RETURN_IF_ERROR(CheckText(q.text, "text", 10000, TextKind::kMultiline));
  if (IsBlank(q.name) && IsBlank(q.company) && IsBlank(q.phone) && IsBlank(q.handle) &&
      IsBlank(q.website) && IsBlank(q.text))
    return Status::InvalidArgument("give a name, a company, a phone number, a chat handle, a website "
                                   "or the text of the advert",
                                   "text");
  return Status::Ok();
}

PreparedCheck::PreparedCheck(const CheckQuery& q) : q_(q) {
  if (!IsBlank(q.text)) {
    extracted_ = ExtractContacts(q.text);
    text_key_ = NameKey(q.text);
  }
}

std::vector<RegisterMatch> PreparedCheck::Match(const RegisterEntry& e) const {
  std::vector<RegisterMatch> out;
  const RegisterDetails& d = e.details;
  const KeyFn name = [](std::string_view s) { return NameKey(s); };
  const KeyFn phone = [&e](std::string_view s) { return PhoneKey(s, e.country); };
  const KeyFn handle = [](std::string_view s) { return HandleKey(s); };
  const KeyFn website = [](std::string_view s) { return WebsiteKey(s); };
  for (const char* field : {"name", "company"}) {
    const std::string& q = std::string_view(field) == "name" ? q_.name : q_.company;
    Compare(field, q, "name", d.names, name, out);
    Compare(field, q, "alias", d.aliases, name, out);
  }
  Compare("phone", q_.phone, "phone", d.phones, phone, out);
  Compare("handle", q_.handle, "handle", d.handles, handle, out);
  Compare("website", q_.website, "website", d.websites, website, out);
  // A t.me/ or line.me/ address typed as a website is a chat handle.
  Compare("website", q_.website, "handle", d.handles, handle, out);
  for (const std::string& p : extracted_.phones) Compare("text", p, "phone", d.phones, phone, out);
  for (const std::string& h : extracted_.handles) Compare("text", h, "handle", d.handles, handle, out);
  for (const std::string& w : extracted_.websites) Compare("text", w, "website", d.websites, website, out);
  if (!text_key_.empty()) {
    for (const auto& [field, values] : {std::pair{"name", &d.names}, std::pair{"alias", &d.aliases}})
      for (const std::string& v : *values) {
        const std::string key = NameKey(v);
        if (CodePointCount(key) < kMinNameInText || text_key_.find(key) == std::string::npos) continue;
        // Exact when the advert has the name as written; then it is the
        // query's own text. A normalised find names no value of the query.
        const bool exact = q_.text.find(Trimmed(v)) != std::string::npos;
        out.push_back({"text", exact ? Trimmed(v) : "", field, v,
                       exact ? MatchHow::kExact : MatchHow::kNormalised, 0, {}});
      }
  }
  return out;
}

}  // namespace trm::domain
