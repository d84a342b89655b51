// The normalised keys of register_match.h: names, phone numbers, chat
// handles and websites.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "domain/register_match.h"

namespace trm::domain {
namespace {

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool KeptInName(UChar32 c) {
  switch (u_charType(c)) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    // Thai, Lao, Khmer and Burmese vowels and tone marks are marks: a name
    // without them is another name.
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

// Calling codes of the region and of the main destinations of its migrant
// workers; `trunk`: national numbers are written with a leading 0.
struct CallingCode {
  std::string_view country;
  std::string_view code;
  bool trunk;
};
constexpr CallingCode kCallingCodes[] = {
    {"TH", "66", true},   {"KH", "855", true}, {"LA", "856", true}, {"MM", "95", true},
    {"VN", "84", true},   {"MY", "60", true},  {"ID", "62", true},  {"PH", "63", true},
    {"CN", "86", true},   {"SG", "65", false}, {"BN", "673", false}, {"TL", "670", false},
    {"HK", "852", false}, {"MO", "853", false}, {"TW", "886", true}, {"JP", "81", true},
    {"KR", "82", true},   {"IN", "91", true},  {"BD", "880", true}, {"NP", "977", true},
    {"LK", "94", true},   {"PK", "92", true},  {"AE", "971", true}, {"SA", "966", true},
    {"QA", "974", false}, {"KW", "965", false}, {"GB", "44", true},  {"AU", "61", true},
    {"US", "1", false},   {"CA", "1", false},
};

const CallingCode* CallingCodeOf(std::string_view country) {
  for (const CallingCode& c : kCallingCodes)
    if (c.country == country) return &c;
  return nullptr;
}

bool StartsWith(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

void StripPrefix(std::string& s, std::string_view prefix) {
  if (StartsWith(s, prefix)) s.erase(0, prefix.size());
}

// Folded, trimmed, without scheme and "www.".
std::string BareAddress(std::string_view raw) {
  std::string s = FoldText(Trim(raw));
  if (size_t scheme = s.find("://"); scheme != std::string::npos && scheme < 10) s.erase(0, scheme + 3);
  StripPrefix(s, "www.");
  return s;
}

}  // namespace

std::string FoldText(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  const icu::UnicodeString in =
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  if (U_FAILURE(status)) return std::string(s);
  const icu::UnicodeString out = nfkc_cf->normalize(in, status);
  return U_SUCCESS(status) ? ToUtf8(out) : std::string(s);
}

std::string NameKey(std::string_view name) {
  const std::string folded = FoldText(name);
  std::string out;
  const auto* p = reinterpret_cast<const uint8_t*>(folded.data());
  const int32_t n = static_cast<int32_t>(folded.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c >= 0 && KeptInName(c)) out.append(folded, static_cast<size_t>(start), static_cast<size_t>(i - start));
  }
  return out;
}

std::string PhoneKey(std::string_view phone, std::string_view country) {
  const std::string_view raw = Trim(phone);
  std::string digits;
  const auto* p = reinterpret_cast<const uint8_t*>(raw.data());
  const int32_t n = static_cast<int32_t>(raw.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    // Thai, Lao, Khmer, Burmese and full-width digits count as digits.
    if (c >= 0 && u_isdigit(c)) digits += static_cast<char>('0' + u_charDigitValue(c));
  }
  if (digits.empty()) return digits;
  if (StartsWith(raw, "+") || StartsWith(raw, "＋")) return digits;
  if (StartsWith(digits, "00")) return digits.substr(2);
  const CallingCode* cc = CallingCodeOf(country);
  if (cc == nullptr) return digits;
  if (cc->trunk && digits.front() == '0') return std::string(cc->code) + digits.substr(1);
  // Written internationally without "+": the calling code and a full number.
  if (StartsWith(digits, cc->code) && digits.size() >= cc->code.size() + 8) return digits;
  return std::string(cc->code) + digits;
}

std::string HandleKey(std::string_view handle) {
  std::string s = BareAddress(handle);
  for (std::string_view prefix : {"t.me/", "telegram.me/", "telegram.dog/", "line.me/ti/p/",
                                  "line.me/r/ti/p/", "line.me/"})
    if (StartsWith(s, prefix)) {
      s.erase(0, prefix.size());
      break;
    }
  while (!s.empty() && (s.front() == '@' || s.front() == '~')) s.erase(0, 1);
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

std::string WebsiteKey(std::string_view url) {
  std::string s = BareAddress(url);
  if (size_t cut = s.find_first_of("?#"); cut != std::string::npos) s.erase(cut);
  while (!s.empty() && s.back() == '/') s.pop_back();
  return s;
}

}  // namespace trm::domain
