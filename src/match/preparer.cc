#include "match/preparer.h"

#include "match/phonetic.h"
#include "match/text_normalize.h"
#include "match/utf8.h"

namespace trm::match {
namespace {

// Mixes one token hash into an order-free multiset hash.
uint64_t BagTerm(uint32_t token_hash) {
  uint64_t x = token_hash * 0x9E3779B97F4A7C15ull;
  x ^= x >> 29;
  return x * 0xBF58476D1CE4E5B9ull;
}

}  // namespace

PreparedName MakePreparedName(const ParsedName& parsed) {
  PreparedName n;
  if (!parsed.normalized.empty()) n.original_hash = Hash64(parsed.normalized) | 1;
  for (size_t i = 0; i < parsed.tokens.size() && n.count < PreparedName::kMaxTokens; ++i) {
    const std::string& t = parsed.tokens[i];
    if (t.empty() || n.text.size() + t.size() + 1 > 255) break;
    if (!n.text.empty()) n.text.push_back(' ');
    const int k = n.count++;
    n.start[k] = static_cast<uint8_t>(n.text.size());
    n.length[k] = static_cast<uint8_t>(t.size());
    n.text += t;
    n.token_hash[k] = Hash32(t);
    n.phonetic_hash[k] = Hash32(PhoneticKey(t));
    if (parsed.IsOptional(i)) n.optional_mask |= 1u << k;
    if (static_cast<int>(i) == parsed.family_index) n.family_index = static_cast<int8_t>(k);
    if (!parsed.IsOptional(i)) n.bag_hash += BagTerm(n.token_hash[k]);
  }
  return n;
}

Result<std::unique_ptr<Preparer>> Preparer::Load(const std::string& data_dir,
                                                 PrepareOptions options) {
  std::unique_ptr<Preparer> p(new Preparer());
  p->options_ = options;
  ASSIGN_OR_RETURN(p->romanizer_, Romanizer::Load(data_dir));
  ASSIGN_OR_RETURN(p->names_, NameParser::Load(data_dir, p->romanizer_.get()));
  ASSIGN_OR_RETURN(p->vocabulary_, Vocabulary::Load(data_dir));
  return p;
}

ParsedName Preparer::ParseName(const Record& r) const {
  if (!r.given_name.empty() || !r.family_name.empty()) {
    return names_->ParseParts(r.given_name, r.family_name);
  }
  return names_->Parse(r.full_name);
}

Result<PreparedRecord> Preparer::Prepare(const Record& r) const {
  const std::pair<const char*, const std::string*> text_fields[] = {
      {"full_name", &r.full_name},
      {"given_name", &r.given_name},
      {"family_name", &r.family_name},
      {"sex", &r.sex},
      {"citizenship", &r.citizenship},
      {"place", &r.place},
      {"phone", &r.phone},
      {"document_number", &r.document_number}};
  for (const auto& [field, value] : text_fields) {
    if (!IsValidUtf8(*value)) return Status::InvalidArgument("invalid UTF-8", field);
  }
  PreparedRecord p;
  p.name = MakePreparedName(ParseName(r));
  ASSIGN_OR_RETURN(p.birth, ParsePartialDate(r.birth_date));
  if (!p.birth.known() && r.age.has_value()) {
    ASSIGN_OR_RETURN(p.birth, DateFromAge(*r.age, options_.reference_year));
  }
  ASSIGN_OR_RETURN(p.sex, vocabulary_->ParseSex(r.sex));
  const std::string country = vocabulary_->CountryCode(r.citizenship);
  if (!country.empty()) p.citizenship = Hash32(country) | 1;
  if (!r.place.empty()) {
    // Spaces dropped: "Chiang Mai" and "เชียงใหม่" (chiangmai) are one place.
    p.place = romanizer_->Romanize(NormalizeText(r.place));
    std::erase(p.place, ' ');
    if (!p.place.empty()) p.place_hash = Hash32(p.place) | 1;
  }
  const std::string digits = DigitsOnly(r.phone);
  if (digits.size() >= 6) p.phone = digits.size() > 9 ? digits.substr(digits.size() - 9) : digits;
  p.document = AlnumUpper(r.document_number);
  if (!p.document.empty()) p.document_hash = Hash32(p.document) | 1;
  return p;
}

}  // namespace trm::match
