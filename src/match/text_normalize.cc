#include "match/text_normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "match/utf8.h"

namespace trm::match {
namespace {

bool IsApostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x0060;
}

// Letters, marks and digits are kept; everything else separates words.
bool IsWordChar(char32_t cp) {
  const int8_t type = u_charType(cp);
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_DECIMAL_DIGIT_NUMBER:
      return true;
    default:
      return false;
  }
}

std::string NormalizeAscii(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (c == '\'' || c == '`') continue;
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

}  // namespace

std::string NormalizeText(std::string_view text) {
  if (IsAscii(text)) return NormalizeAscii(text);
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString folded = U_SUCCESS(status) ? nfkc_cf->normalize(src, status) : src;
  if (U_FAILURE(status)) folded = src;

  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (int32_t i = 0; i < folded.length();) {
    const UChar32 cp = folded.char32At(i);
    i += U16_LENGTH(cp);
    if (IsApostrophe(cp)) continue;
    if (!IsWordChar(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    AppendUtf8(static_cast<char32_t>(cp), &out);
  }
  return out;
}

std::string DigitsOnly(std::string_view text) {
  std::string out;
  if (IsAscii(text)) {
    for (char c : text) {
      if (c >= '0' && c <= '9') out.push_back(c);
    }
    return out;
  }
  auto decoded = DecodeUtf8(text);
  if (!decoded.ok()) return out;
  for (char32_t cp : *decoded) {
    const int32_t digit = u_charDigitValue(cp);
    if (digit >= 0 && digit <= 9 && u_charType(cp) == U_DECIMAL_DIGIT_NUMBER) {
      out.push_back(static_cast<char>('0' + digit));
    }
  }
  return out;
}

std::string AlnumUpper(std::string_view text) {
  std::string out;
  auto decoded = DecodeUtf8(text);
  if (!decoded.ok()) return out;
  for (char32_t cp : *decoded) {
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (c >= '0' && c <= '9') out.push_back(c);
      if (c >= 'A' && c <= 'Z') out.push_back(c);
      if (c >= 'a' && c <= 'z') out.push_back(static_cast<char>(c - 'a' + 'A'));
      continue;
    }
    if (u_charType(cp) == U_DECIMAL_DIGIT_NUMBER) {
      const int32_t digit = u_charDigitValue(cp);
      if (digit >= 0 && digit <= 9) out.push_back(static_cast<char>('0' + digit));
      continue;
    }
    // Full-width Latin letters fold to ASCII; other letters are kept upper-cased.
    if (u_isalpha(cp)) {
      UChar32 upper = u_toupper(cp);
      if (upper >= 0xFF21 && upper <= 0xFF3A) upper = upper - 0xFF21 + 'A';
      AppendUtf8(static_cast<char32_t>(upper), &out);
    }
  }
  return out;
}

}  // namespace trm::match
