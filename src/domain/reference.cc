#include "domain/reference.h"

#include <string_view>

namespace trm::domain {
namespace {
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
}

std::string MakeCaseReference(const std::array<uint8_t, 8>& random) {
  std::string out = "C-";
  for (int i = 0; i < 8; ++i) {
    if (i == 4) out += '-';
    out += kAlphabet[random[i] % 32];
  }
  return out;
}

bool IsCaseReference(const std::string& s) {
  if (s.size() != 11 || s.substr(0, 2) != "C-" || s[6] != '-') return false;
  for (size_t i = 2; i < s.size(); ++i)
    if (i != 6 && kAlphabet.find(s[i]) == std::string_view::npos) return false;
  return true;
}

}  // namespace trm::domain
