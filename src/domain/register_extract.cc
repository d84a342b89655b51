// Finding phone numbers, chat handles and websites in a pasted job advert
// (ExtractContacts in register_match.h). Adverts are short and informal:
// "Work in Malaysia, 15000 baht! Call +66 81 234 5678, LINE: goldjobs or
// t.me/goldjobs, www.gold-jobs.com". What is found is only a query: a wrong
// guess matches nothing, a missed one can still be typed into its own field.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <optional>

#include "domain/register_match.h"

namespace trm::domain {
namespace {

struct CodePoint {
  UChar32 c;
  size_t begin;  // byte offsets in the text
  size_t end;
};

std::vector<CodePoint> Decode(const std::string& s) {
  std::vector<CodePoint> out;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    out.push_back({c, static_cast<size_t>(start), static_cast<size_t>(i)});
  }
  return out;
}

std::string Nfkc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return std::string(s);
  icu::UnicodeString out = nfkc->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))), status);
  std::string utf8;
  if (U_SUCCESS(status)) out.toUTF8String(utf8);
  return U_SUCCESS(status) ? utf8 : std::string(s);
}

void AddOnce(std::vector<std::string>& v, std::string s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

bool IsDigit(UChar32 c) { return c >= 0 && u_isdigit(c); }
bool IsPhoneSeparator(UChar32 c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; }

// Dates written like phone numbers: 2026-03-15, 15-03-2026, 15.03.2026.
bool LooksLikeDate(const std::vector<int>& groups) {
  if (groups.size() != 3) return false;
  return (groups[0] == 4 && groups[1] == 2 && groups[2] == 2) ||
         (groups[0] == 2 && groups[1] == 2 && groups[2] == 4);
}

// Runs of digits with single separators between them, 8 to 15 digits. A run
// must start with "+" or 0 (how numbers are written in adverts) unless it is
// digits and spaces only, so that salaries ("15.000-20.000") are not numbers.
void FindPhones(const std::string& text, const std::vector<CodePoint>& cps, AdvertContacts& out) {
  for (size_t i = 0; i < cps.size(); ++i) {
    const bool plus = cps[i].c == '+';
    if (!plus && !IsDigit(cps[i].c)) continue;
    if (i > 0 && (u_isalnum(cps[i - 1].c) || cps[i - 1].c == '+')) continue;
    size_t j = plus ? i + 1 : i;
    size_t last_digit = i;
    int digits = 0, run = 0, separators_in_a_row = 0;
    bool punctuated = false;
    std::vector<int> groups;
    std::string first_digit;
    for (; j < cps.size(); ++j) {
      if (IsDigit(cps[j].c)) {
        if (digits == 0) first_digit = std::to_string(u_charDigitValue(cps[j].c));
        ++digits;
        ++run;
        last_digit = j;
        separators_in_a_row = 0;
      } else if (IsPhoneSeparator(cps[j].c) && ++separators_in_a_row <= 2) {
        if (run > 0) groups.push_back(run);
        run = 0;
        punctuated = punctuated || cps[j].c != ' ';
      } else {
        break;
      }
      if (digits > 15) break;
    }
    if (run > 0) groups.push_back(run);
    if (digits >= 8 && digits <= 15 && !LooksLikeDate(groups) && (plus || first_digit == "0" || !punctuated))
      AddOnce(out.phones, text.substr(cps[i].begin, cps[last_digit].end - cps[i].begin));
    i = std::max(i, last_digit);
  }
}

bool IsHandleChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '.' || c == '-';
}
bool IsHandle(std::string_view s) {
  if (s.size() < 2 || s.size() > 64) return false;
  bool letter = false;
  for (char c : s) {
    if (!IsHandleChar(c)) return false;
    letter = letter || (c < '0' || c > '9');
  }
  return letter;  // digits only: a phone number, found as one
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// The endings a bare domain must have to be taken for a website.
bool KnownTopLevel(std::string_view tld) {
  for (std::string_view t : {"com", "net", "org", "info", "biz", "asia", "co", "th", "kh", "la", "mm",
                             "vn", "sg", "my", "id", "ph", "cn", "tw", "hk", "jp", "kr", "io", "me",
                             "jobs", "work", "site", "online", "xyz", "top", "shop", "club"})
    if (tld == t) return true;
  return false;
}

bool LooksLikeDomain(std::string_view token) {
  const std::string_view host = token.substr(0, token.find('/'));
  const size_t dot = host.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  for (char c : host)
    if (!IsHandleChar(c)) return false;
  return KnownTopLevel(Lower(host.substr(dot + 1)));
}

bool IsChatHost(std::string_view lower) {
  for (std::string_view h : {"t.me/", "telegram.me/", "telegram.dog/", "line.me/"})
    if (lower.substr(0, h.size()) == h) return true;
  return false;
}

// Words that announce a chat handle: "LINE: goldjobs", "Telegram goldjobs".
// "ID" only with a colon ("LINE ID: goldjobs"): "ID card required" is not one.
bool IsChatLabel(std::string_view lower, bool with_colon) {
  if (with_colon && lower == "id") return true;
  for (std::string_view l : {"line", "lineid", "telegram", "tg", "wechat", "viber", "zalo", "signal",
                             "imo", "skype", "kakao", "ไลน์", "ไอดีไลน์", "微信"})
    if (lower == l) return true;
  return false;
}

// "label:value" split at its colon when the label announces a handle.
std::optional<std::string> AfterLabel(const std::string& token) {
  for (std::string_view colon : {":", "："}) {
    const size_t at = token.find(colon);
    if (at == std::string::npos || token.compare(at, 3, "://") == 0) continue;
    if (IsChatLabel(Lower(token.substr(0, at)), true)) return token.substr(at + colon.size());
  }
  return std::nullopt;
}

// Text between spaces and brackets, without punctuation around it.
std::vector<std::string> Tokens(const std::string& text, const std::vector<CodePoint>& cps) {
  std::vector<std::string> out;
  size_t start = 0;
  auto flush = [&](size_t end) {
    std::string t = text.substr(start, end - start);
    while (!t.empty() && std::string_view(".,;!?)]}'\"").find(t.back()) != std::string_view::npos) t.pop_back();
    while (!t.empty() && std::string_view("([{'\"").find(t.front()) != std::string_view::npos) t.erase(0, 1);
    if (!t.empty()) out.push_back(t);
  };
  for (const CodePoint& cp : cps) {
    const bool split = u_isUWhiteSpace(cp.c) || cp.c == ',' || cp.c == ';' || cp.c == '<' ||
                       cp.c == '>' || cp.c == 0x3001 /* 、 */ || cp.c == 0x300C || cp.c == 0x300D;
    if (!split) continue;
    flush(cp.begin);
    start = cp.end;
  }
  flush(text.size());
  return out;
}

void FindAddresses(const std::string& text, const std::vector<CodePoint>& cps, AdvertContacts& out) {
  bool after_label = false;
  for (std::string token : Tokens(text, cps)) {
    bool labelled = after_label;
    after_label = false;
    if (auto value = AfterLabel(token)) {
      if (value->empty()) {
        after_label = true;
        continue;
      }
      token = *value;
      labelled = true;
    }
    const std::string lower = Lower(token);
    if (IsChatLabel(lower, false)) {
      after_label = true;
      continue;
    }
    if (token == ":" || token == "-" || token == "：") {
      after_label = labelled;
      continue;
    }
    std::string bare = lower;
    if (bare.rfind("https://", 0) == 0) bare.erase(0, 8);
    else if (bare.rfind("http://", 0) == 0) bare.erase(0, 7);
    const bool url = bare.size() != lower.size() || bare.rfind("www.", 0) == 0 || LooksLikeDomain(bare);
    if (bare.rfind("www.", 0) == 0) bare.erase(0, 4);
    if (url && IsChatHost(bare)) AddOnce(out.handles, token);
    else if (url) AddOnce(out.websites, token);
    else if (token.front() == '@' && IsHandle(std::string_view(token).substr(1))) AddOnce(out.handles, token);
    else if (labelled && IsHandle(token)) AddOnce(out.handles, token);
  }
}

}  // namespace

AdvertContacts ExtractContacts(std::string_view raw) {
  const std::string text = Nfkc(raw);
  const std::vector<CodePoint> cps = Decode(text);
  AdvertContacts out;
  FindPhones(text, cps, out);
  FindAddresses(text, cps, out);
  return out;
}

}  // namespace trm::domain
