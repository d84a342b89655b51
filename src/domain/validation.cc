#include "domain/validation.h"

#include <cstdint>

namespace trm::domain {

bool IsValidUtf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = p + s.size();
  while (p < end) {
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (end - p < n + 1) return false;  // truncated sequence
    for (int i = 1; i <= n; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    static constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += n + 1;
  }
  return true;
}

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

bool IsValidDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max;
}

Status CheckText(std::string_view value, std::string_view field, size_t max_chars,
                 TextKind kind) {
  std::string f(field);
  if (!IsValidUtf8(value)) return Status::InvalidArgument(f + " is not valid UTF-8", f);
  const bool multiline = kind == TextKind::kMultiline;
  for (size_t i = 0; i < value.size(); ++i) {
    unsigned char c = value[i];
    bool allowed_space = multiline && (c == '\t' || c == '\n');
    // C1 controls U+0080..U+009F are encoded as C2 80..C2 9F.
    bool c1 = c == 0xC2 && i + 1 < value.size() &&
              static_cast<unsigned char>(value[i + 1]) <= 0x9F;
    if (((c < 0x20 || c == 0x7F) && !allowed_space) || c1)
      return Status::InvalidArgument(f + " contains a control character", f);
  }
  if (CodePointCount(value) > max_chars)
    return Status::InvalidArgument(f + " is longer than " + std::to_string(max_chars) +
                                       " characters",
                                   f);
  return Status::Ok();
}

bool IsBlank(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == ' ') {
      ++i;
    } else if (s.substr(i, 2) == "\xC2\xA0") {  // no-break space
      i += 2;
    } else if (s.substr(i, 3) == "\xE3\x80\x80" ||   // ideographic space
               s.substr(i, 3) == "\xE2\x80\x8B") {   // zero-width space
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace trm::domain
